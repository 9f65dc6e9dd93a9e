import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectStatus, send } from '../../test/http.ts';
import { systemFactories } from '../../test/system-factories.ts';
import { createTestContext, factories, type TestContext, type TestUser } from '../../test/test-app.ts';
import { systemActor } from '../access/actor.ts';
import { withTransaction } from '../platform/database.ts';
import { loadDemoIncidents } from './demo-incidents.ts';

describe('the demo’s incidents', () => {
  let context: TestContext;
  let itChief: TestUser;

  beforeAll(async () => {
    context = await createTestContext();
    const make = factories(context);
    const tanum = await make.municipality('Tanum');
    const it = (await make.department(tanum, 'IT')).id;
    await systemFactories(context).system(tanum, it, { name: 'Fjärråtkomst', nis2: true });
    await systemFactories(context).system(tanum, it, { name: 'Filserver' });
    itChief = await make.user(tanum, 'it_chief');
    await withTransaction(context.database.db, (transaction) =>
      loadDemoIncidents(transaction, systemActor('demo', tanum.id), context.clock, tanum.id),
    );
  }, 120_000);
  afterAll(() => context.close());

  it('has one open incident with a running clock on a system in scope, and one reported in time and closed', async () => {
    const open = expectStatus(await send(context, 'GET', '/api/v1/incidents?status=open', { headers: itChief.authorization }), 200);
    expect(open.items).toHaveLength(1);
    expect(open.items[0]).toMatchObject({ significant: true, systems: [{ name: 'Fjärråtkomst', nis2: true }] });
    expect(open.items[0].deadlines.map((deadline: { state: string }) => deadline.state)).toEqual(['open', 'open', 'open']);
    const closed = expectStatus(await send(context, 'GET', '/api/v1/incidents?status=closed', { headers: itChief.authorization }), 200);
    expect(closed.items[0].deadlines.map((deadline: { state: string }) => deadline.state)).toEqual(['met', 'met', 'met']);
    const tasks = expectStatus(
      await send(context, 'GET', '/api/v1/me/tasks?kind=report_incident', { headers: itChief.authorization }),
      200,
    );
    expect(tasks.items).toHaveLength(1);
  });
});
