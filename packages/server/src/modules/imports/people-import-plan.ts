import type { ImportProblem, ImportRow, PeopleImportField } from '@forvalta/contracts';
import { z } from 'zod';
import type { SpreadsheetRow } from '../../platform/spreadsheets/index.ts';
import { createDepartmentResolver, type DepartmentReference, type KnownDepartment, type PlannedDepartment } from './department-paths.ts';
import { parseDate, parseEmails, parseYesNo } from './value-parsing.ts';

/**
 * What each row of an HR or directory file would do (issue #17 §1), decided without the database.
 * A row finds its person by employee number, else by e-mail; it updates only what differs, so the
 * same file again changes nothing. A person's end date is recorded as given: the daily leavers
 * job marks them left when it comes, with everything that follows a leaver (ADR 0032). Pure.
 */

export interface ExistingPerson {
  id: string;
  version: number;
  first_name: string;
  last_name: string;
  email: string;
  employee_number: string | null;
  department_id: string | null;
  title: string | null;
  start_date: string | null;
  end_date: string | null;
  has_personal_mailbox: number;
  employment_status: string;
}

export interface PeopleLookups {
  municipalityName: string;
  departments: readonly KnownDepartment[];
  byEmployeeNumber: ReadonlyMap<string, ExistingPerson>;
  /** By lower-cased e-mail. */
  byEmail: ReadonlyMap<string, ExistingPerson>;
}

export type PersonColumns = Pick<
  ExistingPerson,
  'first_name' | 'last_name' | 'email' | 'employee_number' | 'department_id' | 'title' | 'start_date' | 'end_date' | 'has_personal_mailbox'
>;

export interface PlannedPersonRow extends ImportRow {
  existing: ExistingPerson | null;
  department: DepartmentReference | null;
  /** Create: every column; update: the changed ones. */
  values: Partial<PersonColumns>;
}

const fieldOfColumn: Record<keyof PersonColumns, PeopleImportField> = {
  first_name: 'firstName',
  last_name: 'lastName',
  email: 'email',
  employee_number: 'employeeNumber',
  department_id: 'department',
  title: 'title',
  start_date: 'startDate',
  end_date: 'endDate',
  has_personal_mailbox: 'hasPersonalMailbox',
};
const emailAddress = z.email().max(254);
const limits: Partial<Record<PeopleImportField, number>> = { firstName: 80, lastName: 80, employeeNumber: 40, title: 120, email: 254 };

/** "Andersson, Anna" or "Anna Andersson" as first and last name. */
function splitName(fullName: string): [string, string] | null {
  const comma = fullName.indexOf(',');
  if (comma > 0) return [fullName.slice(comma + 1).trim(), fullName.slice(0, comma).trim()];
  const parts = fullName.trim().split(/\s+/);
  if (parts.length < 2) return null;
  return [parts.slice(0, -1).join(' '), parts.at(-1)!];
}

export function planPeopleRows(
  rows: readonly SpreadsheetRow[],
  columns: Partial<Record<PeopleImportField, number>>,
  headers: readonly string[],
  lookups: PeopleLookups,
  options: { createDepartments: boolean },
) {
  const departments = createDepartmentResolver(lookups.departments, lookups.municipalityName);
  const unknownDepartments = new Set<string>();
  const firstRowOfKey = new Map<string, number>();
  const planned = rows.map((row): PlannedPersonRow => {
    const problems: ImportProblem[] = [];
    const cell = (field: PeopleImportField) => (columns[field] === undefined ? '' : (row.cells[columns[field]!] ?? '').trim());
    const note = (
      field: PeopleImportField | null,
      reason: ImportProblem['reason'],
      severity: ImportProblem['severity'],
      extra: Partial<ImportProblem> = {},
    ) =>
      problems.push({
        field,
        column: field === null ? null : (headers[columns[field] ?? -1] ?? null),
        value: field ? cell(field) || null : null,
        reason,
        severity,
        ...extra,
      });
    const text = (field: PeopleImportField, severity: ImportProblem['severity'] = 'skipped') => {
      const value = cell(field);
      if (value === '') return undefined;
      if (value.length > (limits[field] ?? 200)) {
        note(field, 'text_too_long', severity);
        return undefined;
      }
      return value;
    };

    const employeeNumber = text('employeeNumber', 'refused');
    const emailCell = cell('email');
    const found = emailCell === '' ? undefined : parseEmails(emailCell)[0];
    // The address the person's record will carry: valid as the API's contract wants it, or the row is refused.
    const email = found !== undefined && emailAddress.safeParse(found).success ? found : undefined;
    if (emailCell !== '' && !email) note('email', 'value_unknown', 'refused');
    const byNumber = employeeNumber === undefined ? undefined : lookups.byEmployeeNumber.get(employeeNumber);
    const byEmail = email === undefined ? undefined : lookups.byEmail.get(email);
    if (byNumber && byEmail && byNumber.id !== byEmail.id) note('email', 'keys_disagree', 'refused');
    const existing = byNumber ?? byEmail ?? null;

    let firstName = text('firstName', 'refused');
    let lastName = text('lastName', 'refused');
    if ((firstName === undefined || lastName === undefined) && cell('fullName') !== '') {
      const split = splitName(cell('fullName'));
      if (split) [firstName, lastName] = [firstName ?? split[0].slice(0, 80), lastName ?? split[1].slice(0, 80)];
    }
    if (!existing && (firstName === undefined || lastName === undefined))
      note(columns.fullName !== undefined ? 'fullName' : 'lastName', 'name_missing', 'refused');
    if (!existing && email === undefined && emailCell === '') note('email', 'email_missing', 'refused');
    const key = employeeNumber !== undefined ? `n ${employeeNumber}` : `e ${email}`;
    const first = firstRowOfKey.get(key);
    if ((employeeNumber !== undefined || email !== undefined) && first !== undefined)
      note(null, 'duplicate_row', 'refused', { otherRowNumber: first });
    else firstRowOfKey.set(key, row.rowNumber);

    let department: DepartmentReference | null = null;
    if (cell('department') !== '') {
      const reference = departments.resolveOrPlan(cell('department'));
      if (reference && 'id' in reference) department = reference;
      else {
        unknownDepartments.add(cell('department'));
        if (reference && options.createDepartments) department = reference;
        else note('department', 'department_not_found', 'skipped');
      }
    }
    const date = (field: PeopleImportField) => {
      const value = parseDate(cell(field));
      if (value === null) note(field, 'date_invalid', 'skipped');
      return value ?? undefined;
    };
    const mailbox = parseYesNo(cell('hasPersonalMailbox'));
    if (mailbox === null) note('hasPersonalMailbox', 'value_unknown', 'skipped');
    const given: Partial<PersonColumns> = {
      first_name: firstName,
      last_name: lastName,
      email,
      employee_number: employeeNumber,
      department_id: department && 'id' in department ? department.id : undefined,
      title: text('title'),
      start_date: date('startDate'),
      end_date: date('endDate'),
      has_personal_mailbox: mailbox === undefined || mailbox === null ? undefined : mailbox === 'yes' ? 1 : 0,
    };
    if (given.start_date && given.end_date && given.end_date < given.start_date) {
      note('endDate', 'date_invalid', 'skipped');
      given.end_date = undefined;
    }

    const refused = problems.some((problem) => problem.severity === 'refused');
    const changedFields: string[] = [];
    let values: Partial<PersonColumns> = {};
    if (!refused && existing) {
      for (const [column, value] of Object.entries(given) as Array<[keyof PersonColumns, string | number | undefined]>) {
        if (value === undefined || (existing[column] ?? null) === value) continue;
        (values as Record<string, unknown>)[column] = value;
        changedFields.push(fieldOfColumn[column]);
      }
      if (department && 'key' in department) changedFields.push('department');
    } else if (!refused)
      values = {
        employee_number: null,
        department_id: null,
        title: null,
        start_date: null,
        end_date: null,
        has_personal_mailbox: 0,
        ...Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined)),
      };
    const name = [firstName ?? existing?.first_name, lastName ?? existing?.last_name].filter(Boolean).join(' ') || null;
    return {
      rowNumber: row.rowNumber,
      outcome: refused ? 'refused' : !existing ? 'create' : changedFields.length > 0 ? 'update' : 'unchanged',
      name,
      recordId: existing?.id ?? null,
      changedFields,
      problems,
      existing,
      department,
      values,
    };
  });
  return {
    rows: planned,
    departments: options.createDepartments ? departments.planned() : ([] as PlannedDepartment[]),
    unknownDepartments: [...unknownDepartments],
    unknownEmails: [] as string[],
  };
}

export type PeoplePlan = ReturnType<typeof planPeopleRows>;
