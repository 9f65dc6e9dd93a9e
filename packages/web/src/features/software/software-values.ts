import type {
  Assessment,
  ConsumptionKind,
  DecisionStanding,
  DecisionStatus,
  LicenceMetric,
  PositionStatus,
  SoftwareOrigin,
} from '@forvalta/contracts';
import { listSearchValidator, prefixedSearchValidator, type UrlPaging } from '../../components/url-paging.ts';

// Repeated from the contracts as types only: the router imports the validators below into the
// first bundle, and a value import of the contracts would pull zod in with them.
export const softwareOriginValues = ['commercial', 'self_developed', 'open_source'] as const satisfies readonly SoftwareOrigin[];
export const decidedOriginValues: readonly SoftwareOrigin[] = ['self_developed', 'open_source'];
export const assessmentValues = ['good', 'acceptable', 'poor'] as const satisfies readonly Assessment[];
export const reviewAspectValues = ['stability', 'security', 'futureProofing'] as const;
export const licenceMetricValues = ['per_user', 'per_device', 'per_core', 'site', 'unlimited'] as const satisfies readonly LicenceMetric[];
export const consumptionKindValues = ['installation', 'assignment', 'core'] as const satisfies readonly ConsumptionKind[];

/** The software list's filters and page as they stand in the address. */
export interface SoftwareFilters extends UrlPaging {
  q?: string;
  origin?: SoftwareOrigin;
  systemId?: string;
  awaitingDecision?: boolean;
  sort?: string;
}

export const validateSoftwareFilters = listSearchValidator<SoftwareFilters>({
  text: ['q'],
  ids: ['systemId'],
  choices: { origin: softwareOriginValues },
  flags: ['awaitingDecision'],
  sorts: ['product', '-product', 'updatedAt', '-updatedAt'],
});

export function softwareListQuery(filters: SoftwareFilters) {
  return {
    q: filters.q,
    origin: filters.origin,
    systemId: filters.systemId,
    awaitingDecision: filters.awaitingDecision ? ('true' as const) : undefined,
  };
}

/** The licence page: the position's filters (ITP-7-LICENCE's fix link sets softwareId) and its page. */
export interface LicenceFilters extends UrlPaging {
  softwareId?: string;
  overOnly?: boolean;
}

const positionSearch = listSearchValidator<LicenceFilters>({ ids: ['softwareId'], flags: ['overOnly'] });
const licencesSearch = prefixedSearchValidator('licences', {});
const consumptionSearch = prefixedSearchValidator('consumption', {});

/** The licence page's position (its filters at the top level) and its two lists, each under its prefix. */
export const validateLicenceFilters = (search: Record<string, unknown>): LicenceFilters => ({
  ...positionSearch(search),
  ...licencesSearch(search),
  ...consumptionSearch(search),
});

/** A product's page: its decisions' page under `decisions.`. */
export const validateSoftwareSections = prefixedSearchValidator('decisions', {});

/**
 * A decision's standing as a badge: every colour is dark enough for white text (4.5:1) and the word
 * says the standing, so nothing rests on the colour alone.
 */
export const standingBadge: Record<DecisionStanding, { color: string; variant: 'filled' | 'outline' }> = {
  not_needed: { color: 'gray.8', variant: 'outline' },
  none: { color: 'red.9', variant: 'filled' },
  proposed: { color: '#9a3f00', variant: 'filled' },
  allowed: { color: '#1f6f36', variant: 'filled' },
  refused: { color: 'red.9', variant: 'outline' },
  expired: { color: 'red.9', variant: 'filled' },
};

export const decisionStatusBadge: Record<DecisionStatus, { color: string; variant: 'filled' | 'outline' }> = {
  proposed: { color: '#9a3f00', variant: 'filled' },
  allowed: { color: '#1f6f36', variant: 'filled' },
  refused: { color: 'red.9', variant: 'filled' },
};

export const positionBadge: Record<PositionStatus, { color: string; variant: 'filled' | 'outline' }> = {
  covered: { color: '#1f6f36', variant: 'filled' },
  unlimited: { color: '#1f6f36', variant: 'outline' },
  over_consumed: { color: 'red.9', variant: 'filled' },
  expired_consumed: { color: 'red.9', variant: 'filled' },
};
