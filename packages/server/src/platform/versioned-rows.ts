import type { Kysely, Selectable, Updateable } from 'kysely';
import type { Database } from './database-schema.ts';
import type { Executor } from './database.ts';

/**
 * Optimistic concurrency at the statement: every record a client may change carries a version
 * (its ETag); a change names the version it was made against (If-Match) and applies only while
 * the row still has it, moving it on by one. This file is the one place that statement is
 * written, for every table with a version; repositories name the table, the row and the values.
 */

/** The tables whose rows carry a version. */
export type VersionedTable = {
  [Name in keyof Database]: Database[Name] extends { version: number } ? Name : never;
}[keyof Database];

/**
 * Which row: column equalities, all of which must hold (the municipality and the id, usually; a
 * settings row by its municipality alone). A further condition of the change itself (a notice
 * still open) is one more equality.
 */
export type RowKey<Name extends VersionedTable> = Partial<Selectable<Database[Name]>>;

/** What the change sets: any columns but the version, which the statement moves itself. */
export type VersionedValues<Name extends VersionedTable> = Omit<Updateable<Database[Name]>, 'version'>;

// The statement is built over the table given at run time; the signatures above keep the callers typed.
type UntypedExecutor = Kysely<Record<string, Record<string, unknown>>>;

function untyped(db: Executor): UntypedExecutor {
  return db as unknown as UntypedExecutor;
}

function conditions(key: Record<string, unknown>): Array<[string, unknown]> {
  const entries = Object.entries(key).filter(([, value]) => value !== undefined);
  // A key that named nothing would change every row of the table.
  if (entries.length === 0) throw new Error('A versioned change must name its row.');
  return entries;
}

/**
 * Sets `values` on the row of `key` only while its version is still `expectedVersion`, and moves
 * the version to the next. False when no such row has that version (changed or deleted meanwhile).
 */
export async function updateAtVersion<Name extends VersionedTable>(
  db: Executor,
  table: Name,
  key: RowKey<Name>,
  expectedVersion: number,
  values: VersionedValues<Name>,
): Promise<boolean> {
  let statement = untyped(db)
    .updateTable(table as string)
    .set({ ...(values as Record<string, unknown>), version: expectedVersion + 1 });
  for (const [column, value] of conditions(key)) statement = statement.where(column, '=', value);
  const result = await statement.where('version', '=', expectedVersion).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Deletes the row of `key` only while its version is still `expectedVersion`; false otherwise. */
export async function deleteAtVersion<Name extends VersionedTable>(
  db: Executor,
  table: Name,
  key: RowKey<Name>,
  expectedVersion: number,
): Promise<boolean> {
  let statement = untyped(db).deleteFrom(table as string);
  for (const [column, value] of conditions(key)) statement = statement.where(column, '=', value);
  const result = await statement.where('version', '=', expectedVersion).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/**
 * Saves a municipality's one-row setting at `expectedVersion`. A setting nobody has saved reads as
 * version 1 (its defaults), so the first save, at 1, inserts the row as version 2; every later
 * save is `updateAtVersion`. False when the version is stale.
 */
export async function saveSettingAtVersion<Name extends VersionedTable>(
  db: Executor,
  table: Name,
  municipalityId: string,
  expectedVersion: number,
  values: VersionedValues<Name>,
): Promise<boolean> {
  const existing = await untyped(db)
    .selectFrom(table as string)
    .select('version')
    .where('municipality_id', '=', municipalityId)
    .executeTakeFirst();
  if (!existing) {
    if (expectedVersion !== 1) return false;
    await untyped(db)
      .insertInto(table as string)
      .values({ ...(values as Record<string, unknown>), municipality_id: municipalityId, version: 2 })
      .execute();
    return true;
  }
  return updateAtVersion(db, table, { municipality_id: municipalityId } as RowKey<Name>, expectedVersion, values);
}
