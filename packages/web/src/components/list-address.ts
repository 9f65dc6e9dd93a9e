import { useDebouncedCallback } from '@mantine/hooks';
import { type ChangeEvent, useCallback, useEffect, useMemo, useState } from 'react';
import { searchUnder, searchWithPrefix, type UrlPaging, useUrlPaging } from './url-paging.ts';

// Any route's navigate: each route types its own search, this hook only merges into it.
type AddressNavigate = (options: never) => unknown;
type SearchUpdate = (previous: Record<string, unknown>) => Record<string, unknown>;
type UntypedNavigate = (options: { search: SearchUpdate; replace?: boolean; resetScroll?: boolean }) => void;

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
  const go = navigate as unknown as UntypedNavigate;
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

/**
 * A list inside a detail page (a system's integrations, people, history; a clause's results):
 * the same as useAddressList, with its parameters under `prefix.` in the page's address so each
 * list pages on its own, and without scrolling to the top, as the list sits down the page.
 */
export function useSectionList<Filters extends UrlPaging & { q?: string; sort?: string }>(
  prefix: string,
  search: Record<string, unknown>,
  navigate: AddressNavigate,
  options: { pageSize?: number; defaultSort?: string } = {},
) {
  const go = navigate as unknown as UntypedNavigate;
  const own = useMemo(() => searchUnder(prefix, search) as Filters, [prefix, search]);
  const prefixedNavigate = useCallback<UntypedNavigate>(
    ({ search: update, replace }) =>
      go({
        search: (previous) => {
          const others = Object.fromEntries(Object.entries(previous).filter(([name]) => !name.startsWith(`${prefix}.`)));
          return { ...others, ...searchWithPrefix(prefix, update(searchUnder(prefix, previous))) };
        },
        ...(replace === undefined ? {} : { replace }),
        resetScroll: false,
      }),
    [go, prefix],
  );
  return useAddressList(own, prefixedNavigate as AddressNavigate, options);
}
