import type { IncidentCreate } from '@forvalta/contracts';
import { randomUUID } from 'node:crypto';
import { systemActor } from '../../src/access/actor.ts';
import { withTransaction } from '../../src/platform/database.ts';
import { acknowledgementFactories } from '../acknowledgement-factories.ts';
import { expectStatus, send } from '../http.ts';
import { completeBudget, projectFactories } from '../project-factories.ts';
import { systemFactories } from '../system-factories.ts';
import { documentRecords } from './document-records.ts';
import { privacyRecords } from './privacy-records.ts';
import { factories, type TestContext, type TestMunicipality } from '../test-app.ts';

/** Where a matrix cell's records live: a municipality and one of its departments. */
export interface Place {
  municipality: TestMunicipality;
  departmentId: string;
}

export interface Versioned {
  id: string;
  version: number;
}

type ProjectState = 'draft' | 'in_preparation' | 'submitted' | 'approved' | 'rejected';

/**
 * Fresh records of every kind a route takes, made in a place by that municipality's first
 * administrator (never by one of the matrix's role users, so separation of duties never decides a
 * cell). Each call makes a new record: a cell whose write succeeds changes nothing another cell uses.
 */
export function recordFactories(context: TestContext) {
  const make = factories(context);
  const register = systemFactories(context);
  const lifecycle = projectFactories(context);
  const policyDocuments = acknowledgementFactories(context);
  const as = (place: Place) => place.municipality.admin.authorization;
  const call = async (place: Place, method: 'POST' | 'PUT', url: string, body: unknown, status = 201, ifMatch?: number) =>
    expectStatus(await send(context, method, url, { headers: as(place), body, ...(ifMatch === undefined ? {} : { ifMatch }) }), status);

  const records = {
    documents: documentRecords(context),
    privacy: privacyRecords(context),
    /** A record made through the API by the place's first administrator (for cases that need no more). */
    created: (place: Place, url: string, body: unknown): Promise<Versioned> => call(place, 'POST', url, body),
    /** A setting of the place's municipality saved by its first administrator (PUT at the version it has). */
    async settingSaved(place: Place, url: string, body: unknown): Promise<Versioned> {
      return call(place, 'PUT', url, body, 200, await records.settingVersion(place, url));
    },
    department: (place: Place): Promise<Versioned> =>
      make.department(place.municipality, `Avdelning ${randomUUID().slice(0, 6)}`, place.departmentId),
    person: (place: Place): Promise<Versioned> => make.person(place.municipality, place.departmentId),
    /** A person who can sign in to the place's municipality (an employee). */
    async personWithLogin(place: Place): Promise<Versioned> {
      const user = await make.user(place.municipality, 'employee');
      const person = await context.services.people.getPerson(
        (await context.services.auth.resolveApiToken(place.municipality.admin.token))!,
        user.personId,
      );
      return { id: person.id, version: person.version };
    },
    system: (place: Place): Promise<Versioned> => register.system(place.municipality, place.departmentId),
    /** An incident (issue #19): the administrator does not record incidents (the IT unit does), so the system actor makes it. */
    incident: (place: Place, body: IncidentCreate): Promise<Versioned> =>
      context.services.incidents.createIncident(systemActor('test', place.municipality.id), body),
    async assignment(place: Place): Promise<{ systemId: string; id: string; version: number }> {
      const system = await records.system(place);
      const person = await records.person(place);
      const assignment = await register.appoint(place.municipality, system.id, person.id, 'manager');
      return { systemId: system.id, id: assignment.id, version: assignment.version };
    },
    async integration(place: Place): Promise<Versioned> {
      const [provider, consumer] = [await records.system(place), await records.system(place)];
      return call(place, 'POST', '/api/v1/integrations', {
        providerSystemId: provider.id,
        consumerSystemId: consumer.id,
        method: 'api',
        frequency: 'daily',
      });
    },
    async project(place: Place, state: ProjectState = 'draft'): Promise<Versioned> {
      const system = await records.system(place);
      if (state === 'draft') return lifecycle.project(place.municipality, system.id, place.departmentId);
      const lead = await records.person(place);
      const ready = await lifecycle.readyProject(place.municipality, system.id, place.departmentId, lead.id);
      if (state === 'in_preparation') return ready;
      const submitted = await call(place, 'POST', `/api/v1/projects/${ready.id}/submit`, undefined, 200, ready.version);
      if (state === 'submitted') return submitted;
      const decider = await make.user(place.municipality, 'it_chief');
      const decision =
        state === 'approved'
          ? { url: 'approve', body: { scope: 'Hela verksamheten' } }
          : { url: 'reject', body: { reason: 'Riskanalysen saknar leverantörens svar.' } };
      return expectStatus(
        await send(context, 'POST', `/api/v1/projects/${ready.id}/${decision.url}`, {
          headers: decider.authorization,
          body: decision.body,
          ifMatch: submitted.version,
        }),
        200,
      );
    },
    async riskAnalysis(place: Place): Promise<{ systemId: string; id: string; version: number }> {
      const system = await records.system(place);
      const analysis = await lifecycle.riskAnalysis(place.municipality, system.id);
      return { systemId: system.id, id: analysis.id, version: analysis.version };
    },
    async review(place: Place): Promise<Versioned> {
      const system = await records.system(place);
      return call(place, 'POST', '/api/v1/reviews', { systemId: system.id, plannedOn: '2026-12-10' });
    },
    async changeNotice(place: Place): Promise<Versioned> {
      const system = await records.system(place);
      return call(place, 'POST', '/api/v1/change-notices', {
        kind: 'operation',
        title: 'Uppgradering till version 5',
        systemIds: [system.id],
      });
    },
    async roleAssignment(place: Place): Promise<Versioned> {
      const person = await records.person(place);
      return call(place, 'POST', '/api/v1/role-assignments', {
        personId: person.id,
        role: 'department_head',
        departmentId: place.departmentId,
      });
    },
    complianceException: (place: Place): Promise<Versioned> =>
      call(place, 'POST', '/api/v1/compliance/exceptions', { clauseId: 'ITP-4.2-DEPUTY', reason: 'Ersättare rekryteras under våren.' }),
    /** An API token of the municipality's first administrator: nobody else's own token. */
    apiToken: (place: Place): Promise<Versioned> => records.tokenFor(place, place.municipality.admin.loginId),
    async loginInvitation(place: Place): Promise<Versioned> {
      const person = await records.person(place);
      return call(place, 'POST', `/api/v1/people/${person.id}/login`, {});
    },
    async auditEvent(place: Place): Promise<{ id: string }> {
      const listed = expectStatus(await send(context, 'GET', '/api/v1/audit-events?limit=1', { headers: as(place) }), 200);
      return { id: listed.items[0].id };
    },
    async policyPack(place: Place): Promise<Versioned> {
      const listed = expectStatus(await send(context, 'GET', '/api/v1/policy-packs', { headers: as(place) }), 200);
      return listed.items[0];
    },
    async municipality(place: Place): Promise<Versioned> {
      return expectStatus(await send(context, 'GET', `/api/v1/municipalities/${place.municipality.id}`, { headers: as(place) }), 200);
    },
    /** Another employee's API token (for the municipality-wide token list). */
    async tokenOfAnotherLogin(place: Place): Promise<Versioned> {
      return records.tokenFor(place, (await make.user(place.municipality, 'employee')).loginId);
    },
    /** A token as the CLI issues it (the system actor), for a login of the place's municipality. */
    async tokenFor(place: Place, loginId: string, input: { canCreateTokens?: boolean } = {}) {
      return withTransaction(context.database.db, (transaction) =>
        context.services.apiTokens.issueToken(
          transaction,
          systemActor('test', place.municipality.id),
          { loginId, municipalityId: place.municipality.id },
          { name: `Token ${randomUUID().slice(0, 6)}`, ...input },
        ),
      );
    },
    /** A municipality setting's current version (the risk matrix, the public register). */
    /** A system with an access level and a person without a right at it: one row an access-rights import can record. */
    async accessRightImportRow(place: Place): Promise<{ email: string; systemId: string; levelName: string }> {
      const system = await records.system(place);
      const person = await make.person(place.municipality, place.departmentId);
      const now = context.clock.now().toISOString();
      await context.database.db
        .insertInto('access_levels')
        .values({
          id: randomUUID(),
          municipality_id: place.municipality.id,
          system_id: system.id,
          name: 'Läsare',
          sort_key: 'läsare',
          description: null,
          privileged: 0,
          created_at: now,
          updated_at: now,
          version: 1,
        })
        .execute();
      return { email: person.email, systemId: system.id, levelName: 'Läsare' };
    },
    async settingVersion(place: Place, url: string): Promise<number> {
      return expectStatus(await send(context, 'GET', url, { headers: as(place) }), 200).version;
    },
    /** A system's own training, answered for by the place's department (the system's owner). */
    async course(place: Place): Promise<Versioned> {
      const system = await records.system(place);
      return call(place, 'POST', '/api/v1/courses', { title: `Kurs ${randomUUID().slice(0, 6)}`, topic: 'system', systemId: system.id });
    },
    /** A session of such a course today (so attendance can be taken), held by a trainer of the place. */
    async trainingSession(place: Place): Promise<Versioned> {
      const course = await records.course(place);
      const trainer = await records.person(place);
      return call(place, 'POST', '/api/v1/training-sessions', {
        courseId: course.id,
        startsAt: '2026-11-28T08:00:00Z',
        endsAt: '2026-11-28T10:00:00Z',
        trainerPersonId: trainer.id,
      });
    },
    async attendance(place: Place): Promise<Versioned> {
      const session = await records.trainingSession(place);
      const person = await records.person(place);
      const registered = await call(place, 'POST', `/api/v1/training-sessions/${session.id}/attendances`, { personIds: [person.id] });
      return registered.items[0];
    },
    /** A document asking acknowledgement of the place's department, with an adopted version. */
    async adoptedDocument(place: Place) {
      const document = await policyDocuments.document(place.municipality, { audienceDepartmentIds: [place.departmentId] });
      const { versionId } = await policyDocuments.adopt(place.municipality, document.id);
      return { id: document.id, versionId };
    },
    /** A draft version of a document asking acknowledgement (for the adoption's preview). */
    async draftDocumentVersion(place: Place) {
      const document = await policyDocuments.document(place.municipality, { audienceDepartmentIds: [place.departmentId] });
      return { id: await policyDocuments.draftVersion(place.municipality, document.id) };
    },
    /** A person of the place's department and their open request of a freshly adopted document. */
    async acknowledgementRequest(place: Place): Promise<Versioned> {
      const person = await records.person(place);
      const document = await records.adoptedDocument(place);
      return context.database.db
        .selectFrom('acknowledgements')
        .select(['id', 'version'])
        .where('person_id', '=', person.id)
        .where('document_id', '=', document.id)
        .executeTakeFirstOrThrow();
    },
    /** A level of a fresh system of the place's department (added by the administrator, who keeps levels). */
    async accessLevel(place: Place): Promise<{ systemId: string; id: string; version: number }> {
      const system = await records.system(place);
      const level = await call(place, 'POST', `/api/v1/systems/${system.id}/access-levels`, { name: `Nivå ${randomUUID().slice(0, 6)}` });
      return { systemId: system.id, id: level.id, version: level.version };
    },
    /**
     * A right of a person of the place's department. Granting is the system's stewards' alone, and
     * the matrix's users steward nothing: the system actor grants it, as the import and the demo do.
     */
    async accessRight(place: Place): Promise<Versioned & { systemId: string }> {
      const level = await records.accessLevel(place);
      const person = await records.person(place);
      const granted = await context.services.accessRights.rights.grantAccessRight(systemActor('test', place.municipality.id), {
        personId: person.id,
        systemId: level.systemId,
        levelId: level.id,
      });
      return { id: granted.right.id, version: granted.right.version, systemId: level.systemId };
    },
    /** A role template of one level, meant for the place's department. */
    async roleTemplate(place: Place): Promise<Versioned> {
      const level = await records.accessLevel(place);
      return call(place, 'POST', '/api/v1/role-templates', {
        name: `Mall ${randomUUID().slice(0, 8)}`,
        departmentId: place.departmentId,
        levelIds: [level.id],
      });
    },
    /** A campaign of one system of the place's department with one right, started by the system actor. */
    async recertification(place: Place): Promise<Versioned> {
      const right = await records.accessRight(place);
      const campaign = await context.services.accessRights.recertifications.startRecertification(
        systemActor('test', place.municipality.id),
        {
          title: 'Årlig genomgång',
          scope: 'system',
          systemId: right.systemId,
          dueDate: '2026-12-31',
        },
      );
      return { id: campaign.id, version: campaign.version };
    },
    /** A catalogue model, made by the system actor (the administrator keeps no catalogue). */
    async assetModel(place: Place): Promise<Versioned> {
      const model = await context.services.assets.models.createAssetModel(systemActor('test', place.municipality.id), {
        kind: 'laptop',
        maker: 'Lenovo',
        model: `ThinkPad ${randomUUID().slice(0, 8)}`,
      });
      return { id: model.id, version: model.version };
    },
    /** An asset assigned to the place's department, made by the system actor (the administrator does not maintain assets). */
    async asset(place: Place): Promise<Versioned> {
      const asset = await context.services.assets.assets.createAsset(systemActor('test', place.municipality.id), {
        kind: 'pc',
        nonStandardDescription: 'Egenbyggd arbetsstation',
        serial: `SN-${randomUUID().slice(0, 12)}`,
        departmentId: place.departmentId,
      });
      return { id: asset.id, version: asset.version };
    },
    completeBudget,
  };
  return records;
}

export type Records = ReturnType<typeof recordFactories>;
