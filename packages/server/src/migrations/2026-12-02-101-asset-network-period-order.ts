import type { Kysely } from 'kysely';

/**
 * An asset's network periods in the order they were opened: two moves on one day (school, then
 * the town-hall network, then back) share their dates and, with a fixed clock, their recording
 * time, so the history needs its own ordinal per asset.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('asset_network_periods')
    .addColumn('position', 'integer', (column) => column.notNull().defaultTo(1))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('asset_network_periods').dropColumn('position').execute();
}
