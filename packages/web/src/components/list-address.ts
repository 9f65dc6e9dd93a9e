import { useDebouncedCallback } from '@mantine/hooks';
import { type ChangeEvent, useCallback, useEffect, useState } from 'react';
import { type UrlPaging, useUrlPaging } from './url-paging.ts';

// Any route's navigate: each route types its own search, this hook only merges into it.
type AddressNavigate = (options: never) => unknown;

/**
 * A list whose filters, sort and page live in the address (shareable, kept over a reload, the
 * back button goes to the page before). Changing a filter or the sort starts at the first page:
 * a cursor belongs to one query. The search box updates the address 300 ms after typing stops.
 */
export function useAddressList<Filters extends UrlPaging & { q?: string; sort?: string }>(
  filters: Filters,
  navigate: AddressNavigate,
  options: { pageSize?: number; defaultSort?: string } = {},
) {
  const go = navigate as unknown as (options: {
    search: (previous: Record<string, unknown>) => Record<string, unknown>;
    replace?: boolean;
  }) => void;
  const setFilters = useCallback(
    (changes: Partial<Filters>) => go({ search: (previous) => ({ ...previous, ...changes, cursors: undefined }), replace: true }),
    [go],
  );
  const movePage = useCallback(
    (changes: UrlPaging, { replace }: { replace: boolean }) => go({ search: (previous) => ({ ...previous, ...changes }), replace }),
    [go],
  );
  const paging = useUrlPaging(filters, movePage, options.pageSize);

  const [searchText, setSearchText] = useState(filters.q ?? '');
  const updateSearch = useDebouncedCallback((value: string) => setFilters({ q: value.trim() || undefined } as Partial<Filters>), 300);
  // Back and forward in the browser change the address; the search box follows it.
  useEffect(() => setSearchText(filters.q ?? ''), [filters.q]);
  const searchInput = {
    value: searchText,
    onChange: (event: ChangeEvent<HTMLInputElement>) => {
      setSearchText(event.currentTarget.value);
      updateSearch(event.currentTarget.value);
    },
  };

  const { cursors: _cursors, limit: _limit, ...selection } = filters;
  const sortValue = filters.sort ?? options.defaultSort;
  return {
    filters,
    setFilters,
    paging,
    searchInput,
    sort: { value: sortValue, onChange: (sort: string) => setFilters({ sort } as Partial<Filters>) },
    /** The API's query: the filters, the sort and the page. */
    query: { ...selection, ...(sortValue ? { sort: sortValue } : {}), cursor: paging.cursor, limit: paging.pageSize },
    /** Whether any filter (not the sort) narrows the list. */
    filtered: Object.entries(selection).some(([name, value]) => name !== 'sort' && value !== undefined && value !== ''),
    clearFilters: () => {
      setSearchText('');
      go({ search: () => (filters.sort ? { sort: filters.sort } : {}), replace: true });
    },
  };
}
