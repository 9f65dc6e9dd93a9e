import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { validateActivityFilters, validateMailboxFilters, validateQueueSearch } from '../features/privacy/privacy-values.ts';
import { validateAssetFilters, validateAssetModelFilters, validateAssetSections } from '../features/assets/asset-values.ts';
import { validateLicenceFilters, validateSoftwareFilters, validateSoftwareSections } from '../features/software/software-values.ts';
import { validateContractFilters, validateSupplierFilters } from '../features/contracts/contracts-values.ts';
import { contentRoute, requirePermission } from './route-base.tsx';

/** The things' pages: records of processing and mailboxes (§8), equipment (§6), software, licences and contracts (§7). */

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

const consumptionImportRoute = createRoute({
  getParentRoute: () => contentRoute,
  path: '/licences/import',
  beforeLoad: requirePermission('licence.manage'),
  component: lazyRouteComponent(() => import('../features/software/ConsumptionImportPage.tsx'), 'ConsumptionImportPage'),
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

const suppliersRoute = createRoute({
  getParentRoute: () => contentRoute,
  path: '/suppliers',
  beforeLoad: requirePermission('contract.read'),
  validateSearch: validateSupplierFilters,
  component: lazyRouteComponent(() => import('../features/contracts/SuppliersPage.tsx'), 'SuppliersPage'),
});

export const thingsRoutes = [
  processingActivitiesRoute,
  privacyReviewQueueRoute,
  processingActivityRoute,
  mailboxesRoute,
  assetsRoute,
  assetRoute,
  assetImportRoute,
  assetModelsRoute,
  softwareListRoute,
  softwareRoute,
  licencesRoute,
  consumptionImportRoute,
  contractsRoute,
  contractRoute,
  suppliersRoute,
] as const;
