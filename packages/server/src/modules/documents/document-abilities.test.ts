import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectWriteAsCanSays } from '../../../test/abilities.ts';
import { expectStatus, send } from '../../../test/http.ts';
import { createTestContext, factories, type TestContext, type TestMunicipality, type TestUser } from '../../../test/test-app.ts';

type Expected = { document: { update: boolean; delete: boolean; createVersion: boolean }; drafts: boolean; adopt: boolean };

/**
 * A policy document's and a version's `can` say what the writes then allow, for every kind of
 * caller of an operations instruction (owned by the IT chief): 2xx when true, 403 when false. The
 * expected flags are spelled out too, so a `can` that is always false and writes that always
 * refuse cannot pass. Those who may not read drafts do not find a version in review (404).
 */
describe('a document’s and a version’s can are what the writes allow', () => {
  let context: TestContext;
  let tanum: TestMunicipality;
  const callers: Record<string, { user: TestUser; expected: Expected }> = {};
  const none = { update: false, delete: false, createVersion: false };

  beforeAll(async () => {
    context = await createTestContext();
    const make = factories(context);
    tanum = await make.municipality('Tanum');
    callers.administrator = {
      user: tanum.admin,
      expected: { document: { update: true, delete: true, createVersion: true }, drafts: true, adopt: true },
    };
    callers.itChief = {
      user: await make.user(tanum, 'it_chief'),
      expected: { document: { ...none, createVersion: true }, drafts: true, adopt: true },
    };
    // Holds the drafting permission, but does not own operations instructions.
    callers.secretariat = { user: await make.user(tanum, 'secretariat'), expected: { document: none, drafts: false, adopt: false } };
    callers.auditor = { user: await make.user(tanum, 'auditor'), expected: { document: none, drafts: true, adopt: false } };
    callers.employee = { user: await make.user(tanum, 'employee'), expected: { document: none, drafts: false, adopt: false } };
  });
  afterAll(() => context.close());

  const admin = () => tanum.admin.authorization;

  for (const name of ['administrator', 'itChief', 'secretariat', 'auditor', 'employee']) {
    it(`holds for the ${name}`, async () => {
      const { user, expected } = callers[name]!;
      const created = expectStatus(
        await send(context, 'POST', '/api/v1/documents', {
          headers: admin(),
          body: { kind: 'operations_instruction', title: `Driftinstruktion ${name}` },
        }),
        201,
      );
      const document = expectStatus(await send(context, 'GET', `/api/v1/documents/${created.id}`, { headers: user.authorization }), 200);
      expect(document.can).toEqual(expected.document);
      const list = expectStatus(await send(context, 'GET', '/api/v1/documents?limit=200', { headers: user.authorization }), 200);
      expect(list.items.find((row: { id: string }) => row.id === created.id).can).toEqual(expected.document);

      const drafted = await send(context, 'POST', `/api/v1/documents/${created.id}/versions`, {
        headers: user.authorization,
        body: { text: 'Rutin' },
      });
      expectWriteAsCanSays(document.can.createVersion, drafted, `${name} createVersion`);
      const draft = document.can.createVersion
        ? drafted.json()
        : expectStatus(
            await send(context, 'POST', `/api/v1/documents/${created.id}/versions`, { headers: admin(), body: { text: 'Rutin' } }),
            201,
          );
      const versionUrl = `/api/v1/documents/${created.id}/versions/${draft.id}`;
      const submitted = expectStatus(
        await send(context, 'POST', `${versionUrl}/submit`, { headers: admin(), body: {}, ifMatch: draft.version }),
        200,
      );

      const seen = await send(context, 'GET', versionUrl, { headers: user.authorization });
      if (!expected.drafts) {
        expect(seen.statusCode).toBe(404);
        return;
      }
      const version = seen.json();
      expect(version.can).toEqual({
        update: false,
        submit: false,
        withdraw: expected.adopt,
        adopt: expected.adopt,
        uploadAttachment: false,
      });
      const adopted = await send(context, 'POST', `${versionUrl}/adopt`, {
        headers: user.authorization,
        body: { adoptedBy: 'IT-chefen', decisionDate: '2026-11-20' },
        ifMatch: submitted.version,
      });
      expectWriteAsCanSays(version.can.adopt, adopted, `${name} adopt`);

      const current = expectStatus(await send(context, 'GET', `/api/v1/documents/${created.id}`, { headers: admin() }), 200);
      const renamed = await send(context, 'PATCH', `/api/v1/documents/${created.id}`, {
        headers: user.authorization,
        body: { title: `Driftinstruktion ${name} (ny)` },
        ifMatch: current.version,
      });
      expectWriteAsCanSays(document.can.update, renamed, `${name} update`);
    });
  }
});
