import { sql, type Kysely } from 'kysely';

/**
 * A system's id in the register it came from (issue #17 §1): the SharePoint list's item id or the
 * old register's number, so a re-import finds the system even after it was renamed or moved to
 * another department. Optional and unique per municipality where given (a partial unique index,
 * as people's employee numbers: migration 097).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('systems').addColumn('external_id', 'text').execute();
  await db.schema
    .createIndex('systems_external_id')
    .on('systems')
    .columns(['municipality_id', 'external_id'])
    .unique()
    .where(sql.ref('external_id'), 'is not', null)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('systems_external_id').execute();
  await db.schema.alterTable('systems').dropColumn('external_id').execute();
}
