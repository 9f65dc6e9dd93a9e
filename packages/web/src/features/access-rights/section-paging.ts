import { useState } from 'react';

/** Keyset paging kept in the component: a list inside a page (or a page without filters in the address) pages on its own. */
export function useSectionPaging(pageSize = 25) {
  const [cursors, setCursors] = useState<string[]>([]);
  const [size, setSize] = useState(pageSize);
  return {
    cursor: cursors.at(-1),
    reset: () => setCursors([]),
    paging: {
      pageIndex: cursors.length,
      pageSize: size,
      goNext: (cursor: string | null) => {
        if (cursor) setCursors((previous) => [...previous, cursor]);
      },
      goPrevious: () => setCursors((previous) => previous.slice(0, -1)),
      setPageSize: (next: number) => {
        setSize(next);
        setCursors([]);
      },
    },
  };
}
