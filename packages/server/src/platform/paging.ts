import { sql, type SelectQueryBuilder } from 'kysely';
import type { Database } from './database-schema.ts';
import type { Executor } from './database.ts';
import { invalid } from './errors.ts';

/**
 * Keyset paging: the cursor carries the last row's sort value and id, so page 300 costs the same
 * as page 1 (an index on (municipality_id, sort column, id) serves it). Sort columns are never
 * null, which keeps the comparison simple and index-friendly.
 */
export interface SortSpecification {
  /** Qualified column, e.g. `people.sort_key`. */
  column: string;
  /** The row's value of that column, selected under this alias. */
  alias: string;
  direction: 'asc' | 'desc';
  /** Qualified id column that breaks ties. */
  idColumn: string;
}

type Cursor = [string | number, string];

export function encodeCursor(value: string | number, id: string): string {
  return Buffer.from(JSON.stringify([value, id] satisfies Cursor)).toString('base64url');
}

export function decodeCursor(cursor: string): Cursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      (typeof parsed[0] === 'string' || typeof parsed[0] === 'number') &&
      typeof parsed[1] === 'string'
    ) {
      return parsed as Cursor;
    }
  } catch {
    // fall through to the validation error below
  }
  throw invalid('cursor', 'The cursor is not valid; start again from the first page.');
}

/**
 * For orders no index can seek, such as a work queue (open items first, oldest first; then the
 * rest, newest first): the cursor is an offset. Right for short lists like an inbox; a long
 * register list uses keyset paging.
 */
export function encodeOffsetCursor(offset: number): string {
  return Buffer.from(String(offset)).toString('base64url');
}

export function decodeOffsetCursor(cursor: string | undefined): number {
  if (!cursor) return 0;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const offset = Number(text);
  if (!/^\d{1,9}$/.test(text) || !Number.isSafeInteger(offset))
    throw invalid('cursor', 'The cursor is not valid; start again from the first page.');
  return offset;
}

/** One page of an offset-paged query: asks for one row more than the page to know whether there is a next page. */
export async function offsetPage<Row>(
  rows: (offset: number, limit: number) => Promise<Row[]>,
  cursor: string | undefined,
  limit: number,
): Promise<{ rows: Row[]; nextCursor: string | null }> {
  const offset = decodeOffsetCursor(cursor);
  const fetched = await rows(offset, limit + 1);
  return fetched.length > limit
    ? { rows: fetched.slice(0, limit), nextCursor: encodeOffsetCursor(offset + limit) }
    : { rows: fetched, nextCursor: null };
}

/** Resolves `?sort=-name` against a table of allowed fields to a sort specification. */
export function resolveSort(
  sort: string | undefined,
  columns: Record<string, string>,
  defaultField: string,
  idColumn: string,
): SortSpecification {
  const requested = sort ?? defaultField;
  const descending = requested.startsWith('-');
  const field = descending ? requested.slice(1) : requested;
  const column = columns[field] ?? columns[defaultField]!;
  return { column, alias: 'sort_value', direction: descending ? 'desc' : 'asc', idColumn };
}

export function applyKeysetPage<Database, Tables extends keyof Database, Output>(
  query: SelectQueryBuilder<Database, Tables, Output>,
  sort: SortSpecification,
  cursor: string | undefined,
  limit: number,
): SelectQueryBuilder<Database, Tables, Output & { sort_value: string | number }> {
  const column = sql.ref(sort.column);
  const idColumn = sql.ref(sort.idColumn);
  let paged = query.select(sql<string | number>`${column}`.as('sort_value')) as SelectQueryBuilder<
    Database,
    Tables,
    Output & { sort_value: string | number }
  >;
  if (cursor) {
    const [value, id] = decodeCursor(cursor);
    const comparison = sort.direction === 'asc' ? sql.raw('>') : sql.raw('<');
    // A row-value comparison lets both databases seek the (sort column, id) index directly.
    paged = paged.where(sql<boolean>`(${column}, ${idColumn}) ${comparison} (${value}, ${id})`);
  }
  return paged
    .orderBy(sql`${column}`, sort.direction)
    .orderBy(sql`${idColumn}`, sort.direction)
    .limit(limit + 1);
}

/** Splits the extra row fetched by applyKeysetPage into the next cursor. */
export function finishPage<Row extends { sort_value: string | number; id: string }>(
  rows: Row[],
  limit: number,
): { rows: Row[]; nextCursor: string | null } {
  if (rows.length <= limit) return { rows, nextCursor: null };
  const page = rows.slice(0, limit);
  const last = page[page.length - 1]!;
  return { rows: page, nextCursor: encodeCursor(last.sort_value, last.id) };
}

/**
 * One page of a list and the total, the way every list endpoint answers: the page query (with its
 * selection) and the filtered query to count run together; rows become items through `toItem`.
 */
export async function pageOf<
  Database,
  Tables extends keyof Database,
  Output extends { id: string },
  CountDatabase,
  CountTables extends keyof CountDatabase,
  Item,
>(
  rows: SelectQueryBuilder<Database, Tables, Output>,
  filtered: SelectQueryBuilder<CountDatabase, CountTables, object>,
  sort: SortSpecification,
  query: { cursor?: string; limit: number },
  toItem: (row: Output & { sort_value: string | number }) => Item,
): Promise<{ items: Item[]; total: number; nextCursor: string | null }> {
  const [found, count] = await Promise.all([
    applyKeysetPage(rows, sort, query.cursor, query.limit).execute(),
    filtered.select(sql<number>`count(*)`.as('total')).executeTakeFirstOrThrow(),
  ]);
  const page = finishPage(found, query.limit);
  return { items: page.rows.map(toItem), total: Number((count as { total: number | string }).total), nextCursor: page.nextCursor };
}

/**
 * The total of a list too long to count on every page (issue #15: 250,000 assets): counts at most
 * `atMost` matching rows and says whether there were more, so the answer costs at most that many
 * index entries however large the table. The screen then says "more than 10,000".
 */
export async function cappedTotal<Tables extends keyof Database>(
  db: Executor,
  filtered: SelectQueryBuilder<Database, Tables, object>,
  atMost: number,
): Promise<{ total: number; totalCapped: boolean }> {
  const matches = filtered
    .select(sql<number>`1`.as('one'))
    .limit(atMost + 1)
    .as('matches');
  const row = await db.selectFrom(matches).select(sql<number | string>`count(*)`.as('total')).executeTakeFirstOrThrow();
  const counted = Number(row.total);
  return counted > atMost ? { total: atMost, totalCapped: true } : { total: counted, totalCapped: false };
}
