import type { Permission } from '@forvalta/contracts';
import type { AnyActor } from './actor.ts';
import { can, type Subject } from './authorise.ts';

/**
 * A record's `can` (`{ update: true, delete: false }`): for each action, whether the actor holds
 * the permission of the use case that performs it, on the same subject the use case authorises
 * (department scope and stewardship included), and whether the record's state allows it now.
 * `actions` is the module's one table of its actions' permissions; its use cases are declared
 * with the same entries, so what a record says and what the service enforces cannot part.
 */
export function canOn<Name extends string>(
  actor: AnyActor,
  actions: Readonly<Record<Name, Permission>>,
  subject: Subject | undefined,
  stateAllows: Partial<Record<Name, boolean>> = {},
): Record<Name, boolean> {
  const result = {} as Record<Name, boolean>;
  for (const name of Object.keys(actions) as Name[]) {
    result[name] = (stateAllows[name] ?? true) && can(actor, actions[name], subject);
  }
  return result;
}
