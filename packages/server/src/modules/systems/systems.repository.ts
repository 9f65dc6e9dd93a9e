import type { Classification, SystemListQuery, SystemRecord, SystemSummaryRecord } from '@forvalta/contracts';
import { sql, type Selectable } from 'kysely';
import { insertRows } from '../../platform/bulk-insert.ts';
import type { SystemsTable } from '../../platform/database-schema.ts';
import { inParallel, type Executor } from '../../platform/database.ts';
import { pageOf, resolveSort } from '../../platform/paging.ts';
import { likePattern } from '../../platform/text.ts';
import { currentAssignment, isStewardedBy, isUncovered } from './system-queries.ts';
import { updateAtVersion, deleteAtVersion } from '../../platform/versioned-rows.ts';

const sortColumns = { name: 'systems.sort_key', lifecycle: 'systems.lifecycle', updatedAt: 'systems.updated_at' };

export type SystemRow = Selectable<SystemsTable> & { owner_department_name: string };

export interface StewardRow {
  system_id: string;
  assignment_id: string;
  person_id: string;
  role: string;
  first_name: string;
  last_name: string;
  employment_status: string;
}

/** The columns a create or update writes; derived columns (sort key, search text) included. */
export type SystemColumns = Omit<
  SystemsTable,
  'id' | 'municipality_id' | 'created_at' | 'updated_at' | 'version' | 'last_confirmed_at' | 'last_confirmed_by_name' | 'external_id'
>;

/** A classification of a bulk load: the values insertClassification() takes, in the caller's municipality. */
export interface BulkClassification {
  id: string;
  systemId: string;
  confidentiality: number;
  integrity: number;
  availability: number;
  traceability: number;
  classifiedOn: string;
  recordedAt: string;
  recordedByName: string;
}

/** One system of a bulk load; without createdAt and confirmation it is exactly what insert() writes. */
export interface BulkSystem {
  id: string;
  columns: SystemColumns;
  createdAt?: string;
  lastConfirmedAt?: string | null;
  lastConfirmedByName?: string | null;
}

function stewardOf(row: StewardRow) {
  return {
    assignmentId: row.assignment_id,
    personId: row.person_id,
    name: `${row.first_name} ${row.last_name}`,
    employmentStatus: row.employment_status === 'left' ? ('left' as const) : ('active' as const),
  };
}

/** Coverage from the current stewards, the same rule as isUncovered() in SQL. */
export function coverage(lifecycle: string, stewards: StewardRow[]) {
  const managers = stewards.filter((row) => row.role === 'manager');
  const manager = managers[0] ? stewardOf(managers[0]) : null;
  const managerIds = new Set(managers.map((row) => row.person_id));
  const deputies = stewards.filter((row) => row.role === 'deputy').map(stewardOf);
  const activeManager = managers.some((row) => row.employment_status === 'active');
  const activeDeputy = deputies.some((deputy) => deputy.employmentStatus === 'active' && !managerIds.has(deputy.personId));
  return { manager, deputies, uncovered: lifecycle !== 'retired' && !(activeManager && activeDeputy) };
}

function selectSystems(db: Executor, municipalityId: string) {
  return db
    .selectFrom('systems')
    .innerJoin('departments', 'departments.id', 'systems.owner_department_id')
    .where('systems.municipality_id', '=', municipalityId);
}

/** The row a classification is stored as, one at a time or in bulk. */
function classificationRow(municipalityId: string, values: BulkClassification) {
  return {
    id: values.id,
    municipality_id: municipalityId,
    system_id: values.systemId,
    confidentiality: values.confidentiality,
    integrity: values.integrity,
    availability: values.availability,
    traceability: values.traceability,
    classified_on: values.classifiedOn,
    recorded_at: values.recordedAt,
    recorded_by_name: values.recordedByName,
  };
}

export const systemsRepository = {
  /** The systems matching the list filters; no join, so counting them touches only the systems index. */
  filtered(db: Executor, municipalityId: string, query: Omit<SystemListQuery, 'limit' | 'cursor'>, today: string) {
    let builder = db.selectFrom('systems').where('systems.municipality_id', '=', municipalityId);
    if (query.q) builder = builder.where(sql<boolean>`systems.search_text like ${likePattern(query.q)} escape '\\'`);
    if (query.ownerDepartmentId) builder = builder.where('systems.owner_department_id', '=', query.ownerDepartmentId);
    if (query.kind) builder = builder.where('systems.kind', '=', query.kind);
    if (query.lifecycle) builder = builder.where('systems.lifecycle', '=', query.lifecycle);
    if (query.scope) builder = builder.where('systems.scope', '=', query.scope);
    if (query.tag) builder = builder.where(sql<boolean>`systems.tags_json like ${likePattern(JSON.stringify(query.tag))} escape '\\'`);
    if (query.uncovered === true) builder = builder.where(isUncovered(today, municipalityId));
    if (query.uncovered === false) builder = builder.where(sql<boolean>`not ${isUncovered(today, municipalityId)}`);
    if (query.unconfirmedSince) {
      const since = new Date(`${query.unconfirmedSince}T00:00:00Z`).toISOString();
      builder = builder.where((eb) => eb.or([eb('systems.last_confirmed_at', 'is', null), eb('systems.last_confirmed_at', '<', since)]));
    }
    if (query.stewardPersonId) builder = builder.where(isStewardedBy(query.stewardPersonId, today));
    return builder;
  },

  /**
   * One page of register rows: the page, its stewards and the total, in three queries whatever the
   * page size. `stewardPersonIds` (by system) lets the service judge each row's `can` without a query.
   */
  async list(db: Executor, municipalityId: string, query: SystemListQuery, today: string) {
    const sort = resolveSort(query.sort, sortColumns, 'name', 'systems.id');
    const rows = this.filtered(db, municipalityId, query, today)
      .innerJoin('departments', 'departments.id', 'systems.owner_department_id')
      .selectAll('systems')
      .select('departments.name as owner_department_name');
    const page = await pageOf(rows, this.filtered(db, municipalityId, query, today), sort, query, (row) => row);
    const stewards = await this.currentStewards(
      db,
      municipalityId,
      page.items.map((row) => row.id),
      today,
    );
    const stewardPersonIds = new Map([...stewards].map(([systemId, rows]) => [systemId, rows.map((row) => row.person_id)]));
    return { ...page, items: page.items.map((row) => toSummary(row, stewards.get(row.id) ?? [])), stewardPersonIds };
  },

  /** Current managers and deputies of the given systems, grouped by system. */
  async currentStewards(db: Executor, municipalityId: string, systemIds: string[], today: string) {
    const grouped = new Map<string, StewardRow[]>();
    if (systemIds.length === 0) return grouped;
    const rows = await db
      .selectFrom('system_assignments')
      .innerJoin('people', 'people.id', 'system_assignments.person_id')
      .select([
        'system_assignments.system_id',
        'system_assignments.id as assignment_id',
        'system_assignments.person_id',
        'system_assignments.role',
        'people.first_name',
        'people.last_name',
        'people.employment_status',
      ])
      .where('system_assignments.municipality_id', '=', municipalityId)
      .where('system_assignments.system_id', 'in', systemIds)
      .where(currentAssignment('system_assignments', today))
      .orderBy('system_assignments.start_date')
      .execute();
    for (const row of rows) {
      const list = grouped.get(row.system_id) ?? [];
      list.push(row);
      grouped.set(row.system_id, list);
    }
    return grouped;
  },

  async findRow(db: Executor, municipalityId: string, id: string) {
    return selectSystems(db, municipalityId)
      .selectAll('systems')
      .select('departments.name as owner_department_name')
      .where('systems.id', '=', id)
      .executeTakeFirst();
  },

  async findById(db: Executor, municipalityId: string, id: string, today: string): Promise<SystemRecord | undefined> {
    const row = await this.findRow(db, municipalityId, id);
    if (!row) return undefined;
    const [stewards, using, classification] = await inParallel(
      db,
      () => this.currentStewards(db, municipalityId, [id], today),
      () =>
        db
          .selectFrom('system_using_departments')
          .select('department_id')
          .where('municipality_id', '=', municipalityId)
          .where('system_id', '=', id)
          .execute(),
      () => this.latestClassification(db, municipalityId, id),
    );
    return toSystem(
      row,
      stewards.get(id) ?? [],
      using.map((entry) => entry.department_id),
      classification ?? null,
    );
  },

  async namesByIds(db: Executor, municipalityId: string, ids: string[]) {
    const rows = await db
      .selectFrom('systems')
      .select(['id', 'name', 'lifecycle'])
      .where('municipality_id', '=', municipalityId)
      .where('id', 'in', ids)
      .orderBy('sort_key')
      .execute();
    return rows.map((row) => ({ id: row.id, name: row.name, lifecycle: row.lifecycle as SystemRecord['lifecycle'] }));
  },

  async latestClassification(db: Executor, municipalityId: string, systemId: string) {
    const row = await db
      .selectFrom('system_classifications')
      .selectAll()
      .where('municipality_id', '=', municipalityId)
      .where('system_id', '=', systemId)
      .orderBy('recorded_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ? toClassification(row) : undefined;
  },

  async listClassifications(db: Executor, municipalityId: string, systemId: string) {
    const rows = await db
      .selectFrom('system_classifications')
      .selectAll()
      .where('municipality_id', '=', municipalityId)
      .where('system_id', '=', systemId)
      .orderBy('recorded_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    return rows.map(toClassification);
  },

  async insertClassification(
    db: Executor,
    values: {
      id: string;
      municipalityId: string;
      systemId: string;
      confidentiality: number;
      integrity: number;
      availability: number;
      traceability: number;
      classifiedOn: string;
      recordedAt: string;
      recordedByName: string;
    },
  ) {
    await db.insertInto('system_classifications').values(classificationRow(values.municipalityId, values)).execute();
  },

  async insert(db: Executor, municipalityId: string, id: string, columns: SystemColumns, now: string) {
    await db
      .insertInto('systems')
      .values({
        id,
        municipality_id: municipalityId,
        ...columns,
        last_confirmed_at: null,
        last_confirmed_by_name: null,
        created_at: now,
        updated_at: now,
        version: 1,
      })
      .execute();
  },

  /**
   * Many systems at once (imports, the workload generator): the same rows insert() writes. A
   * system loaded with its history may carry when it was created and last confirmed.
   */
  async insertMany(db: Executor, municipalityId: string, systems: ReadonlyArray<BulkSystem>, now: string) {
    await insertRows(
      db,
      'systems',
      systems.map(({ id, columns, createdAt, lastConfirmedAt, lastConfirmedByName }) => ({
        id,
        municipality_id: municipalityId,
        ...columns,
        last_confirmed_at: lastConfirmedAt ?? null,
        last_confirmed_by_name: lastConfirmedByName ?? null,
        created_at: createdAt ?? now,
        updated_at: createdAt ?? now,
        version: 1,
      })),
    );
  },

  /** The departments using many systems (the systems are new, so nothing is replaced). */
  async insertUsingDepartmentsMany(db: Executor, municipalityId: string, links: ReadonlyArray<{ systemId: string; departmentId: string }>) {
    await insertRows(
      db,
      'system_using_departments',
      links.map((link) => ({ municipality_id: municipalityId, system_id: link.systemId, department_id: link.departmentId })),
    );
  },

  /** Many classifications at once: the same rows insertClassification() writes. */
  async insertClassificationsMany(db: Executor, municipalityId: string, classifications: ReadonlyArray<BulkClassification>) {
    await insertRows(
      db,
      'system_classifications',
      classifications.map((values) => classificationRow(municipalityId, values)),
    );
  },

  async update(
    db: Executor,
    municipalityId: string,
    id: string,
    expectedVersion: number,
    columns: Partial<SystemColumns> & { last_confirmed_at?: string; last_confirmed_by_name?: string },
    now: string,
  ) {
    return updateAtVersion(db, 'systems', { municipality_id: municipalityId, id }, expectedVersion, { ...columns, updated_at: now });
  },

  async delete(db: Executor, municipalityId: string, id: string, expectedVersion: number) {
    await db.deleteFrom('system_assignments').where('municipality_id', '=', municipalityId).where('system_id', '=', id).execute();
    return deleteAtVersion(db, 'systems', { municipality_id: municipalityId, id }, expectedVersion);
  },

  async replaceUsingDepartments(db: Executor, municipalityId: string, systemId: string, departmentIds: string[]) {
    await db
      .deleteFrom('system_using_departments')
      .where('municipality_id', '=', municipalityId)
      .where('system_id', '=', systemId)
      .execute();
    if (departmentIds.length > 0) {
      await db
        .insertInto('system_using_departments')
        .values(
          departmentIds.map((departmentId) => ({ municipality_id: municipalityId, system_id: systemId, department_id: departmentId })),
        )
        .execute();
    }
  },

  /** How many of these department ids exist in the municipality (to refuse foreign or unknown ones). */
  async countDepartments(db: Executor, municipalityId: string, departmentIds: string[]) {
    if (departmentIds.length === 0) return 0;
    const row = await db
      .selectFrom('departments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('municipality_id', '=', municipalityId)
      .where('id', 'in', departmentIds)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  async insertDomainEvent(db: Executor, event: { id: string; municipalityId: string; type: string; payload: unknown; occurredAt: string }) {
    await db
      .insertInto('domain_events')
      .values({
        id: event.id,
        municipality_id: event.municipalityId,
        type: event.type,
        payload_json: JSON.stringify(event.payload),
        occurred_at: event.occurredAt,
        processed_at: null,
      })
      .execute();
  },
};

function parseList<Item>(json: string): Item[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? (parsed as Item[]) : [];
  } catch {
    return [];
  }
}

function toClassification(row: {
  id: string;
  confidentiality: number;
  integrity: number;
  availability: number;
  traceability: number;
  classified_on: string;
  recorded_at: string;
  recorded_by_name: string;
}): Classification {
  return {
    id: row.id,
    confidentiality: row.confidentiality,
    integrity: row.integrity,
    availability: row.availability,
    traceability: row.traceability,
    classifiedOn: row.classified_on,
    recordedAt: row.recorded_at,
    recordedByName: row.recorded_by_name,
  };
}

export function toSummary(row: SystemRow, stewards: StewardRow[]): SystemSummaryRecord {
  const { manager, deputies, uncovered } = coverage(row.lifecycle, stewards);
  return {
    id: row.id,
    version: row.version,
    name: row.name,
    kind: row.kind as SystemSummaryRecord['kind'],
    scope: row.scope as SystemSummaryRecord['scope'],
    lifecycle: row.lifecycle as SystemSummaryRecord['lifecycle'],
    supplier: row.supplier,
    product: row.product,
    ownerDepartmentId: row.owner_department_id,
    ownerDepartmentName: row.owner_department_name,
    lastConfirmedAt: row.last_confirmed_at,
    manager,
    uncovered,
    tags: parseList<string>(row.tags_json),
    updatedAt: row.updated_at,
    deputyCount: deputies.length,
  };
}

export function toSystem(
  row: SystemRow,
  stewards: StewardRow[],
  usingDepartmentIds: string[],
  classification: Classification | null,
): SystemRecord {
  const { manager, deputies, uncovered } = coverage(row.lifecycle, stewards);
  return {
    id: row.id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    name: row.name,
    description: row.description,
    purpose: row.purpose,
    kind: row.kind as SystemRecord['kind'],
    scope: row.scope as SystemRecord['scope'],
    lifecycle: row.lifecycle as SystemRecord['lifecycle'],
    supplier: row.supplier,
    product: row.product,
    productVersion: row.product_version,
    hosting: row.hosting as SystemRecord['hosting'],
    ownerDepartmentId: row.owner_department_id,
    ownerDepartmentName: row.owner_department_name,
    usingDepartmentIds,
    yearlyCosts: { licence: row.cost_licence, operation: row.cost_operation, support: row.cost_support, other: row.cost_other },
    documentationLinks: parseList(row.documentation_links_json),
    processesPersonalData: Boolean(row.processes_personal_data),
    classification,
    continuity: {
      criticality: row.criticality as SystemRecord['continuity']['criticality'],
      recoveryTimeObjectiveHours: row.recovery_time_objective_hours,
      recoveryPointObjectiveHours: row.recovery_point_objective_hours,
      lastRestoreTestOn: row.last_restore_test_on,
      supplierSupportEndsOn: row.supplier_support_ends_on,
    },
    nis2: Boolean(row.nis2),
    userCount: row.user_count,
    tags: parseList<string>(row.tags_json),
    lastConfirmedAt: row.last_confirmed_at,
    lastConfirmedByName: row.last_confirmed_by_name,
    manager,
    deputies,
    uncovered,
  };
}
