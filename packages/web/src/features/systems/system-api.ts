import type { Me, Permission, System, SystemSummary } from '@forvalta/contracts';
import { queryOptions } from '@tanstack/react-query';
import { legacyApi, buildPath, type QueryValue } from '../../api/client.ts';

// The enumerations are repeated here (not imported as values from the contracts) so the first
// page does not pull zod into the bundle; the types come from the contracts.
export const lifecycleValues = ['planned', 'introducing', 'in_production', 'retiring', 'retired'] as const;
export const kindValues = ['shared', 'department'] as const;
export const scopeValues = ['administrative', 'teaching', 'public'] as const;
export const hostingValues = ['on_premises', 'supplier_hosted', 'cloud'] as const;
export const costCategoryValues = ['licence', 'operation', 'support', 'other'] as const;
export const criticalityValues = ['low', 'medium', 'high', 'critical'] as const;
export const dutyKeyValues = [
  'operation_maintenance_development',
  'documentation',
  'security',
  'access_rights',
  'usage_rules',
  'training',
  'user_information',
  'adjacent_systems',
] as const;
export const dutyStatusValues = ['not_started', 'in_progress', 'done', 'not_applicable'] as const;
export const integrationMethodValues = ['file', 'api', 'database', 'manual'] as const;
export const integrationFlowValues = ['data', 'function'] as const;
export const integrationFrequencyValues = ['realtime', 'hourly', 'daily', 'weekly', 'monthly', 'on_demand'] as const;
export const publicFieldValues = [
  'purpose',
  'description',
  'ownerDepartment',
  'kind',
  'lifecycle',
  'supplier',
  'product',
  'scope',
  'processesPersonalData',
] as const;

export type SystemSort = 'name' | '-name' | 'lifecycle' | '-lifecycle' | 'updatedAt' | '-updatedAt';

/** The register's filters as they stand in the address (shareable). */
export interface SystemFilters {
  q?: string;
  ownerDepartmentId?: string;
  kind?: (typeof kindValues)[number];
  lifecycle?: (typeof lifecycleValues)[number];
  scope?: (typeof scopeValues)[number];
  uncovered?: boolean;
  /** "Not confirmed for 12 months". */
  unconfirmed?: boolean;
  tag?: string;
  sort?: SystemSort;
}

const sorts: readonly SystemSort[] = ['name', '-name', 'lifecycle', '-lifecycle', 'updatedAt', '-updatedAt'];
const pick = <T extends string>(values: readonly T[], value: unknown): T | undefined =>
  typeof value === 'string' && (values as readonly string[]).includes(value) ? (value as T) : undefined;

/** Reads the register's filters from the address, dropping anything unknown. */
export function validateSystemFilters(search: Record<string, unknown>): SystemFilters {
  const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, 200) : undefined);
  const flag = (value: unknown) => (value === true || value === 'true' ? true : undefined);
  const result: SystemFilters = {
    q: text(search.q),
    ownerDepartmentId: text(search.ownerDepartmentId),
    kind: pick(kindValues, search.kind),
    lifecycle: pick(lifecycleValues, search.lifecycle),
    scope: pick(scopeValues, search.scope),
    uncovered: flag(search.uncovered),
    unconfirmed: flag(search.unconfirmed),
    tag: text(search.tag),
    sort: pick(sorts, search.sort),
  };
  return Object.fromEntries(Object.entries(result).filter(([, value]) => value !== undefined)) as SystemFilters;
}

/** Today minus twelve months, YYYY-MM-DD (the register's confirmation interval). */
export function twelveMonthsAgo(today = new Date()): string {
  const date = new Date(Date.UTC(today.getUTCFullYear() - 1, today.getUTCMonth(), today.getUTCDate()));
  return date.toISOString().slice(0, 10);
}

/** The API's query for the filters in the address. */
export function systemListQuery(filters: SystemFilters): Record<string, QueryValue> {
  return {
    q: filters.q,
    ownerDepartmentId: filters.ownerDepartmentId,
    kind: filters.kind,
    lifecycle: filters.lifecycle,
    scope: filters.scope,
    uncovered: filters.uncovered ? 'true' : undefined,
    unconfirmedSince: filters.unconfirmed ? twelveMonthsAgo() : undefined,
    tag: filters.tag,
    sort: filters.sort ?? 'name',
  };
}

export function exportUrl(filters: SystemFilters, format: 'csv' | 'xlsx'): string {
  return buildPath('/api/v1/systems/export', { format, ...systemListQuery(filters) });
}

export const systemQuery = (id: string) =>
  queryOptions({
    queryKey: ['systems', 'detail', id],
    queryFn: ({ signal }) => legacyApi.get<System>(`/systems/${id}`, undefined, signal),
  });

export type SystemListPage = { items: SystemSummary[]; total: number; nextCursor: string | null };

/** Whether the caller is the system's current manager or a deputy. */
export function isSteward(me: Me, system: Pick<System, 'manager' | 'deputies'>): boolean {
  return system.manager?.personId === me.personId || system.deputies.some((deputy) => deputy.personId === me.personId);
}

/** Buttons are shown for the role permission or stewardship; the server has the last word (403). */
export function canOnSystem(me: Me, system: Pick<System, 'manager' | 'deputies'>, permission: Permission): boolean {
  return me.permissions.includes(permission) || isSteward(me, system);
}

/** Mantine colours for each lifecycle, dark enough for white text (WCAG AA). */
export const lifecycleColours: Record<(typeof lifecycleValues)[number], { color: string; variant: 'filled' | 'outline' }> = {
  planned: { color: 'gray.7', variant: 'outline' },
  introducing: { color: 'blue.8', variant: 'filled' },
  in_production: { color: '#1f6f36', variant: 'filled' },
  retiring: { color: '#9a3f00', variant: 'filled' },
  retired: { color: 'gray.7', variant: 'filled' },
};
