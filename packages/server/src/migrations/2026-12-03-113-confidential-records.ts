import type { Kysely } from 'kysely';

/**
 * Confidential records (issue #16, ADR 0030): the paragraph of the Public Access to Information and
 * Secrecy Act (OSL) under which a record's content is secret, e.g. "18 kap. 8 § OSL"; null for a
 * record that is not marked. On risk analyses (their vulnerabilities and measures), assets (their
 * network details) and records of processing.
 */
const tables = ['risk_analyses', 'assets', 'processing_activities'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of tables) await db.schema.alterTable(table).addColumn('confidential_osl_paragraph', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of tables) await db.schema.alterTable(table).dropColumn('confidential_osl_paragraph').execute();
}
