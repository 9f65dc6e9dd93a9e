import type { Kysely } from 'kysely';

/**
 * Indexes that let each register list read its 50 rows straight off an index, found with the
 * benchmark (docs/performance.md). A list orders by (sort_key, id); an index that ends at sort_key
 * makes the planner choose between a sort and a walk of the whole municipality, and SQLite chose
 * the walk. These end with id and replace the ones that did not. All start with municipality_id
 * (Citus distribution column).
 */
const replacements = [
  {
    name: 'systems_municipality_owner_sort',
    replaces: 'systems_municipality_owner',
    table: 'systems',
    columns: ['municipality_id', 'owner_department_id', 'sort_key', 'id'],
    old: ['municipality_id', 'owner_department_id', 'sort_key'],
  },
  {
    name: 'systems_municipality_lifecycle_sort',
    replaces: 'systems_municipality_lifecycle',
    table: 'systems',
    columns: ['municipality_id', 'lifecycle', 'sort_key', 'id'],
    old: ['municipality_id', 'lifecycle', 'sort_key'],
  },
  {
    name: 'systems_municipality_kind_sort',
    replaces: 'systems_municipality_kind',
    table: 'systems',
    columns: ['municipality_id', 'kind', 'sort_key', 'id'],
    old: ['municipality_id', 'kind', 'sort_key'],
  },
] as const;

/** New: the system page reads a system's using departments by system (the primary key starts with system_id, not the municipality). */
const additions = [
  {
    name: 'system_using_departments_system',
    table: 'system_using_departments',
    columns: ['municipality_id', 'system_id', 'department_id'],
  },
  { name: 'people_municipality_department_sort', table: 'people', columns: ['municipality_id', 'department_id', 'sort_key', 'id'] },
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const index of replacements) {
    await db.schema
      .createIndex(index.name)
      .on(index.table)
      .columns([...index.columns])
      .execute();
    await db.schema.dropIndex(index.replaces).execute();
  }
  for (const index of additions)
    await db.schema
      .createIndex(index.name)
      .on(index.table)
      .columns([...index.columns])
      .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const index of additions) await db.schema.dropIndex(index.name).execute();
  for (const index of replacements) {
    await db.schema
      .createIndex(index.replaces)
      .on(index.table)
      .columns([...index.old])
      .execute();
    await db.schema.dropIndex(index.name).execute();
  }
}
