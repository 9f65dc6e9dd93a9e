import { listSearchValidator, prefixedSearchValidator, type UrlPaging } from '../../components/url-paging.ts';

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
const systemSorts: readonly SystemSort[] = ['name', '-name', 'lifecycle', '-lifecycle', 'updatedAt', '-updatedAt'];

/** The register's filters, sort and page as they stand in the address (shareable). */
export interface SystemFilters extends UrlPaging {
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

/** Reads the register's filters from the address, dropping anything unknown. */
export const validateSystemFilters = listSearchValidator<SystemFilters>({
  text: ['q', 'tag'],
  ids: ['ownerDepartmentId'],
  choices: { kind: kindValues, lifecycle: lifecycleValues, scope: scopeValues },
  flags: ['uncovered', 'unconfirmed'],
  sorts: systemSorts,
});

/**
 * The system page's lists, each under its own prefix in the address: `integrations.cursors`,
 * `people.ended`, `history.limit`. A shared link opens the page with the same pages shown.
 */
const integrationsSearch = prefixedSearchValidator('integrations', {});
const peopleSearch = prefixedSearchValidator('people', { flags: ['ended'] });
const historySearch = prefixedSearchValidator('history', {});
const privacySearch = prefixedSearchValidator('privacy', {});
const assetsSearch = prefixedSearchValidator('assets', { sorts: ['label', '-label', 'updatedAt', '-updatedAt'] });
const softwareSearch = prefixedSearchValidator('software', {});
const contractsSearch = prefixedSearchValidator('contracts', {});
const licencesSearch = prefixedSearchValidator('licences', {});
export const validateSystemSections = (search: Record<string, unknown>): Record<string, unknown> => ({
  ...integrationsSearch(search),
  ...peopleSearch(search),
  ...historySearch(search),
  ...privacySearch(search),
  ...assetsSearch(search),
  ...softwareSearch(search),
  ...contractsSearch(search),
  ...licencesSearch(search),
});

/** Today minus twelve months, YYYY-MM-DD (the register's confirmation interval). */
export function twelveMonthsAgo(today = new Date()): string {
  const date = new Date(Date.UTC(today.getUTCFullYear() - 1, today.getUTCMonth(), today.getUTCDate()));
  return date.toISOString().slice(0, 10);
}

/** Mantine colours for each lifecycle, dark enough for white text (WCAG AA). */
export const lifecycleColours: Record<(typeof lifecycleValues)[number], { color: string; variant: 'filled' | 'outline' }> = {
  planned: { color: 'gray.7', variant: 'outline' },
  introducing: { color: 'blue.8', variant: 'filled' },
  in_production: { color: '#1f6f36', variant: 'filled' },
  retiring: { color: '#9a3f00', variant: 'filled' },
  retired: { color: 'gray.7', variant: 'filled' },
};
