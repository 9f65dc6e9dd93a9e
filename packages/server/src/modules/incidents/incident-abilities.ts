import type { IncidentActionName, Permission } from '@forvalta/contracts';
import type { AnyActor } from '../../access/actor.ts';
import type { Subject } from '../../access/authorise.ts';
import { canOn } from '../../access/record-actions.ts';

/** The permission of each action on an incident; the use cases are declared with the same entries. */
export const incidentActions = {
  update: 'incident.record',
  recordReport: 'incident.record',
} as const satisfies Record<IncidentActionName, Permission>;

/** A report can be recorded while the incident is significant and a report is still unsent. */
export const incidentAbilities = (actor: AnyActor, incident: { significant: boolean; reports: readonly unknown[] }) =>
  canOn(actor, incidentActions, undefined, { recordReport: incident.significant && incident.reports.length < 3 });

/**
 * The subjects an incident is read by: one per affected system (its owner department, for a
 * department head, and its stewards). An incident whose systems are all deleted is the IT unit's alone.
 */
export function incidentReadSubjects(
  systems: ReadonlyArray<{ id: string; ownerDepartmentId: string | null }>,
  stewards: ReadonlyMap<string, readonly string[]>,
): Subject[] {
  if (systems.length === 0) return [{ departmentId: null }];
  return systems.map((system) => ({ departmentId: system.ownerDepartmentId, stewardPersonIds: stewards.get(system.id) ?? [] }));
}
