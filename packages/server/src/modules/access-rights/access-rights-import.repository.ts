import type { AccessRightsTable } from '../../platform/schema/access-rights.ts';
import { insertRows } from '../../platform/bulk-insert.ts';
import type { Executor, TransactionHandle } from '../../platform/database.ts';
import { swedishSortKey } from '../../platform/text.ts';
import type { ImportLevel, ImportPerson, ImportSystem, OpenRight } from './access-rights-import-plan.ts';

/** Values per IN list: well under SQLite's and PostgreSQL's parameter limits. */
const chunkSize = 500;

function chunks<Item>(items: readonly Item[]): Item[][] {
  const result: Item[][] = [];
  for (let start = 0; start < items.length; start += chunkSize) result.push(items.slice(start, start + chunkSize));
  return result;
}

/** The import's reads and writes of access rights (issue #14): set-based, a fixed number of statements per 500 rows. */
export const accessRightImportRepository = {
  async peopleByEmail(
    db: Executor,
    municipalityId: string,
    emails: readonly string[],
  ): Promise<Map<string, ImportPerson & { email: string }>> {
    const found = new Map<string, ImportPerson & { email: string }>();
    for (const part of chunks([...new Set(emails)])) {
      const rows = await db
        .selectFrom('people')
        .select(['id', 'email', 'first_name', 'last_name', 'employment_status'])
        .where('municipality_id', '=', municipalityId)
        .where('email', 'in', part)
        .execute();
      for (const row of rows)
        found.set(row.email, {
          id: row.id,
          email: row.email,
          name: `${row.first_name} ${row.last_name}`,
          left: row.employment_status === 'left',
        });
    }
    return found;
  },

  /** The people the file names by employee number (compared as written: the HR system's keys are not case-folded). */
  async peopleByEmployeeNumber(db: Executor, municipalityId: string, numbers: readonly string[]): Promise<Map<string, ImportPerson>> {
    const found = new Map<string, ImportPerson>();
    for (const part of chunks([...new Set(numbers)])) {
      const rows = await db
        .selectFrom('people')
        .select(['id', 'employee_number', 'first_name', 'last_name', 'employment_status'])
        .where('municipality_id', '=', municipalityId)
        .where('employee_number', 'in', part)
        .execute();
      for (const row of rows)
        found.set(row.employee_number!, {
          id: row.id,
          name: `${row.first_name} ${row.last_name}`,
          left: row.employment_status === 'left',
        });
    }
    return found;
  },

  /** Every system of the municipality, by id and by name (a few thousand at most). */
  async systems(db: Executor, municipalityId: string): Promise<{ byId: Map<string, ImportSystem>; byName: Map<string, ImportSystem[]> }> {
    const rows = await db.selectFrom('systems').select(['id', 'name', 'sort_key']).where('municipality_id', '=', municipalityId).execute();
    const byId = new Map<string, ImportSystem>();
    const byName = new Map<string, ImportSystem[]>();
    for (const row of rows) {
      const system = { id: row.id, name: row.name };
      byId.set(row.id, system);
      const key = swedishSortKey(row.name);
      byName.set(key, [...(byName.get(key) ?? []), system]);
    }
    return { byId, byName };
  },

  async levelsOf(db: Executor, municipalityId: string, systemIds: readonly string[]): Promise<Map<string, Map<string, ImportLevel>>> {
    const levels = new Map<string, Map<string, ImportLevel>>();
    for (const part of chunks(systemIds)) {
      const rows = await db
        .selectFrom('access_levels')
        .select(['id', 'system_id', 'name'])
        .where('municipality_id', '=', municipalityId)
        .where('system_id', 'in', part)
        .execute();
      for (const row of rows) {
        const ofSystem = levels.get(row.system_id) ?? new Map<string, ImportLevel>();
        ofSystem.set(swedishSortKey(row.name), { id: row.id, name: row.name });
        levels.set(row.system_id, ofSystem);
      }
    }
    return levels;
  },

  /** The rights not ended at these levels, by `${personId} ${levelId}`. */
  async openRightsAt(db: Executor, municipalityId: string, levelIds: readonly string[]): Promise<Map<string, OpenRight>> {
    const open = new Map<string, OpenRight>();
    for (const part of chunks(levelIds)) {
      const rows = await db
        .selectFrom('access_rights')
        .select(['id', 'person_id', 'level_id', 'version'])
        .where('municipality_id', '=', municipalityId)
        .where('level_id', 'in', part)
        .where('state', '<>', 'ended')
        .execute();
      for (const row of rows) open.set(`${row.person_id} ${row.level_id}`, { id: row.id, version: row.version });
    }
    return open;
  },

  insertRights: (transaction: TransactionHandle, rows: AccessRightsTable[]) => insertRows(transaction, 'access_rights', rows),

  /**
   * Ends the rights at the versions read; answers how many were ended. Fewer than asked means a
   * concurrent writer changed one, and the caller rolls the whole import back.
   */
  async endRights(
    transaction: TransactionHandle,
    municipalityId: string,
    rights: ReadonlyArray<{ id: string; version: number; endDate: string }>,
    ended: { at: string; byPersonId: string | null; byName: string },
  ): Promise<number> {
    let count = 0;
    for (const right of rights) {
      const result = await transaction
        .updateTable('access_rights')
        .set((eb) => ({
          state: 'ended',
          end_date: right.endDate,
          ended_at: ended.at,
          ended_by_person_id: ended.byPersonId,
          ended_by_name: ended.byName,
          end_reason: 'imported',
          flagged_for_removal: 0,
          updated_at: ended.at,
          version: eb('version', '+', 1),
        }))
        .where('municipality_id', '=', municipalityId)
        .where('id', '=', right.id)
        .where('version', '=', right.version)
        .where('state', '<>', 'ended')
        .executeTakeFirst();
      count += Number(result.numUpdatedRows);
    }
    return count;
  },
};
