import type { Kysely } from 'kysely';

/**
 * The audit chains become HMAC-SHA-256 under the installation's audit key (ADR 0012). Each chain
 * head names the key that sealed it; existing chains, hashed with unkeyed SHA-256, get null and are
 * sealed once at the next start (platform/audit-seal.ts), which the migration cannot do itself:
 * the key is not in the database.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('audit_chain_heads').addColumn('key_id', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('audit_chain_heads').dropColumn('key_id').execute();
}
