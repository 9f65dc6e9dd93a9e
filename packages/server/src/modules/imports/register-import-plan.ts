import type { ImportProblem, ImportRow, RegisterImportField } from '@forvalta/contracts';
import type { SpreadsheetRow } from '../../platform/spreadsheets/index.ts';
import { searchText, swedishSortKey } from '../../platform/text.ts';
import { createDepartmentResolver, type DepartmentReference, type KnownDepartment, type PlannedDepartment } from './department-paths.ts';
import type { ExistingSystem, ImportedSystemColumns } from './imports.repository.ts';
import {
  parseAmount,
  parseCount,
  parseCriticality,
  parseDate,
  parseDependencies,
  parseEmails,
  parseHosting,
  parseLifecycle,
  parseScope,
  parseSystemKind,
  parseTags,
  parseYesNo,
} from './value-parsing.ts';

/**
 * What each row of a register file would do (issue #17 §1), decided without the database: the
 * service loads the municipality's departments, systems, people and integrations, this plans,
 * and the dry run reports the plan the apply writes. A row finds its system by the external id,
 * else by its name within its owning department; it updates only the fields that differ, so the
 * same file again changes nothing. A cell that cannot be mapped is left out and named; only a row
 * without a name or one that would break a rule of the register is refused (ADR 0032). Pure.
 */

export interface RegisterLookups {
  municipalityName: string;
  departments: readonly KnownDepartment[];
  systems: readonly ExistingSystem[];
  /** By lower-cased e-mail. */
  peopleByEmail: ReadonlyMap<string, { id: string; departmentId: string | null }>;
  /** `${providerSystemId} ${consumerSystemId}` of every integration. */
  integrations: ReadonlySet<string>;
}

/** The other end of a planned integration: an existing system, or the system another row creates. */
export type SystemReference = { id: string } | { row: PlannedSystemRow };

export interface PlannedIntegration {
  provider: SystemReference;
  consumer: SystemReference;
  method: 'file' | 'api' | 'database' | 'manual';
  description: string | null;
}

export interface PlannedSystemRow extends ImportRow {
  existing: ExistingSystem | null;
  owner: DepartmentReference | null;
  /** Create: every column; update: the changed ones. */
  values: Partial<ImportedSystemColumns>;
  managerPersonId: string | null;
  deputyPersonId: string | null;
}

export interface RegisterPlan {
  rows: PlannedSystemRow[];
  departments: PlannedDepartment[];
  integrations: PlannedIntegration[];
  unknownDepartments: string[];
  unknownEmails: string[];
  unresolvedDependencies: Array<{ rowNumber: number; system: string }>;
}

const textLimits: Partial<Record<RegisterImportField, number>> = {
  externalId: 200,
  description: 4000,
  purpose: 4000,
  supplier: 160,
  product: 160,
  productVersion: 60,
};
const nameLimit = 160;
const production = 'in_production';
export const approvalClause = 'ITP-4.2.1-APPROVAL';

/** The columns a row may set, with the field each comes from (changedFields names the fields). */
const fieldOfColumn: Partial<Record<keyof ImportedSystemColumns, RegisterImportField>> = {
  external_id: 'externalId',
  name: 'name',
  description: 'description',
  purpose: 'purpose',
  kind: 'kind',
  scope: 'scope',
  lifecycle: 'lifecycle',
  supplier: 'supplier',
  product: 'product',
  product_version: 'productVersion',
  hosting: 'hosting',
  cost_licence: 'costLicence',
  cost_operation: 'costOperation',
  cost_support: 'costSupport',
  cost_other: 'costOther',
  supplier_support_ends_on: 'contractEnd',
  processes_personal_data: 'processesPersonalData',
  nis2: 'nis2',
  criticality: 'criticality',
  user_count: 'userCount',
  tags_json: 'tags',
};

export function planRegisterRows(
  rows: readonly SpreadsheetRow[],
  columns: Partial<Record<RegisterImportField, number>>,
  headers: readonly string[],
  lookups: RegisterLookups,
  options: {
    createDepartments: boolean;
    /** Whether the caller holds the IT unit's approval (project.approve): new systems may then arrive in production. */
    mayRecordProduction: boolean;
  },
): RegisterPlan {
  const departments = createDepartmentResolver(lookups.departments, lookups.municipalityName);
  const byExternalId = new Map<string, ExistingSystem>();
  const byOwnerAndName = new Map<string, ExistingSystem>();
  const existingByName = new Map<string, ExistingSystem | null>();
  for (const system of lookups.systems) {
    if (system.row.external_id) byExternalId.set(system.row.external_id, system);
    byOwnerAndName.set(`${system.row.owner_department_id} ${system.row.sort_key}`, system);
    existingByName.set(system.row.sort_key, existingByName.has(system.row.sort_key) ? null : system);
  }
  const unknownDepartments = new Set<string>();
  const unknownEmails = new Set<string>();
  const firstRowOfKey = new Map<string, number>();
  const dependencyCells = new Map<PlannedSystemRow, string>();

  const planned = rows.map((row): PlannedSystemRow => {
    const problems: ImportProblem[] = [];
    const cell = (field: RegisterImportField) => {
      const index = columns[field];
      return index === undefined ? '' : (row.cells[index] ?? '').trim();
    };
    const note = (
      field: RegisterImportField | null,
      reason: ImportProblem['reason'],
      severity: ImportProblem['severity'],
      extra: Partial<ImportProblem> = {},
    ) =>
      problems.push({
        field,
        column: field === null ? null : (headers[columns[field] ?? -1] ?? null),
        value: field === null ? null : cell(field) || null,
        reason,
        severity,
        ...extra,
      });
    /** A parsed value, or the cell named as skipped when it cannot be read. */
    const parsed = <Value>(
      field: RegisterImportField,
      parse: (text: string) => Value | null | undefined,
      reason: ImportProblem['reason'] = 'value_unknown',
    ) => {
      const value = parse(cell(field));
      if (value === null) note(field, reason, 'skipped');
      return value ?? undefined;
    };
    const text = (field: RegisterImportField) => {
      const value = cell(field);
      if (value === '') return undefined;
      if (value.length > (textLimits[field] ?? 4000)) {
        note(field, 'text_too_long', 'skipped');
        return undefined;
      }
      return value;
    };

    const name = cell('name');
    if (name === '') note('name', 'name_missing', 'refused');
    else if (name.length > nameLimit) note('name', 'text_too_long', 'refused');
    const externalId = text('externalId');

    // The owning department: the organisation column, else the system owner's (a path, or a person's e-mail).
    let owner: DepartmentReference | null = null;
    const ownerField: RegisterImportField | null = cell('ownerDepartment') ? 'ownerDepartment' : cell('systemOwner') ? 'systemOwner' : null;
    if (ownerField) {
      const ownerText = cell(ownerField);
      const ownerEmail = ownerField === 'systemOwner' ? parseEmails(ownerText)[0] : undefined;
      if (ownerEmail) {
        const person = lookups.peopleByEmail.get(ownerEmail);
        if (person?.departmentId) owner = { id: person.departmentId };
        else {
          if (!person) unknownEmails.add(ownerEmail);
          note(ownerField, person ? 'department_not_found' : 'person_not_found', 'refused');
        }
      } else {
        const reference = departments.resolveOrPlan(ownerText);
        if (reference && 'id' in reference) owner = reference;
        else {
          unknownDepartments.add(ownerText);
          if (reference && options.createDepartments) owner = reference;
          else note(ownerField, 'department_not_found', 'refused');
        }
      }
    }

    const sortKey = swedishSortKey(name);
    const byKey = externalId === undefined ? undefined : byExternalId.get(externalId);
    const byName = owner && 'id' in owner ? byOwnerAndName.get(`${owner.id} ${sortKey}`) : undefined;
    if (byKey && byName && byKey.row.id !== byName.row.id) note('externalId', 'keys_disagree', 'refused');
    // A system found by name that carries another external id is another system.
    const existing =
      byKey ?? (byName && (byName.row.external_id === null || byName.row.external_id === externalId) ? byName : null) ?? null;
    if (!owner && existing) owner = { id: existing.row.owner_department_id };
    if (!owner && !problems.some((problem) => problem.severity === 'refused')) note(ownerField, 'owner_department_missing', 'refused');
    const rowKey = externalId !== undefined ? `x ${externalId}` : `n ${owner && 'id' in owner ? owner.id : owner?.key} ${sortKey}`;
    const firstRow = firstRowOfKey.get(rowKey);
    if (name !== '' && firstRow !== undefined) note(null, 'duplicate_row', 'refused', { otherRowNumber: firstRow });
    else firstRowOfKey.set(rowKey, row.rowNumber);

    const costs = {
      cost_licence: parsed('costLicence', parseAmount, 'number_invalid'),
      cost_operation: parsed('costOperation', parseAmount, 'number_invalid'),
      cost_support: parsed('costSupport', parseAmount, 'number_invalid'),
      cost_other: parsed('costOther', parseAmount, 'number_invalid'),
    };
    const yes = (field: RegisterImportField) => {
      const answer = parsed(field, parseYesNo);
      return answer === undefined ? undefined : answer === 'yes' ? 1 : 0;
    };
    const tags = cell('tags') === '' ? undefined : parseTags(cell('tags'));
    const given: Partial<ImportedSystemColumns> = {
      external_id: externalId,
      name: name || undefined,
      description: text('description'),
      purpose: text('purpose'),
      kind: parsed('kind', parseSystemKind),
      scope: parsed('scope', parseScope),
      lifecycle: parsed('lifecycle', parseLifecycle),
      supplier: text('supplier'),
      product: text('product'),
      product_version: text('productVersion'),
      hosting: parsed('hosting', parseHosting),
      ...costs,
      supplier_support_ends_on: parsed('contractEnd', parseDate, 'date_invalid'),
      processes_personal_data: yes('processesPersonalData'),
      nis2: yes('nis2'),
      criticality: parsed('criticality', parseCriticality),
      user_count: parsed('userCount', parseCount, 'number_invalid'),
      tags_json: tags === undefined ? undefined : JSON.stringify(tags),
    };

    // ITP-4.2.1-APPROVAL: an import records a register as it is; it never moves a system of the register into production.
    if (existing && given.lifecycle === production && existing.row.lifecycle !== production)
      note('lifecycle', 'production_needs_approval', 'refused', { requirement: approvalClause });
    // A system new to Förvalta that the file says is in production was put there before Förvalta: only a
    // holder of the IT unit's approval may record that, and the audit event says so (ADR 0033).
    if (!existing && given.lifecycle === production && !options.mayRecordProduction)
      note('lifecycle', 'production_import_needs_approver', 'refused', { requirement: approvalClause });

    const person = (field: 'manager' | 'deputy') => {
      if (cell(field) === '') return null;
      const email = parseEmails(cell(field))[0];
      const found = email ? lookups.peopleByEmail.get(email) : undefined;
      if (!found) {
        if (email) unknownEmails.add(email);
        note(field, 'person_not_found', 'skipped');
        return null;
      }
      return found.id;
    };
    let managerPersonId = person('manager');
    let deputyPersonId = person('deputy');
    if (deputyPersonId !== null && deputyPersonId === managerPersonId) {
      note('deputy', 'value_unknown', 'skipped');
      deputyPersonId = null;
    }
    // Responsibilities change on the system's page, where the IT unit's change notice follows (ITP-4.2.2-CHANGE-NOTICE).
    if (existing) {
      if (managerPersonId !== null && managerPersonId !== existing.managerPersonId)
        note('manager', 'responsibility_not_changed', 'skipped');
      if (deputyPersonId !== null && !existing.deputyPersonIds.includes(deputyPersonId))
        note('deputy', 'responsibility_not_changed', 'skipped');
      if (owner && 'id' in owner && owner.id !== existing.row.owner_department_id)
        note(ownerField, 'responsibility_not_changed', 'skipped');
      managerPersonId = null;
      deputyPersonId = null;
    }

    const refused = problems.some((problem) => problem.severity === 'refused');
    let values: Partial<ImportedSystemColumns> = {};
    const changedFields: string[] = [];
    if (!refused && existing) {
      for (const [column, value] of Object.entries(given) as Array<[keyof ImportedSystemColumns, unknown]>) {
        if (value === undefined) continue;
        const before = existing.row[column as keyof typeof existing.row];
        if ((before === null || before === undefined ? null : typeof value === 'number' ? Number(before) : before) !== value) {
          (values as Record<string, unknown>)[column] = value;
          changedFields.push(fieldOfColumn[column] ?? column);
        }
      }
      if (values.name !== undefined) values.sort_key = sortKey;
      if (['name', 'supplier', 'product', 'tags_json'].some((column) => column in values)) {
        const merged = { ...existing.row, ...values };
        values.search_text = searchText(merged.name, merged.supplier, merged.product, ...(JSON.parse(merged.tags_json) as string[]));
      }
    } else if (!refused) {
      values = {
        external_id: null,
        description: null,
        purpose: null,
        kind: 'department',
        scope: 'administrative',
        lifecycle: 'planned',
        supplier: null,
        product: null,
        product_version: null,
        hosting: null,
        cost_licence: null,
        cost_operation: null,
        cost_support: null,
        cost_other: null,
        supplier_support_ends_on: null,
        processes_personal_data: 0,
        nis2: 0,
        criticality: null,
        user_count: null,
        tags_json: '[]',
        ...Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined)),
        name,
        sort_key: sortKey,
        search_text: searchText(name, given.supplier, given.product, ...(tags ?? [])),
      };
    }
    const plannedRow: PlannedSystemRow = {
      rowNumber: row.rowNumber,
      outcome: refused ? 'refused' : !existing ? 'create' : changedFields.length > 0 ? 'update' : 'unchanged',
      name: name || null,
      recordId: existing?.row.id ?? null,
      changedFields,
      problems,
      existing,
      owner,
      values,
      managerPersonId,
      deputyPersonId,
    };
    if (!refused && cell('dependencies') !== '') dependencyCells.set(plannedRow, cell('dependencies'));
    return plannedRow;
  });

  // Dependencies second: the other system may be one a later row of the file creates.
  const createdByName = new Map<string, PlannedSystemRow | null>();
  for (const row of planned)
    if (row.outcome === 'create' && row.name) {
      const key = swedishSortKey(row.name);
      createdByName.set(key, createdByName.has(key) ? null : row);
    }
  const integrations: PlannedIntegration[] = [];
  const seen = new Set(lookups.integrations);
  const unresolvedDependencies: RegisterPlan['unresolvedDependencies'] = [];
  const idOf = (reference: SystemReference) => ('id' in reference ? reference.id : `row ${reference.row.rowNumber}`);
  for (const [row, cellText] of dependencyCells) {
    const self: SystemReference = row.existing ? { id: row.existing.row.id } : { row };
    for (const dependency of parseDependencies(cellText)) {
      const key = swedishSortKey(dependency.system);
      const existingOther = existingByName.get(key);
      const createdOther = createdByName.get(key);
      const other: SystemReference | undefined = existingOther
        ? { id: existingOther.row.id }
        : createdOther
          ? { row: createdOther }
          : undefined;
      if (!other) {
        unresolvedDependencies.push({ rowNumber: row.rowNumber, system: dependency.system });
        row.problems.push({
          field: 'dependencies',
          column: headers[columns.dependencies ?? -1] ?? null,
          value: dependency.system,
          reason: 'dependency_not_found',
          severity: 'skipped',
        });
        continue;
      }
      const pair = `${idOf(other)} ${idOf(self)}`;
      if (idOf(other) === idOf(self) || seen.has(pair)) continue;
      seen.add(pair);
      // The row's system depends on the other: the other provides, this one consumes.
      integrations.push({ provider: other, consumer: self, method: dependency.method ?? 'api', description: dependency.description });
      if (row.outcome === 'unchanged') row.outcome = 'update';
      if (!row.changedFields.includes('dependencies')) row.changedFields.push('dependencies');
    }
  }
  return {
    rows: planned,
    departments: options.createDepartments ? departments.planned() : [],
    integrations,
    unknownDepartments: [...unknownDepartments],
    unknownEmails: [...unknownEmails],
    unresolvedDependencies,
  };
}
