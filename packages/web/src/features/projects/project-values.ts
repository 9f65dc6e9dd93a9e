import { pickValue, validateUrlPaging, withoutEmpty, type UrlPaging } from '../../components/url-paging.ts';

export const projectStateValues = ['draft', 'in_preparation', 'submitted', 'approved', 'rejected', 'closed'] as const;
export const projectKindValues = ['introduction', 'upgrade'] as const;

/** Mantine colours for each state, dark enough for white text (WCAG AA), as the lifecycle badges. */
export const stateColours: Record<(typeof projectStateValues)[number], { color: string; variant: 'filled' | 'outline' }> = {
  draft: { color: 'gray.7', variant: 'outline' },
  in_preparation: { color: 'blue.8', variant: 'filled' },
  submitted: { color: 'violet.9', variant: 'filled' },
  approved: { color: '#1f6f36', variant: 'filled' },
  rejected: { color: 'red.9', variant: 'filled' },
  closed: { color: 'gray.7', variant: 'filled' },
};

// A project's values, colours, filters and gaps; its queries and writes are in projects.queries.ts.

/** The section of the project page where a gate's missing piece is fixed. */
export function sectionOfGap(path: string): 'documents' | 'training' | 'timeline' | 'budget' | 'compliance-analysis' | 'risk-analysis' {
  if (path.startsWith('trainingPlan')) return 'training';
  if (path.startsWith('timeline')) return 'timeline';
  if (path.startsWith('budget')) return 'budget';
  if (path.startsWith('complianceAnalysis')) return 'compliance-analysis';
  if (path.startsWith('riskAnalysis')) return 'risk-analysis';
  return 'documents';
}

/** The portfolio's filters and page as they stand in the address (shareable, kept over a reload). */
export interface ProjectFilters extends UrlPaging {
  q?: string;
  state?: (typeof projectStateValues)[number];
  kind?: (typeof projectKindValues)[number];
  departmentId?: string;
}

/** Reads the portfolio's filters from the address, dropping anything unknown. */
export function validateProjectFilters(search: Record<string, unknown>): ProjectFilters {
  const text = (value: unknown, length = 200) =>
    typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, length) : undefined;
  return withoutEmpty({
    q: text(search.q),
    state: pickValue(projectStateValues, search.state),
    kind: pickValue(projectKindValues, search.kind),
    departmentId: text(search.departmentId, 36),
    ...validateUrlPaging(search),
  });
}
