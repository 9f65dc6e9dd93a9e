import type { Kysely } from 'kysely';
import { isPostgres, type DatabaseHandle } from '../database.ts';

/** The row of one scheduled job (migration 2026-11-28-006). Timestamps are ISO strings on both dialects. */
export interface ScheduledJobsTable {
  name: string;
  next_run_at: string;
  lease_holder: string | null;
  lease_expires_at: string | null;
  last_started_at: string | null;
  last_finished_at: string | null;
  last_outcome: 'succeeded' | 'failed' | null;
  last_summary: string | null;
  last_error: string | null;
  run_count: number;
  failure_count: number;
}

export type ScheduledJobRow = ScheduledJobsTable;

/** Installation-wide, not a tenant table: the platform owns it, so it is added to the handle here rather than to the register's schema. */
function jobsTable(db: DatabaseHandle): Kysely<{ scheduled_jobs: ScheduledJobsTable }> {
  return db.withTables<{ scheduled_jobs: ScheduledJobsTable }>() as unknown as Kysely<{ scheduled_jobs: ScheduledJobsTable }>;
}

/** The longest error text kept; the full error goes to the server log. */
const errorLength = 1000;

/**
 * The job table's statements. Each is a single statement, so it is atomic on its own: a claim
 * cannot be split by another instance's claim on either database (see `claimDue`).
 */
export const jobClaims = {
  /** Creates the rows of jobs this instance knows, due at once; an existing row (another instance made it) is left as it is. */
  async ensure(db: DatabaseHandle, names: readonly string[], now: Date): Promise<void> {
    if (names.length === 0) return;
    await jobsTable(db)
      .insertInto('scheduled_jobs')
      .values(names.map((name) => ({ name, next_run_at: now.toISOString(), run_count: 0, failure_count: 0 })))
      .onConflict((conflict) => conflict.column('name').doNothing())
      .execute();
  },

  /**
   * Takes the lease of one due job among `names` (the earliest due), or returns undefined when
   * none is due or all due ones are leased. A job is claimable when its run is due and nobody
   * holds an unexpired lease on it, so a crashed holder's job is taken over once the lease ends.
   *
   * PostgreSQL: the inner SELECT locks the chosen row FOR UPDATE SKIP LOCKED, so a second
   * instance claiming at the same moment skips it and looks at the next due job instead of
   * waiting; a row changed by a claim that committed meanwhile is re-checked against the
   * conditions (READ COMMITTED) and no longer qualifies.
   * SQLite: the UPDATE is one autocommit write statement, which takes the database's write lock
   * before it reads (like BEGIN IMMEDIATE, waiting out busy_timeout), so two connections or
   * processes cannot both see the job unleased.
   */
  async claimDue(
    db: DatabaseHandle,
    names: readonly string[],
    holder: string,
    now: Date,
    leaseUntil: Date,
  ): Promise<ScheduledJobRow | undefined> {
    if (names.length === 0) return undefined;
    const table = jobsTable(db);
    const instant = now.toISOString();
    let due = table
      .selectFrom('scheduled_jobs')
      .select('name')
      .where('name', 'in', [...names])
      .where('next_run_at', '<=', instant)
      .where((eb) => eb.or([eb('lease_expires_at', 'is', null), eb('lease_expires_at', '<=', instant)]))
      .orderBy('next_run_at')
      .orderBy('name')
      .limit(1);
    if (isPostgres(db)) due = due.forUpdate().skipLocked();
    return (
      table
        .updateTable('scheduled_jobs')
        .set({ lease_holder: holder, lease_expires_at: leaseUntil.toISOString(), last_started_at: instant })
        .where('name', '=', due)
        // Repeated outside the subquery: the row must still qualify when the UPDATE writes it.
        .where('next_run_at', '<=', instant)
        .where((eb) => eb.or([eb('lease_expires_at', 'is', null), eb('lease_expires_at', '<=', instant)]))
        .returningAll()
        .executeTakeFirst()
    );
  },

  /** Extends a lease while a long run is still going; false when the lease was lost (it expired and another instance took the job). */
  async renew(db: DatabaseHandle, name: string, holder: string, leaseUntil: Date): Promise<boolean> {
    const result = await jobsTable(db)
      .updateTable('scheduled_jobs')
      .set({ lease_expires_at: leaseUntil.toISOString() })
      .where('name', '=', name)
      .where('lease_holder', '=', holder)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  /**
   * Records a finished run and schedules the next, releasing the lease. Only the lease's holder
   * may: a run that outlived its lease (another instance has taken the job over) records nothing,
   * and returns false.
   */
  async finish(
    db: DatabaseHandle,
    name: string,
    holder: string,
    values: { finishedAt: Date; nextRunAt: Date; outcome: 'succeeded' | 'failed'; summary: string | null; error: string | null },
  ): Promise<boolean> {
    const result = await jobsTable(db)
      .updateTable('scheduled_jobs')
      .set((eb) => ({
        next_run_at: values.nextRunAt.toISOString(),
        lease_holder: null,
        lease_expires_at: null,
        last_finished_at: values.finishedAt.toISOString(),
        last_outcome: values.outcome,
        last_summary: values.summary,
        last_error: values.error === null ? null : values.error.slice(0, errorLength),
        run_count: eb('run_count', '+', 1),
        failure_count: values.outcome === 'failed' ? eb('failure_count', '+', 1) : eb.ref('failure_count'),
      }))
      .where('name', '=', name)
      .where('lease_holder', '=', holder)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  async list(db: DatabaseHandle): Promise<ScheduledJobRow[]> {
    return jobsTable(db).selectFrom('scheduled_jobs').selectAll().orderBy('name').execute();
  },
};
