import fs from 'node:fs';
import path from 'node:path';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifySchema } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { loadAuditKey, type Config } from './config.ts';
import { installAuditKey } from './platform/audit-key.ts';
import { sealUnkeyedChains } from './platform/audit-seal.ts';
import { registerApiTokenRoutes } from './modules/api-tokens/index.ts';
import { registerAuditEventRoutes } from './modules/audit-events/index.ts';
import { registerBackupRoutes } from './modules/backup/index.ts';
import { registerAuthRoutes, registerPasswordRoutes, registerSecondFactorRoutes, secondFactorRequired } from './modules/auth/index.ts';
import { registerLoginInvitationRoutes } from './modules/logins/index.ts';
import {
  registerDepartmentRoutes,
  registerMunicipalityRoutes,
  registerPeopleRoutes,
  registerRoleAssignmentRoutes,
} from './modules/organisation/index.ts';
import { registerIntegrationRoutes } from './modules/integrations/index.ts';
import { registerPublicRegisterRoutes } from './modules/public-register/index.ts';
import { registerSystemRoutes } from './modules/systems/index.ts';
import { registerComplianceRoutes, registerNis2ReportRoutes, registerPolicyPackRoutes } from './modules/compliance/index.ts';
import { registerProjectRoutes } from './modules/projects/index.ts';
import { registerRiskAnalysisRoutes } from './modules/risks/index.ts';
import { registerChangeNoticeRoutes } from './modules/change-notices/index.ts';
import { registerReviewRoutes } from './modules/reviews/index.ts';
import { registerAccessRightImportRoutes, registerAccessRightRoutes } from './modules/access-rights/index.ts';
import { registerAssetImportRoutes, registerAssetRoutes } from './modules/assets/index.ts';
import { registerImportRoutes } from './modules/imports/index.ts';
import { registerPrivacyRoutes } from './modules/privacy/index.ts';
import { registerTaskRoutes } from './modules/tasks/index.ts';
import { registerTrainingRoutes } from './modules/training/index.ts';
import { registerSoftwareRoutes } from './modules/software/index.ts';
import { registerSupplierContractRoutes } from './modules/supplier-contracts/index.ts';
import { registerIncidentRoutes } from './modules/incidents/index.ts';
import { registerPolicyAuthoringRoutes } from './modules/policy-authoring/index.ts';
import { registerAcknowledgementRoutes } from './modules/acknowledgements/index.ts';
import { registerDocumentRoutes } from './modules/documents/index.ts';
import { createScheduledJobRunner, registerJobRoutes } from './modules/jobs/index.ts';
import { systemClock, type Clock } from './platform/clock.ts';
import type { DatabaseConnection } from './platform/database.ts';
import { AppError } from './platform/errors.ts';
import type { ApiApp } from './platform/http/api-app.ts';
import { registerAuthentication } from './platform/http/authentication.ts';
import { problemFor, registerErrorHandling, sendProblem } from './platform/http/error-handler.ts';
import { openApiOptions } from './platform/http/openapi.ts';
import { registerInputHygiene } from './platform/http/input-hygiene.ts';
import { createResponseSerializerCompiler } from './platform/http/response-serializer.ts';
import { pingDatabase } from './platform/references.ts';
import type { RoutePermission } from './platform/http/route-permissions.ts';
import { createServices } from './services.ts';
import { registerMailRoutes } from './modules/mail/index.ts';
import { registerSingleSignOnRoutes } from './modules/single-sign-on/index.ts';
import { registerProvisioningRoutes, registerScimRoutes } from './modules/provisioning/index.ts';

export interface RouteDescription {
  method: string;
  url: string;
  permission: RoutePermission | 'undeclared';
  /** The route's contract (params, query, body, responses), for the test that holds the web's route map to it. */
  schema: FastifySchema | undefined;
  /** The route's handler, so the route-permission test can see which use case it runs. */
  handler: (this: unknown, request: never, reply: never) => unknown;
}

export interface BuildAppOptions {
  config: Config;
  database: DatabaseConnection;
  clock?: Clock;
  /** Request logging; off in tests. */
  logger?: boolean;
}

/** Builds the whole application without listening, so tests and the CLI can use it in-process. */
export async function buildApp({ config, database, clock = systemClock, logger = true }: BuildAppOptions) {
  // The audit key first: every write of the application records an event on a keyed chain (ADR 0009).
  installAuditKey(loadAuditKey(config.auditKeyFile));
  await sealUnkeyedChains(database.db, clock);
  const app = Fastify({
    logger: logger ? { level: config.logLevel } : false,
    trustProxy: fastifyTrustProxy(config.trustProxy),
    // No contract needs more; a larger body is refused (413) before it is parsed.
    bodyLimit: 1024 * 1024,
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>() as ApiApp;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(
    createResponseSerializerCompiler({
      onMismatch: (route) =>
        app.log.error(`the compiled response serializer of ${route} differed from the contract's; zod serialises it from now on`),
    }),
  );

  const routes: RouteDescription[] = [];
  app.addHook('onRoute', (route) => {
    // SCIM (ADR 0038) is outside /api/v1 because directories expect it at /scim/v2, and is listed with the API.
    if (!route.url.startsWith('/api/v1') && !route.url.startsWith('/public/v1') && !route.url.startsWith('/scim/v2')) return;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      routes.push({
        method,
        url: route.url,
        permission: route.config?.permission ?? 'undeclared',
        schema: route.schema,
        handler: route.handler as RouteDescription['handler'],
      });
    }
  });

  const services = createServices(database.db, clock, config);

  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine writes its CSS variables into a <style> element at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        // Only behind TLS; on plain http (a test machine, localhost) upgrading would break every request.
        upgradeInsecureRequests: config.cookieSecure ? [] : null,
      },
    },
  });
  await app.register(fastifyCompress, { global: true, threshold: 1024 });
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, openApiOptions(config.version, config.cookieSecure));
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  registerErrorHandling(app);
  registerAuthentication(app, services.auth, config.cookieSecure);

  // Every non-public API route needs a caller before its input is even looked at: 401 comes first.
  app.addHook('preValidation', async (request) => {
    const permission = request.routeOptions.config?.permission;
    if (request.routeOptions.config?.ownAuthentication) return;
    if (permission && permission !== 'public' && !request.actor) {
      throw new AppError('unauthenticated', 'Log in, or send an API token as Authorization: Bearer.');
    }
    // A session held to a second factor it has not set up may only set it up (ADR 0014).
    if (permission && permission !== 'public' && request.actor?.mustEnrolSecondFactor && !request.routeOptions.config?.beforeSecondFactor) {
      throw secondFactorRequired();
    }
  });
  registerInputHygiene(app);

  registerAuthRoutes(app, services.auth, {
    cookieSecure: config.cookieSecure,
    sessionMaxHours: config.sessionMaxHours,
    loginRateLimitPerMinute: config.loginRateLimitPerMinute,
    dialect: database.dialect,
    version: config.version,
    checkDatabase: async () => {
      await pingDatabase(database.db);
    },
  });
  registerPasswordRoutes(app, services.passwords, { loginRateLimitPerMinute: config.loginRateLimitPerMinute });
  registerSingleSignOnRoutes(app, services.singleSignOn, {
    cookieSecure: config.cookieSecure,
    sessionMaxHours: config.sessionMaxHours,
    loginRateLimitPerMinute: config.loginRateLimitPerMinute,
  });
  registerSecondFactorRoutes(app, services.secondFactor);
  registerMunicipalityRoutes(app, services.municipalities);
  registerDepartmentRoutes(app, services.departments);
  registerPeopleRoutes(app, services.people);
  registerLoginInvitationRoutes(app, services.loginInvitations, { rateLimitPerMinute: config.loginRateLimitPerMinute });
  registerRoleAssignmentRoutes(app, services.roleAssignments);
  registerApiTokenRoutes(app, services.apiTokens);
  registerProvisioningRoutes(app, services.provisioning.tokens);
  registerScimRoutes(app, services.provisioning, { publicUrl: config.publicUrl ?? null });
  registerAuditEventRoutes(app, services.auditEvents);
  registerBackupRoutes(app, services.backup);
  registerSystemRoutes(app, {
    systems: services.systems,
    assignments: services.systemAssignments,
    duties: services.systemDuties,
    integrations: services.integrations,
    exporter: services.systemsExport,
    catalog: services.backstage,
  });
  registerIntegrationRoutes(app, services.integrations);
  registerPublicRegisterRoutes(app, services.publicRegister);
  registerComplianceRoutes(app, services.compliance);
  registerNis2ReportRoutes(app, services.nis2Report);
  registerPolicyPackRoutes(app, services.policyPacks);
  registerProjectRoutes(app, { projects: services.projects, actions: services.projectActions });
  registerRiskAnalysisRoutes(app, services.riskAnalyses);
  registerChangeNoticeRoutes(app, services.changeNotices);
  registerReviewRoutes(app, services.reviews);
  registerAccessRightImportRoutes(app, services.accessRightImport);
  registerTaskRoutes(app, services.tasks);
  registerTrainingRoutes(app, services.training);
  registerSoftwareRoutes(app, services.software);
  registerSupplierContractRoutes(app, services.supplierContracts);
  registerIncidentRoutes(app, services.incidents);
  registerPolicyAuthoringRoutes(app, services.policyAuthoring, { documentMaxBytes: config.documentAttachmentMaxBytes });
  registerAcknowledgementRoutes(app, { acknowledgements: services.acknowledgements, coverage: services.acknowledgementCoverage });
  registerAccessRightRoutes(app, services.accessRights);
  registerAssetRoutes(app, services.assets);
  registerAssetImportRoutes(app, services.assetImport);
  registerImportRoutes(app, services.imports);
  registerPrivacyRoutes(app, services.privacy);
  registerMailRoutes(app, services.mail);
  registerDocumentRoutes(
    app,
    { documents: services.documents, versions: services.documentVersions, attachments: services.documentAttachments },
    { attachmentMaxBytes: config.documentAttachmentMaxBytes },
  );

  // Scheduled jobs (ADR 0006): every instance may run them; the job table makes each due run happen once.
  const jobRunner = createScheduledJobRunner(database.db, clock, services, config, app.log);
  registerJobRoutes(app, services.jobs, jobRunner.jobs);
  if (config.jobsEnabled) app.addHook('onReady', async () => jobRunner.start());
  app.addHook('onClose', async () => {
    await jobRunner.stop();
    services.mail.outbox.close();
  });

  app.get('/api/openapi.json', { schema: { hide: true }, config: { permission: 'public' } }, () => app.swagger());

  registerWebApplication(app, config.webDistDirectory);
  return { app, services, routes, jobRunner };
}

/**
 * TRUST_PROXY for Fastify. A hop count becomes proxy-addr's function "the first N addresses from the
 * socket are proxies" (Fastify's own number option trusts nothing), so with one hop the client is
 * the right-most X-Forwarded-For entry, the one the proxy wrote, and entries to its left are ignored.
 */
function fastifyTrustProxy(trustProxy: Config['trustProxy']) {
  if (trustProxy === false) return false;
  if ('hops' in trustProxy) {
    const { hops } = trustProxy;
    return hops === 0 ? false : (_address: string, hop: number) => hop < hops;
  }
  return trustProxy.addresses;
}

/** Serves the built single-page application; unknown non-API paths get index.html (client routing). */
function registerWebApplication(app: ApiApp, distDirectory: string): void {
  const indexFile = path.join(distDirectory, 'index.html');
  const hasWeb = fs.existsSync(indexFile);
  if (hasWeb) {
    app.register(fastifyStatic, {
      root: distDirectory,
      wildcard: false,
      index: false,
      // The build writes .br and .gz copies (packages/web/scripts/precompress.mjs): no compressing per request.
      preCompressed: true,
      setHeaders: (reply, filePath) => {
        // Vite puts a content hash in every asset name, so they never change: cache for a year.
        if (filePath.includes(`${path.sep}assets${path.sep}`)) reply.header('Cache-Control', 'public, max-age=31536000, immutable');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const isApi = request.url.startsWith('/api/') || request.url.startsWith('/public/v1');
    if (!isApi && hasWeb && request.method === 'GET') {
      return reply.header('Cache-Control', 'no-cache').type('text/html').send(fs.createReadStream(indexFile));
    }
    return sendProblem(reply, problemFor('not_found', `No route ${request.method} ${request.url.split('?')[0]}.`));
  });
}

export type App = Awaited<ReturnType<typeof buildApp>>;
