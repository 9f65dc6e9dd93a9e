import type { ChangeNoticeRecord, ChangeNoticeListQuery } from '@forvalta/contracts';
import { sql, type Selectable } from 'kysely';
import type { ChangeNoticesTable } from '../../platform/database-schema.ts';
import { inParallel, type Executor } from '../../platform/database.ts';
import { parseJson } from '../../platform/json.ts';
import { applyKeysetPage, finishPage, offsetPage, resolveSort } from '../../platform/paging.ts';
import { currentAssignment } from '../systems/index.ts';
import { updateAtVersion } from '../../platform/versioned-rows.ts';

type ChangeNoticeRow = Selectable<ChangeNoticesTable>;

/**
 * What a notice's deadline depends on besides its own row: the pack's working days and the
 * holidays, which the service reads (a rule of the policy), and today's Swedish date.
 */
export interface NoticeTerms {
  today: string;
  /** The Swedish date by which the IT unit acknowledges a notice created at this instant. */
  acknowledgeBy(createdAt: string): string;
}

function toNotice(row: ChangeNoticeRow, systemsOfNotice: Array<{ id: string; name: string }>, terms: NoticeTerms): ChangeNoticeRecord {
  const acknowledgeBy = terms.acknowledgeBy(row.created_at);
  return {
    id: row.id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    kind: row.kind as ChangeNoticeRecord['kind'],
    title: row.title,
    description: row.description,
    plannedOn: row.planned_on,
    systems: systemsOfNotice,
    source: row.source as ChangeNoticeRecord['source'],
    status: row.status as ChangeNoticeRecord['status'],
    createdByName: row.created_by_name,
    acknowledgedByName: row.acknowledged_by_name,
    acknowledgedAt: row.acknowledged_at,
    acknowledgementNote: row.acknowledgement_note,
    recipientPersonIds: parseJson(row.recipients_json, []),
    acknowledgeBy,
    overdue: row.status === 'open' && acknowledgeBy < terms.today,
  };
}

/** The systems of each notice, with names, in one query. */
async function systemsOf(db: Executor, municipalityId: string, noticeIds: string[]) {
  const grouped = new Map<string, Array<{ id: string; name: string }>>();
  if (noticeIds.length === 0) return grouped;
  const rows = await db
    .selectFrom('change_notice_systems')
    .innerJoin('systems', 'systems.id', 'change_notice_systems.system_id')
    .select(['change_notice_systems.change_notice_id', 'systems.id', 'systems.name'])
    .where('change_notice_systems.municipality_id', '=', municipalityId)
    .where('change_notice_systems.change_notice_id', 'in', noticeIds)
    .orderBy('systems.sort_key')
    .execute();
  for (const row of rows) {
    const list = grouped.get(row.change_notice_id) ?? [];
    list.push({ id: row.id, name: row.name });
    grouped.set(row.change_notice_id, list);
  }
  return grouped;
}

async function toNotices(db: Executor, municipalityId: string, rows: ChangeNoticeRow[], terms: NoticeTerms): Promise<ChangeNoticeRecord[]> {
  const grouped = await systemsOf(
    db,
    municipalityId,
    rows.map((row) => row.id),
  );
  return rows.map((row) => toNotice(row, grouped.get(row.id) ?? [], terms));
}

export interface NoticeValues {
  id: string;
  municipalityId: string;
  kind: string;
  title: string;
  description: string | null;
  plannedOn: string | null;
  source: 'manual' | 'automatic';
  sourceEventId: string | null;
  recipientPersonIds: string[];
  createdByName: string;
  systemIds: string[];
  now: string;
}

export interface ListFilters extends Omit<ChangeNoticeListQuery, 'limit' | 'cursor' | 'overdue'> {
  /** Open notices created before this instant are overdue. */
  overdueBefore?: { overdue: boolean; instant: string };
}

function filtered(db: Executor, municipalityId: string, query: ListFilters) {
  let builder = db.selectFrom('change_notices').where('change_notices.municipality_id', '=', municipalityId);
  if (query.status) builder = builder.where('change_notices.status', '=', query.status);
  if (query.kind) builder = builder.where('change_notices.kind', '=', query.kind);
  if (query.source) builder = builder.where('change_notices.source', '=', query.source);
  if (query.systemId) {
    const systemId = query.systemId;
    builder = builder.where((eb) =>
      eb.exists(
        eb
          .selectFrom('change_notice_systems')
          .select('change_notice_systems.system_id')
          .whereRef('change_notice_systems.change_notice_id', '=', 'change_notices.id')
          .where('change_notice_systems.system_id', '=', systemId),
      ),
    );
  }
  // Person ids are UUIDs, so a quoted id inside the JSON array matches only that person.
  if (query.recipientPersonId) builder = builder.where('change_notices.recipients_json', 'like', `%"${query.recipientPersonId}"%`);
  if (query.q)
    builder = builder.where(
      sql<boolean>`lower(change_notices.title) like ${`%${query.q.toLowerCase().replace(/[\\%_]/g, (character) => `\\${character}`)}%`} escape '\\'`,
    );
  if (query.overdueBefore) {
    const { overdue, instant } = query.overdueBefore;
    builder = overdue
      ? builder.where('change_notices.status', '=', 'open').where('change_notices.created_at', '<', instant)
      : builder.where((eb) => eb.or([eb('change_notices.status', '<>', 'open'), eb('change_notices.created_at', '>=', instant)]));
  }
  return builder;
}

/** Change notices (ändringsanmälningar) and the systems they concern. */
export const changeNoticesRepository = {
  /**
   * Every open notice of the municipality with its systems' names, oldest first: the IT unit's
   * acknowledgements on the to-do list (change-notice-tasks.ts). Two queries; the open ones are
   * found on the (municipality_id, status) index and stay few, since the IT unit clears its queue.
   */
  async openNotices(db: Executor, municipalityId: string) {
    const rows = await db
      .selectFrom('change_notices')
      .select(['id', 'title', 'created_at'])
      .where('municipality_id', '=', municipalityId)
      .where('status', '=', 'open')
      .orderBy('created_at')
      .execute();
    const grouped = await systemsOf(
      db,
      municipalityId,
      rows.map((row) => row.id),
    );
    return rows.map((row) => ({ id: row.id, title: row.title, createdAt: row.created_at, systems: grouped.get(row.id) ?? [] }));
  },

  async list(
    db: Executor,
    municipalityId: string,
    query: ListFilters & { limit: number; cursor?: string; sort?: string },
    terms: NoticeTerms,
  ): Promise<{ items: ChangeNoticeRecord[]; total: number; nextCursor: string | null }> {
    const count = () =>
      filtered(db, municipalityId, query)
        .select((eb) => eb.fn.countAll<number>().as('total'))
        .executeTakeFirstOrThrow();
    if (query.sort === 'queue') {
      // The IT unit's work order: open notices first, the oldest (nearest its deadline) first; then the acknowledged, newest first.
      const [page, total] = await inParallel(
        db,
        () =>
          offsetPage(
            (offset, limit) =>
              filtered(db, municipalityId, query)
                .selectAll('change_notices')
                .orderBy(sql`case when change_notices.status = 'open' then 0 else 1 end`)
                .orderBy(sql`case when change_notices.status = 'open' then change_notices.created_at end`)
                .orderBy('change_notices.created_at', 'desc')
                .orderBy('change_notices.id')
                .limit(limit)
                .offset(offset)
                .execute(),
            query.cursor,
            query.limit,
          ),
        count,
      );
      return { items: await toNotices(db, municipalityId, page.rows, terms), total: Number(total.total), nextCursor: page.nextCursor };
    }
    const sort = resolveSort(query.sort ?? '-createdAt', { createdAt: 'change_notices.created_at' }, 'createdAt', 'change_notices.id');
    const [rows, total] = await inParallel(
      db,
      () => applyKeysetPage(filtered(db, municipalityId, query).selectAll('change_notices'), sort, query.cursor, query.limit).execute(),
      count,
    );
    const page = finishPage(rows, query.limit);
    return {
      items: await toNotices(db, municipalityId, page.rows as ChangeNoticeRow[], terms),
      total: Number(total.total),
      nextCursor: page.nextCursor,
    };
  },

  async findById(db: Executor, municipalityId: string, id: string, terms: NoticeTerms): Promise<ChangeNoticeRecord | undefined> {
    const row = await db
      .selectFrom('change_notices')
      .selectAll()
      .where('municipality_id', '=', municipalityId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? (await toNotices(db, municipalityId, [row], terms))[0] : undefined;
  },

  async insert(db: Executor, values: NoticeValues) {
    await db
      .insertInto('change_notices')
      .values({
        id: values.id,
        municipality_id: values.municipalityId,
        kind: values.kind,
        title: values.title,
        description: values.description,
        planned_on: values.plannedOn,
        source: values.source,
        source_event_id: values.sourceEventId,
        status: 'open',
        recipients_json: JSON.stringify(values.recipientPersonIds),
        created_by_name: values.createdByName,
        acknowledged_by_person_id: null,
        acknowledged_by_name: null,
        acknowledged_at: null,
        acknowledgement_note: null,
        created_at: values.now,
        updated_at: values.now,
        version: 1,
      })
      .execute();
    if (values.systemIds.length > 0) {
      await db
        .insertInto('change_notice_systems')
        .values(
          values.systemIds.map((systemId) => ({
            municipality_id: values.municipalityId,
            change_notice_id: values.id,
            system_id: systemId,
          })),
        )
        .execute();
    }
  },

  async acknowledge(
    db: Executor,
    municipalityId: string,
    id: string,
    expectedVersion: number,
    values: { personId: string | null; name: string; note: string | null; now: string },
  ) {
    return updateAtVersion(db, 'change_notices', { municipality_id: municipalityId, id, status: 'open' }, expectedVersion, {
      status: 'acknowledged',
      acknowledged_by_person_id: values.personId,
      acknowledged_by_name: values.name,
      acknowledgement_note: values.note,
      acknowledged_at: values.now,
      updated_at: values.now,
    });
  },

  /** A deleted system (entered by mistake) drops out of the notices that named it; the notices stay. */
  async detachSystem(db: Executor, municipalityId: string, systemId: string) {
    await db.deleteFrom('change_notice_systems').where('municipality_id', '=', municipalityId).where('system_id', '=', systemId).execute();
  },

  /**
   * The current managers of the systems adjacent to these through an integration (either
   * direction), other than the systems themselves: they hear of a change that touches the link.
   */
  async adjacentManagerIds(db: Executor, municipalityId: string, systemIds: string[], today: string) {
    if (systemIds.length === 0) return [];
    const links = await db
      .selectFrom('integrations')
      .select(['provider_system_id', 'consumer_system_id'])
      .where('municipality_id', '=', municipalityId)
      .where((eb) => eb.or([eb('provider_system_id', 'in', systemIds), eb('consumer_system_id', 'in', systemIds)]))
      .execute();
    const own = new Set(systemIds);
    const adjacent = [...new Set(links.flatMap((link) => [link.provider_system_id, link.consumer_system_id]).filter((id) => !own.has(id)))];
    if (adjacent.length === 0) return [];
    const managers = await db
      .selectFrom('system_assignments')
      .select('person_id')
      .where('municipality_id', '=', municipalityId)
      .where('system_id', 'in', adjacent)
      .where('role', '=', 'manager')
      .where(currentAssignment('system_assignments', today))
      .execute();
    return [...new Set(managers.map((row) => row.person_id))];
  },
};
