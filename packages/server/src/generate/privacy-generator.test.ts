import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectStatus, send } from '../../test/http.ts';
import { systemFactories } from '../../test/system-factories.ts';
import { createTestContext, factories, type TestContext, type TestMunicipality } from '../../test/test-app.ts';
import { generatePrivacyRecords } from './privacy-generator.ts';

describe('the bench’s records of processing and mailboxes (issue #16)', () => {
  let context: TestContext;
  let large: TestMunicipality;
  let small: TestMunicipality;

  beforeAll(async () => {
    context = await createTestContext();
    const make = factories(context);
    const systems = systemFactories(context);
    large = await make.municipality('Stor');
    small = await make.municipality('Liten');
    for (const [municipality, systemCount] of [
      [large, 6],
      [small, 2],
    ] as const) {
      const department = (await make.department(municipality, 'Förvaltningen')).id;
      for (let index = 0; index < 4; index += 1) await make.person(municipality, department);
      for (let index = 0; index < systemCount; index += 1) await systems.system(municipality, department);
    }
  }, 120_000);
  afterAll(() => context.close());

  it('spreads the records by systems and the mailboxes by people, valid for the API, and leaves an existing load as it is', async () => {
    const first = await generatePrivacyRecords(context.database.db, context.clock, { activities: 40, mailboxes: 12, seed: 16 });
    expect(first).toMatchObject({ activities: 40, mailboxes: 12, generatedNow: true });
    const get = async (municipality: TestMunicipality, url: string) =>
      expectStatus(await send(context, 'GET', url, { headers: municipality.admin.authorization }), 200);
    const largeRecords = await get(large, '/api/v1/processing-activities?limit=200');
    const smallRecords = await get(small, '/api/v1/processing-activities?limit=200');
    expect(largeRecords.total + smallRecords.total).toBe(40);
    expect(largeRecords.total).toBeGreaterThan(smallRecords.total);
    // Every record runs in systems of its own municipality, and its reviews read back.
    const smallSystems = new Set((await get(small, '/api/v1/systems?limit=50')).items.map((system: { id: string }) => system.id));
    for (const record of smallRecords.items as Array<{ systems: Array<{ id: string }> }>)
      for (const system of record.systems) expect(smallSystems.has(system.id)).toBe(true);
    const reviewed = (largeRecords.items as Array<{ id: string; reviewState: string }>).find((record) => record.reviewState !== 'pending')!;
    expect((await get(large, `/api/v1/processing-activities/${reviewed.id}/reviews`)).items.length).toBeGreaterThan(0);
    const largeMailboxes = await get(large, '/api/v1/mailboxes?limit=100');
    const smallMailboxes = await get(small, '/api/v1/mailboxes?limit=100');
    expect(largeMailboxes.total + smallMailboxes.total).toBe(12);

    const again = await generatePrivacyRecords(context.database.db, context.clock, { activities: 40, mailboxes: 12, seed: 16 });
    expect(again).toMatchObject({ activities: 40, mailboxes: 12, generatedNow: false });
  });
});
