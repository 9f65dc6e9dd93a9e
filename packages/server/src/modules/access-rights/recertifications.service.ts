import { randomUUID } from 'node:crypto';
import type {
  Recertification,
  RecertificationCreate,
  RecertificationDecide,
  RecertificationDecided,
  RecertificationItemListQuery,
  RecertificationListQuery,
  RecertificationRecord,
} from '@forvalta/contracts';
import { actorName, type AnyActor } from '../../access/actor.ts';
import { can, departmentScope, municipalityOf } from '../../access/authorise.ts';
import { departmentSubtree } from '../../access/department-tree.ts';
import { useCase } from '../../access/use-case.ts';
import { recordAudit } from '../../platform/audit.ts';
import { swedishToday } from '../../platform/calendar.ts';
import type { Clock } from '../../platform/clock.ts';
import { withTransaction, type DatabaseHandle, type Executor } from '../../platform/database.ts';
import { conflict, invalid, notFound } from '../../platform/errors.ts';
import { systemReads, type SystemsService } from '../systems/index.ts';
import { overseeAccessRights, recertificationActions, stewardsOf } from './access-abilities.ts';
import { accessRightsRepository } from './access-rights.repository.ts';
import { type CampaignVisibility, recertificationsRepository } from './recertifications.repository.ts';

/**
 * Recertification (återcertifiering, §4.2.3 "administer access rights"): a campaign snapshots the
 * rights of a system, or of every system a department owns, when it starts; the systems' managers
 * and deputies keep or end each, one at a time or in bulk with a confirmed count. Undecided rights
 * past the due date stay open and show as overdue; nothing decides them by itself.
 */
export function createRecertificationsService(db: DatabaseHandle, clock: Clock, systems: SystemsService) {
  const today = () => swedishToday(clock.now());

  async function visibilityOf(executor: Executor, actor: AnyActor, municipalityId: string): Promise<CampaignVisibility> {
    const scope = departmentScope(actor, overseeAccessRights);
    if (scope === undefined) return { all: true };
    const stewarded =
      actor.kind === 'person' ? await systemReads.stewardedSystemsOf(executor, municipalityId, actor.personId, today()) : [];
    return { all: false, departmentIds: scope, systemIds: stewarded.map((system) => system.systemId) };
  }

  /** The campaign with the caller's `can`: deciding needs stewardship of at least one of its systems. */
  async function withAbilities(executor: Executor, actor: AnyActor, campaign: RecertificationRecord): Promise<Recertification> {
    const stewarded =
      actor.kind === 'person' ? await systemReads.stewardedSystemsOf(executor, municipalityOf(actor), actor.personId, today()) : [];
    const open = await recertificationsRepository.undecidedItems(executor, municipalityOf(actor), campaign.id, {});
    const systemIds = new Set(stewarded.map((system) => system.systemId));
    const decide =
      actor.kind === 'system' ||
      open.some((item) => systemIds.has(item.system_id) && can(actor, recertificationActions.decide, stewardsOf([actor.personId])));
    return { ...campaign, can: { decide } };
  }

  async function readable(executor: Executor, actor: AnyActor, id: string) {
    const municipalityId = municipalityOf(actor);
    return recertificationsRepository.findById(executor, municipalityId, id, today(), await visibilityOf(executor, actor, municipalityId));
  }

  return {
    listRecertifications: useCase('recertification.read', async ({ actor, authorise }, query: RecertificationListQuery) => {
      authorise();
      const municipalityId = municipalityOf(actor);
      const page = await recertificationsRepository.list(db, municipalityId, query, await visibilityOf(db, actor, municipalityId), today());
      const items: Recertification[] = [];
      for (const campaign of page.items) items.push(await withAbilities(db, actor, campaign));
      return { ...page, items };
    }),

    getRecertification: useCase('recertification.read', async ({ actor, authorise }, id: string): Promise<Recertification> => {
      authorise();
      const campaign = await readable(db, actor, id);
      if (!campaign) throw notFound('Recertification');
      return withAbilities(db, actor, campaign);
    }),

    listRecertificationItems: useCase(
      'recertification.read',
      async ({ actor, authorise }, id: string, query: RecertificationItemListQuery) => {
        authorise();
        const municipalityId = municipalityOf(actor);
        if (!(await readable(db, actor, id))) throw notFound('Recertification');
        const page = await recertificationsRepository.listItems(db, municipalityId, id, query);
        const stewards = await systemReads.stewardPersonIds(
          db,
          municipalityId,
          page.items.map((item) => item.systemId),
          today(),
        );
        return {
          ...page,
          items: page.items.map((item) => ({
            ...item,
            canDecide: item.decision === null && can(actor, recertificationActions.decide, stewardsOf(stewards.get(item.systemId) ?? [])),
          })),
        };
      },
    ),

    /** Starts a campaign: a system's (its stewards, owner department's head, the IT unit) or a department's systems' (its head, the IT unit). */
    startRecertification: useCase(
      'recertification.start',
      async ({ actor, authorise }, input: RecertificationCreate): Promise<Recertification> => {
        const municipalityId = municipalityOf(actor);
        if (input.dueDate < today()) throw invalid('dueDate', 'The due date has passed.');
        return withTransaction(db, async (transaction) => {
          let systemIds: string[];
          if (input.scope === 'system') {
            const system = await systems.authorisedSystem(
              transaction,
              municipalityId,
              input.systemId!,
              (subject) => authorise(subject),
              () => invalid('systemId', 'The system does not exist in this municipality.'),
            );
            systemIds = [system.id];
          } else {
            const departments = await accessRightsRepository.departmentsOf(transaction, municipalityId);
            if (!departments.some((department) => department.id === input.departmentId))
              throw invalid('departmentId', 'The department does not exist in this municipality.');
            authorise({ departmentId: input.departmentId });
            systemIds = await recertificationsRepository.systemsOwnedBy(
              transaction,
              municipalityId,
              departmentSubtree(departments, input.departmentId!),
            );
          }
          const id = randomUUID();
          const now = clock.now().toISOString();
          await recertificationsRepository.insert(transaction, {
            id,
            municipality_id: municipalityId,
            title: input.title,
            scope: input.scope,
            system_id: input.systemId ?? null,
            department_id: input.departmentId ?? null,
            due_date: input.dueDate,
            started_at: now,
            started_by_person_id: actor.kind === 'person' ? actor.personId : null,
            started_by_name: actorName(actor),
            created_at: now,
            updated_at: now,
            version: 1,
          });
          const rights = await recertificationsRepository.snapshotRights(transaction, municipalityId, id, systemIds);
          const campaign = (await recertificationsRepository.findById(transaction, municipalityId, id, today()))!;
          await recordAudit(transaction, actor, clock, {
            action: 'start',
            entityType: 'recertification',
            entityId: id,
            after: { ...campaign, rights },
          });
          return withAbilities(transaction, actor, campaign);
        });
      },
    ),

    /**
     * Keeps or ends the rights named (or every undecided one, of a system), each by a manager or
     * deputy of its system; the count must be the one the caller confirmed. One audit event per
     * decision; an end ends the right (kept, with its history), a keep marks it recertified today.
     */
    decideRecertification: useCase(
      recertificationActions.decide,
      async ({ actor, authorise }, id: string, input: RecertificationDecide): Promise<RecertificationDecided> => {
        const municipalityId = municipalityOf(actor);
        return withTransaction(db, async (transaction) => {
          if (!(await readable(transaction, actor, id))) throw notFound('Recertification');
          const items = await recertificationsRepository.undecidedItems(transaction, municipalityId, id, {
            rightIds: input.rightIds,
            systemId: input.allUndecided?.systemId,
          });
          const stewards = await systemReads.stewardPersonIds(
            transaction,
            municipalityId,
            items.map((item) => item.system_id),
            today(),
          );
          // Every system among the rights: only its own managers and deputies decide.
          for (const systemId of new Set(items.map((item) => item.system_id))) authorise(stewardsOf(stewards.get(systemId) ?? []));
          if (items.length === 0) {
            // Nothing undecided among them: still only a steward of one of the campaign's systems hears why.
            const systemIds = await recertificationsRepository.systemIdsOf(transaction, municipalityId, id);
            const all = await systemReads.stewardPersonIds(transaction, municipalityId, systemIds, today());
            authorise(stewardsOf([...all.values()].flat()));
          }
          if (items.length !== input.expectedCount)
            throw conflict(`The decision covers ${items.length} undecided rights, not ${input.expectedCount}.`, 'decision_count_mismatch');
          const now = clock.now().toISOString();
          const rightIds = items.map((item) => item.right_id);
          const decidedBy = { decidedByPersonId: actor.kind === 'person' ? actor.personId : null, decidedByName: actorName(actor) };
          await recertificationsRepository.recordDecisions(transaction, municipalityId, id, rightIds, {
            decision: input.decision,
            decidedAt: now,
            ...decidedBy,
            note: input.note ?? null,
          });
          if (input.decision === 'end')
            await accessRightsRepository.endMany(transaction, municipalityId, rightIds, {
              today: today(),
              now,
              byPersonId: decidedBy.decidedByPersonId,
              byName: decidedBy.decidedByName,
              note: input.note ?? null,
            });
          else await accessRightsRepository.markRecertified(transaction, municipalityId, rightIds, today(), now);
          await recertificationsRepository.touch(transaction, municipalityId, id, now);
          for (const item of items) {
            await recordAudit(transaction, actor, clock, {
              action: input.decision === 'end' ? 'recertification_end' : 'recertification_keep',
              entityType: 'access_right',
              entityId: item.right_id,
              after: {
                campaignId: id,
                decision: input.decision,
                personId: item.person_id,
                systemId: item.system_id,
                note: input.note ?? null,
              },
            });
          }
          const campaign = (await recertificationsRepository.findById(transaction, municipalityId, id, today()))!;
          return {
            campaign: await withAbilities(transaction, actor, campaign),
            decided: items.length,
            ended: input.decision === 'end' ? items.length : 0,
          };
        });
      },
    ),
  };
}

export type RecertificationsService = ReturnType<typeof createRecertificationsService>;
