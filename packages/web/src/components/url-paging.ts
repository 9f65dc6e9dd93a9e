import { useCallback } from 'react';

/** Paging as it stands in the address: the cursors of the pages passed through, and the page size. */
export interface UrlPaging {
  /** One cursor per page after the first; the last one is the page shown. */
  cursors?: string[];
  limit?: number;
}

// 10 is for the short lists inside a detail page (a system's history); whole pages offer 25 and up.
const pageSizes = [10, 25, 50, 100];

/** Reads the paging part of a list's address, dropping anything malformed. */
export function validateUrlPaging(search: Record<string, unknown>): UrlPaging {
  const cursors = Array.isArray(search.cursors)
    ? search.cursors
        .filter((cursor): cursor is string => typeof cursor === 'string' && cursor.length > 0 && cursor.length <= 500)
        .slice(0, 200)
    : [];
  const limit = Number(search.limit);
  return {
    ...(cursors.length > 0 ? { cursors } : {}),
    ...(pageSizes.includes(limit) ? { limit } : {}),
  };
}

/** The value of a search parameter if it is one of the allowed ones. */
export function pickValue<Value extends string>(values: readonly Value[], value: unknown): Value | undefined {
  return typeof value === 'string' && (values as readonly string[]).includes(value) ? (value as Value) : undefined;
}

/** Drops the undefined entries, so the address only shows what is set. */
export function withoutEmpty<Shape extends object>(shape: Shape): Shape {
  return Object.fromEntries(Object.entries(shape).filter(([, value]) => value !== undefined)) as Shape;
}

/**
 * Keyset paging kept in the address (like useCursorPaging, which keeps it in memory): going to the
 * next page pushes a history entry, so the browser's back button returns to the page before, and
 * a reload or a bookmark opens the same page. Changing a filter must drop `cursors` (a cursor
 * belongs to one query); the page's setFilters does that.
 */
export function useUrlPaging(
  paging: UrlPaging,
  navigate: (changes: UrlPaging, options: { replace: boolean }) => void,
  defaultPageSize = 50,
) {
  const cursors = paging.cursors ?? [];
  const goNext = useCallback(
    (nextCursor: string | null) => {
      if (nextCursor) navigate({ cursors: [...cursors, nextCursor] }, { replace: false });
    },
    [cursors, navigate],
  );
  const goPrevious = useCallback(
    () => navigate({ cursors: cursors.length > 1 ? cursors.slice(0, -1) : undefined }, { replace: false }),
    [cursors, navigate],
  );
  const setPageSize = useCallback((limit: number) => navigate({ limit, cursors: undefined }, { replace: true }), [navigate]);
  return { cursor: cursors.at(-1), pageIndex: cursors.length, pageSize: paging.limit ?? defaultPageSize, goNext, goPrevious, setPageSize };
}

const identifierPattern = /^[\w-]{1,64}$/;

/** What a list's address may hold besides the page: free text, ids, and fields with known values. */
export interface ListSearchShape {
  text?: readonly string[];
  ids?: readonly string[];
  choices?: Record<string, readonly string[]>;
  /** Check boxes: present (true) or absent. */
  flags?: readonly string[];
  /** Calendar dates, YYYY-MM-DD. */
  dates?: readonly string[];
  /** The sort values the list offers (`name`, `-name`, …). */
  sorts?: readonly string[];
}

/**
 * A validateSearch for a list route: keeps what the shape names and is well formed, drops the
 * rest, so a hand-edited or old address opens the list instead of failing.
 */
export function listSearchValidator<Filters extends UrlPaging>(shape: ListSearchShape) {
  return (search: Record<string, unknown>): Filters => {
    const result: Record<string, unknown> = {};
    for (const name of shape.text ?? []) {
      const value = search[name];
      if (typeof value === 'string' && value.trim() !== '') result[name] = value.trim().slice(0, 200);
    }
    for (const name of shape.ids ?? []) {
      const value = search[name];
      if (typeof value === 'string' && identifierPattern.test(value)) result[name] = value;
    }
    for (const [name, values] of Object.entries(shape.choices ?? {})) result[name] = pickValue(values, search[name]);
    for (const name of shape.flags ?? []) {
      if (search[name] === true || search[name] === 'true') result[name] = true;
    }
    for (const name of shape.dates ?? []) {
      const value = search[name];
      if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) result[name] = value;
    }
    if (shape.sorts) result.sort = pickValue(shape.sorts, search.sort);
    return withoutEmpty({ ...result, ...validateUrlPaging(search) }) as Filters;
  };
}

/**
 * The part of an address that belongs to one list of a detail page: `integrations.cursors` is
 * the integrations list's `cursors`. A page with several lists gives each its prefix, so paging
 * one does not move the others.
 */
export function searchUnder(prefix: string, search: Record<string, unknown>): Record<string, unknown> {
  const start = `${prefix}.`;
  return Object.fromEntries(
    Object.entries(search)
      .filter(([name]) => name.startsWith(start))
      .map(([name, value]) => [name.slice(start.length), value]),
  );
}

/** The reverse of searchUnder: a list's own parameters named with its prefix. */
export function searchWithPrefix(prefix: string, search: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(search).map(([name, value]) => [`${prefix}.${name}`, value]));
}

/** A validateSearch for a list kept under a prefix in the address of a detail page. */
export function prefixedSearchValidator(prefix: string, shape: ListSearchShape) {
  const validate = listSearchValidator<Record<string, unknown>>(shape);
  return (search: Record<string, unknown>): Record<string, unknown> => searchWithPrefix(prefix, validate(searchUnder(prefix, search)));
}
