import { randomUUID } from 'node:crypto';
import type { ExpectedVersion } from '../../platform/http/versioning.ts';
import type {
  ChangeNotice,
  ChangeNoticeActionName,
  ChangeNoticeCreate,
  ChangeNoticeDetail,
  ChangeNoticeListQuery,
  ChangeNoticeRecord,
  Permission,
} from '@forvalta/contracts';
import { type AnyActor, actorName } from '../../access/actor.ts';
import { municipalityOf } from '../../access/authorise.ts';
import { canOn } from '../../access/record-actions.ts';
import { useCase } from '../../access/use-case.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { inParallel, withTransaction, type DatabaseHandle, type Executor } from '../../platform/database.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { versionedWrites } from '../../platform/versioned-write.ts';
import { tanumPolicyPack } from '../../policy/index.ts';
import { earliestStartNotOverdue } from '../../policy/working-days.ts';
import { acknowledgeWithinWorkingDays, holidaysAround, noticeTermsOn } from './change-notice-terms.ts';
import { policyPackRecords } from '../compliance/index.ts';
import { swedishMidnight, swedishToday } from '../../platform/calendar.ts';
import { systemActions, type SystemsService } from '../systems/index.ts';
import { changeNoticeDetailsRepository } from './change-notice-details.repository.ts';
import { processChangeNoticeOutbox } from './change-notice-outbox.ts';
import { changeNoticesRepository, type NoticeTerms } from './change-notices.repository.ts';

/**
 * The permission of each action on a change notice; acknowledgeChangeNotice is declared with
 * this entry and a notice's `can` is computed from it. The IT unit's roles acknowledge with no
 * department scope, and only an open notice (an acknowledged one is refused as a conflict).
 */
export const changeNoticeActions = { acknowledge: 'changeNotice.acknowledge' } as const satisfies Record<
  ChangeNoticeActionName,
  Permission
>;

/** A notice as the API answers it: with what `actor` may do with it. */
function withAbilities<Notice extends ChangeNoticeRecord>(actor: AnyActor, notice: Notice): Notice & Pick<ChangeNotice, 'can'> {
  return { ...notice, can: canOn(actor, changeNoticeActions, undefined, { acknowledge: notice.status === 'open' }) };
}

/**
 * Change notices (ITP-4.2.2-CHANGE-NOTICE): planned changes of operation or responsibility,
 * reported to the IT unit's queue (and to adjacent systems' managers), acknowledged by the IT
 * unit within the pack's working days. Automatic notices are written with the responsibility
 * change itself (change-notice-outbox.ts, responsibilityNoticeWriter); the outbox job takes any
 * event left over. Reads only read (issue #11): no outbox run, no audit event, no new data version.
 */
export function createChangeNoticesService(db: DatabaseHandle, clock: Clock, systems: SystemsService) {
  const versioned = versionedWrites(db, clock);

  async function acknowledgeWithin(executor: Executor, municipalityId: string) {
    const stored = await policyPackRecords.currentPack(executor, municipalityId);
    return acknowledgeWithinWorkingDays((stored?.pack ?? tanumPolicyPack).parameters);
  }

  /** The terms a notice's deadline is computed on: the pack's working days, the holidays, today. */
  async function noticeTerms(executor: Executor, municipalityId: string): Promise<NoticeTerms> {
    return noticeTermsOn(swedishToday(clock.now()), await acknowledgeWithin(executor, municipalityId));
  }

  async function loadOrFail(executor: Executor, municipalityId: string, id: string) {
    const notice = await changeNoticesRepository.findById(executor, municipalityId, id, await noticeTerms(executor, municipalityId));
    if (!notice) throw notFound('Change notice');
    return notice;
  }

  return {
    /** For the scheduled job: every municipality's pending events. */
    processOutbox: (municipalityId?: string) => processChangeNoticeOutbox(db, clock, { municipalityId }),

    listChangeNotices: useCase('changeNotice.read', async ({ actor, authorise }, query: ChangeNoticeListQuery) => {
      authorise();
      const municipalityId = municipalityOf(actor);
      const { overdue, ...filters } = query;
      let overdueBefore: { overdue: boolean; instant: string } | undefined;
      if (overdue !== undefined) {
        const today = swedishToday(clock.now());
        // Created on or after this Swedish date: not overdue yet.
        const cutoff = earliestStartNotOverdue(today, await acknowledgeWithin(db, municipalityId), holidaysAround(today));
        overdueBefore = { overdue, instant: swedishMidnight(cutoff).toISOString() };
      }
      const page = await changeNoticesRepository.list(
        db,
        municipalityId,
        { ...filters, overdueBefore },
        await noticeTerms(db, municipalityId),
      );
      return { ...page, items: page.items.map((notice) => withAbilities(actor, notice)) };
    }),

    /** One notice in full: its recipients by name and, for an automatic one, who held the role before and after. */
    getChangeNotice: useCase('changeNotice.read', async ({ actor, authorise }, id: string): Promise<ChangeNoticeDetail> => {
      authorise();
      const municipalityId = municipalityOf(actor);
      const notice = await loadOrFail(db, municipalityId, id);
      const [recipients, responsibilityChange, workingDays] = await inParallel(
        db,
        () =>
          changeNoticeDetailsRepository.recipientsOf(
            db,
            municipalityId,
            notice.recipientPersonIds,
            notice.systems.map((system) => system.id),
            swedishToday(clock.now()),
          ),
        () => changeNoticeDetailsRepository.responsibilityChangeOf(db, municipalityId, id),
        () => acknowledgeWithin(db, municipalityId),
      );
      return withAbilities(actor, { ...notice, recipients, responsibilityChange, acknowledgeWithinWorkingDays: workingDays });
    }),

    /** A planned change reported by the owner or the system's manager or deputy. */
    createChangeNotice: useCase(systemActions.reportChange, async ({ actor, authorise }, input: ChangeNoticeCreate) => {
      const municipalityId = municipalityOf(actor);
      return withTransaction(db, async (transaction) => {
        const systemIds = [...new Set(input.systemIds)];
        // The reporter must keep every system the notice names, not just one of them.
        for (const [index, systemId] of systemIds.entries()) {
          await systems.authorisedSystem(
            transaction,
            municipalityId,
            systemId,
            (subject, system) => authorise(subject, `You may not report changes for ${system.name}.`),
            () => invalid(`systemIds.${index}`, 'The system does not exist in this municipality.'),
          );
        }
        const today = swedishToday(clock.now());
        const recipientPersonIds = input.touchesIntegrations
          ? await changeNoticesRepository.adjacentManagerIds(transaction, municipalityId, systemIds, today)
          : [];
        const id = randomUUID();
        await changeNoticesRepository.insert(transaction, {
          id,
          municipalityId,
          kind: input.kind,
          title: input.title,
          description: input.description ?? null,
          plannedOn: input.plannedOn ?? null,
          source: 'manual',
          sourceEventId: null,
          recipientPersonIds,
          createdByName: actorName(actor),
          systemIds,
          now: clock.now().toISOString(),
        });
        const created = await loadOrFail(transaction, municipalityId, id);
        await recordAudit(transaction, actor, clock, { action: 'create', entityType: 'change_notice', entityId: id, after: created });
        return withAbilities(actor, created);
      });
    }),

    /** The IT unit has taken note (§4.2.2); only its roles may say so. */
    acknowledgeChangeNotice: useCase(
      changeNoticeActions.acknowledge,
      async ({ actor, authorise }, id: string, expectedVersion: ExpectedVersion, note: string | null | undefined) => {
        const municipalityId = municipalityOf(actor);
        const values = {
          personId: actor.kind === 'person' ? actor.personId : null,
          name: actorName(actor),
          note: note ?? null,
          now: clock.now().toISOString(),
        };
        const after = await versioned.update(actor, {
          entity: 'Change notice',
          expectedVersion,
          load: async (transaction) =>
            changeNoticesRepository.findById(transaction, municipalityId, id, await noticeTerms(transaction, municipalityId)),
          authorise: () => authorise(),
          apply: (transaction, before, version) => {
            if (before.status !== 'open')
              throw new AppError('conflict', 'The notice has already been acknowledged.', { reason: 'notice_already_acknowledged' });
            return changeNoticesRepository.acknowledge(transaction, municipalityId, id, version, values);
          },
          audit: (before, after) => ({
            action: 'acknowledge',
            entityType: 'change_notice',
            entityId: id,
            before: { status: before.status },
            after: { status: after.status, acknowledgedByName: after.acknowledgedByName, note: values.note },
          }),
        });
        return withAbilities(actor, after);
      },
    ),
  };
}

export type ChangeNoticesService = ReturnType<typeof createChangeNoticesService>;
