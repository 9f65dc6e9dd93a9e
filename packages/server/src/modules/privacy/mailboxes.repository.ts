import type { MailboxListQuery, MailboxRecord } from '@forvalta/contracts';
import { sql, type ExpressionBuilder, type Insertable, type Selectable } from 'kysely';
import type { Database, MailboxesTable } from '../../platform/database-schema.ts';
import type { Executor } from '../../platform/database.ts';
import { pageOf, resolveSort } from '../../platform/paging.ts';
import { likePattern } from '../../platform/text.ts';
import { deleteAtVersion, updateAtVersion, type VersionedValues } from '../../platform/versioned-rows.ts';

export interface MailboxFilters {
  departmentIds?: readonly string[];
  covered?: boolean;
  personId?: string;
  q?: string;
}

type MailboxRow = Selectable<MailboxesTable> & { department_name: string };
type Person = NonNullable<MailboxRecord['responsible']>;

/**
 * The mailbox's responsible is still employed on `today`: not marked left and their end date
 * not reached (as the rules judge it). A correlated EXISTS, one primary-key probe per mailbox: an
 * `in (select … from people)` listed every employed person of the installation first (100,000 at
 * L, twice per count: 365 ms for 323 mailboxes; docs/performance.md, #16 scale targets).
 */
const employedResponsible = (eb: ExpressionBuilder<Database, 'mailboxes'>, today: string) =>
  eb.exists(
    eb
      .selectFrom('people')
      .select('people.id')
      .whereRef('people.id', '=', 'mailboxes.responsible_person_id')
      .where('people.employment_status', '<>', 'left')
      .where((inner) => inner.or([inner('people.end_date', 'is', null), inner('people.end_date', '>', today)])),
  );

/** ITP-8-MAILBOX in SQL: an employed responsible and an employed deputy who is someone else (each a probe by key). */
function coveredCondition(eb: ExpressionBuilder<Database, 'mailboxes'>, today: string) {
  return eb.and([
    employedResponsible(eb, today),
    eb.exists(
      eb
        .selectFrom('mailbox_deputies')
        .innerJoin('people', 'people.id', 'mailbox_deputies.person_id')
        .select('mailbox_deputies.person_id')
        .whereRef('mailbox_deputies.mailbox_id', '=', 'mailboxes.id')
        .whereRef('mailbox_deputies.person_id', '<>', 'mailboxes.responsible_person_id')
        .where('people.employment_status', '<>', 'left')
        .where((inner) => inner.or([inner('people.end_date', 'is', null), inner('people.end_date', '>', today)])),
    ),
  ]);
}

function filtered(db: Executor, municipalityId: string, filters: MailboxFilters, today: string) {
  let builder = db
    .selectFrom('mailboxes')
    .innerJoin('departments', 'departments.id', 'mailboxes.department_id')
    .where('mailboxes.municipality_id', '=', municipalityId);
  if (filters.departmentIds)
    builder = builder.where('mailboxes.department_id', 'in', filters.departmentIds.length ? [...filters.departmentIds] : ['']);
  if (filters.covered !== undefined) {
    const covered = filters.covered;
    builder = builder.where((eb) => (covered ? coveredCondition(eb, today) : eb.not(coveredCondition(eb, today))));
  }
  if (filters.personId) {
    const personId = filters.personId;
    builder = builder.where((eb) =>
      eb.or([
        eb('mailboxes.responsible_person_id', '=', personId),
        eb.exists(
          eb
            .selectFrom('mailbox_deputies')
            .select('mailbox_deputies.person_id')
            .whereRef('mailbox_deputies.mailbox_id', '=', 'mailboxes.id')
            .where('mailbox_deputies.person_id', '=', personId),
        ),
      ]),
    );
  }
  if (filters.q) builder = builder.where(sql<boolean>`mailboxes.address like ${likePattern(filters.q)} escape '\\'`);
  return builder;
}

/** The responsible and deputies of a set of mailboxes, two queries whatever the page size. */
async function peopleOf(db: Executor, municipalityId: string, rows: readonly MailboxRow[], today: string) {
  const deputies = new Map<string, string[]>();
  const ids = rows.map((row) => row.id);
  if (ids.length > 0) {
    const deputyRows = await db
      .selectFrom('mailbox_deputies')
      .select(['mailbox_id', 'person_id'])
      .where('municipality_id', '=', municipalityId)
      .where('mailbox_id', 'in', ids)
      .orderBy('mailbox_id')
      .orderBy('position')
      .execute();
    for (const row of deputyRows) deputies.set(row.mailbox_id, [...(deputies.get(row.mailbox_id) ?? []), row.person_id]);
  }
  const personIds = [...new Set([...rows.flatMap((row) => row.responsible_person_id ?? []), ...[...deputies.values()].flat()])];
  const people = new Map<string, Person>();
  if (personIds.length > 0) {
    const personRows = await db
      .selectFrom('people')
      .select(['id', 'first_name', 'last_name', 'employment_status', 'end_date'])
      .where('municipality_id', '=', municipalityId)
      .where('id', 'in', personIds)
      .execute();
    for (const row of personRows) {
      const left = row.employment_status === 'left' || (row.end_date !== null && row.end_date <= today);
      people.set(row.id, { id: row.id, name: `${row.first_name} ${row.last_name}`, employmentStatus: left ? 'left' : 'active' });
    }
  }
  return { deputies, people };
}

function toMailboxes(rows: readonly MailboxRow[], found: Awaited<ReturnType<typeof peopleOf>>): MailboxRecord[] {
  return rows.map((row) => {
    const responsible = row.responsible_person_id ? (found.people.get(row.responsible_person_id) ?? null) : null;
    const deputies = (found.deputies.get(row.id) ?? []).flatMap((id) => found.people.get(id) ?? []);
    const covered =
      responsible?.employmentStatus === 'active' &&
      deputies.some((deputy) => deputy.id !== responsible.id && deputy.employmentStatus === 'active');
    return {
      id: row.id,
      version: row.version,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      address: row.address,
      departmentId: row.department_id,
      departmentName: row.department_name,
      purpose: row.purpose,
      responsible,
      deputies,
      watchFrequency: row.watch_frequency as MailboxRecord['watchFrequency'],
      receivesOfficialDocuments: row.receives_official_documents === 1,
      covered,
    };
  });
}

/** Functional mailboxes and their deputies. */
export const mailboxesRepository = {
  async list(db: Executor, municipalityId: string, query: MailboxListQuery, filters: MailboxFilters, today: string) {
    const sort = resolveSort(query.sort, { address: 'mailboxes.address' }, 'address', 'mailboxes.id');
    const rows = filtered(db, municipalityId, filters, today).selectAll('mailboxes').select('departments.name as department_name');
    const [page, covered] = await Promise.all([
      pageOf(rows, filtered(db, municipalityId, filters, today), sort, query, (row) => row as MailboxRow),
      filtered(db, municipalityId, { ...filters, covered: true }, today)
        .select(sql<number>`count(*)`.as('count'))
        .executeTakeFirstOrThrow(),
    ]);
    const coveredCount = filters.covered === false ? 0 : Number(covered.count);
    return { ...page, coveredCount, items: toMailboxes(page.items, await peopleOf(db, municipalityId, page.items, today)) };
  },

  async findById(db: Executor, municipalityId: string, id: string, today: string): Promise<MailboxRecord | undefined> {
    const row = await filtered(db, municipalityId, {}, today)
      .selectAll('mailboxes')
      .select('departments.name as department_name')
      .where('mailboxes.id', '=', id)
      .executeTakeFirst();
    return row ? toMailboxes([row], await peopleOf(db, municipalityId, [row], today))[0] : undefined;
  },

  async findIdByAddress(db: Executor, municipalityId: string, address: string) {
    const row = await db
      .selectFrom('mailboxes')
      .select('id')
      .where('municipality_id', '=', municipalityId)
      .where('address', '=', address)
      .executeTakeFirst();
    return row?.id;
  },

  async insert(db: Executor, values: Insertable<MailboxesTable>) {
    await db.insertInto('mailboxes').values(values).execute();
  },

  async update(db: Executor, municipalityId: string, id: string, version: number, values: VersionedValues<'mailboxes'>) {
    return updateAtVersion(db, 'mailboxes', { municipality_id: municipalityId, id }, version, values);
  },

  async replaceDeputies(db: Executor, municipalityId: string, mailboxId: string, personIds: readonly string[]) {
    await db.deleteFrom('mailbox_deputies').where('municipality_id', '=', municipalityId).where('mailbox_id', '=', mailboxId).execute();
    const unique = [...new Set(personIds)];
    if (unique.length === 0) return;
    await db
      .insertInto('mailbox_deputies')
      .values(
        unique.map((personId, position) => ({ municipality_id: municipalityId, mailbox_id: mailboxId, person_id: personId, position })),
      )
      .execute();
  },

  async delete(db: Executor, municipalityId: string, id: string, version: number) {
    await db.deleteFrom('mailbox_deputies').where('municipality_id', '=', municipalityId).where('mailbox_id', '=', id).execute();
    return deleteAtVersion(db, 'mailboxes', { municipality_id: municipalityId, id }, version);
  },

  async existingPersonIds(db: Executor, municipalityId: string, personIds: readonly string[]): Promise<Set<string>> {
    if (personIds.length === 0) return new Set();
    const rows = await db
      .selectFrom('people')
      .select('id')
      .where('municipality_id', '=', municipalityId)
      .where('id', 'in', [...new Set(personIds)])
      .execute();
    return new Set(rows.map((row) => row.id));
  },
};
