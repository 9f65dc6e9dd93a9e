import type { Duty, DutyKey, DutyRegisterEvidence } from '@forvalta/contracts';
import { actorName } from '../../access/actor.ts';
import { municipalityOf } from '../../access/authorise.ts';
import { useCase } from '../../access/use-case.ts';
import type { Clock } from '../../platform/clock.ts';
import type { DatabaseHandle, Executor, TransactionHandle } from '../../platform/database.ts';
import type { ExpectedVersion } from '../../platform/http/versioning.ts';
import { versionedWrites } from '../../platform/versioned-write.ts';
import { systemDutiesRepository } from './system-duties.repository.ts';
import { systemActions } from './system-abilities.ts';
import type { SystemsService } from './systems.service.ts';

/**
 * What the register knows of a duty beyond its keepers' word (a port, ADR 0013: the access-rights
 * module is built on systems, so the composition passes its reading in). Today one duty has such
 * evidence: "administer access rights" (§4.2.3), the system's open rights and their last recertification.
 */
export interface DutyEvidenceSource {
  accessRights(db: Executor, municipalityId: string, systemId: string): Promise<DutyRegisterEvidence>;
}

/**
 * The eight duties of a system's manager (§4.2.3, ITP-4.2.3-DUTIES): their status and evidence,
 * recorded and thereby confirmed by those who keep the system.
 */
export function createSystemDutiesService(db: DatabaseHandle, clock: Clock, systems: SystemsService, evidence: DutyEvidenceSource) {
  const versioned = versionedWrites(db, clock);

  /** The stored duties with the register's own evidence beside the access-rights duty. */
  const dutiesOf = async (executor: Executor, municipalityId: string, systemId: string): Promise<Duty[]> => {
    const duties = await systemDutiesRepository.list(executor, municipalityId, systemId);
    if (!duties.some((duty) => duty.duty === 'access_rights')) return duties;
    const accessRights = await evidence.accessRights(executor, municipalityId, systemId);
    return duties.map((duty) => (duty.duty === 'access_rights' ? { ...duty, registerEvidence: accessRights } : duty));
  };

  return {
    listDuties: useCase('system.read', async ({ actor, authorise }, systemId: string) => {
      const municipalityId = municipalityOf(actor);
      // Reading the register is not department-scoped (as getSystem): the subject is not passed.
      await systems.authorisedSystem(db, municipalityId, systemId, () => authorise());
      const items = await dutiesOf(db, municipalityId, systemId);
      return { items, total: items.length, nextCursor: null };
    }),

    /** Recording a duty's status and evidence is also its confirmation, dated and named. */
    updateDuty: useCase(
      systemActions.updateDuties,
      async (
        { actor, authorise },
        systemId: string,
        duty: DutyKey,
        expectedVersion: ExpectedVersion,
        input: { status: string; evidence?: string | null },
      ) => {
        const municipalityId = municipalityOf(actor);
        const findDuty = async (transaction: TransactionHandle) =>
          (await dutiesOf(transaction, municipalityId, systemId)).find((candidate) => candidate.duty === duty);
        return versioned.update(actor, {
          entity: 'Duty',
          expectedVersion,
          load: findDuty,
          authorise: async (_before, transaction) => {
            await systems.authorisedSystem(transaction, municipalityId, systemId, (subject) => authorise(subject));
          },
          apply: (transaction, _before, version) => {
            const values = {
              status: input.status,
              evidence: input.evidence ?? null,
              confirmedAt: clock.now().toISOString(),
              confirmedByName: actorName(actor),
            };
            return systemDutiesRepository.update(transaction, municipalityId, systemId, duty, version, values);
          },
          audit: (before, after) => ({ action: 'update', entityType: 'system_duty', entityId: `${systemId}:${duty}`, before, after }),
        });
      },
    ),
  };
}

export type SystemDutiesService = ReturnType<typeof createSystemDutiesService>;
