import type {
  Acknowledgement,
  AcknowledgementListQuery,
  AcknowledgementPaperRecord,
  AcknowledgementRecord,
  AcknowledgementReminder,
  AcknowledgementReminderResult,
  AcknowledgementSessionRecord,
} from '@forvalta/contracts';
import { actorName, type AnyActor } from '../../access/actor.ts';
import { departmentScope, municipalityOf } from '../../access/authorise.ts';
import { departmentSubtree } from '../../access/department-tree.ts';
import { useCase } from '../../access/use-case.ts';
import { recordAudit } from '../../platform/audit.ts';
import { swedishMidnight, swedishToday } from '../../platform/calendar.ts';
import type { Clock } from '../../platform/clock.ts';
import { withTransaction, type DatabaseHandle, type Executor, type TransactionHandle } from '../../platform/database.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../platform/errors.ts';
import type { ExpectedVersion } from '../../platform/http/versioning.ts';
import { versionedWrites } from '../../platform/versioned-write.ts';
import { organisationReads } from '../organisation/index.ts';
import { attendedSession, isTrainerOfSession } from '../training/index.ts';
import {
  acknowledgementActions,
  isOwnRequest,
  mayRead,
  overseeAcknowledgements,
  refusalToGive,
  subjectOf,
  withAbilities,
} from './acknowledgement-abilities.ts';
import { acknowledgementCoverageRepository } from './acknowledgement-coverage.repository.ts';
import { acknowledgementRequestsRepository } from './acknowledgement-requests.repository.ts';
import { acknowledgementsRepository, type AcknowledgementValues, type Visibility } from './acknowledgements.repository.ts';
import { lockPerson } from '../../platform/person-lock.ts';

/**
 * Acknowledgement requests one at a time: a person's own confirmation (ITP-4.2-KNOW,
 * ITP-12-KNOWLEDGE), a department head's record of a signed paper, reminders, and the list.
 * Reads only read; every write is one transaction with its audit event.
 */
/** A request just acknowledged (in the app or from paper), as the listeners hear it. */
export interface Acknowledged {
  municipalityId: string;
  personId: string;
  documentId: string;
  versionId: string;
  acknowledgedAt: string;
}

/**
 * What follows an acknowledgement in its own transaction (issue #14: the access-rights module
 * activates the person's rights that waited for it, ITP-3-INFORM-NEW). Called right after the
 * request is written and before its audit event, so a listener's row locks are taken before the
 * audit chain's (the order a grant takes them in). Wired in services.ts: this module imports none of them.
 */
export type AcknowledgedListener = (transaction: TransactionHandle, acknowledged: Acknowledged, actor: AnyActor) => Promise<void>;

export function createAcknowledgementsService(db: DatabaseHandle, clock: Clock, listeners: readonly AcknowledgedListener[] = []) {
  const versioned = versionedWrites(db, clock);
  const today = () => swedishToday(clock.now());

  /** The request, or 404 when it does not exist here or the caller may not read it. */
  async function readable(executor: Executor, actor: AnyActor, id: string): Promise<AcknowledgementRecord | undefined> {
    const record = await acknowledgementsRepository.findById(executor, municipalityOf(actor), id, today());
    return record && mayRead(actor, record) ? record : undefined;
  }

  function visibilityOf(actor: AnyActor): Visibility {
    const scope = departmentScope(actor, overseeAcknowledgements);
    if (scope === undefined) return { all: true };
    return { all: false, personId: actor.kind === 'person' ? actor.personId : null, departmentIds: scope };
  }

  async function subtreeOf(executor: Executor, municipalityId: string, departmentId: string, path: string) {
    const departments = await acknowledgementCoverageRepository.departments(executor, municipalityId);
    if (!departments.some((department) => department.id === departmentId))
      throw invalid(path, 'The department does not exist in this municipality.');
    return departmentSubtree(
      departments.map((department) => ({ id: department.id, parent_id: department.parentId })),
      departmentId,
    );
  }

  /** Every way of giving a request is audited alike: how, when and by whom it was given. */
  function auditOfGiving(before: AcknowledgementRecord, after: AcknowledgementRecord) {
    return {
      action: 'acknowledge' as const,
      entityType: 'acknowledgement',
      entityId: after.id,
      before: { state: before.state },
      after: {
        state: after.state,
        personId: after.personId,
        versionId: after.versionId,
        method: after.method,
        acknowledgedAt: after.acknowledgedAt,
        recordedByPersonId: after.recordedByPersonId,
        trainingSessionId: after.trainingSessionId,
        note: after.note,
      },
    };
  }

  /** Gives the request at the client's version: the steps every way of giving one shares. */
  function give(
    actor: AnyActor,
    id: string,
    expectedVersion: ExpectedVersion,
    authorise: (record: AcknowledgementRecord) => void,
    values: (record: AcknowledgementRecord) => AcknowledgementValues,
  ) {
    const municipalityId = municipalityOf(actor);
    return versioned.update(actor, {
      entity: 'Acknowledgement',
      expectedVersion,
      load: (transaction) => readable(transaction, actor, id),
      authorise: (record) => authorise(record),
      apply: async (transaction, record, version) => {
        const refusal = refusalToGive(record);
        if (refusal) throw refusal;
        const given = values(record);
        // The person first, as a grant does: see platform/person-lock.ts.
        await lockPerson(transaction, municipalityId, record.personId);
        if (!(await acknowledgementsRepository.acknowledge(transaction, municipalityId, id, version, given))) return false;
        const acknowledged = {
          municipalityId,
          personId: record.personId,
          documentId: record.documentId,
          versionId: record.versionId,
          acknowledgedAt: given.acknowledgedAt,
        };
        for (const listener of listeners) await listener(transaction, acknowledged, actor);
        return true;
      },
      audit: auditOfGiving,
    });
  }

  return {
    listAcknowledgements: useCase('acknowledgement.read', async ({ actor, authorise }, query: AcknowledgementListQuery) => {
      authorise();
      const municipalityId = municipalityOf(actor);
      const { departmentId, ...rest } = query;
      const departmentIds = departmentId ? await subtreeOf(db, municipalityId, departmentId, 'departmentId') : undefined;
      const page = await acknowledgementsRepository.list(db, municipalityId, { ...rest, departmentIds }, visibilityOf(actor), today());
      return { ...page, items: page.items.map((record) => withAbilities(actor, record)) };
    }),

    getAcknowledgement: useCase('acknowledgement.read', async ({ actor, authorise }, id: string): Promise<Acknowledgement> => {
      authorise();
      const record = await readable(db, actor, id);
      if (!record) throw notFound('Acknowledgement');
      return withAbilities(actor, record);
    }),

    /** The person confirms they have read the adopted version: their own request only. */
    acknowledge: useCase(acknowledgementActions.acknowledge, async ({ actor, authorise }, id: string, expectedVersion: ExpectedVersion) => {
      const now = clock.now().toISOString();
      const after = await give(
        actor,
        id,
        expectedVersion,
        (record) => {
          authorise(subjectOf('acknowledge', record));
          if (!isOwnRequest(actor, record)) throw forbidden('You can only acknowledge your own requests.');
        },
        () => ({
          method: 'in_app',
          acknowledgedAt: now,
          recordedByPersonId: null,
          recordedByName: null,
          trainingSessionId: null,
          note: null,
          now,
        }),
      );
      return withAbilities(actor, after);
    }),

    /** A department head records a signed paper for one of their own people (marked as such, with who recorded it). */
    recordFromPaper: useCase(
      acknowledgementActions.recordFromPaper,
      async ({ actor, authorise }, id: string, expectedVersion: ExpectedVersion, input: AcknowledgementPaperRecord) => {
        const now = clock.now().toISOString();
        if (input.signedOn > today()) throw invalid('signedOn', 'The paper cannot be signed in the future.');
        const after = await give(
          actor,
          id,
          expectedVersion,
          (record) =>
            authorise(subjectOf('recordFromPaper', record), 'You may record acknowledgements only for the people of your department.'),
          (record) => {
            if (input.signedOn < swedishToday(new Date(record.requestedAt)) && record.carriedOverFromVersionId === null)
              throw invalid('signedOn', 'The paper was signed before the version was asked for.');
            return {
              method: 'paper',
              // The day signed, at its Swedish midnight: the paper says the day, not the hour.
              acknowledgedAt: swedishMidnight(input.signedOn).toISOString(),
              recordedByPersonId: actor.kind === 'person' ? actor.personId : null,
              recordedByName: actorName(actor),
              trainingSessionId: null,
              note: input.note ?? null,
              now,
            };
          },
        );
        return withAbilities(actor, after);
      },
    ),

    /**
     * The trainer of a training session records that the person went through the document there
     * (H3's sessions: isTrainerOfSession). The trainer may record for anyone asked whom they marked
     * as attended there (the record says the person was at the session, so it rests on the session's
     * attendance); a session that is not theirs is refused, and a request nobody lets them find is 404.
     */
    recordAtSession: useCase(
      acknowledgementActions.recordAtSession,
      async ({ actor, authorise }, id: string, expectedVersion: ExpectedVersion, input: AcknowledgementSessionRecord) => {
        const municipalityId = municipalityOf(actor);
        const now = clock.now().toISOString();
        const after = await versioned.update(actor, {
          entity: 'Acknowledgement',
          expectedVersion,
          load: async (transaction) => {
            const record = await acknowledgementsRepository.findById(transaction, municipalityId, id, today());
            if (!record) return undefined;
            const trainer =
              actor.kind === 'person' && (await isTrainerOfSession(transaction, municipalityId, input.trainingSessionId, actor.personId));
            return trainer || mayRead(actor, record) ? { record, trainer } : undefined;
          },
          versionOf: ({ record }) => record.version,
          authorise: ({ trainer }) =>
            authorise(
              { stewardPersonIds: trainer && actor.kind === 'person' ? [actor.personId] : [] },
              "Only the session's trainer may record acknowledgements given there.",
            ),
          apply: async (transaction, { record }, version) => {
            const refusal = refusalToGive(record);
            if (refusal) throw refusal;
            if (!(await attendedSession(transaction, municipalityId, input.trainingSessionId, record.personId)))
              throw conflict(
                'The person is not marked as attended at this session; record their attendance first.',
                'session_not_attended',
              );
            const given = await acknowledgementsRepository.acknowledge(transaction, municipalityId, id, version, {
              method: 'training_session',
              acknowledgedAt: now,
              recordedByPersonId: actor.kind === 'person' ? actor.personId : null,
              recordedByName: actorName(actor),
              trainingSessionId: input.trainingSessionId,
              note: input.note ?? null,
              now,
            });
            if (!given) return false;
            // The same listeners as every other way of giving one (the access rights that waited for it).
            const acknowledged = {
              municipalityId,
              personId: record.personId,
              documentId: record.documentId,
              versionId: record.versionId,
              acknowledgedAt: now,
            };
            for (const listener of listeners) await listener(transaction, acknowledged, actor);
            return true;
          },
          reload: (transaction) => acknowledgementsRepository.findById(transaction, municipalityId, id, today()),
          audit: ({ record }, after) => auditOfGiving(record, after),
        });
        return withAbilities(actor, after);
      },
    ),

    /**
     * A reminder on the open requests of a document's current version: a person's, a
     * department's (with its sub-units) or the whole municipality's. Recorded on each request
     * (count and time); the e-mail itself comes with issue #18.
     */
    remind: useCase(
      acknowledgementActions.remind,
      async ({ actor, authorise }, input: AcknowledgementReminder): Promise<AcknowledgementReminderResult> => {
        const municipalityId = municipalityOf(actor);
        return withTransaction(db, async (transaction) => {
          // The permission first, on the department named (a head's own subtree), then the references.
          const refusal = 'You may remind only the people of your department.';
          const whom: { personId?: string; departmentIds?: readonly string[] } = {};
          if (input.personId) {
            const found = await organisationReads.findPerson(transaction, municipalityId, input.personId);
            if (!found) throw invalid('personId', 'The person does not exist in this municipality.');
            authorise({ departmentId: found.person.departmentId }, refusal);
            whom.personId = input.personId;
          } else if (input.departmentId) {
            authorise({ departmentId: input.departmentId }, refusal);
            whom.departmentIds = await subtreeOf(transaction, municipalityId, input.departmentId, 'departmentId');
          } else {
            // Everyone's: only a grant without department scope reaches the whole municipality.
            authorise({ departmentId: null }, refusal);
          }
          const document = await acknowledgementCoverageRepository.documentAudience(transaction, municipalityId, input.documentId);
          if (!document) throw invalid('documentId', 'The document does not exist in this municipality.');
          if (!document.currentVersionId)
            throw new AppError('conflict', 'The document has no adopted version to remind of.', { reason: 'document_version_not_adopted' });
          const remindedAt = clock.now().toISOString();
          const reminded = await acknowledgementRequestsRepository.remind(
            transaction,
            municipalityId,
            document.currentVersionId,
            whom,
            remindedAt,
          );
          await recordAudit(transaction, actor, clock, {
            action: 'acknowledgements_reminded',
            entityType: 'policy_document_version',
            entityId: document.currentVersionId,
            after: { documentId: document.id, personId: input.personId ?? null, departmentId: input.departmentId ?? null, reminded },
          });
          return { documentId: document.id, versionId: document.currentVersionId, reminded, remindedAt };
        });
      },
    ),
  };
}

export type AcknowledgementsService = ReturnType<typeof createAcknowledgementsService>;
