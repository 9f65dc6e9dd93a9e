import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectStatus, send } from '../../test/http.ts';
import { createTestContext, factories, type TestContext, type TestMunicipality, type TestUser } from '../../test/test-app.ts';
import { systemActor } from '../access/actor.ts';
import { verifyAuditChains } from '../platform/audit-verify.ts';
import { withTransaction } from '../platform/database.ts';
import { demoEquipment, loadDemoEquipment } from './demo-equipment.ts';
import type { DemoPerson } from './demo-register.ts';

describe('the demo’s equipment', () => {
  let context: TestContext;
  let tanum: TestMunicipality;
  let itChief: TestUser;

  beforeAll(async () => {
    context = await createTestContext();
    const make = factories(context);
    tanum = await make.municipality('Tanum');
    const departmentIds = new Map<string, string>();
    for (const [key, name] of [
      ['it', 'IT-enheten'],
      ['grundskola', 'Grundskolan'],
      ['aldreomsorg', 'Äldreomsorgen'],
      ['sbf', 'Samhällsbyggnadsförvaltningen'],
    ] as const)
      departmentIds.set(key, (await make.department(tanum, name)).id);
    const people: DemoPerson[] = [];
    for (const key of departmentIds.keys()) {
      const person = await make.person(tanum, departmentIds.get(key)!);
      people.push({ id: person.id, name: 'Demo', departmentKey: key, active: true });
    }
    itChief = await make.user(tanum, 'it_chief');
    await withTransaction(context.database.db, (transaction) =>
      loadDemoEquipment(transaction, systemActor('demo', tanum.id), context.clock, tanum.id, departmentIds, people),
    );
  }, 120_000);
  afterAll(() => context.close());

  const get = async (url: string) => expectStatus(await send(context, 'GET', url, { headers: itChief.authorization }), 200);

  it('has a standard catalogue of 15 models, one no longer approved', async () => {
    const models = await get('/api/v1/asset-models?limit=50');
    expect(models.total).toBe(15);
    const expired = models.items.filter((model: { standard: boolean }) => !model.standard);
    expect(expired.map((model: { name: string; approvedUntil: string }) => [model.name, model.approvedUntil])).toEqual([
      ['Lenovo ThinkPad T480', '2024-12-31'],
    ]);
  });

  it('has 5,000 assets, a dozen non-standard, one printer a department owns with a reason', async () => {
    expect((await get('/api/v1/assets?limit=1')).total).toBe(demoEquipment.assets);
    expect((await get('/api/v1/assets?nonStandard=true&limit=1')).total).toBe(demoEquipment.nonStandard);
    const owned = await get('/api/v1/assets?ownerKind=department');
    expect(owned.items).toEqual([expect.objectContaining({ kind: 'printer', ownerReason: expect.stringContaining('projektmedel') })]);
    expect(owned.items[0].ownerDepartmentName).not.toBeNull();
    for (const kind of ['pc', 'laptop', 'printer', 'network', 'server', 'phone'])
      expect((await get(`/api/v1/assets?kind=${kind}&limit=1`)).total).toBeGreaterThan(0);
  });

  it('has school computers that were on the town-hall network, with that history, and an intact audit chain', async () => {
    const rows = await context.database.db
      .selectFrom('assets')
      .select(['id', 'network', 'kind'])
      .where('municipality_id', '=', tanum.id)
      .where('ever_on_town_hall', '=', 1)
      .where('network', '=', 'school')
      .execute();
    expect(rows).toHaveLength(demoEquipment.schoolOnTownHall);
    expect(rows.every((row) => row.kind === 'pc' || row.kind === 'laptop')).toBe(true);
    const history = await get(`/api/v1/assets/${rows[0]!.id}/network-periods`);
    expect(history.items.map((period: { network: string; endedOn: string | null }) => [period.network, period.endedOn === null])).toEqual([
      ['school', true],
      ['town_hall', false],
    ]);
    expect((await verifyAuditChains(context.database.db)).problems).toEqual([]);
  });
});
