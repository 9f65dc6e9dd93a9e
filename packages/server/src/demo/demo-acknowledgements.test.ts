import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acknowledgementFactories } from '../../test/acknowledgement-factories.ts';
import { expectStatus, send } from '../../test/http.ts';
import { createTestContext, factories, type TestContext, type TestMunicipality } from '../../test/test-app.ts';
import { systemActor } from '../access/actor.ts';
import { withTransaction } from '../platform/database.ts';
import { loadDemoAcknowledgements } from './demo-acknowledgements.ts';
import { createRandom } from './random.ts';

describe('the demo’s acknowledgements', () => {
  let context: TestContext;
  let tanum: TestMunicipality;
  const keys = new Map<string, string>();
  let auditor: Awaited<ReturnType<ReturnType<typeof factories>['user']>>;

  beforeAll(async () => {
    context = await createTestContext();
    const make = factories(context);
    tanum = await make.municipality('Tanum');
    for (const key of ['it', 'bou']) {
      const department = await make.department(tanum, key === 'it' ? 'IT-enheten' : 'Barn- och utbildningsförvaltningen');
      keys.set(key, department.id);
      for (let index = 0; index < 40; index += 1) await make.person(tanum, department.id);
    }
    // In a unit of its own (the schools' share stays the schools'): the demo's auditor has read everything anyway.
    const audit = await make.department(tanum, 'Revisionen');
    auditor = await make.user(tanum, 'auditor', audit.id);
  }, 120_000);
  afterAll(() => context.close());

  it('acknowledges the current versions unevenly: the IT unit nearly all, the schools far fewer', async () => {
    const documents = acknowledgementFactories(context);
    const document = await documents.document(tanum, { title: 'IT-policy' });
    const { versionId } = await documents.adopt(tanum, document.id);
    const given = await withTransaction(context.database.db, (transaction) =>
      loadDemoAcknowledgements(transaction, systemActor('demo', tanum.id), context.clock, createRandom(1435), tanum.id, keys),
    );
    expect(given).toBeGreaterThan(40);
    const coverage = expectStatus(
      await send(context, 'GET', `/api/v1/acknowledgements/coverage/${document.id}`, { headers: tanum.admin.authorization }),
      200,
    );
    const share = (key: string) =>
      coverage.departments.find((row: { departmentId: string }) => row.departmentId === keys.get(key)).own.share as number;
    expect(share('it')).toBeGreaterThan(0.85);
    expect(share('bou')).toBeLessThan(0.8);
    const listed = expectStatus(
      await send(context, 'GET', `/api/v1/acknowledgements?versionId=${versionId}&state=acknowledged&limit=200`, {
        headers: tanum.admin.authorization,
      }),
      200,
    );
    expect(new Set(listed.items.map((row: { method: string }) => row.method)).has('in_app')).toBe(true);

    // The auditor's login shows the to-do list's empty state (e2e tasks.spec.ts).
    const own = expectStatus(
      await send(context, 'GET', `/api/v1/acknowledgements?personId=${auditor.personId}&limit=50`, { headers: tanum.admin.authorization }),
      200,
    );
    expect(own.items.length).toBeGreaterThan(0);
    expect(own.items.every((row: { state: string }) => row.state === 'acknowledged')).toBe(true);
  });
});
