import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPdf } from './document-test-files.ts';
import { ownPackFile } from './authorisation-matrix/policy-authoring-cases.ts';
import { systemActor } from '../src/access/actor.ts';
import { dataVersionOf } from '../src/platform/versioned-cache.ts';
import { stateOfDatabase } from './database-state.ts';
import { acknowledgementFactories } from './acknowledgement-factories.ts';
import { expectStatus, loginWithSession, send } from './http.ts';
import { projectFactories } from './project-factories.ts';
import { systemFactories } from './system-factories.ts';
import { createTestContext, factories, testPassword, type TestContext, type TestMunicipality } from './test-app.ts';

/**
 * Reads read (issue #11): a GET on every GET route of the route table, each with ids of real
 * records so that it answers 200, leaves every table as it was and the data version (the read
 * caches' key) where it was. The one write a request may do is session bookkeeping: the session's
 * last-seen time, for idle expiry, which is left out of the comparison.
 */
describe('reads do not write', () => {
  let context: TestContext;
  let tanum: TestMunicipality;
  const ids: Record<string, string> = {};

  const api = async (method: 'GET' | 'POST', url: string, body?: unknown) =>
    expectStatus(await send(context, method, url, { headers: tanum.admin.authorization, body }), method === 'POST' ? 201 : 200);
  const firstId = async (url: string) => {
    const listed = await api('GET', url);
    expect(listed.items.length, url).toBeGreaterThan(0);
    return listed.items[0].id as string;
  };

  beforeAll(async () => {
    context = await createTestContext();
    const make = factories(context);
    tanum = await make.municipality('Tanum');
    const care = await make.department(tanum, 'Omsorg');
    const person = await make.person(tanum, care.id);
    const register = systemFactories(context);
    const system = await register.system(tanum, care.id, { name: 'Procapita' });
    const neighbour = await register.system(tanum, care.id, { name: 'Combine' });
    // A manager change: an automatic change notice, written with the change itself.
    const assignment = await register.appoint(tanum, system.id, person.id, 'manager');
    const integration = await api('POST', '/api/v1/integrations', {
      providerSystemId: neighbour.id,
      consumerSystemId: system.id,
      method: 'api',
      frequency: 'daily',
    });
    const lifecycle = projectFactories(context);
    const project = await lifecycle.project(tanum, system.id, care.id);
    const analysis = await lifecycle.riskAnalysis(tanum, system.id);
    const review = await api('POST', '/api/v1/reviews', {
      systemId: system.id,
      plannedOn: '2026-11-20',
      participants: [{ personId: person.id, name: 'Systemansvarig' }],
    });
    const course = await api('POST', '/api/v1/courses', { title: 'Procapita för nya användare', topic: 'system', systemId: system.id });
    const trainingSession = await api('POST', '/api/v1/training-sessions', {
      courseId: course.id,
      startsAt: '2026-11-28T08:00:00Z',
      endsAt: '2026-11-28T10:00:00Z',
      trainerPersonId: person.id,
    });
    await api('POST', `/api/v1/training-sessions/${trainingSession.id}/attendances`, { personIds: [person.id] });
    const instruction = await api('POST', '/api/v1/documents', { kind: 'operations_instruction', title: 'Driftinstruktion' });
    const draft = await api('POST', `/api/v1/documents/${instruction.id}/versions`, { text: 'Säkerhetskopiering varje natt.' });
    // A version with a file, so the download is read too.
    expectStatus(
      await send(context, 'PUT', `/api/v1/documents/${instruction.id}/versions/${draft.id}/attachment?fileName=drift.pdf`, {
        headers: { ...tanum.admin.authorization, 'content-type': 'application/pdf' },
        body: testPdf(),
        ifMatch: draft.version,
      }),
      200,
    );
    // The public register is off until the administrator turns it on (issue #12, finding 7).
    expectStatus(
      await send(context, 'PUT', '/api/v1/public-register-settings', {
        headers: tanum.admin.authorization,
        body: { enabled: true, fields: ['purpose'] },
        ifMatch: 1,
      }),
      200,
    );
    // A document asking acknowledgement, adopted (the requests are made), and its next draft.
    const documents = acknowledgementFactories(context);
    const document = await documents.document(tanum);
    await documents.adopt(tanum, document.id);
    const draftVersion = await documents.draftVersion(tanum, document.id);
    // Access rights (issue #14): granted by a steward of the system, so the administrator deputises for it.
    await register.appoint(tanum, system.id, tanum.admin.personId, 'deputy');
    const accessLevel = await api('POST', `/api/v1/systems/${system.id}/access-levels`, { name: 'Läsare' });
    const accessRight = (await api('POST', '/api/v1/access-rights', { personId: person.id, systemId: system.id, levelId: accessLevel.id }))
      .right;
    const recertification = await api('POST', '/api/v1/recertifications', {
      title: 'Procapita 2026',
      scope: 'system',
      systemId: system.id,
      dueDate: '2026-12-31',
    });
    const roleTemplate = await api('POST', '/api/v1/role-templates', { name: 'Undersköterska', levelIds: [accessLevel.id] });
    // Software, decisions, licences, suppliers and contracts (issue #15).
    const software = await api('POST', '/api/v1/software', { product: 'Egen app', origin: 'self_developed', systemIds: [system.id] });
    const softwareDecision = await api('POST', '/api/v1/software-decisions', { softwareId: software.id, purpose: 'Bokning' });
    const supplier = await api('POST', '/api/v1/suppliers', { name: 'Leverantören AB', organisationNumber: '556012-1542' });
    const contract = await api('POST', '/api/v1/contracts', {
      title: 'Drift',
      supplierId: supplier.id,
      startsOn: '2026-01-01',
      endsOn: '2027-12-31',
      noticePeriod: { amount: 3, unit: 'months' },
      systemIds: [system.id],
    });
    const licence = await api('POST', '/api/v1/licences', {
      softwareId: software.id,
      metric: 'per_user',
      quantity: 10,
      contractId: contract.id,
    });
    await api('POST', '/api/v1/licence-consumption', { softwareId: software.id, kind: 'assignment', count: 4 });
    // Equipment (issue #15): kept by the IT unit, which the administrator is not; the system actor adds them.
    const equipment = systemActor('test', tanum.id);
    // An incident (issue #19): recorded by the IT unit, which the administrator is not.
    const incident = await context.services.incidents.createIncident(equipment, {
      title: 'Intrång',
      detectedAt: '2026-11-27T09:00:00.000Z',
      systemIds: [system.id],
      significant: true,
    });
    const assetModel = await context.services.assets.models.createAssetModel(equipment, {
      kind: 'pc',
      maker: 'Dell',
      model: 'OptiPlex 7010',
    });
    const asset = await context.services.assets.assets.createAsset(equipment, {
      kind: 'pc',
      modelId: assetModel.id,
      inventoryNumber: 'INV-1',
      systemIds: [system.id],
    });
    const processingActivity = await api('POST', '/api/v1/processing-activities', {
      name: 'Social dokumentation',
      purpose: 'Dokumentation av insatser',
      controllerDepartmentId: care.id,
      systemIds: [system.id],
    });
    const mailbox = await api('POST', '/api/v1/mailboxes', { address: 'omsorg@tanum.se', departmentId: care.id });
    // A column mapping saved for the register import (issue #17).
    const importMapping = await api('POST', '/api/v1/import-mappings', {
      kind: 'register',
      name: 'SharePoint-listan',
      mapping: { Systemnamn: 'name' },
    });
    // A policy pack draft (issue #21), imported from a pack file.
    const packDraft = await api('POST', '/api/v1/policy-packs/import', ownPackFile());
    Object.assign(ids, {
      packDraft: packDraft.id,
      assetModel: assetModel.id,
      asset: asset.id,
      processingActivity: processingActivity.id,
      mailbox: mailbox.id,
      importMapping: importMapping.id,
      software: software.id,
      softwareDecision: softwareDecision.id,
      supplier: supplier.id,
      contract: contract.id,
      incident: incident.id,
      licence: licence.id,
      roleTemplate: roleTemplate.id,
      recertification: recertification.id,
      accessLevel: accessLevel.id,
      accessRight: accessRight.id,
      document: document.id,
      draftVersion,
      acknowledgement: await firstId('/api/v1/acknowledgements'),
      department: care.id,
      person: person.id,
      system: system.id,
      assignment: assignment.id,
      integration: integration.id,
      project: project.id,
      analysis: analysis.id,
      review: review.id,
      course: course.id,
      trainingSession: trainingSession.id,
      instruction: instruction.id,
      instructionVersion: draft.id,
      municipality: tanum.id,
      apiToken: await firstId('/api/v1/api-tokens'),
      auditEvent: await firstId('/api/v1/audit-events'),
      changeNotice: await firstId('/api/v1/change-notices'),
      policyPack: await firstId('/api/v1/policy-packs'),
      roleAssignment: await firstId('/api/v1/role-assignments'),
    });
  }, 120_000);
  afterAll(() => context.close());

  /** The address of each GET route, with real records' ids and the query a route requires. */
  function addressOf(url: string): string | undefined {
    const byRoute: Record<string, string> = {
      '/api/v1/acknowledgements/:id': `/api/v1/acknowledgements/${ids.acknowledgement}`,
      '/api/v1/acknowledgements/coverage/:documentId': `/api/v1/acknowledgements/coverage/${ids.document}`,
      '/api/v1/acknowledgements/preview/:versionId': `/api/v1/acknowledgements/preview/${ids.draftVersion}`,
      '/api/v1/access-rights/:id': `/api/v1/access-rights/${ids.accessRight}`,
      '/api/v1/asset-models/:id': `/api/v1/asset-models/${ids.assetModel}`,
      '/api/v1/assets/:id': `/api/v1/assets/${ids.asset}`,
      '/api/v1/assets/:id/network-periods': `/api/v1/assets/${ids.asset}/network-periods`,
      '/api/v1/assets/:id/history': `/api/v1/assets/${ids.asset}/history`,
      '/api/v1/role-templates/:id': `/api/v1/role-templates/${ids.roleTemplate}`,
      '/api/v1/processing-activities/:id': `/api/v1/processing-activities/${ids.processingActivity}`,
      '/api/v1/processing-activities/:id/reviews': `/api/v1/processing-activities/${ids.processingActivity}/reviews`,
      '/api/v1/mailboxes/:id': `/api/v1/mailboxes/${ids.mailbox}`,
      '/api/v1/import-mappings/:id': `/api/v1/import-mappings/${ids.importMapping}`,
      '/api/v1/software/:id': `/api/v1/software/${ids.software}`,
      '/api/v1/software-decisions/:id': `/api/v1/software-decisions/${ids.softwareDecision}`,
      '/api/v1/licences/:id': `/api/v1/licences/${ids.licence}`,
      '/api/v1/suppliers/:id': `/api/v1/suppliers/${ids.supplier}`,
      '/api/v1/contracts/:id': `/api/v1/contracts/${ids.contract}`,
      '/api/v1/incidents/:id': `/api/v1/incidents/${ids.incident}`,
      '/api/v1/recertifications/:id': `/api/v1/recertifications/${ids.recertification}`,
      '/api/v1/recertifications/:id/items': `/api/v1/recertifications/${ids.recertification}/items`,
      '/api/v1/systems/:id/access-gate': `/api/v1/systems/${ids.system}/access-gate?personId=${ids.person}`,
      '/api/v1/systems/:id/access-levels': `/api/v1/systems/${ids.system}/access-levels`,
      '/api/v1/systems/:id/access-levels/:levelId': `/api/v1/systems/${ids.system}/access-levels/${ids.accessLevel}`,
      '/api/v1/api-tokens/:id': `/api/v1/api-tokens/${ids.apiToken}`,
      '/api/v1/audit-events/:id': `/api/v1/audit-events/${ids.auditEvent}`,
      '/api/v1/change-notices/:id': `/api/v1/change-notices/${ids.changeNotice}`,
      '/api/v1/departments/:id': `/api/v1/departments/${ids.department}`,
      '/api/v1/documents/:id': `/api/v1/documents/${ids.instruction}`,
      '/api/v1/documents/:id/versions': `/api/v1/documents/${ids.instruction}/versions`,
      '/api/v1/documents/:id/versions/:versionId': `/api/v1/documents/${ids.instruction}/versions/${ids.instructionVersion}`,
      '/api/v1/documents/:id/versions/:versionId/attachment': `/api/v1/documents/${ids.instruction}/versions/${ids.instructionVersion}/attachment`,
      '/api/v1/documents/:id/versions/:versionId/diff/:otherVersionId': `/api/v1/documents/${ids.instruction}/versions/${ids.instructionVersion}/diff/${ids.instructionVersion}`,
      '/api/v1/integrations/:id': `/api/v1/integrations/${ids.integration}`,
      '/api/v1/municipalities/:id': `/api/v1/municipalities/${ids.municipality}`,
      '/api/v1/people/:id': `/api/v1/people/${ids.person}`,
      '/api/v1/people/:id/login': `/api/v1/people/${tanum.admin.personId}/login`,
      '/api/v1/people/:id/access-gate': `/api/v1/people/${ids.person}/access-gate`,
      '/api/v1/people/:id/training': `/api/v1/people/${ids.person}/training`,
      '/api/v1/people/:id/training/due': `/api/v1/people/${ids.person}/training/due`,
      '/api/v1/courses/:id': `/api/v1/courses/${ids.course}`,
      '/api/v1/training-sessions/:id': `/api/v1/training-sessions/${ids.trainingSession}`,
      '/api/v1/training-sessions/:id/attendances': `/api/v1/training-sessions/${ids.trainingSession}/attendances`,
      '/api/v1/policy-packs/:id': `/api/v1/policy-packs/${ids.policyPack}`,
      '/api/v1/policy-packs/:id/export': `/api/v1/policy-packs/${ids.policyPack}/export`,
      '/api/v1/policy-pack-drafts/:id': `/api/v1/policy-pack-drafts/${ids.packDraft}`,
      '/api/v1/policy-pack-drafts/:id/diff': `/api/v1/policy-pack-drafts/${ids.packDraft}/diff`,
      '/api/v1/projects/:id': `/api/v1/projects/${ids.project}`,
      '/api/v1/projects/:id/budget/revisions': `/api/v1/projects/${ids.project}/budget/revisions`,
      '/api/v1/projects/:id/checkpoints': `/api/v1/projects/${ids.project}/checkpoints`,
      '/api/v1/reviews/:id': `/api/v1/reviews/${ids.review}`,
      '/api/v1/role-assignments/:id': `/api/v1/role-assignments/${ids.roleAssignment}`,
      '/api/v1/systems/:id': `/api/v1/systems/${ids.system}`,
      '/api/v1/systems/:id/assignments': `/api/v1/systems/${ids.system}/assignments`,
      '/api/v1/systems/:id/classifications': `/api/v1/systems/${ids.system}/classifications`,
      '/api/v1/systems/:id/duties': `/api/v1/systems/${ids.system}/duties`,
      '/api/v1/systems/:id/graph': `/api/v1/systems/${ids.system}/graph`,
      '/api/v1/systems/:id/history': `/api/v1/systems/${ids.system}/history`,
      '/api/v1/systems/:id/risk-analyses': `/api/v1/systems/${ids.system}/risk-analyses`,
      '/api/v1/systems/:id/risk-analyses/:analysisId': `/api/v1/systems/${ids.system}/risk-analyses/${ids.analysis}`,
      '/public/v1/systems': `/public/v1/systems?municipality=${tanum.code}`,
      '/api/v1/auth/oidc/options': `/api/v1/auth/oidc/options?municipality=${tanum.code}`,
    };
    return byRoute[url] ?? (url.includes(':') ? undefined : url);
  }

  it('answers every GET route with 200 and changes no table and no data version (a browser session, as administrator)', async () => {
    const session = await loginWithSession(context, tanum.admin.email, testPassword);
    // Past the session's bookkeeping interval: the one write a request may do happens, and is left out.
    context.clock.advanceMinutes(5);
    const before = { database: await stateOfDatabase(context), version: await dataVersionOf(context.database.db, tanum.id) };
    expect(Object.keys(before.database)).toEqual(
      expect.arrayContaining(['systems', 'change_notices', 'compliance_snapshots', 'policy_packs', 'audit_events']),
    );

    // Single sign-on's start and callback are a login's browser navigations, not reads: they start and
    // open a session as POST /auth/login does (modules/single-sign-on/single-sign-on.test.ts).
    const logins = new Set(['/api/v1/auth/oidc/login', '/api/v1/auth/oidc/callback']);
    const getRoutes = context.routes.filter(
      (route) => route.method === 'GET' && (route.url.startsWith('/api/') || route.url.startsWith('/public/')) && !logins.has(route.url),
    );
    const unmapped = getRoutes.filter((route) => addressOf(route.url) === undefined).map((route) => route.url);
    expect(unmapped, 'a GET route without a real record to read: add it to addressOf').toEqual([]);
    const answers: string[] = [];
    for (const route of getRoutes) {
      const url = addressOf(route.url)!;
      const response = await send(context, 'GET', url, { headers: session.cookieHeader });
      answers.push(`${url} ${response.statusCode}`);
    }
    expect(answers.filter((answer) => !answer.endsWith(' 200'))).toEqual([]);
    expect(getRoutes.length).toBeGreaterThanOrEqual(40);

    expect(await stateOfDatabase(context)).toEqual(before.database);
    expect(await dataVersionOf(context.database.db, tanum.id)).toBe(before.version);
    // The bookkeeping did happen: the comparison above left out something that moved.
    const [stored] = await context.database.db.selectFrom('sessions').select('last_seen_at').execute();
    expect(stored!.last_seen_at).toBe(context.clock.now().toISOString());
  });
  it('answers every SCIM GET route with 200 and changes no table (the provisioning token; its last use is bookkeeping)', async () => {
    const created = expectStatus(await send(context, 'POST', '/api/v1/provisioning/token', { headers: tanum.admin.authorization }), 201);
    const bearer = { authorization: `Bearer ${created.token}` };
    const user = expectStatus(
      await send(context, 'POST', '/scim/v2/Users', {
        headers: bearer,
        body: { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: 'scim.las@tanum.se', externalId: 'las-1' },
      }),
      201,
    );
    const before = { database: await stateOfDatabase(context), version: await dataVersionOf(context.database.db, tanum.id) };
    const scimAddresses: Record<string, string> = {
      '/scim/v2/Users': `/scim/v2/Users?filter=${encodeURIComponent('userName eq "scim.las@tanum.se"')}`,
      '/scim/v2/Users/:id': `/scim/v2/Users/${user.id}`,
    };
    const scimRoutes = context.routes.filter((route) => route.method === 'GET' && route.url.startsWith('/scim/'));
    expect(scimRoutes.map((route) => route.url).filter((url) => !(url in scimAddresses))).toEqual([]);
    for (const route of scimRoutes) {
      const response = await send(context, 'GET', scimAddresses[route.url]!, { headers: bearer });
      expect(response.statusCode, `${route.url} ${response.body}`).toBe(200);
    }
    expect(await stateOfDatabase(context)).toEqual(before.database);
    expect(await dataVersionOf(context.database.db, tanum.id)).toBe(before.version);
  });
});
