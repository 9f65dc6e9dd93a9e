import type {
  RecertificationItem,
  RecertificationItemListQuery,
  RecertificationListQuery,
  RecertificationRecord,
} from '@forvalta/contracts';
import { sql, type Insertable } from 'kysely';
import type { RecertificationCampaignsTable } from '../../platform/database-schema.ts';
import type { Executor } from '../../platform/database.ts';
import { pageOf, resolveSort } from '../../platform/paging.ts';

/** Which campaigns a caller sees: all, or those of the departments they oversee and of the systems they keep. */
export type CampaignVisibility = { all: true } | { all: false; departmentIds: readonly string[]; systemIds: readonly string[] };

type CampaignRow = RecertificationCampaignsTable & {
  system_name: string | null;
  department_name: string | null;
  total: number | string;
  kept: number | string;
  ended: number | string;
  system_count: number | string;
};

function toCampaign(row: CampaignRow, today: string): RecertificationRecord {
  const total = Number(row.total);
  const kept = Number(row.kept);
  const ended = Number(row.ended);
  const undecided = total - kept - ended;
  return {
    id: row.id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    title: row.title,
    scope: row.scope as RecertificationRecord['scope'],
    systemId: row.system_id,
    systemName: row.system_name,
    departmentId: row.department_id,
    departmentName: row.department_name,
    dueDate: row.due_date,
    startedAt: row.started_at,
    startedByName: row.started_by_name,
    completed: undecided === 0,
    overdue: undecided > 0 && row.due_date < today,
    progress: { total, kept, ended, undecided },
    systemCount: Number(row.system_count),
  };
}

function campaigns(db: Executor, municipalityId: string) {
  const count = (condition: string) =>
    sql<number>`(select count(*) from recertification_items items where items.campaign_id = recertification_campaigns.id ${sql.raw(condition)})`;
  return db
    .selectFrom('recertification_campaigns')
    .leftJoin('systems', 'systems.id', 'recertification_campaigns.system_id')
    .leftJoin('departments', 'departments.id', 'recertification_campaigns.department_id')
    .selectAll('recertification_campaigns')
    .select([
      'systems.name as system_name',
      'departments.name as department_name',
      count('').as('total'),
      count("and items.decision = 'keep'").as('kept'),
      count("and items.decision = 'end'").as('ended'),
      sql<number>`(select count(distinct items.system_id) from recertification_items items where items.campaign_id = recertification_campaigns.id)`.as(
        'system_count',
      ),
    ])
    .where('recertification_campaigns.municipality_id', '=', municipalityId);
}

function visible(db: Executor, municipalityId: string, visibility: CampaignVisibility) {
  let builder = db.selectFrom('recertification_campaigns').where('recertification_campaigns.municipality_id', '=', municipalityId);
  if (!visibility.all) {
    const { departmentIds, systemIds } = visibility;
    builder = builder.where((eb) =>
      eb.or([
        ...(departmentIds.length > 0
          ? [
              eb('recertification_campaigns.department_id', 'in', [...departmentIds]),
              eb.exists(
                eb
                  .selectFrom('systems')
                  .select('systems.id')
                  .whereRef('systems.id', '=', 'recertification_campaigns.system_id')
                  .where('systems.owner_department_id', 'in', [...departmentIds]),
              ),
            ]
          : []),
        ...(systemIds.length > 0
          ? [
              eb.exists(
                eb
                  .selectFrom('recertification_items')
                  .select('recertification_items.right_id')
                  .whereRef('recertification_items.campaign_id', '=', 'recertification_campaigns.id')
                  .where('recertification_items.system_id', 'in', [...systemIds]),
              ),
            ]
          : []),
        sql<boolean>`1 = 0`,
      ]),
    );
  }
  return builder;
}

/** Recertification campaigns and the rights they snapshot. */
export const recertificationsRepository = {
  async list(db: Executor, municipalityId: string, query: RecertificationListQuery, visibility: CampaignVisibility, today: string) {
    const ids = visible(db, municipalityId, visibility).select('recertification_campaigns.id');
    let filtered = db
      .selectFrom('recertification_campaigns')
      .where('recertification_campaigns.municipality_id', '=', municipalityId)
      .where('recertification_campaigns.id', 'in', ids);
    let rows = campaigns(db, municipalityId).where('recertification_campaigns.id', 'in', ids);
    if (query.systemId) {
      filtered = filtered.where('recertification_campaigns.system_id', '=', query.systemId);
      rows = rows.where('recertification_campaigns.system_id', '=', query.systemId);
    }
    if (query.departmentId) {
      filtered = filtered.where('recertification_campaigns.department_id', '=', query.departmentId);
      rows = rows.where('recertification_campaigns.department_id', '=', query.departmentId);
    }
    const sort = resolveSort(
      query.sort,
      { dueDate: 'recertification_campaigns.due_date', startedAt: 'recertification_campaigns.started_at' },
      '-startedAt',
      'recertification_campaigns.id',
    );
    const page = await pageOf(rows, filtered, sort, query, (row) => toCampaign(row as unknown as CampaignRow, today));
    if (query.completed === undefined) return page;
    // The completed filter is judged on the page (campaigns are few per municipality).
    return { ...page, items: page.items.filter((campaign) => campaign.completed === query.completed) };
  },

  async findById(db: Executor, municipalityId: string, id: string, today: string, visibility: CampaignVisibility = { all: true }) {
    const row = await campaigns(db, municipalityId)
      .where('recertification_campaigns.id', 'in', visible(db, municipalityId, visibility).select('recertification_campaigns.id'))
      .where('recertification_campaigns.id', '=', id)
      .executeTakeFirst();
    return row ? toCampaign(row as unknown as CampaignRow, today) : undefined;
  },

  async insert(db: Executor, values: Insertable<RecertificationCampaignsTable>) {
    await db.insertInto('recertification_campaigns').values(values).execute();
  },

  /** The systems a department campaign covers: those its departments own (not retired); read-only over the register. */
  async systemsOwnedBy(db: Executor, municipalityId: string, departmentIds: readonly string[]): Promise<string[]> {
    if (departmentIds.length === 0) return [];
    const rows = await db
      .selectFrom('systems')
      .select('id')
      .where('municipality_id', '=', municipalityId)
      .where('owner_department_id', 'in', [...departmentIds])
      .where('lifecycle', '<>', 'retired')
      .execute();
    return rows.map((row) => row.id);
  },

  /** Snapshots every right not ended of the systems into the campaign, in one statement; answers how many. */
  async snapshotRights(db: Executor, municipalityId: string, campaignId: string, systemIds: readonly string[]): Promise<number> {
    if (systemIds.length === 0) return 0;
    const result = await db
      .insertInto('recertification_items')
      .columns(['municipality_id', 'campaign_id', 'right_id', 'system_id', 'person_id'])
      .expression(
        db
          .selectFrom('access_rights')
          .select([
            'access_rights.municipality_id',
            sql<string>`${campaignId}`.as('campaign_id'),
            'access_rights.id as right_id',
            'access_rights.system_id',
            'access_rights.person_id',
          ])
          .where('access_rights.municipality_id', '=', municipalityId)
          .where('access_rights.system_id', 'in', [...systemIds])
          .where('access_rights.state', '<>', 'ended'),
      )
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0);
  },

  async listItems(db: Executor, municipalityId: string, campaignId: string, query: RecertificationItemListQuery) {
    let filtered = db
      .selectFrom('recertification_items')
      .innerJoin('access_rights', 'access_rights.id', 'recertification_items.right_id')
      .innerJoin('people', 'people.id', 'recertification_items.person_id')
      .innerJoin('systems', 'systems.id', 'recertification_items.system_id')
      .innerJoin('access_levels', 'access_levels.id', 'access_rights.level_id')
      .where('recertification_items.municipality_id', '=', municipalityId)
      .where('recertification_items.campaign_id', '=', campaignId);
    if (query.systemId) filtered = filtered.where('recertification_items.system_id', '=', query.systemId);
    if (query.decision === 'undecided') filtered = filtered.where('recertification_items.decision', 'is', null);
    else if (query.decision) filtered = filtered.where('recertification_items.decision', '=', query.decision);
    const rows = filtered.select([
      'recertification_items.right_id as id',
      'recertification_items.campaign_id',
      'recertification_items.person_id',
      'recertification_items.system_id',
      'recertification_items.decision',
      'recertification_items.decided_at',
      'recertification_items.decided_by_name',
      'recertification_items.note',
      'people.first_name',
      'people.last_name',
      'people.employment_status',
      'systems.name as system_name',
      'access_levels.name as level_name',
      'access_levels.privileged',
      'access_rights.state',
      'access_rights.flagged_for_removal',
    ]);
    const sort = resolveSort(
      query.sort,
      { personName: 'people.sort_key', systemName: 'systems.sort_key' },
      'personName',
      'recertification_items.right_id',
    );
    return pageOf(rows, filtered, sort, query, (row) => ({
      campaignId: row.campaign_id,
      rightId: row.id,
      personId: row.person_id,
      personName: `${row.first_name} ${row.last_name}`,
      personEmploymentStatus: row.employment_status as RecertificationItem['personEmploymentStatus'],
      systemId: row.system_id,
      systemName: row.system_name,
      levelName: row.level_name,
      privileged: row.privileged === 1,
      rightState: row.state as RecertificationItem['rightState'],
      flaggedForRemoval: row.flagged_for_removal === 1,
      decision: row.decision as RecertificationItem['decision'],
      decidedAt: row.decided_at,
      decidedByName: row.decided_by_name,
      note: row.note,
    }));
  },

  /** The undecided items the decision covers: the rights named, or every undecided one (of a system). */
  async undecidedItems(
    db: Executor,
    municipalityId: string,
    campaignId: string,
    selection: { rightIds?: readonly string[]; systemId?: string },
  ) {
    let builder = db
      .selectFrom('recertification_items')
      .select(['right_id', 'system_id', 'person_id'])
      .where('municipality_id', '=', municipalityId)
      .where('campaign_id', '=', campaignId)
      .where('decision', 'is', null);
    if (selection.rightIds) builder = builder.where('right_id', 'in', [...selection.rightIds]);
    if (selection.systemId) builder = builder.where('system_id', '=', selection.systemId);
    return builder.execute();
  },

  /** The systems the campaign covers. */
  async systemIdsOf(db: Executor, municipalityId: string, campaignId: string): Promise<string[]> {
    const rows = await db
      .selectFrom('recertification_items')
      .select('system_id')
      .distinct()
      .where('municipality_id', '=', municipalityId)
      .where('campaign_id', '=', campaignId)
      .execute();
    return rows.map((row) => row.system_id);
  },

  async recordDecisions(
    db: Executor,
    municipalityId: string,
    campaignId: string,
    rightIds: readonly string[],
    decision: { decision: string; decidedAt: string; decidedByPersonId: string | null; decidedByName: string; note: string | null },
  ) {
    for (let start = 0; start < rightIds.length; start += 500) {
      await db
        .updateTable('recertification_items')
        .set({
          decision: decision.decision,
          decided_at: decision.decidedAt,
          decided_by_person_id: decision.decidedByPersonId,
          decided_by_name: decision.decidedByName,
          note: decision.note,
        })
        .where('municipality_id', '=', municipalityId)
        .where('campaign_id', '=', campaignId)
        .where('decision', 'is', null)
        .where('right_id', 'in', rightIds.slice(start, start + 500))
        .execute();
    }
  },

  async touch(db: Executor, municipalityId: string, campaignId: string, now: string) {
    await db
      .updateTable('recertification_campaigns')
      .set((eb) => ({ updated_at: now, version: eb('version', '+', 1) }))
      .where('municipality_id', '=', municipalityId)
      .where('id', '=', campaignId)
      .execute();
  },

  /** Open items of the systems among `systemIds`, per campaign: the stewards' to-do entries. */
  async openItemsOfSystems(db: Executor, municipalityId: string, systemIds: readonly string[]) {
    if (systemIds.length === 0) return [];
    return db
      .selectFrom('recertification_items')
      .innerJoin('recertification_campaigns', 'recertification_campaigns.id', 'recertification_items.campaign_id')
      .select([
        'recertification_campaigns.id',
        'recertification_campaigns.title',
        'recertification_campaigns.due_date',
        sql<number>`count(*)`.as('count'),
      ])
      .where('recertification_items.municipality_id', '=', municipalityId)
      .where('recertification_items.system_id', 'in', [...systemIds])
      .where('recertification_items.decision', 'is', null)
      .groupBy(['recertification_campaigns.id', 'recertification_campaigns.title', 'recertification_campaigns.due_date'])
      .execute();
  },
};
