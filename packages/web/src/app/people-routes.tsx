import { validateTokenFilters } from '../features/tokens/tokens.queries.ts';
import { validateRoleFilters } from '../features/organisation/roles/roles.queries.ts';
import { validateAuditFilters } from '../features/audit/audit.queries.ts';
import { validatePeopleFilters } from '../features/organisation/people/people.queries.ts';
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import {
  validateCourseFilters,
  validateCourseSections,
  validatePersonTraining,
  validateSessionSections,
} from '../features/training/training-values.ts';
import { validateCoverageSearch, validateDiffSearch, validateDocumentFilters } from '../features/documents/document-values.ts';
import { contentRoute, requirePermission } from './route-base.tsx';

/** The people's pages: organisation, logins and tokens, settings, policy documents, training, access rights and imports. */

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

export const peopleRoutes = [
  departmentsRoute,
  peopleRoute,
  personRoute,
  rolesRoute,
  auditLogRoute,
  tokensRoute,
  municipalityTokensRoute,
  settingsRoute,
  accessRightsImportRoute,
  registerImportRoute,
  peopleImportRoute,
  trainingRoute,
  courseRoute,
  trainingSessionRoute,
  accessRightsLeaversRoute,
  recertificationsRoute,
  recertificationRoute,
  roleTemplatesRoute,
  documentsRoute,
  documentRoute,
  documentVersionRoute,
  documentDiffRoute,
  documentCoverageRoute,
] as const;
