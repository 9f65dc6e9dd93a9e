import type { Kysely } from 'kysely';

/**
 * API tokens (issue #12, finding 8): a token creates tokens only if it was given that right
 * (`can_create_tokens`), and every stored expiry is UTC. On SQLite an expiry was kept as the text
 * the client sent (`2026-12-02T00:00:00+14:00`) and compared as text, so it outlived its instant;
 * it is rewritten here as the same instant in UTC. PostgreSQL's timestamptz already held the
 * instant; rewriting it there changes nothing.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('api_tokens')
    .addColumn('can_create_tokens', 'integer', (column) => column.notNull().defaultTo(0))
    .execute();
  // The untyped builder: a migration must not depend on today's schema types.
  const untyped = db as unknown as Kysely<{ api_tokens: { id: string; expires_at: string | null } }>;
  const rows = await untyped.selectFrom('api_tokens').select(['id', 'expires_at']).where('expires_at', 'is not', null).execute();
  for (const row of rows) {
    const instant = new Date(row.expires_at as string);
    if (Number.isNaN(instant.getTime())) continue;
    const utc = instant.toISOString();
    if (utc !== row.expires_at) await untyped.updateTable('api_tokens').set({ expires_at: utc }).where('id', '=', row.id).execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('api_tokens').dropColumn('can_create_tokens').execute();
}
