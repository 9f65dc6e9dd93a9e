import type { Kysely } from 'kysely';
import { columnTypes } from './column-types.ts';

/**
 * The scheduled jobs' shared state (ADR 0006): one row per job, installation-wide. Every
 * application instance claims a due job by setting the lease on its row with one conditional
 * UPDATE, so exactly one instance runs it; a crashed instance's lease expires and another
 * instance takes the job over.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const types = await columnTypes(db);
  await db.schema
    .createTable('scheduled_jobs')
    .addColumn('name', 'text', (column) => column.primaryKey())
    .addColumn('next_run_at', types.timestamp, (column) => column.notNull())
    .addColumn('lease_holder', 'text')
    .addColumn('lease_expires_at', types.timestamp)
    .addColumn('last_started_at', types.timestamp)
    .addColumn('last_finished_at', types.timestamp)
    .addColumn('last_outcome', 'text')
    .addColumn('last_summary', 'text')
    .addColumn('last_error', 'text')
    .addColumn('run_count', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('failure_count', 'integer', (column) => column.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('scheduled_jobs').execute();
}
