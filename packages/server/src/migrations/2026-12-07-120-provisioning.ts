import type { Kysely } from 'kysely';
import { columnTypes } from './column-types.ts';

/**
 * Provisioning from the directory (issue #18, ADR 0038). A municipality's SCIM token is stored as
 * a hash; at most one is live (rotating revokes the old one in the same transaction), revoked ones
 * stay for the audit trail. A provisioned person keeps the directory's names for them (userName,
 * externalId) and the attributes Förvalta has no column for (the department as the directory
 * spells it, the manager), one row per person, beside the person's own record. A SCIM DELETE
 * deletes nothing: it marks the person left and the row deprovisioned.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const types = await columnTypes(db);
  await db.schema
    .createTable('provisioning_tokens')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('municipality_id', 'text', (column) => column.notNull().references('municipalities.id'))
    .addColumn('token_hash', 'text', (column) => column.notNull().unique())
    .addColumn('token_prefix', 'text', (column) => column.notNull())
    .addColumn('created_by', 'text', (column) => column.notNull())
    .addColumn('last_used_at', types.timestamp)
    .addColumn('revoked_at', types.timestamp)
    .addColumn('created_at', types.timestamp, (column) => column.notNull())
    .addColumn('updated_at', types.timestamp, (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex('provisioning_tokens_municipality')
    .on('provisioning_tokens')
    .columns(['municipality_id', 'revoked_at'])
    .execute();

  await db.schema
    .createTable('provisioned_people')
    .addColumn('person_id', 'text', (column) => column.primaryKey().references('people.id'))
    .addColumn('municipality_id', 'text', (column) => column.notNull().references('municipalities.id'))
    .addColumn('user_name', 'text', (column) => column.notNull())
    .addColumn('user_name_key', 'text', (column) => column.notNull())
    .addColumn('external_id', 'text')
    .addColumn('department_name', 'text')
    .addColumn('manager_person_id', 'text', (column) => column.references('people.id'))
    // Set by a SCIM DELETE: the person is marked left as on deactivation, and the directory no longer finds them.
    .addColumn('deprovisioned_at', types.timestamp)
    .addColumn('created_at', types.timestamp, (column) => column.notNull())
    .addColumn('updated_at', types.timestamp, (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull())
    .execute();
  // userName is unique per municipality, compared case-insensitively (RFC 7643 §4.1.1: caseExact false).
  await db.schema
    .createIndex('provisioned_people_user_name')
    .on('provisioned_people')
    .columns(['municipality_id', 'user_name_key'])
    .unique()
    .execute();
  await db.schema
    .createIndex('provisioned_people_external_id')
    .on('provisioned_people')
    .columns(['municipality_id', 'external_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('provisioned_people').execute();
  await db.schema.dropTable('provisioning_tokens').execute();
}
