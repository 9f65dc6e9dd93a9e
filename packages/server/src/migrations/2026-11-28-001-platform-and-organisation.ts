import type { Kysely } from 'kysely';
import { columnTypes } from './column-types.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  const types = await columnTypes(db);

  await db.schema
    .createTable('municipalities')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('code', 'text', (column) => column.notNull().unique())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('created_at', types.timestamp, (column) => column.notNull())
    .addColumn('updated_at', types.timestamp, (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('logins')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('email', 'text', (column) => column.notNull().unique())
    .addColumn('password_hash', 'text')
    .addColumn('locale', 'text', (column) => column.notNull().defaultTo('sv'))
    .addColumn('failed_login_count', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('locked_until', types.timestamp)
    .addColumn('created_at', types.timestamp, (column) => column.notNull())
    .addColumn('updated_at', types.timestamp, (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('departments')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('municipality_id', 'text', (column) => column.notNull().references('municipalities.id'))
    .addColumn('parent_id', 'text', (column) => column.references('departments.id'))
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('short_name', 'text')
    .addColumn('sort_key', 'text', (column) => types.sortKey(column.notNull()))
    .addColumn('is_it_unit', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('created_at', types.timestamp, (column) => column.notNull())
    .addColumn('updated_at', types.timestamp, (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('departments_municipality_sort').on('departments').columns(['municipality_id', 'sort_key', 'id']).execute();
  await db.schema.createIndex('departments_municipality_parent').on('departments').columns(['municipality_id', 'parent_id']).execute();

  await db.schema
    .createTable('people')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('municipality_id', 'text', (column) => column.notNull().references('municipalities.id'))
    .addColumn('login_id', 'text', (column) => column.references('logins.id'))
    .addColumn('first_name', 'text', (column) => column.notNull())
    .addColumn('last_name', 'text', (column) => column.notNull())
    .addColumn('email', 'text', (column) => column.notNull())
    .addColumn('department_id', 'text', (column) => column.references('departments.id'))
    .addColumn('title', 'text')
    .addColumn('employment_status', 'text', (column) => column.notNull().defaultTo('active'))
    .addColumn('start_date', types.date)
    .addColumn('end_date', types.date)
    .addColumn('sort_key', 'text', (column) => types.sortKey(column.notNull()))
    .addColumn('search_text', 'text', (column) => column.notNull())
    .addColumn('created_at', types.timestamp, (column) => column.notNull())
    .addColumn('updated_at', types.timestamp, (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull().defaultTo(1))
    .addUniqueConstraint('people_municipality_email', ['municipality_id', 'email'])
    .execute();
  await db.schema.createIndex('people_municipality_sort').on('people').columns(['municipality_id', 'sort_key', 'id']).execute();
  await db.schema.createIndex('people_municipality_department').on('people').columns(['municipality_id', 'department_id']).execute();
  await db.schema.createIndex('people_login').on('people').column('login_id').execute();

  await db.schema
    .createTable('role_assignments')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('municipality_id', 'text', (column) => column.notNull().references('municipalities.id'))
    .addColumn('person_id', 'text', (column) => column.notNull().references('people.id'))
    .addColumn('role', 'text', (column) => column.notNull())
    .addColumn('department_id', 'text', (column) => column.references('departments.id'))
    .addColumn('created_at', types.timestamp, (column) => column.notNull())
    .addColumn('updated_at', types.timestamp, (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('role_assignments_municipality_person')
    .on('role_assignments')
    .columns(['municipality_id', 'person_id'])
    .execute();
  await db.schema
    .createIndex('role_assignments_municipality_role')
    .on('role_assignments')
    .columns(['municipality_id', 'role', 'created_at'])
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('login_id', 'text', (column) => column.notNull().references('logins.id'))
    .addColumn('municipality_id', 'text', (column) => column.notNull().references('municipalities.id'))
    .addColumn('csrf_token', 'text', (column) => column.notNull())
    .addColumn('created_at', types.timestamp, (column) => column.notNull())
    .addColumn('last_seen_at', types.timestamp, (column) => column.notNull())
    .addColumn('expires_at', types.timestamp, (column) => column.notNull())
    .execute();
  await db.schema.createIndex('sessions_login').on('sessions').column('login_id').execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('municipality_id', 'text', (column) => column.notNull().references('municipalities.id'))
    .addColumn('login_id', 'text', (column) => column.notNull().references('logins.id'))
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('token_hash', 'text', (column) => column.notNull().unique())
    .addColumn('token_prefix', 'text', (column) => column.notNull())
    .addColumn('expires_at', types.timestamp)
    .addColumn('last_used_at', types.timestamp)
    .addColumn('revoked_at', types.timestamp)
    .addColumn('created_at', types.timestamp, (column) => column.notNull())
    .addColumn('updated_at', types.timestamp, (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('api_tokens_municipality_login')
    .on('api_tokens')
    .columns(['municipality_id', 'login_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('audit_events')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('chain_id', 'text', (column) => column.notNull())
    .addColumn('sequence', 'integer', (column) => column.notNull())
    .addColumn('municipality_id', 'text', (column) => column.references('municipalities.id'))
    .addColumn('occurred_at', types.timestamp, (column) => column.notNull())
    .addColumn('actor_login_id', 'text')
    .addColumn('actor_name', 'text', (column) => column.notNull())
    .addColumn('action', 'text', (column) => column.notNull())
    .addColumn('entity_type', 'text', (column) => column.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .addColumn('previous_hash', 'text', (column) => column.notNull())
    .addColumn('hash', 'text', (column) => column.notNull())
    .addUniqueConstraint('audit_events_chain_sequence', ['chain_id', 'sequence'])
    .execute();
  await db.schema
    .createIndex('audit_events_municipality_time')
    .on('audit_events')
    .columns(['municipality_id', 'occurred_at', 'id'])
    .execute();
  await db.schema
    .createIndex('audit_events_municipality_entity')
    .on('audit_events')
    .columns(['municipality_id', 'entity_type', 'entity_id'])
    .execute();
  await db.schema
    .createIndex('audit_events_municipality_actor')
    .on('audit_events')
    .columns(['municipality_id', 'actor_login_id'])
    .execute();

  await db.schema
    .createTable('audit_chain_heads')
    .addColumn('chain_id', 'text', (column) => column.primaryKey())
    .addColumn('last_sequence', 'integer', (column) => column.notNull())
    .addColumn('last_hash', 'text', (column) => column.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'audit_chain_heads',
    'audit_events',
    'api_tokens',
    'sessions',
    'role_assignments',
    'people',
    'departments',
    'logins',
    'municipalities',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
