import { randomUUID } from 'node:crypto';
import type { Mailbox, MailboxCreate, MailboxListQuery, MailboxRecord, MailboxUpdate } from '@forvalta/contracts';
import type { AnyActor } from '../../access/actor.ts';
import { municipalityOf } from '../../access/authorise.ts';
import { departmentSubtree } from '../../access/department-tree.ts';
import { canOn } from '../../access/record-actions.ts';
import { useCase } from '../../access/use-case.ts';
import { recordAudit } from '../../platform/audit.ts';
import { swedishToday } from '../../platform/calendar.ts';
import type { Clock } from '../../platform/clock.ts';
import { withTransaction, type DatabaseHandle, type Executor } from '../../platform/database.ts';
import { conflict, invalid, notFound } from '../../platform/errors.ts';
import type { ExpectedVersion } from '../../platform/http/versioning.ts';
import { versionedWrites } from '../../platform/versioned-write.ts';
import { mailboxActions } from './privacy-abilities.ts';
import { mailboxesRepository as mailboxes } from './mailboxes.repository.ts';
import { processingActivitiesRepository } from './processing-activities.repository.ts';

/**
 * Functional mailboxes (ITP-8-MAILBOX): incoming e-mail is an official document, so someone always
 * watches each shared address. Kept by the secretariat. A mailbox may be saved without a deputy;
 * the rule then fails for it, which is the point of recording it.
 */
export function createMailboxesService(db: DatabaseHandle, clock: Clock) {
  const versioned = versionedWrites(db, clock);
  const today = () => swedishToday(clock.now());
  const withAbilities = (actor: AnyActor, mailbox: MailboxRecord): Mailbox => ({
    ...mailbox,
    can: canOn(actor, mailboxActions, { departmentId: mailbox.departmentId }),
  });

  async function validate(
    executor: Executor,
    municipalityId: string,
    id: string,
    values: { address: string; departmentId: string; responsiblePersonId: string | null; deputyPersonIds: readonly string[] },
  ) {
    // Unique within the municipality only (ADR 0027): a refusal never tells of another municipality's addresses.
    const holder = await mailboxes.findIdByAddress(executor, municipalityId, values.address);
    if (holder && holder !== id) throw conflict('There is already a mailbox with that address.', 'mailbox_address_taken');
    const departments = await processingActivitiesRepository.departmentsOf(executor, municipalityId);
    if (!departments.some((department) => department.id === values.departmentId))
      throw invalid('departmentId', 'The department does not exist in this municipality.');
    const people = [...(values.responsiblePersonId ? [values.responsiblePersonId] : []), ...values.deputyPersonIds];
    const found = await mailboxes.existingPersonIds(executor, municipalityId, people);
    if (values.responsiblePersonId && !found.has(values.responsiblePersonId))
      throw invalid('responsiblePersonId', 'The person does not exist in this municipality.');
    if (values.deputyPersonIds.some((personId) => !found.has(personId)))
      throw invalid('deputyPersonIds', 'One or more people do not exist in this municipality.');
    if (values.responsiblePersonId && values.deputyPersonIds.includes(values.responsiblePersonId))
      throw invalid('deputyPersonIds', 'The responsible person cannot also be their own deputy.');
  }

  return {
    listMailboxes: useCase('mailbox.read', async ({ actor, authorise }, query: MailboxListQuery) => {
      authorise();
      const municipalityId = municipalityOf(actor);
      const departmentIds = query.departmentId
        ? departmentSubtree(await processingActivitiesRepository.departmentsOf(db, municipalityId), query.departmentId)
        : undefined;
      const page = await mailboxes.list(
        db,
        municipalityId,
        query,
        {
          ...(departmentIds ? { departmentIds } : {}),
          ...(query.covered !== undefined ? { covered: query.covered } : {}),
          ...(query.personId ? { personId: query.personId } : {}),
          ...(query.q ? { q: query.q } : {}),
        },
        today(),
      );
      return { ...page, items: page.items.map((mailbox) => withAbilities(actor, mailbox)) };
    }),

    getMailbox: useCase('mailbox.read', async ({ actor, authorise }, id: string): Promise<Mailbox> => {
      authorise();
      const mailbox = await mailboxes.findById(db, municipalityOf(actor), id, today());
      if (!mailbox) throw notFound('Mailbox');
      return withAbilities(actor, mailbox);
    }),

    createMailbox: useCase('mailbox.manage', async ({ actor, authorise }, input: MailboxCreate): Promise<Mailbox> => {
      authorise({ departmentId: input.departmentId });
      const municipalityId = municipalityOf(actor);
      return withTransaction(db, async (transaction) => {
        const id = randomUUID();
        const values = {
          address: input.address,
          departmentId: input.departmentId,
          responsiblePersonId: input.responsiblePersonId ?? null,
          deputyPersonIds: input.deputyPersonIds ?? [],
        };
        await validate(transaction, municipalityId, id, values);
        const now = clock.now().toISOString();
        await mailboxes.insert(transaction, {
          id,
          municipality_id: municipalityId,
          address: values.address,
          department_id: values.departmentId,
          purpose: input.purpose ?? null,
          responsible_person_id: values.responsiblePersonId,
          watch_frequency: input.watchFrequency ?? 'daily',
          receives_official_documents: input.receivesOfficialDocuments ? 1 : 0,
          created_at: now,
          updated_at: now,
          version: 1,
        });
        await mailboxes.replaceDeputies(transaction, municipalityId, id, values.deputyPersonIds);
        const created = (await mailboxes.findById(transaction, municipalityId, id, today()))!;
        await recordAudit(transaction, actor, clock, { action: 'create', entityType: 'mailbox', entityId: id, after: created });
        return withAbilities(actor, created);
      });
    }),

    updateMailbox: useCase(
      mailboxActions.update,
      async ({ actor, authorise }, id: string, expectedVersion: ExpectedVersion, input: MailboxUpdate): Promise<Mailbox> => {
        const municipalityId = municipalityOf(actor);
        const after = await versioned.update(actor, {
          entity: 'Mailbox',
          expectedVersion,
          load: (transaction) => mailboxes.findById(transaction, municipalityId, id, today()),
          authorise: (before) => {
            authorise({ departmentId: before.departmentId });
            if (input.departmentId) authorise({ departmentId: input.departmentId });
          },
          apply: async (transaction, before, version) => {
            const values = {
              address: input.address ?? before.address,
              departmentId: input.departmentId ?? before.departmentId,
              responsiblePersonId: input.responsiblePersonId !== undefined ? input.responsiblePersonId : (before.responsible?.id ?? null),
              deputyPersonIds: input.deputyPersonIds ?? before.deputies.map((deputy) => deputy.id),
            };
            await validate(transaction, municipalityId, id, values);
            const written = await mailboxes.update(transaction, municipalityId, id, version, {
              address: values.address,
              department_id: values.departmentId,
              responsible_person_id: values.responsiblePersonId,
              ...(input.purpose !== undefined ? { purpose: input.purpose } : {}),
              ...(input.watchFrequency ? { watch_frequency: input.watchFrequency } : {}),
              ...(input.receivesOfficialDocuments !== undefined
                ? { receives_official_documents: input.receivesOfficialDocuments ? 1 : 0 }
                : {}),
              updated_at: clock.now().toISOString(),
            });
            if (written) await mailboxes.replaceDeputies(transaction, municipalityId, id, values.deputyPersonIds);
            return written;
          },
          audit: (before, after) => ({ action: 'update', entityType: 'mailbox', entityId: id, before, after }),
        });
        return withAbilities(actor, after);
      },
    ),

    deleteMailbox: useCase(
      mailboxActions.delete,
      async ({ actor, authorise }, id: string, expectedVersion: ExpectedVersion): Promise<void> => {
        const municipalityId = municipalityOf(actor);
        await versioned.delete(actor, {
          entity: 'Mailbox',
          expectedVersion,
          load: (transaction) => mailboxes.findById(transaction, municipalityId, id, today()),
          authorise: (before) => authorise({ departmentId: before.departmentId }),
          apply: (transaction, _before, version) => mailboxes.delete(transaction, municipalityId, id, version),
          audit: (before) => ({ action: 'delete', entityType: 'mailbox', entityId: id, before }),
        });
      },
    ),
  };
}

export type MailboxesService = ReturnType<typeof createMailboxesService>;
