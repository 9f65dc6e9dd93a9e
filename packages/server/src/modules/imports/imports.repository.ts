import type { ImportKind, ImportMapping, ImportMappingRecord } from '@forvalta/contracts';
import type { Insertable, Selectable } from 'kysely';
import { insertRows } from '../../platform/bulk-insert.ts';
import type { Executor } from '../../platform/database.ts';
import type { ImportMappingsTable, SystemsTable } from '../../platform/database-schema.ts';
import { updateAtVersion } from '../../platform/versioned-rows.ts';
import type { ExistingPerson } from './people-import-plan.ts';

/** A system of the register as the import plans against it: its row and its current stewards. */
export interface ExistingSystem {
  row: Selectable<SystemsTable>;
  managerPersonId: string | null;
  deputyPersonIds: string[];
}

/** The columns of a system the register import writes (the others keep their values, or their defaults). */
export type ImportedSystemColumns = Omit<
  Insertable<SystemsTable>,
  | 'id'
  | 'municipality_id'
  | 'created_at'
  | 'updated_at'
  | 'version'
  | 'documentation_links_json'
  | 'last_confirmed_at'
  | 'last_confirmed_by_name'
> & { external_id: string | null };

/** Values per IN list: well under SQLite's and PostgreSQL's parameter limits. */
const chunkSize = 500;
function chunks<Item>(items: readonly Item[]): Item[][] {
  const result: Item[][] = [];
  for (let start = 0; start < items.length; start += chunkSize) result.push(items.slice(start, start + chunkSize));
  return result;
}

const mappingRecord = (row: Selectable<ImportMappingsTable>): ImportMappingRecord => ({
  id: row.id,
  version: row.version,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  kind: row.kind as ImportKind,
  name: row.name,
  mapping: JSON.parse(row.mapping_json) as ImportMapping,
});

/**
 * The imports' queries (issue #17): set-based reads of what a file names, a fixed number of
 * statements whatever its size, and bulk writes on the platform's insertRows. Every query is
 * scoped by municipality.
 */
export const importsRepository = {
  async municipalityName(db: Executor, municipalityId: string): Promise<string> {
    const row = await db.selectFrom('municipalities').select('name').where('id', '=', municipalityId).executeTakeFirst();
    return row?.name ?? '';
  },

  async departments(db: Executor, municipalityId: string) {
    const rows = await db
      .selectFrom('departments')
      .select(['id', 'parent_id', 'name'])
      .where('municipality_id', '=', municipalityId)
      .execute();
    return rows.map((row) => ({ id: row.id, parentId: row.parent_id, name: row.name }));
  },

  /** Every system of the municipality with its current manager and deputies (the register is a few thousand rows at most). */
  async systems(db: Executor, municipalityId: string, today: string): Promise<ExistingSystem[]> {
    const rows = await db.selectFrom('systems').selectAll().where('municipality_id', '=', municipalityId).execute();
    const assignments = await db
      .selectFrom('system_assignments')
      .select(['system_id', 'person_id', 'role'])
      .where('municipality_id', '=', municipalityId)
      .where('start_date', '<=', today)
      .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', today)]))
      .execute();
    const bySystem = new Map<string, ExistingSystem>(rows.map((row) => [row.id, { row, managerPersonId: null, deputyPersonIds: [] }]));
    for (const assignment of assignments) {
      const system = bySystem.get(assignment.system_id);
      if (!system) continue;
      if (assignment.role === 'manager') system.managerPersonId = assignment.person_id;
      else system.deputyPersonIds.push(assignment.person_id);
    }
    return [...bySystem.values()];
  },

  async peopleByEmail(db: Executor, municipalityId: string, emails: readonly string[]) {
    const found = new Map<string, { id: string; departmentId: string | null }>();
    for (const part of chunks([...new Set(emails)])) {
      const rows = await db
        .selectFrom('people')
        .select(['id', 'email', 'department_id'])
        .where('municipality_id', '=', municipalityId)
        .where('email', 'in', part)
        .execute();
      for (const row of rows) found.set(row.email.toLowerCase(), { id: row.id, departmentId: row.department_id });
    }
    return found;
  },

  async integrationPairs(db: Executor, municipalityId: string): Promise<Set<string>> {
    const rows = await db
      .selectFrom('integrations')
      .select(['provider_system_id', 'consumer_system_id'])
      .where('municipality_id', '=', municipalityId)
      .execute();
    return new Set(rows.map((row) => `${row.provider_system_id} ${row.consumer_system_id}`));
  },

  insertDepartments: (db: Executor, rows: Parameters<typeof insertRows<'departments'>>[2]) => insertRows(db, 'departments', rows),
  insertSystems: (db: Executor, rows: Parameters<typeof insertRows<'systems'>>[2]) => insertRows(db, 'systems', rows),
  insertDuties: (db: Executor, rows: Parameters<typeof insertRows<'system_duties'>>[2]) => insertRows(db, 'system_duties', rows),
  insertAssignments: (db: Executor, rows: Parameters<typeof insertRows<'system_assignments'>>[2]) =>
    insertRows(db, 'system_assignments', rows),
  insertIntegrations: (db: Executor, rows: Parameters<typeof insertRows<'integrations'>>[2]) => insertRows(db, 'integrations', rows),

  /** The changed columns of one system, at the version the plan read (false if it moved meanwhile). */
  updateSystem(db: Executor, municipalityId: string, id: string, version: number, values: Partial<ImportedSystemColumns>, now: string) {
    return updateAtVersion(db, 'systems', { municipality_id: municipalityId, id }, version, { ...values, updated_at: now });
  },

  /** The people a file names by employee number or e-mail, with the columns the people import compares. */
  async peopleByKeys(db: Executor, municipalityId: string, keys: { employeeNumbers: string[]; emails: string[] }) {
    const columns = [
      'id',
      'version',
      'first_name',
      'last_name',
      'email',
      'employee_number',
      'department_id',
      'title',
      'start_date',
      'end_date',
      'has_personal_mailbox',
      'employment_status',
    ] as const;
    const byEmployeeNumber = new Map<string, ExistingPerson>();
    const byEmail = new Map<string, ExistingPerson>();
    for (const part of chunks([...new Set(keys.employeeNumbers)])) {
      const rows = await db
        .selectFrom('people')
        .select(columns)
        .where('municipality_id', '=', municipalityId)
        .where('employee_number', 'in', part)
        .execute();
      for (const row of rows) byEmployeeNumber.set(row.employee_number!, row);
    }
    for (const part of chunks([...new Set(keys.emails)])) {
      const rows = await db
        .selectFrom('people')
        .select(columns)
        .where('municipality_id', '=', municipalityId)
        .where('email', 'in', part)
        .execute();
      for (const row of rows) byEmail.set(row.email.toLowerCase(), row);
    }
    return { byEmployeeNumber, byEmail };
  },

  insertPeople: (db: Executor, rows: Parameters<typeof insertRows<'people'>>[2]) => insertRows(db, 'people', rows),

  updatePerson(db: Executor, municipalityId: string, id: string, version: number, values: Record<string, unknown>, now: string) {
    return updateAtVersion(db, 'people', { municipality_id: municipalityId, id }, version, { ...values, updated_at: now });
  },

  async listMappings(db: Executor, municipalityId: string, kind: ImportKind | undefined): Promise<ImportMappingRecord[]> {
    let query = db.selectFrom('import_mappings').selectAll().where('municipality_id', '=', municipalityId);
    if (kind) query = query.where('kind', '=', kind);
    return (await query.orderBy('name').orderBy('id').execute()).map(mappingRecord);
  },

  async findMapping(db: Executor, municipalityId: string, id: string): Promise<ImportMappingRecord | undefined> {
    const row = await db
      .selectFrom('import_mappings')
      .selectAll()
      .where('municipality_id', '=', municipalityId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? mappingRecord(row) : undefined;
  },

  async insertMapping(
    db: Executor,
    municipalityId: string,
    id: string,
    values: { kind: ImportKind; name: string; mapping: ImportMapping },
    now: string,
  ) {
    await db
      .insertInto('import_mappings')
      .values({
        id,
        municipality_id: municipalityId,
        kind: values.kind,
        name: values.name,
        mapping_json: JSON.stringify(values.mapping),
        created_at: now,
        updated_at: now,
        version: 1,
      })
      .execute();
  },

  updateMapping(
    db: Executor,
    municipalityId: string,
    id: string,
    version: number,
    values: { name: string; mapping: ImportMapping },
    now: string,
  ) {
    return updateAtVersion(db, 'import_mappings', { municipality_id: municipalityId, id }, version, {
      name: values.name,
      mapping_json: JSON.stringify(values.mapping),
      updated_at: now,
    });
  },
};
