import type { Kysely } from 'kysely';

/**
 * The public register is an opt-in (issue #12, finding 7). Until now a municipality without a
 * settings row published its register: every new tenant appeared in /public/v1/municipalities, and
 * planned systems were shown. From this migration on:
 *
 * - no settings row means "not published"; a municipality whose administrator never chose is
 *   therefore no longer published after the upgrade (nobody decided to publish it). One whose
 *   administrator saved a choice keeps it, on or off.
 * - the published lifecycles are a choice (`lifecycles_json`), by default systems in production
 *   only; rows saved before get that default too, so a planned system leaves every register until
 *   an administrator asks for it.
 * - the demo municipality (as `forvalta demo` creates it) keeps its register on, so the demo shows it.
 */
interface TablesAtThisMigration {
  municipalities: { id: string; code: string; name: string };
  public_register_settings: { municipality_id: string; enabled: number; fields_json: string; updated_at: string; version: number };
}

/** As the demo loader names it (demo/demo-organisation.ts); a real Tanum is named otherwise. */
const demoMunicipality = { code: '1435', name: 'Tanums kommun (demo)' };
/** The published facts by default, as they were when this migration was written. */
const defaultFieldsJson = JSON.stringify(['purpose', 'ownerDepartment', 'kind', 'lifecycle', 'supplier']);

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('public_register_settings')
    .addColumn('lifecycles_json', 'text', (column) => column.notNull().defaultTo('["in_production"]'))
    .execute();
  const untyped = db as unknown as Kysely<TablesAtThisMigration>;
  const demo = await untyped
    .selectFrom('municipalities')
    .leftJoin('public_register_settings', 'public_register_settings.municipality_id', 'municipalities.id')
    .select(['municipalities.id', 'public_register_settings.municipality_id as settings_of'])
    .where('municipalities.code', '=', demoMunicipality.code)
    .where('municipalities.name', '=', demoMunicipality.name)
    .executeTakeFirst();
  if (demo && demo.settings_of === null) {
    await untyped
      .insertInto('public_register_settings')
      .values({ municipality_id: demo.id, enabled: 1, fields_json: defaultFieldsJson, updated_at: new Date().toISOString(), version: 1 })
      .execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('public_register_settings').dropColumn('lifecycles_json').execute();
}
