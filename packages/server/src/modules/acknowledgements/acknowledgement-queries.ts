import { randomBytes } from 'node:crypto';
import { sql, type Expression, type ExpressionBuilder, type RawBuilder, type SqlBool } from 'kysely';
import type { Database } from '../../platform/database-schema.ts';
import { isPostgres, type Executor } from '../../platform/database.ts';

/**
 * SQL fragments the acknowledgements' repositories share (the query-builder rule allows
 * *-queries.ts): who is an active employee in a document's audience today, and a new id made by
 * the database, so a set-based insert needs no round trip per row.
 */

/**
 * The audience as the service resolved it: the departments (their subtrees already expanded), or
 * null for the whole municipality (a document without audience departments concerns everyone,
 * the employees without a department included).
 */
export type Audience = readonly string[] | null;

/**
 * An employee counts from their start date (or always, without one) until their end date, while
 * marked active: the same days authentication lets them in (the leavers job marks them left on
 * the end date itself).
 */
export function activeEmployeeIn(audience: Audience, today: string) {
  return (eb: ExpressionBuilder<Database, 'people'>): Expression<SqlBool> => {
    const conditions: Expression<SqlBool>[] = [
      eb('people.employment_status', '=', 'active'),
      eb.or([eb('people.start_date', 'is', null), eb('people.start_date', '<=', today)]),
      eb.or([eb('people.end_date', 'is', null), eb('people.end_date', '>', today)]),
    ];
    // An audience of departments that no longer exist asks nobody (never everyone).
    if (audience !== null) conditions.push(audience.length === 0 ? sql<boolean>`1 = 0` : eb('people.department_id', 'in', audience));
    return eb.and(conditions);
  };
}

/**
 * A new id for each row of an insert … select, made by the database: a UUID of version 7's layout
 * whose time part is the statement's instant (`now`), then random digits drawn once for the
 * statement, then the row's place in `orderedBy` (a row number). The rows of a set get ids in the
 * order they are inserted (which is `orderedBy` too), so the primary key and the indexes grow at
 * their end instead of at random pages: measured at 96,000 requests, ordered ids and rows took
 * SQLite's insert from 2.5 s to 0.4 s of CPU (docs/performance.md, issue #13). The version and
 * variant digits are set, which the contracts' uuid check demands; two statements in the same
 * millisecond differ in their 28 random bits.
 */
export function orderedDatabaseUuid(executor: Executor, now: string, orderedBy: RawBuilder<unknown>): RawBuilder<string> {
  const time = new Date(now).getTime().toString(16).padStart(12, '0').slice(-12);
  const random = randomBytes(4).toString('hex');
  const variant = '89ab'[Number.parseInt(random[0]!, 16) % 4];
  const prefix = `${time.slice(0, 8)}-${time.slice(8, 12)}-7${random.slice(1, 4)}-${variant}${random.slice(4, 7)}-`;
  const rowNumber = sql`row_number() over (order by ${orderedBy})`;
  if (isPostgres(executor)) return sql<string>`${prefix} || lpad(to_hex(${rowNumber}), 12, '0')`;
  return sql<string>`${prefix} || printf('%012x', ${rowNumber})`;
}
