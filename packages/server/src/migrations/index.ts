import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { DatabaseHandle } from '../platform/database.ts';
import * as platformAndOrganisation from './2026-11-28-001-platform-and-organisation.ts';
import * as systemRegister from './2026-11-28-002-system-register.ts';
import * as listIndexes from './2026-11-28-003-list-indexes.ts';
import * as compliance from './2026-11-28-004-compliance.ts';
import * as lifecycleWorkflows from './2026-11-28-005-lifecycle-workflows.ts';
import * as scheduledJobs from './2026-11-28-006-scheduled-jobs.ts';
import * as defaultPolicyPacks from './2026-12-01-050-default-policy-packs.ts';
import * as projectInvolvements from './2026-12-01-010-project-involvements.ts';
import * as loginThrottles from './2026-12-01-030-login-throttles.ts';
import * as loginInvitations from './2026-12-01-031-login-invitations.ts';
import * as auditKey from './2026-12-01-011-audit-key.ts';
import * as passwordResets from './2026-12-01-040-password-resets.ts';
import * as apiTokenRights from './2026-12-01-032-api-token-rights.ts';
import * as publicRegisterOptIn from './2026-12-02-060-public-register-opt-in.ts';
import * as secondFactor from './2026-12-02-070-second-factor.ts';
import * as auditVerificationResults from './2026-12-02-061-audit-verification-results.ts';
import * as training from './2026-12-02-082-training.ts';
import * as policyDocuments from './2026-12-02-080-policy-documents.ts';
import * as securityGuidelinesIntoDocuments from './2026-12-02-089-security-guidelines-into-documents.ts';
import * as accessRights from './2026-12-02-090-access-rights.ts';
import * as employeeNumbers from './2026-12-02-097-employee-numbers.ts';
import * as accessRightHoldersIndex from './2026-12-02-097-access-right-holders-index.ts';
import * as assets from './2026-12-02-100-assets.ts';
import * as assetNetworkPeriodOrder from './2026-12-02-101-asset-network-period-order.ts';
import * as assetListIndex from './2026-12-03-106-asset-list-index.ts';
import * as processingActivities from './2026-12-02-110-processing-activities.ts';
import * as mailboxes from './2026-12-02-111-mailboxes.ts';
import * as peoplePseudonymised from './2026-12-03-112-people-pseudonymised.ts';
import * as confidentialRecords from './2026-12-03-113-confidential-records.ts';
import * as importMappings from './2026-12-03-114-import-mappings.ts';
import * as systemExternalIds from './2026-12-03-115-system-external-ids.ts';
import * as softwareLicencesContracts from './2026-12-02-105-software-licences-contracts.ts';
import * as acknowledgements from './2026-12-02-081-acknowledgements.ts';
import * as acknowledgementCoverageIndex from './2026-12-02-085-acknowledgement-coverage-index.ts';
import * as complianceIndexes from './2026-12-02-084-compliance-indexes.ts';
import * as policyPackBaselines from './2026-12-02-091-policy-pack-baselines.ts';
import * as acknowledgementVersionIndex from './2026-12-02-094-acknowledgement-version-index.ts';
import * as acknowledgementCounts from './2026-12-02-095-acknowledgement-counts.ts';
import * as mailOutbox from './2026-12-03-117-mail-outbox.ts';
import * as notificationSettings from './2026-12-03-118-notification-settings.ts';
import * as singleSignOn from './2026-12-03-119-single-sign-on.ts';
import * as provisioning from './2026-12-07-120-provisioning.ts';
import * as incidents from './2026-12-03-122-incidents.ts';
import * as consumptionAssetKey from './2026-12-03-125-consumption-asset-key.ts';
import * as policyPackDrafts from './2026-12-07-128-policy-pack-drafts.ts';

/** Listed explicitly (not read from disk) so the set is the same under tsx, bundlers and tests. */
const migrations: Record<string, Migration> = {
  '2026-11-28-001-platform-and-organisation': platformAndOrganisation,
  '2026-11-28-002-system-register': systemRegister,
  '2026-11-28-003-list-indexes': listIndexes,
  '2026-11-28-004-compliance': compliance,
  '2026-11-28-005-lifecycle-workflows': lifecycleWorkflows,
  '2026-11-28-006-scheduled-jobs': scheduledJobs,
  '2026-12-01-050-default-policy-packs': defaultPolicyPacks,
  '2026-12-01-010-project-involvements': projectInvolvements,
  '2026-12-01-030-login-throttles': loginThrottles,
  '2026-12-01-031-login-invitations': loginInvitations,
  '2026-12-01-011-audit-key': auditKey,
  '2026-12-01-040-password-resets': passwordResets,
  '2026-12-01-032-api-token-rights': apiTokenRights,
  '2026-12-02-060-public-register-opt-in': publicRegisterOptIn,
  '2026-12-02-070-second-factor': secondFactor,
  '2026-12-02-061-audit-verification-results': auditVerificationResults,
  '2026-12-02-082-training': training,
  '2026-12-02-080-policy-documents': policyDocuments,
  '2026-12-02-089-security-guidelines-into-documents': securityGuidelinesIntoDocuments,
  '2026-12-02-090-access-rights': accessRights,
  '2026-12-02-097-employee-numbers': employeeNumbers,
  '2026-12-02-097-access-right-holders-index': accessRightHoldersIndex,
  '2026-12-02-100-assets': assets,
  '2026-12-02-101-asset-network-period-order': assetNetworkPeriodOrder,
  '2026-12-03-106-asset-list-index': assetListIndex,
  '2026-12-02-105-software-licences-contracts': softwareLicencesContracts,
  '2026-12-02-081-acknowledgements': acknowledgements,
  '2026-12-02-085-acknowledgement-coverage-index': acknowledgementCoverageIndex,
  '2026-12-02-084-compliance-indexes': complianceIndexes,
  '2026-12-02-091-policy-pack-baselines': policyPackBaselines,
  '2026-12-02-094-acknowledgement-version-index': acknowledgementVersionIndex,
  '2026-12-02-110-processing-activities': processingActivities,
  '2026-12-02-111-mailboxes': mailboxes,
  '2026-12-03-112-people-pseudonymised': peoplePseudonymised,
  '2026-12-03-113-confidential-records': confidentialRecords,
  '2026-12-03-114-import-mappings': importMappings,
  '2026-12-03-115-system-external-ids': systemExternalIds,
  '2026-12-02-095-acknowledgement-counts': acknowledgementCounts,
  '2026-12-03-117-mail-outbox': mailOutbox,
  '2026-12-03-118-notification-settings': notificationSettings,
  '2026-12-03-119-single-sign-on': singleSignOn,
  '2026-12-07-120-provisioning': provisioning,
  '2026-12-03-122-incidents': incidents,
  '2026-12-03-125-consumption-asset-key': consumptionAssetKey,
  '2026-12-07-128-policy-pack-drafts': policyPackDrafts,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrateToLatest(db: DatabaseHandle): Promise<string[]> {
  // Modules land in parallel branches; a migration merged later with an earlier date must still run.
  const migrator = new Migrator({ db, provider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName);
}
