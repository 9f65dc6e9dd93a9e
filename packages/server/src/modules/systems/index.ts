/**
 * The systems module's public entry: the register of business systems, their assignments
 * (owner, manager, deputies), duties and export. Other modules import only this file
 * (.dependency-cruiser.cjs); bulk loaders use bulk.ts.
 */
import type { Executor } from '../../platform/database.ts';
import { systemAssignmentsRepository } from './system-assignments.repository.ts';
import { systemsRepository } from './systems.repository.ts';

export {
  createSystemsService,
  responsibilityChangedEvent,
  systemSubject,
  withSystemAbilities,
  type SystemCheck,
  type SystemDependents,
  type SystemsService,
} from './systems.service.ts';
/** The permission of each action on a system, and what a caller may do with one (a system's `can`). */
export { systemAbilities, systemActions } from './system-abilities.ts';
export { createSystemAssignmentsService, type SystemAssignmentsService } from './system-assignments.service.ts';
export { createSystemDutiesService, type DutyEvidenceSource, type SystemDutiesService } from './system-duties.service.ts';
export { createSystemsExport, type SystemsExport } from './systems-export.service.ts';
export { registerSystemRoutes, type SystemGraphSource } from './systems.routes.ts';
/** The SQL condition "assignment in force on this day", for modules that read assignments with their own rows. */
export { currentAssignment } from './system-queries.ts';
/** The to-do list's confirmation task of a system's manager and deputies (issue #13). */
export { systemRecordTaskSource } from './system-tasks.ts';
export type { StewardedSystem } from './system-assignments.repository.ts';

/** Reads other modules make of the register, in the caller's executor; no authorisation (the caller's service does it). */
export const systemReads = {
  findSystem: systemsRepository.findById.bind(systemsRepository),
  systemNames: systemsRepository.namesByIds.bind(systemsRepository),
  /** The systems a person manages or deputises for today (retired ones left out). */
  stewardedSystemsOf: systemAssignmentsRepository.stewardedSystemsOf.bind(systemAssignmentsRepository),
  /** The current managers' and deputies' person ids of each system, in one query: for `can` on a page of records. */
  async stewardPersonIds(executor: Executor, municipalityId: string, systemIds: string[], today: string) {
    const stewards = await systemsRepository.currentStewards(executor, municipalityId, [...new Set(systemIds)], today);
    return new Map([...stewards].map(([systemId, rows]) => [systemId, rows.map((row) => row.person_id)]));
  },
};
