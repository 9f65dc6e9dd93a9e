import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { validateSystemFilters, validateSystemSections } from '../features/systems/system-values.ts';
import { frameworkSearch, validateClauseResults, validateComplianceOverview } from '../features/compliance/compliance.queries.ts';
import { listSearchValidator, type UrlPaging } from '../components/url-paging.ts';
import { validateProjectFilters } from '../features/projects/project-values.ts';
import { validateNoticeFilters } from '../features/change-notices/notice-filters.ts';
import { validateReviewFilters } from '../features/reviews/review-filters.ts';
import { validateTaskFilters } from '../features/tasks/task-values.ts';
import { validateIncidentFilters } from '../features/incidents/incidents-values.ts';
import { contentRoute, requirePermission } from './route-base.tsx';

/** The register's pages: the to-do list, the overview, systems, compliance, projects, reviews, change notices, incidents. */

// The to-do list is the first page after login and the application's home (issue #13).
const tasksRoute = createRoute({
  getParentRoute: () => contentRoute,
  path: '/',
  beforeLoad: requirePermission('task.read'),
  validateSearch: validateTaskFilters,
  component: lazyRouteComponent(() => import('../features/tasks/TasksPage.tsx'), 'TasksPage'),
});

const overviewRoute = createRoute({
  getParentRoute: () => contentRoute,
  path: '/overview',
  component: lazyRouteComponent(() => import('../features/overview/OverviewPage.tsx'), 'OverviewPage'),
});

const systemsRoute = createRoute({
  getParentRoute: () => contentRoute,
  path: '/systems',
  beforeLoad: requirePermission('system.read'),
  // The register's filters live in the address, so a view can be shared and bookmarked.
  validateSearch: validateSystemFilters,
  component: lazyRouteComponent(() => import('../features/systems/SystemsPage.tsx'), 'SystemsPage'),
});

const systemRoute = createRoute({
  getParentRoute: () => contentRoute,
  path: '/systems/$systemId',
  beforeLoad: requirePermission('system.read'),
  validateSearch: validateSystemSections,
  component: lazyRouteComponent(() => import('../features/systems/SystemPage.tsx'), 'SystemPage'),
});

const mySystemsRoute = createRoute({
  getParentRoute: () => contentRoute,
  path: '/my-systems',
  beforeLoad: requirePermission('system.read'),
  validateSearch: listSearchValidator<UrlPaging>({}),
  component: lazyRouteComponent(() => import('../features/systems/MySystemsPage.tsx'), 'MySystemsPage'),
});

const departmentSearch = (search: Record<string, unknown>): { department?: string } =>
  typeof search.department === 'string' && /^[\w-]{1,64}$/.test(search.department) ? { department: search.department } : {};

const complianceRoute = createRoute({
  getParentRoute: () => contentRoute,
  path: '/compliance',
  beforeLoad: requirePermission('compliance.read'),
  validateSearch: validateComplianceOverview,
  component: lazyRouteComponent(() => import('../features/compliance/ComplianceOverviewPage.tsx'), 'ComplianceOverviewPage'),
});

const clauseRoute = createRoute({
  getParentRoute: () => contentRoute,
  path: '/compliance/clauses/$clauseId',
  beforeLoad: requirePermission('compliance.read'),
  validateSearch: (search: Record<string, unknown>) => ({
    ...frameworkSearch(search),
    ...departmentSearch(search),
    ...validateClauseResults(search),
  }),
  component: lazyRouteComponent(() => import('../features/compliance/ClausePage.tsx'), 'ClausePage'),
});

const nis2ReportRoute = createRoute({
  getParentRoute: () => contentRoute,
  path: '/compliance/nis2-report',
  beforeLoad: requirePermission('nis2Report.read'),
  component: lazyRouteComponent(() => import('../features/compliance/Nis2ReportPage.tsx'), 'Nis2ReportPage'),
});

const policyRoute = createRoute({
  getParentRoute: () => contentRoute,
  path: '/compliance/policy',
  beforeLoad: requirePermission('compliance.read'),
  component: lazyRouteComponent(() => import('../features/compliance/PolicyPackPage.tsx'), 'PolicyPackPage'),
});

const projectsRoute = createRoute({
  getParentRoute: () => contentRoute,
  path: '/projects',
  beforeLoad: requirePermission('project.read'),
  // The portfolio's filters and page live in the address, like the register's.
  validateSearch: validateProjectFilters,
  component: lazyRouteComponent(() => import('../features/projects/ProjectsPage.tsx'), 'ProjectsPage'),
});

const projectRoute = createRoute({
  getParentRoute: () => contentRoute,
  path: '/projects/$projectId',
  beforeLoad: requirePermission('project.read'),
  component: lazyRouteComponent(() => import('../features/projects/ProjectPage.tsx'), 'ProjectPage'),
});

const riskAnalysisRoute = createRoute({
  getParentRoute: () => contentRoute,
  path: '/systems/$systemId/risk-analyses/$analysisId',
  beforeLoad: requirePermission('riskAnalysis.read'),
  component: lazyRouteComponent(() => import('../features/risks/RiskAnalysisPage.tsx'), 'RiskAnalysisPage'),
});

const reviewsRoute = createRoute({
  getParentRoute: () => contentRoute,
  path: '/reviews',
  beforeLoad: requirePermission('review.read'),
  // The planning list's filters and page live in the address (bookmarks, the back button).
  validateSearch: validateReviewFilters,
  component: lazyRouteComponent(() => import('../features/reviews/ReviewsPage.tsx'), 'ReviewsPage'),
});

const reviewRoute = createRoute({
  getParentRoute: () => contentRoute,
  path: '/reviews/$reviewId',
  beforeLoad: requirePermission('review.read'),
  component: lazyRouteComponent(() => import('../features/reviews/ReviewPage.tsx'), 'ReviewPage'),
});

const changeNoticesRoute = createRoute({
  getParentRoute: () => contentRoute,
  path: '/change-notices',
  beforeLoad: requirePermission('changeNotice.read'),
  // The inbox's filters and page live in the address (bookmarks, the back button).
  validateSearch: validateNoticeFilters,
  component: lazyRouteComponent(() => import('../features/change-notices/ChangeNoticesPage.tsx'), 'ChangeNoticesPage'),
});

const changeNoticeRoute = createRoute({
  getParentRoute: () => contentRoute,
  path: '/change-notices/$noticeId',
  beforeLoad: requirePermission('changeNotice.read'),
  component: lazyRouteComponent(() => import('../features/change-notices/ChangeNoticePage.tsx'), 'ChangeNoticePage'),
});

// The incident log of the Cybersecurity Act (issue #19).
const incidentsRoute = createRoute({
  getParentRoute: () => contentRoute,
  path: '/incidents',
  beforeLoad: requirePermission('incident.read'),
  validateSearch: validateIncidentFilters,
  component: lazyRouteComponent(() => import('../features/incidents/IncidentsPage.tsx'), 'IncidentsPage'),
});

const incidentRoute = createRoute({
  getParentRoute: () => contentRoute,
  path: '/incidents/$incidentId',
  beforeLoad: requirePermission('incident.read'),
  component: lazyRouteComponent(() => import('../features/incidents/IncidentPage.tsx'), 'IncidentPage'),
});

export const registerRoutes = [
  tasksRoute,
  overviewRoute,
  systemsRoute,
  systemRoute,
  mySystemsRoute,
  clauseRoute,
  policyRoute,
  projectsRoute,
  projectRoute,
  riskAnalysisRoute,
  reviewsRoute,
  reviewRoute,
  changeNoticesRoute,
  changeNoticeRoute,
  incidentsRoute,
  incidentRoute,
  complianceRoute,
  nis2ReportRoute,
] as const;
