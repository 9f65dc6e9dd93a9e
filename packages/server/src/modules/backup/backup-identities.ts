import type { StoredRow } from './backup.repository.ts';

/**
 * Record ids across an import (ADR 0034). Ids are kept when none of them is taken in the
 * destination; when one is (the same archive loaded again under a new code), every id is replaced,
 * because the records of one municipality travel together. Every id is a UUID, so a stored value
 * that equals an archived id is that id wherever it appears: in a `…_id` column, in a JSON column
 * (the audit events' before and after, a document's audience) or as an object's key. The
 * replacement therefore walks every cell instead of naming the columns that refer to records,
 * which a new table would otherwise have to remember to add.
 */
export type IdentityMap = ReadonlyMap<string, string>;

function remapJson(value: unknown, identities: IdentityMap): unknown {
  if (typeof value === 'string') return identities.get(value) ?? value;
  if (Array.isArray(value)) return value.map((item) => remapJson(item, identities));
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).map(([key, item]) => [
      identities.get(key) ?? key,
      remapJson(item, identities),
    ]);
    return Object.fromEntries(entries);
  }
  return value;
}

/** A row with every id replaced by its new one; a row without any is returned as it was. */
export function remapRow(row: StoredRow, identities: IdentityMap): StoredRow {
  if (identities.size === 0) return row;
  const result: StoredRow = {};
  for (const [column, value] of Object.entries(row)) {
    if (typeof value !== 'string') result[column] = value;
    else if (identities.has(value)) result[column] = identities.get(value);
    else if (column.endsWith('_json') && (value.includes('-') || value.startsWith('{'))) {
      // Parsed only when an id could be in it; rewritten only when one was, so other text keeps its bytes.
      const parsed = JSON.parse(value) as unknown;
      const remapped = JSON.stringify(remapJson(parsed, identities));
      result[column] = remapped === JSON.stringify(parsed) ? value : remapped;
    } else result[column] = value;
  }
  return result;
}
