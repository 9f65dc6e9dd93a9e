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
 * whose time part is the statement's instant (`now`) and the rest random per row. A set's rows
 * share the time prefix, so the primary key grows at its end instead of at random pages across a
 * table of millions (as the bulk loads' ids do, ADR 0005); the version and variant digits are set,
 * which the contracts' uuid check demands.
 */
export function databaseUuid(executor: Executor, now: string): RawBuilder<string> {
  const time = new Date(now).getTime().toString(16).padStart(12, '0').slice(-12);
  const prefix = `${time.slice(0, 8)}-${time.slice(8, 12)}-7`;
  if (isPostgres(executor))
    return sql<string>`${prefix} || substr(md5(random()::text), 1, 3) || '-' || substr('89ab', 1 + floor(random() * 4)::int, 1) || substr(md5(random()::text), 1, 3) || '-' || substr(md5(random()::text), 1, 12)`;
  return sql<string>`${prefix} || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))`;
}
