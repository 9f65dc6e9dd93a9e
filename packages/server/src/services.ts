import { createAssetImportService, createAssetModelsService, createAssetsService } from './modules/assets/index.ts';
import { createImportsService, createPeopleImportService, createRegisterImportService } from './modules/imports/index.ts';
import type { Config } from './config.ts';
import {
  createAcknowledgementCoverageService,
  createAcknowledgementRequestsService,
  acknowledgementTaskSource,
  createAcknowledgementsService,
} from './modules/acknowledgements/index.ts';
import {
  type AcknowledgementRequester,
  accessRightDutyEvidence,
  activationOnAcknowledgement,
  createAccessLevelsService,
  createAccessRightImportService,
  createAccessRightsService,
  createRecertificationsService,
  createRoleTemplatesService,
  leaverAccessTaskSource,
  recertificationTaskSource,
} from './modules/access-rights/index.ts';
import { createApiTokensService, revokeTokensOfLogin } from './modules/api-tokens/index.ts';
import { createAuditEventsService } from './modules/audit-events/index.ts';
import { createBackupService } from './modules/backup/index.ts';
import { createBackstageService } from './modules/backstage/index.ts';
import { createAuthService, createPasswordsService, createSecondFactorService, endSessionsIn } from './modules/auth/index.ts';
import {
  changeNoticeTaskSource,
  createChangeNoticesService,
  detachNoticesFromSystem,
  responsibilityNoticeWriter,
} from './modules/change-notices/index.ts';
import {
  createComplianceService,
  createNis2ReportService,
  createPolicyPacksService,
  policyPackRecords,
  startWithDefaultPack,
} from './modules/compliance/index.ts';
import {
  createDocumentAttachmentsService,
  createDocumentsService,
  createDocumentVersionsService,
  diskDocumentStorage,
  startWithDefaultDocuments,
  type DocumentPorts,
  type VersionAdoptedListener,
} from './modules/documents/index.ts';
import { createIntegrationsService, integrationIdsOfSystem } from './modules/integrations/index.ts';
import { createJobsService } from './modules/jobs/index.ts';
import { createLoginInvitationsService } from './modules/logins/index.ts';
import {
  type AccessEnders,
  createDepartmentsService,
  createMunicipalitiesService,
  createPeopleService,
  createRoleAssignmentsService,
  type PersonArrivals,
} from './modules/organisation/index.ts';
import {
  createArticle30Export,
  createSubjectAccessExport,
  createPseudonymisationService,
  createMailboxesService,
  createPrivacyReviewsService,
  createProcessingActivitiesService,
  privacyReviewTaskSource,
} from './modules/privacy/index.ts';
import { createProjectActionsService, createProjectsService, projectsOfSystem, projectTaskSource } from './modules/projects/index.ts';
import { createPublicRegisterService } from './modules/public-register/index.ts';
import { createReviewsService, reviewTaskSource } from './modules/reviews/index.ts';
import { createRiskAnalysesService } from './modules/risks/index.ts';
import {
  createSystemAssignmentsService,
  createSystemDutiesService,
  createSystemsExport,
  createSystemsService,
  systemRecordTaskSource,
} from './modules/systems/index.ts';
import { createTasksService, type TaskSource } from './modules/tasks/index.ts';
import { createMailOutbox, createNotificationsService, type OutboxSettings } from './modules/mail/index.ts';
import { createProviders, createSingleSignOnLogin, createSingleSignOnSettingsService } from './modules/single-sign-on/index.ts';
import { createProvisioningTokensService, createScimUsersService } from './modules/provisioning/index.ts';
import { smtpTransport } from './platform/mail-transport.ts';
import {
  createAttendancesService,
  createCoursesService,
  createTrainingSessionsService,
  trainingTaskSource,
} from './modules/training/index.ts';
import {
  createConsumptionImportService,
  createLicencesService,
  createSoftwareDecisionsService,
  createSoftwareService,
  softwareDecisionGap,
} from './modules/software/index.ts';
import { contractNoticeTaskSource, createSupplierContractsService } from './modules/supplier-contracts/index.ts';
import { createIncidentsService, incidentTaskSource } from './modules/incidents/index.ts';
import { createPolicyAuthoringService, publishAdoptedDraft } from './modules/policy-authoring/index.ts';
import type { Clock } from './platform/clock.ts';
import type { DatabaseHandle } from './platform/database.ts';
import { tanumPolicyPack } from './policy/index.ts';

/**
 * Wires every service to the database and clock. The HTTP app and the CLI both use this. It is
 * also where a module's ports are filled: systems learns of projects, change notices and
 * integrations, and organisation of the default policy pack, without importing modules that
 * depend on them (which would be a cycle between modules).
 */
export function createServices(
  db: DatabaseHandle,
  clock: Clock,
  config: Pick<
    Config,
    | 'sessionIdleMinutes'
    | 'sessionMaxHours'
    | 'loginMaxFailures'
    | 'loginLockMinutes'
    | 'loginAccountAttemptsPerHour'
    | 'readCache'
    | 'documentsDirectory'
    | 'documentAttachmentMaxBytes'
    | 'version'
  > &
    // E-mail (issue #18): without `mail` (no SMTP_HOST), nothing is queued or sent.
    Partial<Pick<Config, 'mail' | 'mailMaxAttempts' | 'mailRetrySeconds' | 'jobsLeaseSeconds'>> &
    // Single sign-on (ADR 0036): without PUBLIC_URL there is no redirect URI, so no provider is offered.
    Partial<Pick<Config, 'publicUrl' | 'singleSignOn'>>,
) {
  const mailSettings: OutboxSettings = {
    mail: config.mail ?? null,
    maxAttempts: config.mailMaxAttempts ?? 6,
    retrySeconds: config.mailRetrySeconds ?? 60,
    leaseSeconds: config.jobsLeaseSeconds ?? 300,
  };
  // nodemailer connects per message, not here: a command that sends nothing opens no connection.
  const mailTransport = mailSettings.mail ? smtpTransport(mailSettings.mail) : null;
  const systems = createSystemsService(
    db,
    clock,
    {
      hasApprovedProject: projectsOfSystem.hasApprovedProject,
      lifecycleRecordCount: projectsOfSystem.lifecycleRecordCount,
      detachDeletedSystem: detachNoticesFromSystem,
      historyEntityIds: integrationIdsOfSystem,
      // §7: self-developed and open-source software needs the IT chief's decision before production (issue #15).
      softwareDecisionGap,
      // A responsibility change writes its change notice in its own transaction (ADR 0004).
      onResponsibilityChange: responsibilityNoticeWriter(clock),
    },
    config,
  );
  const throttle = {
    maxAttempts: config.loginMaxFailures,
    pairWindowMinutes: config.loginLockMinutes,
    accountMaxAttemptsPerHour: config.loginAccountAttemptsPerHour,
  };
  // Acknowledgement requests follow an adoption (the documents module's listener) and a registered person (organisation's port).
  const acknowledgementRequests = createAcknowledgementRequestsService(db, clock);
  // Access rights (issue #14): a first grant that waits makes sure the person is asked to acknowledge.
  const acknowledgementRequester: AcknowledgementRequester = {
    requestCurrentDocuments: async (transaction, actor, person) => {
      await acknowledgementRequests.requestForRegisteredPerson(transaction, actor, person.municipalityId, person.personId);
    },
  };
  const accessRights = createAccessRightsService(db, clock, acknowledgementRequester);
  // A person who leaves, or whose login is removed, loses their tokens and sessions in that municipality at once (finding 8);
  // a leaver's access rights are flagged for removal in the same transaction (issue #14).
  const accessEnders: AccessEnders = {
    endAccess: async (transaction, actor, owner) => {
      await revokeTokensOfLogin(transaction, actor, clock, owner);
      await endSessionsIn(transaction, owner, clock.now().toISOString());
    },
    personLeft: async (transaction, actor, person) => {
      await accessRights.flagRightsOfLeavers(transaction, actor, person.municipalityId, [person.personId]);
    },
  };
  // Every module's asks of a person, for their to-do list (issue #13); a module that asks something adds its source here.
  const taskSources: TaskSource[] = [
    systemRecordTaskSource,
    reviewTaskSource,
    changeNoticeTaskSource,
    projectTaskSource,
    trainingTaskSource,
    acknowledgementTaskSource,
    leaverAccessTaskSource,
    recertificationTaskSource,
    privacyReviewTaskSource,
    contractNoticeTaskSource,
    incidentTaskSource,
  ];
  const personArrivals: PersonArrivals = {
    personRegistered: async (transaction, actor, person) => {
      await acknowledgementRequests.requestForRegisteredPerson(transaction, actor, person.municipalityId, person.personId);
    },
  };
  // What follows an adoption of a document version, in its transaction: the acknowledgement requests.
  const adoptionListeners: VersionAdoptedListener[] = [
    // An authored policy pack prepared for this version is in force from its adoption (issue #21).
    publishAdoptedDraft(clock),
    async (transaction, adoption) => {
      await acknowledgementRequests.onVersionAdopted(transaction, adoption);
    },
  ];
  const documentPorts: DocumentPorts = {
    // A municipality always has a pack (migration 050); the default's parameters only if it somehow has none.
    policyParameters: async (executor, municipalityId) =>
      (await policyPackRecords.currentPack(executor, municipalityId))?.pack.parameters ?? tanumPolicyPack.parameters,
    policyPackExists: async (executor, municipalityId, policyPackId) =>
      (await policyPackRecords.findPack(executor, municipalityId, policyPackId)) !== undefined,
    adoptionListeners,
  };
  const documentStorage = diskDocumentStorage(config.documentsDirectory);
  const documentVersions = createDocumentVersionsService(db, clock, documentPorts);
  const tasks = createTasksService(db, clock, taskSources, config);
  const mailOutbox = createMailOutbox(db, clock, mailSettings, mailTransport);
  const singleSignOnProviders = createProviders(db, config.singleSignOn ?? null);
  const auth = createAuthService(db, clock, config, { passwordLoginAllowed: singleSignOnProviders.passwordLoginAllowed });
  const roleAssignments = createRoleAssignmentsService(db, clock);
  const people = createPeopleService(db, clock, config, accessEnders, personArrivals);
  const singleSignOnLogin = createSingleSignOnLogin(db, clock, singleSignOnProviders, {
    auth,
    roleAssignments,
    publicUrl: config.publicUrl ?? null,
  });
  return {
    auth,
    // Single sign-on with OpenID Connect (issue #18, ADR 0036).
    singleSignOn: {
      login: singleSignOnLogin,
      settings: createSingleSignOnSettingsService(db, clock, singleSignOnProviders, singleSignOnLogin.redirectUri),
    },
    passwords: createPasswordsService(db, clock, throttle, mailOutbox),
    secondFactor: createSecondFactorService(db, clock, throttle),
    municipalities: createMunicipalitiesService(db, clock, {
      municipalityCreated: async (transaction, actor, municipalityId, now) => {
        await startWithDefaultPack(transaction, municipalityId, now);
        await startWithDefaultDocuments(
          transaction,
          clock,
          actor,
          municipalityId,
          await documentPorts.policyParameters(transaction, municipalityId),
        );
      },
    }),
    departments: createDepartmentsService(db, clock),
    people,
    // Provisioning from the directory (SCIM 2.0, ADR 0038): people written through the people service's provisioning path.
    provisioning: {
      tokens: createProvisioningTokensService(db, clock, config.publicUrl ?? null),
      users: createScimUsersService(db, clock, people.provisioning),
    },
    loginInvitations: createLoginInvitationsService(db, clock, accessEnders),
    roleAssignments,
    apiTokens: createApiTokensService(db, clock),
    auditEvents: createAuditEventsService(db, clock),
    backup: createBackupService(db, clock, documentStorage, config.version),
    backstage: createBackstageService(db, clock),
    systems,
    systemAssignments: createSystemAssignmentsService(db, clock, systems),
    systemDuties: createSystemDutiesService(db, clock, systems, accessRightDutyEvidence),
    integrations: createIntegrationsService(db, clock, config),
    systemsExport: createSystemsExport(db, clock),
    publicRegister: createPublicRegisterService(db, clock),
    compliance: createComplianceService(db, clock, config),
    nis2Report: createNis2ReportService(db, clock),
    policyPacks: createPolicyPacksService(db, clock),
    projects: createProjectsService(db, clock),
    projectActions: createProjectActionsService(db, clock),
    riskAnalyses: createRiskAnalysesService(db, clock, systems),
    changeNotices: createChangeNoticesService(db, clock, systems),
    reviews: createReviewsService(db, clock, systems),
    training: {
      courses: createCoursesService(db, clock),
      sessions: createTrainingSessionsService(db, clock),
      attendances: createAttendancesService(db, clock),
    },
    accessRightImport: createAccessRightImportService(db, clock),
    jobs: createJobsService(db, clock),
    tasks,
    // E-mail (issue #18, ADR 0035): the outbox, and the notices and digests composed from each person's to-do list.
    mail: { outbox: mailOutbox, notifications: createNotificationsService(db, clock, mailOutbox, tasks) },
    // The acknowledgement that completes a person's IT policy and guidelines activates their waiting rights, in its transaction.
    acknowledgements: createAcknowledgementsService(db, clock, [activationOnAcknowledgement(clock)]),
    acknowledgementCoverage: createAcknowledgementCoverageService(db, clock, config),
    acknowledgementRequests,
    accessRights: {
      levels: createAccessLevelsService(db, clock, systems),
      rights: accessRights,
      recertifications: createRecertificationsService(db, clock, systems),
      templates: createRoleTemplatesService(db, clock, acknowledgementRequester),
    },
    // Equipment (issue #15).
    assets: { models: createAssetModelsService(db, clock), assets: createAssetsService(db, clock) },
    assetImport: createAssetImportService(db, clock),
    imports: {
      imports: createImportsService(db, clock),
      register: createRegisterImportService(db, clock),
      people: createPeopleImportService(db, clock, personArrivals),
    },
    documents: createDocumentsService(db, clock, documentPorts, documentStorage),
    documentVersions,
    // Software, decisions, licences, suppliers and contracts (issue #15).
    software: {
      software: createSoftwareService(db, clock),
      decisions: createSoftwareDecisionsService(db, clock),
      licences: createLicencesService(db, clock),
      consumptionImport: createConsumptionImportService(db, clock),
    },
    supplierContracts: createSupplierContractsService(db, clock),
    // The incident log of the Cybersecurity Act (issue #19).
    incidents: createIncidentsService(db, clock),
    policyAuthoring: createPolicyAuthoringService(db, clock, documentVersions),
    documentAttachments: createDocumentAttachmentsService(db, clock, documentStorage, {
      maxBytes: config.documentAttachmentMaxBytes,
    }),
    // Records of processing, the DPO's reviews and functional mailboxes (issue #16).
    privacy: {
      activities: createProcessingActivitiesService(db, clock),
      reviews: createPrivacyReviewsService(db, clock),
      mailboxes: createMailboxesService(db, clock),
      article30: createArticle30Export(db, clock),
      subjectAccess: createSubjectAccessExport(db, clock),
      pseudonymisation: createPseudonymisationService(db, clock),
    },
  };
}

export type Services = ReturnType<typeof createServices>;
