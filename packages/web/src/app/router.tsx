import type { Permission } from '@forvalta/contracts';
import { validateTokenFilters } from '../features/tokens/tokens.queries.ts';
import { validateRoleFilters } from '../features/organisation/roles/roles.queries.ts';
import { validateAuditFilters } from '../features/audit/audit.queries.ts';
import { validatePublicFilters } from '../features/public/public.queries.ts';
import { validatePeopleFilters } from '../features/organisation/people/people.queries.ts';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  notFound,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import type { QueryClient } from '@tanstack/react-query';
import { AppLayout } from './layout/AppLayout.tsx';
import { NotFoundPage, StandaloneNotFoundPage } from './NotFoundPage.tsx';
import { LoadingState } from '../components/LoadingState.tsx';
import { RouteError } from '../components/RouteError.tsx';
import { queryClient } from './query-client.ts';
import { hasPermission, meQuery } from './session.ts';
import { validateSystemFilters, validateSystemSections } from '../features/systems/system-values.ts';
import { validateClauseResults, validateComplianceOverview } from '../features/compliance/compliance.queries.ts';
import { listSearchValidator, type UrlPaging } from '../components/url-paging.ts';
import { validateProjectFilters } from '../features/projects/project-values.ts';
import { validateNoticeFilters } from '../features/change-notices/notice-filters.ts';
import { validateReviewFilters } from '../features/reviews/review-filters.ts';
import { validateTaskFilters } from '../features/tasks/task-values.ts';
import {
  validateCourseFilters,
  validateCourseSections,
  validatePersonTraining,
  validateSessionSections,
} from '../features/training/training-values.ts';
import { validateCoverageSearch, validateDiffSearch, validateDocumentFilters } from '../features/documents/document-values.ts';
import { validateActivityFilters, validateMailboxFilters, validateQueueSearch } from '../features/privacy/privacy-values.ts';
import { validateAssetFilters, validateAssetModelFilters, validateAssetSections } from '../features/assets/asset-values.ts';
import { validateLicenceFilters, validateSoftwareFilters, validateSoftwareSections } from '../features/software/software-values.ts';
import { validateContractFilters, validateSupplierFilters } from '../features/contracts/contracts-values.ts';
import { validateIncidentFilters } from '../features/incidents/incidents-values.ts';

interface RouterContext {
  queryClient: QueryClient;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: StandaloneNotFoundPage,
});

/** Where to go after logging in; only paths inside the application, never another site. */
function safeRedirect(target: unknown): string {
  return typeof target === 'string' && target.startsWith('/') && !target.startsWith('//') ? target : '/';
}

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  // `municipality` and `sso` come from single sign-on: which municipality's button to offer, and why it refused.
  validateSearch: (search: Record<string, unknown>): { redirect?: string; municipality?: string; sso?: string } => ({
    ...(typeof search.redirect === 'string' ? { redirect: search.redirect } : {}),
    ...(typeof search.municipality === 'string' || typeof search.municipality === 'number'
      ? { municipality: String(search.municipality) }
      : {}),
    ...(typeof search.sso === 'string' ? { sso: search.sso } : {}),
  }),
  beforeLoad: async ({ context, search }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (me) throw redirect({ href: safeRedirect(search.redirect) });
  },
  component: lazyRouteComponent(() => import('../features/auth/LoginPage.tsx'), 'LoginPage'),
});

/** Everything behind the login; the shell (header, navigation) lives here. */
const authenticatedRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'authenticated',
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (!me) throw redirect({ to: '/login', search: location.href === '/' ? {} : { redirect: location.href } });
    // A role held here requires two-step verification and this login has none: it sets it up first
    // (the server refuses everything else with second_factor_required).
    if (me.secondFactorEnrolmentRequired && location.pathname !== '/account') throw redirect({ to: '/account' });
    return { me };
  },
  component: AppLayout,
});

/**
 * The pages inside the shell. A page that throws notFound (unknown path, missing permission)
 * is answered by this route's notFoundComponent, which takes the place of the page, so the
 * header and navigation stay.
 */
const contentRoute = createRoute({
  getParentRoute: () => authenticatedRoute,
  id: 'content',
  component: Outlet,
  notFoundComponent: NotFoundPage,
});

/**
 * A page only for those holding a permission. Without it the page does not exist for them (404),
 * as the API answers for records one may not read.
 */
function requirePermission(permission: Permission) {
  return ({ context }: { context: { me: Parameters<typeof hasPermission>[0] } }) => {
    if (!hasPermission(context.me, permission)) throw notFound();
  };
}

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

const departmentsRoute = createRoute({
  getParentRoute: () => contentRoute,
  path: '/departments',
  beforeLoad: requirePermission('department.read'),
  component: lazyRouteComponent(() => import('../features/organisation/departments/DepartmentsPage.tsx'), 'DepartmentsPage'),
});

const peopleRoute = createRoute({
  getParentRoute: () => contentRoute,
  path: '/people',
  beforeLoad: requirePermission('person.read'),
  validateSearch: validatePeopleFilters,
  component: lazyRouteComponent(() => import('../features/organisation/people/PeoplePage.tsx'), 'PeoplePage'),
});

const personRoute = createRoute({
  getParentRoute: () => contentRoute,
  path: '/people/$personId',
  beforeLoad: requirePermission('person.read'),
  // The training history's page lives in the address under `training.`.
  validateSearch: validatePersonTraining,
  component: lazyRouteComponent(() => import('../features/organisation/people/PersonPage.tsx'), 'PersonPage'),
});

const rolesRoute = createRoute({
  getParentRoute: () => contentRoute,
  path: '/roles',
  beforeLoad: requirePermission('roleAssignment.read'),
  validateSearch: validateRoleFilters,
  component: lazyRouteComponent(() => import('../features/organisation/roles/RolesPage.tsx'), 'RolesPage'),
});

const auditLogRoute = createRoute({
  getParentRoute: () => contentRoute,
  path: '/audit-log',
  beforeLoad: requirePermission('auditEvent.read'),
  validateSearch: validateAuditFilters,
  component: lazyRouteComponent(() => import('../features/audit/AuditLogPage.tsx'), 'AuditLogPage'),
});

const tokensRoute = createRoute({
  getParentRoute: () => contentRoute,
  path: '/api-tokens',
  beforeLoad: requirePermission('apiToken.manageOwn'),
  validateSearch: validateTokenFilters,
  component: lazyRouteComponent(() => import('../features/tokens/TokensPage.tsx'), 'TokensPage'),
});

/** The municipality's tokens, whoever holds them: administrators list and revoke them (issue #12, finding 8). */
const municipalityTokensRoute = createRoute({
  getParentRoute: () => contentRoute,
  path: '/api-tokens/municipality',
  beforeLoad: requirePermission('apiToken.manageAll'),
  validateSearch: validateTokenFilters,
  component: lazyRouteComponent(() => import('../features/tokens/MunicipalityTokensPage.tsx'), 'MunicipalityTokensPage'),
});

const settingsRoute = createRoute({
  getParentRoute: () => contentRoute,
  path: '/settings',
  beforeLoad: requirePermission('municipality.read'),
  component: lazyRouteComponent(() => import('../features/settings/SettingsPage.tsx'), 'SettingsPage'),
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
  validateSearch: (search: Record<string, unknown>) => ({ ...departmentSearch(search), ...validateClauseResults(search) }),
  component: lazyRouteComponent(() => import('../features/compliance/ClausePage.tsx'), 'ClausePage'),
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

const accessRightsImportRoute = createRoute({
  getParentRoute: () => contentRoute,
  path: '/access-rights/import',
  beforeLoad: requirePermission('accessRight.import'),
  component: lazyRouteComponent(() => import('../features/access-rights/AccessRightsImportPage.tsx'), 'AccessRightsImportPage'),
});

const registerImportRoute = createRoute({
  getParentRoute: () => contentRoute,
  path: '/imports/register',
  beforeLoad: requirePermission('imports.register'),
  component: lazyRouteComponent(() => import('../features/imports/ImportPage.tsx'), 'RegisterImportPage'),
});

const peopleImportRoute = createRoute({
  getParentRoute: () => contentRoute,
  path: '/imports/people',
  beforeLoad: requirePermission('imports.people'),
  component: lazyRouteComponent(() => import('../features/imports/ImportPage.tsx'), 'PeopleImportPage'),
});

const trainingRoute = createRoute({
  getParentRoute: () => contentRoute,
  path: '/training',
  beforeLoad: requirePermission('training.read'),
  // The course list's filters and page live in the address (bookmarks, the back button).
  validateSearch: validateCourseFilters,
  component: lazyRouteComponent(() => import('../features/training/CoursesPage.tsx'), 'CoursesPage'),
});

const courseRoute = createRoute({
  getParentRoute: () => contentRoute,
  path: '/training/courses/$courseId',
  beforeLoad: requirePermission('training.read'),
  validateSearch: validateCourseSections,
  component: lazyRouteComponent(() => import('../features/training/CoursePage.tsx'), 'CoursePage'),
});

const trainingSessionRoute = createRoute({
  getParentRoute: () => contentRoute,
  path: '/training/sessions/$sessionId',
  beforeLoad: requirePermission('training.read'),
  validateSearch: validateSessionSections,
  component: lazyRouteComponent(() => import('../features/training/SessionPage.tsx'), 'SessionPage'),
});

const accessRightsLeaversRoute = createRoute({
  getParentRoute: () => contentRoute,
  path: '/access-rights/leavers',
  beforeLoad: requirePermission('accessRight.read'),
  component: lazyRouteComponent(() => import('../features/access-rights/LeaversPage.tsx'), 'LeaversPage'),
});

const recertificationsRoute = createRoute({
  getParentRoute: () => contentRoute,
  path: '/recertifications',
  beforeLoad: requirePermission('recertification.read'),
  component: lazyRouteComponent(() => import('../features/access-rights/RecertificationsPage.tsx'), 'RecertificationsPage'),
});

// A campaign's stewards (a system manager without another role) open it from their to-do list.
const recertificationRoute = createRoute({
  getParentRoute: () => contentRoute,
  path: '/recertifications/$campaignId',
  component: lazyRouteComponent(() => import('../features/access-rights/RecertificationPage.tsx'), 'RecertificationPage'),
});

const roleTemplatesRoute = createRoute({
  getParentRoute: () => contentRoute,
  path: '/role-templates',
  beforeLoad: requirePermission('roleTemplate.read'),
  component: lazyRouteComponent(() => import('../features/access-rights/RoleTemplatesPage.tsx'), 'RoleTemplatesPage'),
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

const documentsRoute = createRoute({
  getParentRoute: () => contentRoute,
  path: '/documents',
  beforeLoad: requirePermission('document.read'),
  // The list's filters and page live in the address (bookmarks, the back button).
  validateSearch: validateDocumentFilters,
  component: lazyRouteComponent(() => import('../features/documents/DocumentsPage.tsx'), 'DocumentsPage'),
});

const documentRoute = createRoute({
  getParentRoute: () => contentRoute,
  path: '/documents/$documentId',
  beforeLoad: requirePermission('document.read'),
  component: lazyRouteComponent(() => import('../features/documents/DocumentPage.tsx'), 'DocumentPage'),
});

/** A version: the reading view with the acknowledge button (the to-do list links here), or a draft with its owner's steps. */
const documentVersionRoute = createRoute({
  getParentRoute: () => contentRoute,
  path: '/documents/$documentId/versions/$versionId',
  beforeLoad: requirePermission('document.read'),
  component: lazyRouteComponent(() => import('../features/documents/VersionPage.tsx'), 'VersionPage'),
});

const documentDiffRoute = createRoute({
  getParentRoute: () => contentRoute,
  path: '/documents/$documentId/diff',
  beforeLoad: requirePermission('document.read'),
  validateSearch: validateDiffSearch,
  component: lazyRouteComponent(() => import('../features/documents/VersionDiffPage.tsx'), 'VersionDiffPage'),
});

const documentCoverageRoute = createRoute({
  getParentRoute: () => contentRoute,
  path: '/documents/$documentId/coverage',
  beforeLoad: requirePermission('acknowledgementCoverage.read'),
  validateSearch: validateCoverageSearch,
  component: lazyRouteComponent(() => import('../features/documents/CoveragePage.tsx'), 'CoveragePage'),
});

// Records of processing, the DPO's queue and functional mailboxes (issue #16, §8).
const processingActivitiesRoute = createRoute({
  getParentRoute: () => contentRoute,
  path: '/processing-activities',
  beforeLoad: requirePermission('processingActivity.read'),
  validateSearch: validateActivityFilters,
  component: lazyRouteComponent(() => import('../features/privacy/ProcessingActivitiesPage.tsx'), 'ProcessingActivitiesPage'),
});

const privacyReviewQueueRoute = createRoute({
  getParentRoute: () => contentRoute,
  path: '/processing-activities/queue',
  beforeLoad: requirePermission('processingActivity.review'),
  validateSearch: validateQueueSearch,
  component: lazyRouteComponent(() => import('../features/privacy/ReviewQueuePage.tsx'), 'ReviewQueuePage'),
});

const processingActivityRoute = createRoute({
  getParentRoute: () => contentRoute,
  path: '/processing-activities/$activityId',
  beforeLoad: requirePermission('processingActivity.read'),
  component: lazyRouteComponent(() => import('../features/privacy/ProcessingActivityPage.tsx'), 'ProcessingActivityPage'),
});

const mailboxesRoute = createRoute({
  getParentRoute: () => contentRoute,
  path: '/mailboxes',
  beforeLoad: requirePermission('mailbox.read'),
  validateSearch: validateMailboxFilters,
  component: lazyRouteComponent(() => import('../features/privacy/MailboxesPage.tsx'), 'MailboxesPage'),
});

// Equipment and the model catalogue (issue #15, §6).
const assetsRoute = createRoute({
  getParentRoute: () => contentRoute,
  path: '/assets',
  beforeLoad: requirePermission('asset.read'),
  validateSearch: validateAssetFilters,
  component: lazyRouteComponent(() => import('../features/assets/AssetsPage.tsx'), 'AssetsPage'),
});

const assetRoute = createRoute({
  getParentRoute: () => contentRoute,
  path: '/assets/$assetId',
  beforeLoad: requirePermission('asset.read'),
  validateSearch: validateAssetSections,
  component: lazyRouteComponent(() => import('../features/assets/AssetPage.tsx'), 'AssetPage'),
});

const assetImportRoute = createRoute({
  getParentRoute: () => contentRoute,
  path: '/assets/import',
  beforeLoad: requirePermission('asset.import'),
  component: lazyRouteComponent(() => import('../features/assets/AssetImportPage.tsx'), 'AssetImportPage'),
});

const assetModelsRoute = createRoute({
  getParentRoute: () => contentRoute,
  path: '/asset-models',
  beforeLoad: requirePermission('assetModel.read'),
  validateSearch: validateAssetModelFilters,
  component: lazyRouteComponent(() => import('../features/assets/AssetModelsPage.tsx'), 'AssetModelsPage'),
});

// Software, the IT chief's decisions, licences, suppliers and contracts (issue #15, §7).
const softwareListRoute = createRoute({
  getParentRoute: () => contentRoute,
  path: '/software',
  beforeLoad: requirePermission('software.read'),
  validateSearch: validateSoftwareFilters,
  component: lazyRouteComponent(() => import('../features/software/SoftwareListPage.tsx'), 'SoftwareListPage'),
});

const softwareRoute = createRoute({
  getParentRoute: () => contentRoute,
  path: '/software/$softwareId',
  beforeLoad: requirePermission('software.read'),
  validateSearch: validateSoftwareSections,
  component: lazyRouteComponent(() => import('../features/software/SoftwarePage.tsx'), 'SoftwarePage'),
});

const licencesRoute = createRoute({
  getParentRoute: () => contentRoute,
  path: '/licences',
  beforeLoad: requirePermission('licence.read'),
  validateSearch: validateLicenceFilters,
  component: lazyRouteComponent(() => import('../features/software/LicencesPage.tsx'), 'LicencesPage'),
});

const contractsRoute = createRoute({
  getParentRoute: () => contentRoute,
  path: '/contracts',
  beforeLoad: requirePermission('contract.read'),
  validateSearch: validateContractFilters,
  component: lazyRouteComponent(() => import('../features/contracts/ContractsPage.tsx'), 'ContractsPage'),
});

const contractRoute = createRoute({
  getParentRoute: () => contentRoute,
  path: '/contracts/$contractId',
  beforeLoad: requirePermission('contract.read'),
  component: lazyRouteComponent(() => import('../features/contracts/ContractPage.tsx'), 'ContractPage'),
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

const suppliersRoute = createRoute({
  getParentRoute: () => contentRoute,
  path: '/suppliers',
  beforeLoad: requirePermission('contract.read'),
  validateSearch: validateSupplierFilters,
  component: lazyRouteComponent(() => import('../features/contracts/SuppliersPage.tsx'), 'SuppliersPage'),
});

const accountRoute = createRoute({
  getParentRoute: () => contentRoute,
  path: '/account',
  component: lazyRouteComponent(() => import('../features/account/AccountPage.tsx'), 'AccountPage'),
});

/** The pages of a one-time link, reached before logging in: no shell. */
const resetPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reset-password',
  component: lazyRouteComponent(() => import('../features/auth/ResetPasswordPage.tsx'), 'ResetPasswordPage'),
});
const forgotPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/forgot-password',
  component: lazyRouteComponent(() => import('../features/auth/ForgotPasswordPage.tsx'), 'ForgotPasswordPage'),
});
const invitationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/invitation',
  component: lazyRouteComponent(() => import('../features/auth/InvitationPage.tsx'), 'InvitationPage'),
});

/** The public register: no login, no shell; works for anyone on the internet. */
const publicStartRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/public',
  component: lazyRouteComponent(() => import('../features/public/PublicRegisterPage.tsx'), 'PublicRegisterStartPage'),
});

/** The accessibility statement the law asks of a public body's pages (tillgänglighetsredogörelse). */
const accessibilityStatementRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/public/accessibility',
  component: lazyRouteComponent(() => import('../features/public/AccessibilityStatementPage.tsx'), 'AccessibilityStatementPage'),
});

const publicRegisterRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/public/$code',
  validateSearch: validatePublicFilters,
  component: lazyRouteComponent(() => import('../features/public/PublicRegisterPage.tsx'), 'PublicRegisterPage'),
});

// Unknown paths of a logged-in user get the not-found page inside the shell, not a bare page.
const unknownRoute = createRoute({
  getParentRoute: () => contentRoute,
  path: '$',
  beforeLoad: () => {
    throw notFound();
  },
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  forgotPasswordRoute,
  resetPasswordRoute,
  invitationRoute,
  publicStartRoute,
  accessibilityStatementRoute,
  publicRegisterRoute,
  authenticatedRoute.addChildren([
    contentRoute.addChildren([
      tasksRoute,
      overviewRoute,
      departmentsRoute,
      peopleRoute,
      personRoute,
      rolesRoute,
      auditLogRoute,
      tokensRoute,
      municipalityTokensRoute,
      settingsRoute,
      accountRoute,
      systemsRoute,
      systemRoute,
      mySystemsRoute,
      complianceRoute,
      clauseRoute,
      policyRoute,
      projectsRoute,
      projectRoute,
      riskAnalysisRoute,
      reviewsRoute,
      reviewRoute,
      trainingRoute,
      courseRoute,
      trainingSessionRoute,
      changeNoticesRoute,
      changeNoticeRoute,
      accessRightsImportRoute,
      registerImportRoute,
      peopleImportRoute,
      documentsRoute,
      documentRoute,
      documentVersionRoute,
      documentDiffRoute,
      documentCoverageRoute,
      processingActivitiesRoute,
      privacyReviewQueueRoute,
      processingActivityRoute,
      mailboxesRoute,
      assetsRoute,
      assetImportRoute,
      assetRoute,
      assetModelsRoute,
      softwareListRoute,
      softwareRoute,
      licencesRoute,
      contractsRoute,
      contractRoute,
      incidentsRoute,
      incidentRoute,
      suppliersRoute,
      accessRightsLeaversRoute,
      recertificationsRoute,
      recertificationRoute,
      roleTemplatesRoute,
      unknownRoute,
    ]),
  ]),
]);

export const router = createRouter({
  routeTree,
  context: { queryClient },
  defaultPendingComponent: LoadingState,
  defaultErrorComponent: RouteError,
  // Lazy pages show the loading state at once instead of a blank pause.
  defaultPendingMs: 150,
  scrollRestoration: true,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
