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
 * A random UUID (version 4) computed by the database for each row of an insert … select:
 * PostgreSQL's gen_random_uuid(); on SQLite hex of random bytes with the version and variant
 * digits set, which is what the contracts' uuid check demands.
 */
export function databaseUuid(executor: Executor): RawBuilder<string> {
  if (isPostgres(executor)) return sql<string>`gen_random_uuid()::text`;
  return sql<string>`lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))`;
}
