import type { AuditEventListQuery, AuditLatestVerification, AuditVerificationResult } from '@forvalta/contracts';
import type { SystemActor } from '../../access/actor.ts';
import { municipalityOf } from '../../access/authorise.ts';
import { useCase } from '../../access/use-case.ts';
import type { AuditVerification } from '../../platform/audit-verify.ts';
import type { Clock } from '../../platform/clock.ts';
import type { DatabaseHandle } from '../../platform/database.ts';
import { notFound } from '../../platform/errors.ts';
import { namesReferencedBy } from './audit-event-names.repository.ts';
import { createAuditEventsExport } from './audit-events-export.ts';
import { auditEventsRepository } from './audit-events.repository.ts';
import { verifyMunicipalityChain } from './audit-verification.ts';

/** The audit log (händelselogg) of the current municipality, for administrators and auditors. */
export function createAuditEventsService(db: DatabaseHandle, clock: Clock) {
  return {
    ...createAuditEventsExport(db, clock),

    /** Recomputes the caller's municipality's chain with the audit key; only that chain is named. */
    verifyAuditLog: useCase('auditEvent.read', async ({ actor, authorise }): Promise<AuditVerificationResult> => {
      authorise();
      return verifyMunicipalityChain(db, clock, municipalityOf(actor));
    }),

    /** What the nightly verification found last (the banner's source): a read of its stored result, no recomputation. */
    latestVerification: useCase('auditEvent.read', async ({ actor, authorise }): Promise<AuditLatestVerification> => {
      authorise();
      const row = await auditEventsRepository.latestVerification(db, municipalityOf(actor));
      return {
        latest: row
          ? { intact: Boolean(row.intact), checkedAt: row.checked_at, events: row.events, problems: row.problems, keyId: row.key_id }
          : null,
      };
    }),

    /**
     * The scheduled verification's result, one row per municipality: the job verified every chain
     * at once and each municipality's people see their own chain's outcome. The system actor only.
     */
    async recordNightlyVerification(_actor: SystemActor, municipalityIds: readonly string[], verification: AuditVerification) {
      const checkedAt = clock.now().toISOString();
      for (const municipalityId of municipalityIds) {
        const problems = verification.problems.filter((problem) => problem.chainId === municipalityId).length;
        await auditEventsRepository.saveVerification(db, {
          municipalityId,
          checkedAt,
          intact: problems === 0,
          events: verification.eventsByChain[municipalityId] ?? 0,
          problems,
          keyId: verification.keyId,
        });
      }
    },

    listAuditEvents: useCase('auditEvent.read', async ({ actor, authorise }, query: AuditEventListQuery) => {
      authorise();
      const municipalityId = municipalityOf(actor);
      const page = await auditEventsRepository.list(db, municipalityId, query);
      return { ...page, names: await namesReferencedBy(db, municipalityId, page.items) };
    }),

    getAuditEvent: useCase('auditEvent.read', async ({ actor, authorise }, id: string) => {
      authorise();
      const event = await auditEventsRepository.findById(db, municipalityOf(actor), id);
      if (!event) throw notFound('Audit event');
      return event;
    }),
  };
}

export type AuditEventsService = ReturnType<typeof createAuditEventsService>;
