import { performance } from 'node:perf_hooks';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type CompiledQuery } from 'kysely';
import pg from 'pg';
import { isPostgresUrl } from '@forvalta/server';
import type { Database } from '@forvalta/server';

/**
 * The floor under each endpoint: the exact statements its service runs (captured from Kysely's
 * query log, with their parameters), executed straight on the driver with statements prepared
 * once, one after the other. No HTTP, no auth, no validation, no serialisation, no query builder.
 */
export interface QueryCapture {
  db: Kysely<Database>;
  /** Runs `work` and returns the statements it sent, in order. */
  capture(work: () => Promise<unknown>): Promise<CompiledQuery[]>;
  destroy(): Promise<void>;
}

export function openQueryCapture(url: string): QueryCapture {
  let recording: CompiledQuery[] | null = null;
  const log = (event: { level: string; query: CompiledQuery }) => {
    if (recording && event.level === 'query') recording.push(event.query);
  };
  const dialect = isPostgresUrl(url)
    ? new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 4 }) })
    : new SqliteDialect({ database: new SqliteDatabase(url.startsWith('file:') ? url.slice(5) : url) });
  const db = new Kysely<Database>({ dialect, log });
  return {
    db,
    async capture(work) {
      recording = [];
      try {
        await work();
        return recording;
      } finally {
        recording = null;
      }
    },
    destroy: () => db.destroy(),
  };
}

export interface RawTiming {
  queries: number;
  iterations: number;
  p50Milliseconds: number;
  p99Milliseconds: number;
}

export interface RawRunner {
  time(queries: readonly CompiledQuery[], seconds: number): Promise<RawTiming>;
  close(): Promise<void>;
}

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? 0;
}

export async function openRawRunner(url: string): Promise<RawRunner> {
  if (isPostgresUrl(url)) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const names = new Map<string, string>();
    return {
      async time(queries, seconds) {
        const run = async () => {
          for (const query of queries) {
            // A named statement is parsed and planned once per connection, like a prepared statement.
            let name = names.get(query.sql);
            if (!name) {
              name = `bench_${names.size}`;
              names.set(query.sql, name);
            }
            await client.query({ name, text: query.sql, values: query.parameters as unknown[] });
          }
        };
        return measure(run, queries.length, seconds);
      },
      close: () => client.end(),
    };
  }
  const sqlite = new SqliteDatabase(url.startsWith('file:') ? url.slice(5) : url, { readonly: true });
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    async time(queries, seconds) {
      const prepared = queries.map((query) => {
        let statement = statements.get(query.sql);
        if (!statement) {
          statement = sqlite.prepare(query.sql);
          statements.set(query.sql, statement);
        }
        return { statement, parameters: query.parameters as unknown[] };
      });
      const run = async () => {
        for (const { statement, parameters } of prepared) {
          if (statement.reader) statement.all(...parameters);
          else statement.run(...parameters);
        }
      };
      return measure(run, queries.length, seconds);
    },
    close: async () => void sqlite.close(),
  };
}

async function measure(run: () => Promise<void>, queries: number, seconds: number): Promise<RawTiming> {
  const warmStarted = performance.now();
  // Warm up (page cache, statement cache, JIT), but never for long: a slow query is slow enough.
  for (let warm = 0; warm < 20 && performance.now() - warmStarted < 1000; warm += 1) await run();
  const samples: number[] = [];
  const deadline = performance.now() + seconds * 1000;
  while (performance.now() < deadline || samples.length < 3) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  samples.sort((left, right) => left - right);
  return { queries, iterations: samples.length, p50Milliseconds: percentile(samples, 0.5), p99Milliseconds: percentile(samples, 0.99) };
}
