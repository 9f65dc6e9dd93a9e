import type { Config } from './config.ts';
import { createApiTokensService } from './modules/api-tokens/api-tokens.service.ts';
import { createAuditEventsService } from './modules/audit-events/audit-events.service.ts';
import { createAuthService } from './modules/auth/auth.service.ts';
import { createDepartmentsService } from './modules/organisation/departments.service.ts';
import { createMunicipalitiesService } from './modules/organisation/municipalities.service.ts';
import { createPeopleService } from './modules/organisation/people.service.ts';
import { createRoleAssignmentsService } from './modules/organisation/role-assignments.service.ts';
import { createIntegrationsService } from './modules/integrations/integrations.service.ts';
import { createPublicRegisterService } from './modules/public-register/public-register.service.ts';
import { createSystemAssignmentsService } from './modules/systems/system-assignments.service.ts';
import { createSystemsExport } from './modules/systems/systems-export.ts';
import { createSystemsService } from './modules/systems/systems.service.ts';
import { createComplianceService } from './modules/compliance/compliance.service.ts';
import { createPolicyPacksService } from './modules/compliance/policy-packs.service.ts';
import { createProjectActionsService } from './modules/projects/project-actions.service.ts';
import { createProjectsService } from './modules/projects/projects.service.ts';
import { createSecurityGuidelinesService } from './modules/projects/security-guidelines.service.ts';
import { createRiskAnalysesService } from './modules/risks/risk-analyses.service.ts';
import { createChangeNoticesService } from './modules/change-notices/change-notices.service.ts';
import { createReviewsService } from './modules/reviews/reviews.service.ts';
import { createJobsService } from './modules/jobs/jobs.service.ts';
import type { Clock } from './platform/clock.ts';
import type { DatabaseHandle } from './platform/database.ts';

/** Wires every service to the database and clock. The HTTP app and the CLI both use this. */
export function createServices(
  db: DatabaseHandle,
  clock: Clock,
  config: Pick<
    Config,
    'sessionIdleMinutes' | 'sessionMaxHours' | 'loginMaxFailures' | 'loginLockMinutes' | 'loginAccountAttemptsPerHour' | 'readCache'
  >,
) {
  const systems = createSystemsService(db, clock, config);
  return {
    auth: createAuthService(db, clock, config),
    municipalities: createMunicipalitiesService(db, clock),
    departments: createDepartmentsService(db, clock),
    people: createPeopleService(db, clock, config),
    roleAssignments: createRoleAssignmentsService(db, clock),
    apiTokens: createApiTokensService(db, clock),
    auditEvents: createAuditEventsService(db),
    systems,
    systemAssignments: createSystemAssignmentsService(db, clock, systems),
    integrations: createIntegrationsService(db, clock, systems, config),
    systemsExport: createSystemsExport(db, clock),
    publicRegister: createPublicRegisterService(db, clock),
    compliance: createComplianceService(db, clock, config),
    policyPacks: createPolicyPacksService(db, clock),
    projects: createProjectsService(db, clock),
    projectActions: createProjectActionsService(db, clock),
    securityGuidelines: createSecurityGuidelinesService(db, clock),
    riskAnalyses: createRiskAnalysesService(db, clock, systems),
    changeNotices: createChangeNoticesService(db, clock, systems),
    reviews: createReviewsService(db, clock, systems),
    jobs: createJobsService(db, clock),
  };
}

export type Services = ReturnType<typeof createServices>;
