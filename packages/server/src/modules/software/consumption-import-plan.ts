import {
  consumptionImportFields,
  consumptionImportHeaders,
  consumptionImportKindWords,
  consumptionKinds,
  type ConsumptionImportField,
  type ConsumptionImportRow,
  type ConsumptionKind,
} from '@forvalta/contracts';
import type { ColumnDefinition, SpreadsheetRow } from '../../platform/spreadsheets/index.ts';
import { swedishSortKey } from '../../platform/text.ts';
import type { InventoryCount } from './licence-inventory.ts';

/**
 * What each row of a counted inventory would do to the inventory's counts, decided without the
 * database: the service loads the municipality's software and what the inventory recorded before,
 * this plans, and a dry run reports the same plan an apply writes. Pure.
 */

export const consumptionImportColumns: ReadonlyArray<ColumnDefinition<ConsumptionImportField>> = consumptionImportFields.map((field) => ({
  field,
  headers: consumptionImportHeaders[field],
}));

export interface ImportableSoftware {
  id: string;
  product: string;
  maker: string | null;
}

export interface ConsumptionLookups {
  softwareById: ReadonlyMap<string, ImportableSoftware>;
  /** By swedishSortKey(product): every product of that name (makers tell them apart). */
  softwareByProduct: ReadonlyMap<string, readonly ImportableSoftware[]>;
  /** What the inventory counted before, by `softwareId|kind`. */
  earlier: ReadonlyMap<string, number>;
}

const kindByWord = new Map<string, ConsumptionKind>(
  consumptionKinds.flatMap((kind) =>
    [kind, ...consumptionImportKindWords[kind]].map((word) => [word.toLocaleLowerCase('sv'), kind] as const),
  ),
);

/** A count as inventories write it: "1 250", "1250", "1,250" or "1.250" are all 1,250; decimals are refused. */
export function parseCount(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  if (!/^\d{1,3}([.,]\d{3})*$|^\d+$/.test(compact)) return null;
  const count = Number(compact.replace(/[.,]/g, ''));
  return Number.isSafeInteger(count) && count <= 10_000_000 ? count : null;
}

type Problem = ConsumptionImportRow['problems'][number];

function findSoftware(lookups: ConsumptionLookups, id: string, product: string, maker: string) {
  if (id) return { software: lookups.softwareById.get(id.toLowerCase()), reason: 'product_not_found' as const };
  const named = lookups.softwareByProduct.get(swedishSortKey(product)) ?? [];
  const candidates = maker ? named.filter((software) => swedishSortKey(software.maker ?? '') === swedishSortKey(maker)) : named;
  if (candidates.length > 1) return { software: undefined, reason: 'product_ambiguous' as const };
  return { software: candidates[0], reason: 'product_not_found' as const };
}

export function planConsumptionRows(
  rows: readonly SpreadsheetRow[],
  columns: Partial<Record<ConsumptionImportField, number>>,
  lookups: ConsumptionLookups,
): ConsumptionImportRow[] {
  const cell = (row: SpreadsheetRow, field: ConsumptionImportField) =>
    columns[field] === undefined ? '' : (row.cells[columns[field]!] ?? '').trim();
  const firstRowOf = new Map<string, number>();
  return rows.map((row) => {
    const problems: Problem[] = [];
    const id = cell(row, 'softwareId');
    const product = cell(row, 'product');
    const kindText = cell(row, 'kind');
    const countText = cell(row, 'count');
    let software: ImportableSoftware | undefined;
    if (!id && !product) problems.push({ field: 'product', reason: 'product_missing' });
    else {
      const found = findSoftware(lookups, id, product, cell(row, 'maker'));
      software = found.software;
      if (!software) problems.push({ field: id ? 'softwareId' : 'product', reason: found.reason });
    }
    const kind = kindText ? kindByWord.get(kindText.toLocaleLowerCase('sv')) : 'installation';
    if (!kind) problems.push({ field: 'kind', reason: 'kind_invalid' });
    const count = countText ? parseCount(countText) : null;
    if (!countText) problems.push({ field: 'count', reason: 'count_missing' });
    else if (count === null) problems.push({ field: 'count', reason: 'count_invalid' });
    const key = software && kind ? `${software.id}|${kind}` : null;
    if (key) {
      const first = firstRowOf.get(key);
      if (first !== undefined) problems.push({ field: null, reason: 'duplicate_row', otherRowNumber: first });
      else firstRowOf.set(key, row.rowNumber);
    }
    const previousCount = key ? (lookups.earlier.get(key) ?? null) : null;
    const outcome = problems.length > 0 ? 'refused' : previousCount === null ? 'add' : previousCount === count ? 'unchanged' : 'change';
    return {
      rowNumber: row.rowNumber,
      outcome,
      product: product || null,
      softwareId: software?.id ?? null,
      softwareProduct: software?.product ?? null,
      kind: kind ?? null,
      count,
      previousCount,
      problems,
    };
  });
}

/** The counts a clean plan writes: every row, the unchanged ones too (the inventory is replaced whole). */
export function plannedCounts(rows: readonly ConsumptionImportRow[]): InventoryCount[] {
  return rows.map((row) => ({ softwareId: row.softwareId!, kind: row.kind!, count: row.count! }));
}

/** The earlier counts no row of the file names: an apply removes them. */
export function removedCounts(rows: readonly ConsumptionImportRow[], earlier: ReadonlyMap<string, number>) {
  const named = new Set(rows.flatMap((row) => (row.softwareId && row.kind ? [`${row.softwareId}|${row.kind}`] : [])));
  return [...earlier.keys()].filter((key) => !named.has(key)).length;
}
