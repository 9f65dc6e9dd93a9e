/**
 * React keys for rows that have no id of their own (a form's list of links, a review's actions).
 * The index is no key: removing the second of three rows would hand the third row's inputs (focus,
 * a half-typed value) to another row. These keys follow the row instead.
 */
import { useRef } from 'react';

export interface RowKeys {
  items: readonly object[];
  keys: string[];
  byItem: WeakMap<object, string>;
  next: number;
}

export const noRowKeys = (): RowKeys => ({ items: [], keys: [], byItem: new WeakMap(), next: 0 });

/**
 * The keys for `items`, given the keys of the previous render. A row keeps its key while it is the
 * same object; a row replaced in place (an edit makes a new object, the list keeps its length)
 * inherits the key of the row it replaced; any other new row gets a new key.
 */
export function nextRowKeys(previous: RowKeys, items: readonly object[]): RowKeys {
  if (items === previous.items) return previous;
  let next = previous.next;
  const used = new Set<string>();
  const sameLength = items.length === previous.items.length;
  const keys = items.map((item, position) => {
    let key = previous.byItem.get(item);
    if (key === undefined || used.has(key)) key = sameLength ? previous.keys[position] : undefined;
    if (key === undefined || used.has(key)) {
      key = `row-${next}`;
      next += 1;
    }
    used.add(key);
    previous.byItem.set(item, key);
    return key;
  });
  return { items, keys, byItem: previous.byItem, next };
}

/** One key per row of an editable list, stable across edits, additions and removals. */
export function useRowKeys(items: readonly object[]): string[] {
  const state = useRef<RowKeys>(noRowKeys());
  state.current = nextRowKeys(state.current, items);
  return state.current.keys;
}

/**
 * The rows of a list that is only shown, each with a key from what it says: the text, and for a
 * repeated text how many times it came before ("Avtal#0", "Avtal#1").
 */
export function keyedByContent<Item>(items: readonly Item[], textOf: (item: Item) => string): Array<{ key: string; item: Item }> {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const text = textOf(item);
    const occurrence = seen.get(text) ?? 0;
    seen.set(text, occurrence + 1);
    return { key: `${text}#${occurrence}`, item };
  });
}
