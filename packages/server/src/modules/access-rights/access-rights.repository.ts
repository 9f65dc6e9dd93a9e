import type { AccessRightListQuery, AccessRightRecord } from '@forvalta/contracts';
import { sql, type Insertable, type Selectable } from 'kysely';
import type { AccessRightsTable } from '../../platform/database-schema.ts';
import type { Executor } from '../../platform/database.ts';
import { pageOf, resolveSort } from '../../platform/paging.ts';
import { likePattern } from '../../platform/text.ts';
import { updateAtVersion, type VersionedValues } from '../../platform/versioned-rows.ts';

/**
 * Whose rights a caller reads: all of them, or the union of their own, their departments' people's
 * (by the holder's department) and the rights in the systems they keep.
 */
export type RightVisibility =
  | { all: true }
  | { all: false; personId: string | null; departmentIds: readonly string[]; systemIds: readonly string[] };

export type RightFilters = Omit<AccessRightListQuery, 'limit' | 'cursor' | 'sort' | 'departmentId'> & {
  departmentIds?: readonly string[];
};

type RightRow = Selectable<AccessRightsTable> & {
  first_name: string;
  last_name: string;
  email: string;
  department_id: string | null;
  employment_status: string;
  level_name: string;
  privileged: number;
  system_name: string;
};

function toRight(row: RightRow): AccessRightRecord {
  return {
    id: row.id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    personId: row.person_id,
    personName: `${row.first_name} ${row.last_name}`,
    personEmail: row.email,
    personDepartmentId: row.department_id,
    personEmploymentStatus: row.employment_status as AccessRightRecord['personEmploymentStatus'],
    systemId: row.system_id,
    systemName: row.system_name,
    levelId: row.level_id,
    levelName: row.level_name,
    privileged: row.privileged === 1,
    state: row.state as AccessRightRecord['state'],
    source: row.source as AccessRightRecord['source'],
    startDate: row.start_date,
    endDate: row.end_date,
    reason: row.reason,
    caseReference: row.case_reference,
    grantedAt: row.granted_at,
    grantedByPersonId: row.granted_by_person_id,
    grantedByName: row.granted_by_name,
    activatedAt: row.activated_at,
    activation: row.activation as AccessRightRecord['activation'],
    exceptionReason: row.exception_reason,
    exceptionByName: row.exception_by_name,
    flaggedForRemoval: row.flagged_for_removal === 1,
    flaggedAt: row.flagged_at,
    endedAt: row.ended_at,
    endedByName: row.ended_by_name,
    endReason: row.end_reason as AccessRightRecord['endReason'],
    endNote: row.end_note,
    lastRecertifiedOn: row.last_recertified_on,
  };
}

function joined(db: Executor, municipalityId: string) {
  return db
    .selectFrom('access_rights')
    .innerJoin('people', 'people.id', 'access_rights.person_id')
    .innerJoin('access_levels', 'access_levels.id', 'access_rights.level_id')
    .innerJoin('systems', 'systems.id', 'access_rights.system_id')
    .where('access_rights.municipality_id', '=', municipalityId);
}

function filtered(db: Executor, municipalityId: string, filters: RightFilters, visibility: RightVisibility) {
  let builder = joined(db, municipalityId);
  if (!visibility.all) {
    const { personId, departmentIds, systemIds } = visibility;
    builder = builder.where((eb) =>
      eb.or([
        ...(personId ? [eb('access_rights.person_id', '=', personId)] : []),
        ...(departmentIds.length > 0 ? [eb('people.department_id', 'in', [...departmentIds])] : []),
        ...(systemIds.length > 0 ? [eb('access_rights.system_id', 'in', [...systemIds])] : []),
        sql<boolean>`1 = 0`,
      ]),
    );
  }
  if (filters.systemId) builder = builder.where('access_rights.system_id', '=', filters.systemId);
  if (filters.personId) builder = builder.where('access_rights.person_id', '=', filters.personId);
  if (filters.departmentIds)
    builder = builder.where('people.department_id', 'in', filters.departmentIds.length ? [...filters.departmentIds] : ['']);
  if (filters.state) builder = builder.where('access_rights.state', '=', filters.state);
  if (filters.flagged !== undefined) builder = builder.where('access_rights.flagged_for_removal', '=', filters.flagged ? 1 : 0);
  if (filters.levelId) builder = builder.where('access_rights.level_id', '=', filters.levelId);
  if (filters.privileged !== undefined) builder = builder.where('access_levels.privileged', '=', filters.privileged ? 1 : 0);
  if (filters.source) builder = builder.where('access_rights.source', '=', filters.source);
  if (filters.q) builder = builder.where(sql<boolean>`people.search_text like ${likePattern(filters.q)} escape '\\'`);
  return builder;
}

/**
 * The count of a list whose filters read only the rights' own columns: the holder's and the
 * level's rows are not joined (their foreign keys make every right have both), so a system's
 * 5,000 rights at L are counted off its index alone; the system is joined as the list joins it.
 * Other filters count through `filtered`, the list's own statement.
 */
function counted(db: Executor, municipalityId: string, filters: RightFilters, visibility: RightVisibility) {
  const readsHolderOrLevel =
    filters.q !== undefined ||
    filters.departmentIds !== undefined ||
    filters.privileged !== undefined ||
    (!visibility.all && visibility.departmentIds.length > 0);
  if (readsHolderOrLevel) return filtered(db, municipalityId, filters, visibility);
  let builder = db
    .selectFrom('access_rights')
    .innerJoin('systems', 'systems.id', 'access_rights.system_id')
    .where('access_rights.municipality_id', '=', municipalityId);
  if (!visibility.all) {
    const { personId, systemIds } = visibility;
    builder = builder.where((eb) =>
      eb.or([
        ...(personId ? [eb('access_rights.person_id', '=', personId)] : []),
        ...(systemIds.length > 0 ? [eb('access_rights.system_id', 'in', [...systemIds])] : []),
        sql<boolean>`1 = 0`,
      ]),
    );
  }
  if (filters.systemId) builder = builder.where('access_rights.system_id', '=', filters.systemId);
  if (filters.personId) builder = builder.where('access_rights.person_id', '=', filters.personId);
  if (filters.state) builder = builder.where('access_rights.state', '=', filters.state);
  if (filters.flagged !== undefined) builder = builder.where('access_rights.flagged_for_removal', '=', filters.flagged ? 1 : 0);
  if (filters.levelId) builder = builder.where('access_rights.level_id', '=', filters.levelId);
  if (filters.source) builder = builder.where('access_rights.source', '=', filters.source);
  return builder;
}

const selection = [
  'people.first_name',
  'people.last_name',
  'people.email',
  'people.department_id',
  'people.employment_status',
  'access_levels.name as level_name',
  'access_levels.privileged',
  'systems.name as system_name',
] as const;

/** Access rights: person × system × level, never deleted. */
export const accessRightsRepository = {
  async list(db: Executor, municipalityId: string, query: AccessRightListQuery, filters: RightFilters, visibility: RightVisibility) {
    const sort = resolveSort(
      query.sort,
      {
        personName: 'people.sort_key',
        systemName: 'systems.sort_key',
        startDate: 'access_rights.start_date',
        grantedAt: 'access_rights.granted_at',
      },
      'personName',
      'access_rights.id',
    );
    // Two steps: the page's ids and sort values, which the indexes of migration 097 answer without
    // reading a table row (a system's 5,000 rights at L), then the page's 50 rows in full. In one
    // statement every candidate's whole row was read before the sort: 120 ms at L (docs/performance.md).
    const keys = filtered(db, municipalityId, filters, visibility).select('access_rights.id');
    const page = await pageOf(keys, counted(db, municipalityId, filters, visibility), sort, query, (row) => row.id);
    if (page.items.length === 0) return { ...page, items: [] };
    // By primary key alone: the ids are the page's, of this municipality, which is checked on the
    // rows; named in the statement, SQLite without fresh statistics scanned the municipality's index.
    const rows = await db
      .selectFrom('access_rights')
      .innerJoin('people', 'people.id', 'access_rights.person_id')
      .innerJoin('access_levels', 'access_levels.id', 'access_rights.level_id')
      .innerJoin('systems', 'systems.id', 'access_rights.system_id')
      .selectAll('access_rights')
      .select(selection)
      .where('access_rights.id', 'in', page.items)
      .execute();
    const byId = new Map(rows.filter((row) => row.municipality_id === municipalityId).map((row) => [row.id, toRight(row as RightRow)]));
    return { ...page, items: page.items.map((id) => byId.get(id)).filter((right): right is AccessRightRecord => right !== undefined) };
  },

  async findById(db: Executor, municipalityId: string, id: string): Promise<AccessRightRecord | undefined> {
    const row = await joined(db, municipalityId)
      .selectAll('access_rights')
      .select(selection)
      .where('access_rights.id', '=', id)
      .executeTakeFirst();
    return row ? toRight(row as RightRow) : undefined;
  },

  async findMany(db: Executor, municipalityId: string, ids: readonly string[]): Promise<AccessRightRecord[]> {
    if (ids.length === 0) return [];
    const rows = await joined(db, municipalityId)
      .selectAll('access_rights')
      .select(selection)
      .where('access_rights.id', 'in', [...ids])
      .execute();
    const byId = new Map(rows.map((row) => [row.id, toRight(row as RightRow)]));
    return ids.map((id) => byId.get(id)).filter((right): right is AccessRightRecord => right !== undefined);
  },

  /** Every right of the export, in one statement (the export is a file, not a page). */
  async listForExport(db: Executor, municipalityId: string, filters: { systemId?: string; grantedSince?: string; state?: string }) {
    let builder = joined(db, municipalityId).selectAll('access_rights').select(selection);
    if (filters.systemId) builder = builder.where('access_rights.system_id', '=', filters.systemId);
    if (filters.grantedSince) builder = builder.where('access_rights.granted_at', '>=', filters.grantedSince);
    builder = filters.state
      ? builder.where('access_rights.state', '=', filters.state)
      : builder.where('access_rights.state', '<>', 'ended');
    const rows = await builder.orderBy('systems.sort_key').orderBy('people.sort_key').orderBy('access_rights.id').execute();
    return rows.map((row) => toRight(row as RightRow));
  },

  /** The municipality's departments as a tree's rows, for a department filter's subtree. */
  async departmentsOf(db: Executor, municipalityId: string) {
    return db.selectFrom('departments').select(['id', 'parent_id']).where('municipality_id', '=', municipalityId).execute();
  },

  async insert(db: Executor, values: Insertable<AccessRightsTable>) {
    await db.insertInto('access_rights').values(values).execute();
  },

  async update(db: Executor, municipalityId: string, id: string, version: number, values: VersionedValues<'access_rights'>) {
    return updateAtVersion(db, 'access_rights', { municipality_id: municipalityId, id }, version, values);
  },

  /** The levels among `levelIds` the person holds already (a right not ended). */
  async heldLevelIds(db: Executor, municipalityId: string, personId: string, levelIds: readonly string[]): Promise<Set<string>> {
    if (levelIds.length === 0) return new Set();
    const rows = await db
      .selectFrom('access_rights')
      .select('level_id')
      .where('municipality_id', '=', municipalityId)
      .where('person_id', '=', personId)
      .where('state', '<>', 'ended')
      .where('level_id', 'in', [...levelIds])
      .execute();
    return new Set(rows.map((row) => row.level_id));
  },

  /** Whether the person holds any right that is active or pending, in any system: the gate's "first right". */
  async holdsAnyRight(db: Executor, municipalityId: string, personId: string): Promise<boolean> {
    const row = await db
      .selectFrom('access_rights')
      .select('id')
      .where('municipality_id', '=', municipalityId)
      .where('person_id', '=', personId)
      .where('state', 'in', ['active', 'pending_acknowledgement'])
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  },

  /** The person's pending rights become active (one statement); answers their ids for the audit event. */
  async activatePendingOfPerson(db: Executor, municipalityId: string, personId: string, now: string): Promise<string[]> {
    const rows = await db
      .updateTable('access_rights')
      .set((eb) => ({
        state: 'active',
        activation: 'acknowledged',
        activated_at: now,
        updated_at: now,
        version: eb('version', '+', 1),
      }))
      .where('municipality_id', '=', municipalityId)
      .where('person_id', '=', personId)
      .where('state', '=', 'pending_acknowledgement')
      .returning('id')
      .execute();
    return rows.map((row) => row.id);
  },

  /**
   * Flags every right not ended of the people who have left (status left, or end date reached),
   * one statement for any number of people; `personIds` narrows it to the people just updated.
   * Answers the flagged rights' ids, people and systems for the audit event.
   */
  async flagRightsOfLeavers(db: Executor, municipalityId: string, today: string, now: string, personIds?: readonly string[]) {
    if (personIds && personIds.length === 0) return [];
    const leavers = db
      .selectFrom('people')
      .select('people.id')
      .where('people.municipality_id', '=', municipalityId)
      .where((eb) => eb.or([eb('people.employment_status', '=', 'left'), eb('people.end_date', '<=', today)]));
    let statement = db
      .updateTable('access_rights')
      .set((eb) => ({ flagged_for_removal: 1, flagged_at: now, updated_at: now, version: eb('version', '+', 1) }))
      .where('municipality_id', '=', municipalityId)
      .where('state', '<>', 'ended')
      .where('flagged_for_removal', '=', 0)
      .where('person_id', 'in', personIds ? leavers.where('people.id', 'in', [...personIds]) : leavers);
    if (personIds) statement = statement.where('person_id', 'in', [...personIds]);
    return statement.returning(['id', 'person_id', 'system_id']).execute();
  },

  /** Ends the rights a recertification decided to end (those not ended yet), in slices of 500 ids. */
  async endMany(
    db: Executor,
    municipalityId: string,
    ids: readonly string[],
    values: { today: string; now: string; byPersonId: string | null; byName: string; note: string | null },
  ) {
    for (let start = 0; start < ids.length; start += 500) {
      await db
        .updateTable('access_rights')
        .set((eb) => ({
          state: 'ended',
          end_date: values.today,
          ended_at: values.now,
          ended_by_person_id: values.byPersonId,
          ended_by_name: values.byName,
          end_reason: 'recertification',
          end_note: values.note,
          flagged_for_removal: 0,
          updated_at: values.now,
          version: eb('version', '+', 1),
        }))
        .where('municipality_id', '=', municipalityId)
        .where('state', '<>', 'ended')
        .where('id', 'in', ids.slice(start, start + 500))
        .execute();
    }
  },

  /** Marks the rights a recertification kept as recertified today. */
  async markRecertified(db: Executor, municipalityId: string, ids: readonly string[], today: string, now: string) {
    for (let start = 0; start < ids.length; start += 500) {
      await db
        .updateTable('access_rights')
        .set((eb) => ({ last_recertified_on: today, updated_at: now, version: eb('version', '+', 1) }))
        .where('municipality_id', '=', municipalityId)
        .where('id', 'in', ids.slice(start, start + 500))
        .execute();
    }
  },

  /**
   * A system's open rights (not ended: what a recertification covers) and the latest recertification
   * of one: its duty checklist's evidence (§4.2.3).
   */
  async dutyEvidenceOfSystem(db: Executor, municipalityId: string, systemId: string) {
    const row = await db
      .selectFrom('access_rights')
      .select([sql<number | string>`count(*)`.as('open_rights'), sql<string | null>`max(last_recertified_on)`.as('last_recertified_on')])
      .where('municipality_id', '=', municipalityId)
      .where('system_id', '=', systemId)
      .where('state', '<>', 'ended')
      .executeTakeFirstOrThrow();
    return { openRights: Number(row.open_rights), lastRecertifiedOn: row.last_recertified_on };
  },

  /** Systems with flagged rights among `systemIds`, with how many: the stewards' to-do entries. */
  async flaggedCountsOfSystems(db: Executor, municipalityId: string, systemIds: readonly string[]) {
    if (systemIds.length === 0) return [];
    return db
      .selectFrom('access_rights')
      .select(['system_id', sql<number>`count(*)`.as('count'), sql<string>`min(flagged_at)`.as('first_flagged_at')])
      .where('municipality_id', '=', municipalityId)
      .where('flagged_for_removal', '=', 1)
      .where('system_id', 'in', [...systemIds])
      .where('state', '<>', 'ended')
      .groupBy('system_id')
      .execute();
  },
};
