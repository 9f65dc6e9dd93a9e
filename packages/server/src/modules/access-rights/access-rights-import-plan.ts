import {
  accessRightImportHeaders,
  accessRightImportFields,
  type AccessRightImportField,
  type AccessRightImportProblem,
  type AccessRightImportRow,
} from '@forvalta/contracts';
import type { ColumnDefinition, SpreadsheetRow } from '../../platform/spreadsheets/index.ts';
import { swedishSortKey } from '../../platform/text.ts';

/**
 * What each row of an access-rights file would do, decided without the database: the service
 * loads what the rows name (people, systems, levels, the open rights), this plans, and the same
 * plan is reported by a dry run and written by an apply, so the two cannot disagree. Pure.
 */

export const accessRightImportColumns: ReadonlyArray<ColumnDefinition<AccessRightImportField>> = accessRightImportFields.map((field) => ({
  field,
  headers: accessRightImportHeaders[field],
}));
export const requiredImportFields = ['system', 'level'] as const satisfies readonly AccessRightImportField[];
/** A file names its people by one of these at least (both: they must agree). */
export const personKeyFields = ['email', 'employeeNumber'] as const satisfies readonly AccessRightImportField[];

export interface ImportPerson {
  id: string;
  name: string;
  left: boolean;
}
export interface ImportSystem {
  id: string;
  name: string;
}
export interface ImportLevel {
  id: string;
  name: string;
}
export interface OpenRight {
  id: string;
  version: number;
}

export interface ImportLookups {
  peopleByEmail: ReadonlyMap<string, ImportPerson>;
  peopleByEmployeeNumber: ReadonlyMap<string, ImportPerson>;
  systemsById: ReadonlyMap<string, ImportSystem>;
  /** By swedishSortKey(name); more than one system of one name makes the name ambiguous. */
  systemsByName: ReadonlyMap<string, readonly ImportSystem[]>;
  /** systemId → swedishSortKey(level name) → level. */
  levelsBySystem: ReadonlyMap<string, ReadonlyMap<string, ImportLevel>>;
  /** `${personId} ${levelId}` → the right not ended. */
  openRights: ReadonlyMap<string, OpenRight>;
  /** Whether the caller may import rights of this system (the IT unit any, a steward their own). */
  permitted(systemId: string): boolean;
  today: string;
}

/** A row's plan, with what an apply writes. */
export interface PlannedRow extends AccessRightImportRow {
  reason: string | null;
  caseReference: string | null;
  /** For `end`: the open right's version as read. */
  rightVersion: number | null;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const textLimits: Partial<Record<AccessRightImportField, number>> = { reason: 2000, caseReference: 120 };

/** A date as Swedish files write it (2026-01-05, or with a time after it); null if it is none, undefined if empty. */
export function importDate(text: string): string | null | undefined {
  if (text === '') return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/.exec(text);
  if (!match) return null;
  const [, year, month, day] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return date.getUTCMonth() === Number(month) - 1 && date.getUTCDate() === Number(day) ? `${year}-${month}-${day}` : null;
}

export function planImportRows(
  rows: readonly SpreadsheetRow[],
  columns: Partial<Record<AccessRightImportField, number>>,
  headers: readonly string[],
  lookups: ImportLookups,
): PlannedRow[] {
  const firstRowOfKey = new Map<string, number>();
  return rows.map((row) => {
    const problems: AccessRightImportProblem[] = [];
    const value = (field: AccessRightImportField) => {
      const index = columns[field];
      return index === undefined ? '' : (row.cells[index] ?? '');
    };
    const problem = (field: AccessRightImportField | null, reason: AccessRightImportProblem['reason'], otherRowNumber?: number) =>
      problems.push({
        field,
        column: field === null ? null : (headers[columns[field] ?? -1] ?? field),
        reason,
        ...(otherRowNumber === undefined ? {} : { otherRowNumber }),
      });

    for (const field of requiredImportFields) if (value(field) === '') problem(field, 'value_missing');
    for (const [field, limit] of Object.entries(textLimits) as Array<[AccessRightImportField, number]>)
      if (value(field).length > limit) problem(field, 'text_too_long');

    const email = value('email').toLowerCase();
    const employeeNumber = value('employeeNumber');
    if (email === '' && employeeNumber === '') problem(columns.email === undefined ? 'employeeNumber' : 'email', 'value_missing');
    const byEmail = email === '' ? undefined : lookups.peopleByEmail.get(email);
    const byNumber = employeeNumber === '' ? undefined : lookups.peopleByEmployeeNumber.get(employeeNumber);
    if (email !== '' && !byEmail) problem('email', 'person_not_found');
    if (employeeNumber !== '' && !byNumber) problem('employeeNumber', 'person_not_found');
    if (byEmail && byNumber && byEmail.id !== byNumber.id) problem('employeeNumber', 'person_keys_disagree');
    // A key that names nobody, or another person than the other key, leaves the row without a person.
    const keysAgree =
      (email === '' || byEmail) && (employeeNumber === '' || byNumber) && (!byEmail || !byNumber || byEmail.id === byNumber.id);
    const person = keysAgree ? (byEmail ?? byNumber) : undefined;
    const personField = byEmail ? 'email' : 'employeeNumber';

    const systemText = value('system');
    let system: ImportSystem | undefined;
    if (systemText !== '') {
      const byName = lookups.systemsByName.get(swedishSortKey(systemText)) ?? [];
      system = uuidPattern.test(systemText)
        ? lookups.systemsById.get(systemText.toLowerCase())
        : byName.length === 1
          ? byName[0]
          : undefined;
      if (!system) problem('system', byName.length > 1 ? 'system_name_ambiguous' : 'system_not_found');
      else if (!lookups.permitted(system.id)) problem('system', 'not_permitted');
    }

    const levelText = value('level');
    const level = system && levelText !== '' ? lookups.levelsBySystem.get(system.id)?.get(swedishSortKey(levelText)) : undefined;
    if (system && levelText !== '' && !level) problem('level', 'level_not_found');

    const startDate = importDate(value('startDate'));
    const endDate = importDate(value('endDate'));
    if (startDate === null) problem('startDate', 'date_invalid');
    if (endDate === null) problem('endDate', 'date_invalid');
    const start = startDate ?? lookups.today;
    // An end date alone (ending a right) is not compared with the default start, today.
    if (endDate && startDate && endDate < startDate) problem('endDate', 'end_before_start');

    const open = person && level ? lookups.openRights.get(`${person.id} ${level.id}`) : undefined;
    const ends = endDate != null && endDate <= lookups.today;
    if (person && level) {
      const key = `${person.id} ${level.id}`;
      const first = firstRowOfKey.get(key);
      if (first !== undefined) problem(null, 'duplicate_row', first);
      else firstRowOfKey.set(key, row.rowNumber);
      // A leaver's right is not recorded as new; ending one they still hold is what the file should do.
      if (person.left && !open && !ends) problem(personField, 'person_left');
    }

    const refused = problems.length > 0;
    const outcome: PlannedRow['outcome'] = refused ? 'refused' : open ? (ends ? 'end' : 'unchanged') : ends ? 'unchanged' : 'create';
    if (!refused && outcome === 'unchanged') problems.push({ field: null, column: null, reason: open ? 'already_held' : 'already_ended' });
    return {
      rowNumber: row.rowNumber,
      outcome,
      personId: person?.id ?? null,
      personName: person?.name ?? null,
      email: value('email'),
      employeeNumber,
      systemId: system?.id ?? null,
      systemName: system?.name ?? null,
      levelId: level?.id ?? null,
      levelName: level?.name ?? null,
      startDate: startDate ?? (refused ? null : start),
      endDate: endDate ?? null,
      rightId: open?.id ?? null,
      notes: problems,
      reason: value('reason') || null,
      caseReference: value('caseReference') || null,
      rightVersion: open?.version ?? null,
    };
  });
}
