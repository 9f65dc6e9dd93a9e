import {
  assetImportValueWords,
  assetImportFields,
  assetImportHeaders,
  assetKinds,
  assetLifecycles,
  assetNetworks,
  assetOwnerKinds,
  type AssetImportField,
  type AssetImportProblem,
  type AssetImportRow,
} from '@forvalta/contracts';
import type { ColumnDefinition, SpreadsheetRow } from '../../platform/spreadsheets/index.ts';
import { swedishSortKey } from '../../platform/text.ts';
import { everOnTownHall, normaliseOwnership, ownershipProblems, schoolNetClause } from './asset-ownership.ts';

/**
 * What each row of an asset inventory would do, decided without the database: the service loads
 * what the rows name (the assets their keys find, the catalogue, departments, people), this plans,
 * and a dry run reports the same plan an apply writes. The rules are the API's: a key is required,
 * a model must be of the asset's kind, another owner needs a reason, and an asset ever on the
 * town-hall network stays the IT unit's (ITP-6-SCHOOL-NET, asset-ownership.ts). Pure.
 */

export const assetImportColumns: ReadonlyArray<ColumnDefinition<AssetImportField>> = assetImportFields.map((field) => ({
  field,
  headers: assetImportHeaders[field] ?? [],
}));

export type { ExistingAsset } from './asset-import.repository.ts';
import type { ExistingAsset } from './asset-import.repository.ts';
export interface ImportModel {
  id: string;
  kind: string;
}
export interface ImportLookups {
  /** Existing assets by serial and by inventory number. */
  assetsBySerial: ReadonlyMap<string, ExistingAsset>;
  assetsByInventoryNumber: ReadonlyMap<string, ExistingAsset>;
  modelsById: ReadonlyMap<string, ImportModel>;
  /** By swedishSortKey(`${maker} ${model}`). */
  modelsByName: ReadonlyMap<string, ImportModel>;
  departmentsById: ReadonlySet<string>;
  /** By swedishSortKey(name); a name two departments share finds none. */
  departmentsByName: ReadonlyMap<string, string | null>;
  peopleById: ReadonlySet<string>;
  /** By lower-cased e-mail. */
  peopleByEmail: ReadonlyMap<string, string>;
}

/** The stored columns an import writes (the others keep their values, or the defaults on a create). */
export type AssetColumns = Pick<
  ExistingAsset,
  | 'kind'
  | 'model_id'
  | 'non_standard_description'
  | 'serial'
  | 'inventory_number'
  | 'owner_kind'
  | 'owner_department_id'
  | 'owner_name'
  | 'owner_reason'
  | 'network'
  | 'ever_on_town_hall'
  | 'location'
  | 'department_id'
  | 'person_id'
  | 'lifecycle'
  | 'purchase_date'
  | 'purchase_cost'
  | 'warranty_end'
  | 'note'
>;

export interface PlannedAssetRow extends AssetImportRow {
  /** The values to write for create and update. */
  values: AssetColumns | null;
  existing: ExistingAsset | null;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const textLimits: Partial<Record<AssetImportField, number>> = {
  serial: 120,
  inventoryNumber: 120,
  nonStandardDescription: 200,
  ownerName: 200,
  ownerReason: 2000,
  location: 200,
  note: 2000,
};
/** Per enumerated field: each word an inventory may write (the API's value itself too, in any case), lower-cased, to the API's value. */
const valueWords = new Map<AssetImportField, Map<string, string>>(
  Object.entries(assetImportValueWords).map(([field, words]) => [
    field as AssetImportField,
    new Map(
      Object.entries(words).flatMap(([apiValue, said]) => [apiValue, ...said].map((word) => [word.toLocaleLowerCase('sv'), apiValue])),
    ),
  ]),
);
const enumValues: Partial<Record<AssetImportField, readonly string[]>> = {
  kind: assetKinds,
  ownerKind: assetOwnerKinds,
  network: assetNetworks,
  lifecycle: assetLifecycles,
};

/** A date as files write it (2026-01-05, or with a time after it); null if it is none, undefined if empty. */
export function importDate(text: string): string | null | undefined {
  if (text === '') return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/.exec(text);
  if (!match) return null;
  const [, year, month, day] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return date.getUTCMonth() === Number(month) - 1 && date.getUTCDate() === Number(day) ? `${year}-${month}-${day}` : null;
}

/** A cost as Swedish Excel writes it ("12 345,50", with a non-breaking space) or as a plain number; null if none. */
export function importNumber(text: string): number | null | undefined {
  if (text === '') return undefined;
  const cleaned = text
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/kr$/i, '')
    .replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return value <= 1e10 ? value : null;
}

const changeableColumns: ReadonlyArray<keyof AssetColumns> = [
  'kind',
  'model_id',
  'non_standard_description',
  'serial',
  'inventory_number',
  'owner_kind',
  'owner_department_id',
  'owner_name',
  'owner_reason',
  'network',
  'location',
  'department_id',
  'person_id',
  'lifecycle',
  'purchase_date',
  'purchase_cost',
  'warranty_end',
  'note',
];
export const fieldOfColumn = (column: string) => column.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase());

export function planAssetRows(
  rows: readonly SpreadsheetRow[],
  columns: Partial<Record<AssetImportField, number>>,
  headers: readonly string[],
  lookups: ImportLookups,
): PlannedAssetRow[] {
  const firstRowOfKey = new Map<string, number>();
  // A file names the same few models and departments on every row: each name is folded once.
  const sortKeys = new Map<string, string>();
  const sortKeyOf = (text: string) => {
    let key = sortKeys.get(text);
    if (key === undefined) {
      key = swedishSortKey(text);
      sortKeys.set(text, key);
    }
    return key;
  };
  return rows.map((row) => {
    const problems: AssetImportProblem[] = [];
    const value = (field: AssetImportField) => {
      const index = columns[field];
      const text = index === undefined ? '' : (row.cells[index] ?? '').trim();
      const words = valueWords.get(field);
      return words && text !== '' ? (words.get(text.toLocaleLowerCase('sv')) ?? text) : text;
    };
    const problem = (field: AssetImportField | null, reason: AssetImportProblem['reason'], extra: Partial<AssetImportProblem> = {}) =>
      problems.push({ field, column: field === null ? null : (headers[columns[field] ?? -1] ?? field), reason, ...extra });

    for (const [field, limit] of Object.entries(textLimits) as Array<[AssetImportField, number]>)
      if (value(field).length > limit) problem(field, 'text_too_long');
    for (const [field, allowed] of Object.entries(enumValues) as Array<[AssetImportField, readonly string[]]>)
      if (value(field) !== '' && !allowed.includes(value(field))) problem(field, 'value_invalid');

    const serial = value('serial') || null;
    const inventoryNumber = value('inventoryNumber') || null;
    if (serial === null && inventoryNumber === null) problem(columns.serial === undefined ? 'inventoryNumber' : 'serial', 'key_missing');
    const bySerial = serial === null ? undefined : lookups.assetsBySerial.get(serial);
    const byNumber = inventoryNumber === null ? undefined : lookups.assetsByInventoryNumber.get(inventoryNumber);
    if (bySerial && byNumber && bySerial.id !== byNumber.id) problem('inventoryNumber', 'keys_disagree');
    const existing = bySerial ?? byNumber ?? null;
    for (const key of [serial === null ? null : `s ${serial}`, inventoryNumber === null ? null : `i ${inventoryNumber}`]) {
      if (key === null) continue;
      const first = firstRowOfKey.get(key);
      if (first !== undefined) problem(null, 'duplicate_row', { otherRowNumber: first });
      else firstRowOfKey.set(key, row.rowNumber);
    }

    // An empty cell leaves an existing asset's value as it is; on a new asset the API's default applies.
    const kindText = value('kind');
    const kind = kindText !== '' ? kindText : (existing?.kind ?? null);
    if (kind === null) problem('kind', 'value_missing');

    let modelId: string | null | undefined;
    const modelText = value('modelId') || value('model');
    const modelField: AssetImportField = value('modelId') ? 'modelId' : 'model';
    if (modelText !== '') {
      const model = uuidPattern.test(modelText)
        ? lookups.modelsById.get(modelText.toLowerCase())
        : lookups.modelsByName.get(sortKeyOf(modelText));
      if (!model) problem(modelField, 'model_not_found');
      else if (kind !== null && model.kind !== kind) problem(modelField, 'value_invalid');
      modelId = model?.id;
    }
    const resolvedModel = modelId !== undefined ? modelId : (existing?.model_id ?? null);
    const description = value('nonStandardDescription') || existing?.non_standard_description || null;
    if (resolvedModel === null && !description && modelText === '') problem('nonStandardDescription', 'value_missing');

    const department = (idField: AssetImportField, nameField: AssetImportField): string | null | undefined => {
      const id = value(idField);
      const name = value(nameField);
      if (id !== '') {
        if (!lookups.departmentsById.has(id.toLowerCase())) problem(idField, 'department_not_found');
        return id.toLowerCase();
      }
      if (name === '') return undefined;
      const found = lookups.departmentsByName.get(sortKeyOf(name));
      if (!found) problem(nameField, 'department_not_found');
      return found ?? undefined;
    };
    const departmentId = department('departmentId', 'department');
    const ownerDepartmentId = department('ownerDepartmentId', 'ownerDepartment');

    let personId: string | undefined;
    if (value('personId') !== '') {
      personId = value('personId').toLowerCase();
      if (!lookups.peopleById.has(personId)) problem('personId', 'person_not_found');
    } else if (value('personEmail') !== '') {
      personId = lookups.peopleByEmail.get(value('personEmail').toLowerCase());
      if (!personId) problem('personEmail', 'person_not_found');
    }

    const dates: Record<'purchaseDate' | 'warrantyEnd', string | undefined> = { purchaseDate: undefined, warrantyEnd: undefined };
    for (const field of ['purchaseDate', 'warrantyEnd'] as const) {
      const date = importDate(value(field));
      if (date === null) problem(field, 'date_invalid');
      else dates[field] = date;
    }
    const cost = importNumber(value('purchaseCost'));
    if (cost === null) problem('purchaseCost', 'number_invalid');

    const network = value('network') || existing?.network || 'none';
    // A department named as owner without a kind means the department owns it, as the export writes it.
    const ownerKindText = value('ownerKind') || (ownerDepartmentId ? 'department' : '');
    const ownership = normaliseOwnership({
      ownerKind: (ownerKindText || existing?.owner_kind || 'it_unit') as 'it_unit',
      ownerDepartmentId: ownerDepartmentId !== undefined ? ownerDepartmentId : (existing?.owner_department_id ?? null),
      ownerName: value('ownerName') || existing?.owner_name || null,
      ownerReason: value('ownerReason') || existing?.owner_reason || null,
    });
    const onTownHallEver = everOnTownHall(Number(existing?.ever_on_town_hall ?? 0) === 1, network as 'none');
    if (enumValues.ownerKind!.includes(ownership.ownerKind))
      for (const found of ownershipProblems(ownership, onTownHallEver)) {
        if (found.problem === 'owner_town_hall') problem('ownerKind', 'owner_town_hall', { requirement: schoolNetClause });
        else if (found.problem === 'owner_reason_required') problem('ownerReason', 'owner_reason_required');
        else problem(found.field === 'ownerName' ? 'ownerName' : 'ownerDepartment', 'value_missing');
      }

    const pick = <Value>(text: string, before: Value | undefined, fallback: Value) => (text !== '' ? text : (before ?? fallback));
    const refused = problems.length > 0;
    const values: AssetColumns | null = refused
      ? null
      : {
          kind: kind!,
          model_id: resolvedModel,
          non_standard_description: resolvedModel === null ? description : null,
          serial: serial ?? existing?.serial ?? null,
          inventory_number: inventoryNumber ?? existing?.inventory_number ?? null,
          owner_kind: ownership.ownerKind,
          owner_department_id: ownership.ownerDepartmentId,
          owner_name: ownership.ownerName,
          owner_reason: ownership.ownerReason,
          network,
          ever_on_town_hall: onTownHallEver ? 1 : 0,
          location: pick(value('location'), existing?.location, null),
          department_id: departmentId !== undefined ? departmentId : (existing?.department_id ?? null),
          person_id: personId ?? existing?.person_id ?? null,
          lifecycle: pick(value('lifecycle'), existing?.lifecycle, 'in_use'),
          purchase_date: dates.purchaseDate ?? existing?.purchase_date ?? null,
          purchase_cost: cost ?? (existing?.purchase_cost == null ? null : Number(existing.purchase_cost)),
          warranty_end: dates.warrantyEnd ?? existing?.warranty_end ?? null,
          note: pick(value('note'), existing?.note, null),
        };
    const changedFields =
      values && existing
        ? changeableColumns
            .filter((column) => {
              const before = existing[column];
              const after = values[column];
              return (before == null ? null : column === 'purchase_cost' ? Number(before) : before) !== after;
            })
            .map(fieldOfColumn)
        : [];
    const outcome: PlannedAssetRow['outcome'] = refused
      ? 'refused'
      : !existing
        ? 'create'
        : changedFields.length > 0
          ? 'update'
          : 'unchanged';
    return {
      rowNumber: row.rowNumber,
      outcome,
      serial,
      inventoryNumber,
      assetId: existing?.id ?? null,
      changedFields,
      problems,
      values,
      existing,
    };
  });
}
