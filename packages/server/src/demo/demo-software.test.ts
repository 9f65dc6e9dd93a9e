import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectStatus, send } from '../../test/http.ts';
import { systemFactories } from '../../test/system-factories.ts';
import { createTestContext, factories, type TestContext, type TestMunicipality, type TestUser } from '../../test/test-app.ts';
import { systemActor } from '../access/actor.ts';
import { withTransaction } from '../platform/database.ts';
import { loadDemoSoftware } from './demo-software.ts';

describe('the demo’s software, licences and contracts', () => {
  let context: TestContext;
  let tanum: TestMunicipality;
  let itChief: TestUser;

  beforeAll(async () => {
    context = await createTestContext();
    const make = factories(context);
    tanum = await make.municipality('Tanum');
    const care = (await make.department(tanum, 'Omsorg')).id;
    for (let index = 0; index < 6; index += 1) await systemFactories(context).system(tanum, care);
    itChief = await make.user(tanum, 'it_chief');
    await make.user(tanum, 'it_unit');
    await withTransaction(context.database.db, (transaction) =>
      loadDemoSoftware(transaction, systemActor('demo', tanum.id), context.clock, tanum.id),
    );
  }, 120_000);
  afterAll(() => context.close());

  const get = async (url: string) => expectStatus(await send(context, 'GET', url, { headers: itChief.authorization }), 200);

  it('has a self-developed application awaiting the IT chief and two open-source products reviewed and allowed', async () => {
    const waiting = await get('/api/v1/software?awaitingDecision=true');
    expect(waiting.items.map((item: { product: string }) => item.product)).toEqual(['Lokalbokningen']);
    expect(waiting.items[0].decision.standing).toBe('proposed');
    const open = await get('/api/v1/software?origin=open_source');
    expect(open.items.map((item: { decision: { standing: string } }) => item.decision.standing)).toEqual(['allowed', 'allowed']);
    const decisions = await get('/api/v1/software-decisions?status=proposed');
    expect(decisions.items[0].can.decide).toBe(true);
  });

  it('has one product over its licences and a contract whose notice date is next month', async () => {
    const position = await get('/api/v1/licence-position?overOnly=true');
    expect(position.items).toEqual([expect.objectContaining({ softwareProduct: 'Adobe Acrobat Pro', entitled: 40, consumed: 52 })]);
    const contracts = await get('/api/v1/contracts?sort=noticeDate');
    const first = contracts.items[0];
    expect(first.title).toBe('Microsoft-avtal (licenser och support)');
    // Test clock 2026-11-28: it ends 2027-03-28, three months' notice, so the last day is Monday 2026-12-28.
    expect(first).toMatchObject({ currentTermEndsOn: '2027-03-28', noticeDate: '2026-12-28' });
  });
});
