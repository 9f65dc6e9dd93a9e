import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectWriteAsCanSays } from '../../../test/abilities.ts';
import { expectStatus, send } from '../../../test/http.ts';
import { systemFactories } from '../../../test/system-factories.ts';
import { createTestContext, factories, type TestContext, type TestMunicipality, type TestUser } from '../../../test/test-app.ts';

/**
 * A review's `can.update` says what recording it then allows, for every kind of caller: 2xx when
 * true, 403 when false, the department head of another department included; the list says the
 * same of each row. The expected flag is spelled out too, so a `can` that is always false and
 * writes that always refuse cannot pass.
 */
describe('a review’s can is what recording it allows', () => {
  let context: TestContext;
  let tanum: TestMunicipality;
  let systemId: string;
  const callers: Record<string, { user: TestUser; update: boolean }> = {};

  beforeAll(async () => {
    context = await createTestContext();
    const make = factories(context);
    const register = systemFactories(context);
    tanum = await make.municipality('Tanum');
    const care = (await make.department(tanum, 'Omsorg')).id;
    const school = (await make.department(tanum, 'Barn- och utbildning')).id;
    systemId = (await register.system(tanum, care, { name: 'Treserva' })).id;
    const manager = await make.user(tanum, 'employee');
    await register.appoint(tanum, systemId, manager.personId, 'manager');
    callers.administrator = { user: tanum.admin, update: true };
    callers.itUnit = { user: await make.user(tanum, 'it_unit'), update: true };
    callers.itChief = { user: await make.user(tanum, 'it_chief'), update: false };
    callers.headOfCare = { user: await make.user(tanum, 'department_head', care), update: true };
    callers.headOfSchool = { user: await make.user(tanum, 'department_head', school), update: false };
    callers.manager = { user: manager, update: true };
    callers.employee = { user: await make.user(tanum, 'employee'), update: false };
  });
  afterAll(() => context.close());

  for (const name of ['administrator', 'itUnit', 'itChief', 'headOfCare', 'headOfSchool', 'manager', 'employee']) {
    it(`holds for the ${name}`, async () => {
      const { user, update } = callers[name]!;
      const planned = expectStatus(
        await send(context, 'POST', '/api/v1/reviews', {
          headers: tanum.admin.authorization,
          body: { systemId, plannedOn: '2026-11-20', participants: [{ name: 'Petra Lind', itUnit: true }] },
        }),
        201,
      );
      const review = expectStatus(await send(context, 'GET', `/api/v1/reviews/${planned.id}`, { headers: user.authorization }), 200);
      expect(review.can).toEqual({ update });
      const list = expectStatus(
        await send(context, 'GET', `/api/v1/reviews?systemId=${systemId}&limit=200`, { headers: user.authorization }),
        200,
      );
      expect(list.items.find((row: { id: string }) => row.id === planned.id).can).toEqual({ update });
      const recorded = await send(context, 'PATCH', `/api/v1/reviews/${planned.id}`, {
        headers: user.authorization,
        ifMatch: review.version,
        body: { findings: 'Fungerar väl.' },
      });
      expectWriteAsCanSays(review.can.update, recorded, `${name} update`);
      if (update) expect(recorded.json().can).toEqual({ update: true });
    });
  }
});
