import type { Permission } from '@forvalta/contracts';
import type { AnyActor, SystemActor } from './actor.ts';
import { forbidden } from '../platform/errors.ts';
import { can, requirePermission, type Subject } from './authorise.ts';

/**
 * A use case declares its permission once. Its body gets `authorise`, bound to that permission:
 * the body passes the subject (department, stewards) once it has loaded it, and cannot check a
 * different permission by mistake. The route takes `permission` from the use case it calls, so the
 * route-permission snapshot says what the service enforces (test/route-permissions.test.ts calls
 * every route's handler and compares).
 */
export interface UseCaseContext {
  actor: AnyActor;
  /**
   * Throws `forbidden` (with `refusal` as its detail, if given) unless the actor holds the use
   * case's permission (on `subject`, if given). A use case must call it before it answers.
   */
  authorise(subject?: Subject, refusal?: string): void;
  /** Whether `authorise(subject)` would pass, to choose among subjects (one end of an integration suffices). */
  may(subject?: Subject): boolean;
}

export type UseCase<Args extends unknown[], Result> = ((actor: AnyActor, ...args: Args) => Promise<Result>) & {
  readonly permission: Permission;
};

type UseCaseListener = (permission: Permission) => void;
const listeners = new Set<UseCaseListener>();

/**
 * Tells `listener` the permission of every use case as it is called (the route-permission test
 * uses it to learn which use case a route's handler runs). Returns the function that stops it.
 */
export function observeUseCases(listener: UseCaseListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useCase<Args extends unknown[], Result>(
  permission: Permission,
  body: (context: UseCaseContext, ...args: Args) => Promise<Result>,
): UseCase<Args, Result> {
  const run = async (actor: AnyActor, ...args: Args): Promise<Result> => {
    for (const listener of listeners) listener(permission);
    let authorised = false;
    const authorise = (subject?: Subject, refusal?: string) => {
      if (refusal !== undefined && !can(actor, permission, subject)) throw forbidden(refusal);
      requirePermission(actor, permission, subject);
      authorised = true;
    };
    const may = (subject?: Subject) => can(actor, permission, subject);
    const result = await body({ actor, authorise, may }, ...args);
    // A use case that answers without checking its permission is a hole, not a feature: fail loudly.
    if (!authorised) throw new Error(`A use case declared ${permission} but returned without authorising it.`);
    return result;
  };
  return Object.assign(run, { permission });
}

/**
 * The few service functions that check no permission (the CLI, the demo loader, scheduled jobs and
 * the test harness call them) demand the system actor, so a person's request cannot reach them.
 */
export function requireSystemActor(actor: AnyActor): asserts actor is SystemActor {
  if (actor.kind !== 'system') throw new Error('Only the system actor (CLI, jobs, demo loader) may call this.');
}
