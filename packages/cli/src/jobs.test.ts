import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDialect } from '../../server/test/test-database.ts';
import { forvaltaWith } from './cli-test-support.ts';

// An hour between outbox runs: the processes of one test start seconds apart on a busy machine, and must all fall in one period.
const forvalta = (...args: string[]) => forvaltaWith({ JOBS_CHANGE_NOTICE_OUTBOX_SECONDS: '3600' }, ...args);

async function runCounts(dialect: TestDialect, url: string): Promise<Record<string, number>> {
  const query = 'select name, run_count from scheduled_jobs order by name';
  let rows: Array<{ name: string; run_count: number }>;
  if (dialect === 'sqlite') {
    const sqlite = new SqliteDatabase(url, { readonly: true });
    rows = sqlite.prepare(query).all() as typeof rows;
    sqlite.close();
  } else {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    rows = (await client.query(query)).rows;
    await client.end();
  }
  return Object.fromEntries(rows.map((row) => [row.name, Number(row.run_count)]));
}

/** Separate processes on one database: the claim must hold across processes, not only connections of one. */
describe('forvalta jobs run-due', () => {
  it('answers --help and refuses an unknown subcommand with exit code 2', async () => {
    expect((await forvalta('jobs', '--help')).stdout).toContain('forvalta jobs run-due');
    const wrong = await forvalta('jobs', 'run-all');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr.trim()).toBe('forvalta: unknown jobs command "run-all" (try: forvalta jobs run-due)');
  });

  for (const dialect of ['sqlite', 'postgres'] as const) {
    it(`runs each due job once when three processes run it at the same time (${dialect})`, async () => {
      const database = await createTestDatabase(dialect);
      try {
        expect(
          (
            await forvalta(
              'init',
              '--municipality',
              'Tanums kommun',
              '--code',
              '1435',
              '--admin-email',
              'it@tanum.se',
              '--database',
              database.url,
            )
          ).code,
        ).toBe(0);
        const results = await Promise.all([1, 2, 3].map(() => forvalta('jobs', 'run-due', '--database', database.url)));
        for (const result of results) expect(result.code, result.stderr).toBe(0);
        const lines = results.flatMap((result) => result.stdout.trim().split('\n'));
        expect(lines.filter((line) => line.startsWith('change-notice-outbox: '))).toHaveLength(1);
        expect(lines.filter((line) => line.startsWith('compliance-daily-snapshot: '))).toEqual([
          expect.stringMatching(
            /^compliance-daily-snapshot: 1 snapshot\(s\) for \d{4}-\d{2}-\d{2} taken, 0 municipality\(ies\) had one already \(/,
          ),
        ]);
        // The nightly audit-chain verification is due on a fresh database too, and runs once like the others.
        expect(lines.filter((line) => line.startsWith('audit-chain-verification: '))).toEqual([
          expect.stringMatching(/^audit-chain-verification: \d+ events in \d+ chain\(s\) verified: intact/),
        ]);
        // The nightly leavers-by-end-date pass (and the clean-up of login back-off, reset links and old e-mail) too.
        expect(lines.filter((line) => line.startsWith('leavers-and-login-throttles: '))).toEqual([
          expect.stringMatching(
            /^leavers-and-login-throttles: 0 person\(s\) whose end date had come by \d{4}-\d{2}-\d{2} marked as left in 1 municipality\(ies\); 0 expired login throttle row\(s\), 0 expired reset link\(s\) and 0 old e-mail\(s\) removed \(/,
          ),
        ]);
        // The new employees' acknowledgement requests (issue #13): nothing asks acknowledgement on a fresh database.
        expect(lines.filter((line) => line.startsWith('acknowledgements-for-new-employees: '))).toEqual([
          expect.stringMatching(
            /^acknowledgements-for-new-employees: 0 acknowledgement request\(s\) for employees started by \d{4}-\d{2}-\d{2} in 1 municipality\(ies\) \(/,
          ),
        ]);
        // Pseudonymising long-gone leavers (issue #16): nobody on a fresh database.
        expect(lines.filter((line) => line.startsWith('leaver-pseudonymisation: '))).toEqual([
          expect.stringMatching(
            /^leaver-pseudonymisation: 0 leaver\(s\) pseudonymised, 0 kept for an open matter, in 1 municipality\(ies\) \(/,
          ),
        ]);
        expect(await runCounts(dialect, database.url)).toEqual({
          'acknowledgements-for-new-employees': 1,
          'audit-chain-verification': 1,
          'change-notice-outbox': 1,
          'compliance-daily-snapshot': 1,
          'leavers-and-login-throttles': 1,
          'leaver-pseudonymisation': 1,
        });

        const again = await forvalta('jobs', 'run-due', '--database', database.url);
        expect(again).toMatchObject({ code: 0, stdout: 'No job was due.\n' });
      } finally {
        await database.drop();
      }
    });
  }
});
