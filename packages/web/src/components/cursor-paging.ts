import { useCallback, useState } from 'react';

/**
 * Keyset paging as the API does it: a cursor leads only forwards, so going back means
 * remembering the cursors of the pages already seen. `resetKey` restarts at the first page
 * whenever the filters or sort change (a cursor belongs to one query).
 */
export function useCursorPaging(resetKey: string, initialPageSize = 25) {
  const [state, setState] = useState<{ key: string; cursors: Array<string | undefined>; pageSize: number }>({
    key: resetKey,
    cursors: [undefined],
    pageSize: initialPageSize,
  });
  // Adjusting state during render (not in an effect) avoids one request with a stale cursor.
  let current = state;
  if (state.key !== resetKey) {
    current = { key: resetKey, cursors: [undefined], pageSize: state.pageSize };
    setState(current);
  }
  const pageIndex = current.cursors.length - 1;

  const goNext = useCallback((nextCursor: string | null) => {
    if (nextCursor) setState((previous) => ({ ...previous, cursors: [...previous.cursors, nextCursor] }));
  }, []);
  const goPrevious = useCallback(() => {
    setState((previous) => (previous.cursors.length > 1 ? { ...previous, cursors: previous.cursors.slice(0, -1) } : previous));
  }, []);
  const setPageSize = useCallback((pageSize: number) => {
    setState((previous) => ({ ...previous, pageSize, cursors: [undefined] }));
  }, []);

  return { cursor: current.cursors[pageIndex], pageIndex, pageSize: current.pageSize, goNext, goPrevious, setPageSize };
}
