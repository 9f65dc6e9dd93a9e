import type { AcknowledgementRenewal } from '@forvalta/contracts';
import { systemActor, type AnyActor, type SystemActor } from '../../access/actor.ts';
import { requireSystemActor } from '../../access/use-case.ts';
import { recordAudit } from '../../platform/audit.ts';
import { swedishToday } from '../../platform/calendar.ts';
import type { Clock } from '../../platform/clock.ts';
import { withTransaction, type DatabaseHandle, type TransactionHandle } from '../../platform/database.ts';
import type { AdoptedVersion } from '../documents/index.ts';
import { acknowledgementCoverageRepository } from './acknowledgement-coverage.repository.ts';
import { acknowledgementRenewal } from './acknowledgement-renewal.ts';
import { acknowledgementRequestsRepository, type RequestTerms } from './acknowledgement-requests.repository.ts';
import { dueDateFrom, resolveAudience } from './acknowledgement-terms.ts';

/** What an adoption did to the requests, as its audit event records it. */
export interface AdoptionRequests {
  renewal: AcknowledgementRenewal;
  /** New requests (and so to-do entries). */
  asked: number;
  /** Acknowledgements of the replaced version carried over (editorial). */
  carriedOver: number;
  /** Open requests of the replaced version carried over with their due date (editorial). */
  openCarriedOver: number;
  /** Open requests of earlier versions closed. */
  withdrawn: number;
  dueDate: string;
}

/**
 * The requests of acknowledgement (ITP-12-CHANGE-INFORM, ITP-3-INFORM-NEW): made set-based in the
 * transaction of what causes them, each cause audited with one event for the whole set (ADR 0016):
 * the rows follow from the event's terms (the version, its audience, the day), as a bulk load's do.
 */
export function createAcknowledgementRequestsService(db: DatabaseHandle, clock: Clock) {
  async function termsFor(
    transaction: TransactionHandle,
    municipalityId: string,
    document: { id: string; versionId: string; audienceDepartmentIds: readonly string[] },
    today: string,
  ): Promise<RequestTerms> {
    return {
      municipalityId,
      documentId: document.id,
      versionId: document.versionId,
      audience: await resolveAudience(transaction, municipalityId, document.audienceDepartmentIds),
      today,
      dueDate: await dueDateFrom(transaction, municipalityId, today),
      now: clock.now().toISOString(),
    };
  }

  /** For every current version asking acknowledgement: requests for the active employees of its audience not asked yet (or for one person). */
  async function requestCurrentVersions(
    transaction: TransactionHandle,
    actor: AnyActor,
    municipalityId: string,
    today: string,
    personId?: string,
  ) {
    const documents = await acknowledgementCoverageRepository.documentsAskingAcknowledgement(transaction, municipalityId);
    let total = 0;
    for (const document of documents) {
      const terms = await termsFor(transaction, municipalityId, { ...document, versionId: document.currentVersionId! }, today);
      const asked = await acknowledgementRequestsRepository.requestMissing(transaction, terms, personId);
      if (asked === 0) continue;
      total += asked;
      await recordAudit(transaction, actor, clock, {
        action: 'acknowledgements_requested',
        entityType: 'policy_document_version',
        entityId: document.currentVersionId,
        after: {
          documentId: document.id,
          reason: personId ? 'person_registered' : 'start_date_reached',
          personId,
          asked,
          dueDate: terms.dueDate,
        },
        municipalityId,
      });
    }
    return total;
  }

  return {
    /**
     * The documents module's VersionAdoptedListener: in the adoption's transaction, the requests
     * the one rule (acknowledgement-renewal.ts) calls for, one statement per step, whatever the
     * number of people; the replaced versions' open requests are withdrawn.
     */
    async onVersionAdopted(transaction: TransactionHandle, adoption: AdoptedVersion, actor?: AnyActor): Promise<AdoptionRequests> {
      const { municipalityId, documentId, versionId } = adoption;
      const renewal = acknowledgementRenewal(adoption);
      const today = swedishToday(new Date(adoption.adoptedAt));
      const terms = await termsFor(
        transaction,
        municipalityId,
        { id: documentId, versionId, audienceDepartmentIds: adoption.audienceDepartmentIds },
        today,
      );
      let carried = { acknowledged: 0, open: 0 };
      let asked = 0;
      if (renewal === 'carry_over')
        carried = await acknowledgementRequestsRepository.carryOver(transaction, terms, adoption.previousVersionId!);
      if (renewal !== 'none') asked = await acknowledgementRequestsRepository.requestMissing(transaction, terms);
      const withdrawn = await acknowledgementRequestsRepository.withdrawReplaced(
        transaction,
        municipalityId,
        documentId,
        versionId,
        terms.now,
      );
      const result: AdoptionRequests = {
        renewal,
        asked,
        carriedOver: carried.acknowledged,
        openCarriedOver: carried.open,
        withdrawn,
        dueDate: terms.dueDate,
      };
      if (renewal !== 'none' || withdrawn > 0) {
        await recordAudit(transaction, actor ?? systemActor('document adoption', municipalityId), clock, {
          action: 'acknowledgements_requested',
          entityType: 'policy_document_version',
          entityId: versionId,
          after: {
            documentId,
            reason: 'version_adopted',
            adoptedByPersonId: adoption.actorPersonId,
            audienceDepartmentIds: adoption.audienceDepartmentIds,
            ...result,
          },
          municipalityId,
        });
      }
      return result;
    },

    /**
     * The daily job (ITP-3-INFORM-NEW, notice part): everyone whose start date has come (and anyone
     * else active in an audience who was never asked) gets a request of every current version
     * that asks acknowledgement. Idempotent: a second run the same day asks nobody.
     */
    async requestForNewEmployees(actor: SystemActor, municipalityId: string, today: string): Promise<number> {
      requireSystemActor(actor);
      // Most municipalities' nights: nothing asks acknowledgement, or nobody new; look first, write only for work.
      if ((await acknowledgementCoverageRepository.documentsAskingAcknowledgement(db, municipalityId)).length === 0) return 0;
      return withTransaction(db, (transaction) => requestCurrentVersions(transaction, actor, municipalityId, today));
    },

    /** A person registered with a start date today or before (or none): asked at once, in the registration's transaction. */
    async requestForRegisteredPerson(transaction: TransactionHandle, actor: AnyActor, municipalityId: string, personId: string) {
      return requestCurrentVersions(transaction, actor, municipalityId, swedishToday(clock.now()), personId);
    },
  };
}

export type AcknowledgementRequestsService = ReturnType<typeof createAcknowledgementRequestsService>;
