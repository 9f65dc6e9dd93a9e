import type { ReviewListQuery, ReviewRecord } from '@forvalta/contracts';
import { sql, type Insertable, type Selectable } from 'kysely';
import type { ReviewsTable } from '../../platform/database-schema.ts';
import { inParallel, type Executor } from '../../platform/database.ts';
import { parseJson } from '../../platform/json.ts';
import { applyKeysetPage, finishPage, offsetPage, resolveSort } from '../../platform/paging.ts';
import { updateAtVersion } from '../../platform/versioned-rows.ts';

type ReviewRow = Selectable<ReviewsTable> & { system_name: string; owner_department_id: string };

function filtered(db: Executor, municipalityId: string, query: Omit<ReviewListQuery, 'limit' | 'cursor'>, today: string) {
  let builder = db
    .selectFrom('reviews')
    .innerJoin('systems', 'systems.id', 'reviews.system_id')
    .where('reviews.municipality_id', '=', municipalityId);
  if (query.systemId) builder = builder.where('reviews.system_id', '=', query.systemId);
  if (query.status) builder = builder.where('reviews.status', '=', query.status);
  if (query.ownerDepartmentId) builder = builder.where('systems.owner_department_id', '=', query.ownerDepartmentId);
  if (query.overdue === true) builder = builder.where('reviews.status', '=', 'planned').where('reviews.planned_on', '<', today);
  if (query.overdue === false)
    builder = builder.where((eb) => eb.or([eb('reviews.status', '<>', 'planned'), eb('reviews.planned_on', '>=', today)]));
  if (query.plannedOnOrBefore)
    builder = builder.where('reviews.status', '=', 'planned').where('reviews.planned_on', '<=', query.plannedOnOrBefore);
  return builder;
}

type StoredAdjacent = { systemId: string; considered: boolean; note: string | null };
type StoredAction = Omit<ReviewRecord['actions'][number], 'ownerName'>;

async function personNames(db: Executor, municipalityId: string, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db
    .selectFrom('people')
    .select(['id', 'first_name', 'last_name'])
    .where('municipality_id', '=', municipalityId)
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((row) => [row.id, `${row.first_name} ${row.last_name}`]));
}

async function systemNames(db: Executor, municipalityId: string, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db
    .selectFrom('systems')
    .select(['id', 'name'])
    .where('municipality_id', '=', municipalityId)
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

/**
 * Reviews as the contract has them: the stored adjacent systems and actions with the names of
 * the systems and owners (two queries for any number of rows), and whether a planned one is overdue.
 */
async function toReviews(executor: Executor, municipalityId: string, rows: ReviewRow[], today: string): Promise<ReviewRecord[]> {
  const adjacentByReview = new Map(rows.map((row) => [row.id, parseJson<StoredAdjacent[]>(row.adjacent_json, [])]));
  const actionsByReview = new Map(rows.map((row) => [row.id, parseJson<StoredAction[]>(row.actions_json, [])]));
  const ownerIds = [
    ...new Set(
      [...actionsByReview.values()]
        .flat()
        .map((action) => action.ownerPersonId)
        .filter((id): id is string => Boolean(id)),
    ),
  ];
  const [names, owners] = await inParallel(
    executor,
    () => systemNames(executor, municipalityId, [...new Set([...adjacentByReview.values()].flat().map((entry) => entry.systemId))]),
    () => personNames(executor, municipalityId, ownerIds),
  );
  const now = today;
  return rows.map((row) => ({
    id: row.id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    systemId: row.system_id,
    systemName: row.system_name,
    ownerDepartmentId: row.owner_department_id,
    status: row.status as ReviewRecord['status'],
    plannedOn: row.planned_on,
    heldOn: row.held_on,
    participants: parseJson(row.participants_json, []),
    // A system deleted since drops out of the list rather than showing without a name.
    adjacentSystems: adjacentByReview
      .get(row.id)!
      .filter((entry) => names.has(entry.systemId))
      .map((entry) => ({ ...entry, systemName: names.get(entry.systemId)! })),
    evaluations: { use: row.evaluation_use, coordination: row.evaluation_coordination, efficiency: row.evaluation_efficiency },
    findings: row.findings,
    actions: actionsByReview
      .get(row.id)!
      .map((action) => ({ ...action, ownerName: action.ownerPersonId ? (owners.get(action.ownerPersonId) ?? null) : null })),
    nextReviewOn: row.next_review_on,
    overdue: row.status === 'planned' && row.planned_on < now,
  }));
}

/** Reviews (genomgångar) of systems by their owners. */
export const reviewsRepository = {
  async list(db: Executor, municipalityId: string, query: ReviewListQuery, today: string) {
    const selected = () =>
      filtered(db, municipalityId, query, today)
        .selectAll('reviews')
        .select(['systems.name as system_name', 'systems.owner_department_id']);
    const count = () =>
      filtered(db, municipalityId, query, today)
        .select((eb) => eb.fn.countAll<number>().as('total'))
        .executeTakeFirstOrThrow();
    if (query.sort === 'queue') {
      // The planning order: planned reviews first, the earliest (most overdue) first; then the held ones, latest first.
      const [page, total] = await inParallel(
        db,
        () =>
          offsetPage(
            (offset, limit) =>
              selected()
                .orderBy(sql`case when reviews.status = 'planned' then 0 else 1 end`)
                .orderBy(sql`case when reviews.status = 'planned' then reviews.planned_on end`)
                .orderBy('reviews.held_on', 'desc')
                .orderBy('reviews.id')
                .limit(limit)
                .offset(offset)
                .execute(),
            query.cursor,
            query.limit,
          ),
        count,
      );
      return {
        items: await toReviews(db, municipalityId, page.rows as ReviewRow[], today),
        total: Number(total.total),
        nextCursor: page.nextCursor,
      };
    }
    const sort = resolveSort(query.sort, { plannedOn: 'reviews.planned_on', updatedAt: 'reviews.updated_at' }, 'plannedOn', 'reviews.id');
    const [rows, total] = await inParallel(db, () => applyKeysetPage(selected(), sort, query.cursor, query.limit).execute(), count);
    const page = finishPage(rows, query.limit);
    return {
      items: await toReviews(db, municipalityId, page.rows as ReviewRow[], today),
      total: Number(total.total),
      nextCursor: page.nextCursor,
    };
  },

  async findById(db: Executor, municipalityId: string, id: string, today: string): Promise<ReviewRecord | undefined> {
    const row = await db
      .selectFrom('reviews')
      .innerJoin('systems', 'systems.id', 'reviews.system_id')
      .selectAll('reviews')
      .select(['systems.name as system_name', 'systems.owner_department_id'])
      .where('reviews.municipality_id', '=', municipalityId)
      .where('reviews.id', '=', id)
      .executeTakeFirst();
    return row ? (await toReviews(db, municipalityId, [row], today))[0] : undefined;
  },

  async insert(db: Executor, values: Insertable<ReviewsTable>) {
    await db.insertInto('reviews').values(values).execute();
  },

  async update(
    db: Executor,
    municipalityId: string,
    id: string,
    expectedVersion: number,
    columns: Partial<Omit<ReviewsTable, 'id' | 'municipality_id' | 'system_id' | 'created_at' | 'version'>>,
  ) {
    return updateAtVersion(db, 'reviews', { municipality_id: municipalityId, id }, expectedVersion, { ...columns });
  },

  /** The systems linked to this one by an integration, either way: the review's preselection. */
  async adjacentSystemIds(db: Executor, municipalityId: string, systemId: string) {
    const links = await db
      .selectFrom('integrations')
      .select(['provider_system_id', 'consumer_system_id'])
      .where('municipality_id', '=', municipalityId)
      .where((eb) => eb.or([eb('provider_system_id', '=', systemId), eb('consumer_system_id', '=', systemId)]))
      .execute();
    return [...new Set(links.map((link) => (link.provider_system_id === systemId ? link.consumer_system_id : link.provider_system_id)))];
  },

  /** The names of the systems among `ids` that exist in the municipality. */
  systemNames,

  /**
   * For each of the systems, its earliest planned review and its newest held one (what the
   * to-do list's review task is dated from): one query on the (municipality_id, system_id) index.
   */
  async reviewDatesOfSystems(db: Executor, municipalityId: string, systemIds: string[]) {
    const dates = new Map<string, ReviewDates>();
    if (systemIds.length === 0) return dates;
    const rows = await db
      .selectFrom('reviews')
      .select(['id', 'system_id', 'status', 'planned_on', 'held_on', 'next_review_on'])
      .where('municipality_id', '=', municipalityId)
      .where('system_id', 'in', systemIds)
      .execute();
    for (const row of rows) {
      const entry = dates.get(row.system_id) ?? { planned: null, held: null };
      if (row.status === 'planned' && (entry.planned === null || row.planned_on < entry.planned.plannedOn))
        entry.planned = { id: row.id, plannedOn: row.planned_on };
      if (row.status === 'held' && row.held_on !== null && (entry.held === null || row.held_on > entry.held.heldOn))
        entry.held = { heldOn: row.held_on, nextReviewOn: row.next_review_on };
      dates.set(row.system_id, entry);
    }
    return dates;
  },
};

export interface ReviewDates {
  planned: { id: string; plannedOn: string } | null;
  held: { heldOn: string; nextReviewOn: string | null } | null;
}
