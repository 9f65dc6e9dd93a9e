import type { ReviewListQuery } from '@forvalta/contracts';
import { sql, type Insertable, type Selectable } from 'kysely';
import type { ReviewsTable } from '../../platform/database-schema.ts';
import { inParallel, type Executor } from '../../platform/database.ts';
import { applyKeysetPage, finishPage, offsetPage, resolveSort } from '../../platform/paging.ts';
import { updateAtVersion } from '../../platform/versioned-rows.ts';

export type ReviewRow = Selectable<ReviewsTable> & { system_name: string; owner_department_id: string };

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
      return { rows: page.rows as ReviewRow[], total: Number(total.total), nextCursor: page.nextCursor };
    }
    const sort = resolveSort(query.sort, { plannedOn: 'reviews.planned_on', updatedAt: 'reviews.updated_at' }, 'plannedOn', 'reviews.id');
    const [rows, total] = await inParallel(db, () => applyKeysetPage(selected(), sort, query.cursor, query.limit).execute(), count);
    const page = finishPage(rows, query.limit);
    return { rows: page.rows as ReviewRow[], total: Number(total.total), nextCursor: page.nextCursor };
  },

  async findById(db: Executor, municipalityId: string, id: string): Promise<ReviewRow | undefined> {
    return db
      .selectFrom('reviews')
      .innerJoin('systems', 'systems.id', 'reviews.system_id')
      .selectAll('reviews')
      .select(['systems.name as system_name', 'systems.owner_department_id'])
      .where('reviews.municipality_id', '=', municipalityId)
      .where('reviews.id', '=', id)
      .executeTakeFirst();
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

  async personNames(db: Executor, municipalityId: string, ids: string[]) {
    if (ids.length === 0) return new Map<string, string>();
    const rows = await db
      .selectFrom('people')
      .select(['id', 'first_name', 'last_name'])
      .where('municipality_id', '=', municipalityId)
      .where('id', 'in', ids)
      .execute();
    return new Map(rows.map((row) => [row.id, `${row.first_name} ${row.last_name}`]));
  },

  async systemNames(db: Executor, municipalityId: string, ids: string[]) {
    if (ids.length === 0) return new Map<string, string>();
    const rows = await db
      .selectFrom('systems')
      .select(['id', 'name'])
      .where('municipality_id', '=', municipalityId)
      .where('id', 'in', ids)
      .execute();
    return new Map(rows.map((row) => [row.id, row.name]));
  },
};
