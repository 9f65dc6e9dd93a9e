import type { Lifecycle, Permission, SystemCan, SystemActionName } from '@forvalta/contracts';
import type { AnyActor } from '../../access/actor.ts';
import type { Subject } from '../../access/authorise.ts';
import { canOn } from '../../access/record-actions.ts';

/**
 * The permission of each action on a system. The use cases are declared with these entries
 * (systems, assignments, duties here; integrations, risk analyses, reviews and change notices in
 * their modules), and a system's `can` is computed from the same table on the same subject
 * (systemSubject: owner department and current stewards), so the two cannot part.
 */
export const systemActions = {
  update: 'system.update',
  delete: 'system.delete',
  confirm: 'system.confirm',
  assign: 'system.assign',
  updateDuties: 'system.updateDuties',
  changeOwner: 'system.changeOwner',
  writeIntegrations: 'integration.write',
  readRiskAnalyses: 'riskAnalysis.read',
  writeRiskAnalyses: 'riskAnalysis.write',
  writeReviews: 'review.write',
  reportChange: 'changeNotice.create',
} as const satisfies Record<SystemActionName, Permission>;

/**
 * Decisions that are the owner's, never a steward's (§4.2): deleting the record, appointing its
 * managers and moving it to another owner. Their use cases authorise on the owner department
 * alone (ownerSubject), and so does their `can`.
 */
const ownerDecisions = ['delete', 'assign', 'changeOwner'] as const satisfies readonly SystemActionName[];

/** The subject of an owner decision: the owner department, stewardship left out. */
export const ownerSubject = (subject: Subject): Subject => ({ departmentId: subject.departmentId });

/**
 * What `actor` may do with a system whose subject (systemSubject) and lifecycle are given. The
 * states mirror the services' refusals: only a planned system is deleted, a retired one gets no
 * manager, and moving a system to another owner is an update as well.
 */
export function systemAbilities(actor: AnyActor, subject: Subject, lifecycle: Lifecycle): SystemCan {
  const stewarded = canOn(actor, systemActions, subject);
  const owned = canOn(actor, pick(systemActions, ownerDecisions), ownerSubject(subject), {
    delete: lifecycle === 'planned',
    assign: lifecycle !== 'retired',
  });
  return { ...stewarded, ...owned, changeOwner: owned.changeOwner && stewarded.update };
}

function pick<Key extends string, Value>(record: Record<Key, Value>, keys: readonly Key[]): Record<Key, Value> {
  return Object.fromEntries(keys.map((key) => [key, record[key]])) as Record<Key, Value>;
}
