import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectWriteAsCanSays } from '../../../test/abilities.ts';
import { expectStatus, send } from '../../../test/http.ts';
import { systemFactories } from '../../../test/system-factories.ts';
import { createTestContext, factories, type TestContext, type TestMunicipality, type TestUser } from '../../../test/test-app.ts';

/**
 * A change notice's `can.acknowledge` says what acknowledging it then allows, for every kind of
 * caller: 2xx when true, 403 when false, the owner's department head and the system's manager
 * included (acknowledging is the IT unit's, with no department scope). The list says the same of
 * each row, and an acknowledged notice says no to everyone. The expected flags are spelled out,
 * so a `can` that is always false and writes that always refuse cannot pass.
 */
describe('a change notice’s can is what acknowledging it allows', () => {
  let context: TestContext;
  let tanum: TestMunicipality;
  let systemId: string;
  const callers: Record<string, { user: TestUser; acknowledge: boolean }> = {};

  beforeAll(async () => {
    context = await createTestContext();
    const make = factories(context);
    const register = systemFactories(context);
    tanum = await make.municipality('Tanum');
    const care = (await make.department(tanum, 'Omsorg')).id;
    systemId = (await register.system(tanum, care, { name: 'Treserva' })).id;
    const manager = await make.user(tanum, 'employee');
    await register.appoint(tanum, systemId, manager.personId, 'manager');
    callers.administrator = { user: tanum.admin, acknowledge: false };
    callers.itUnit = { user: await make.user(tanum, 'it_unit'), acknowledge: true };
    callers.itChief = { user: await make.user(tanum, 'it_chief'), acknowledge: true };
    callers.headOfCare = { user: await make.user(tanum, 'department_head', care), acknowledge: false };
    callers.manager = { user: manager, acknowledge: false };
    callers.employee = { user: await make.user(tanum, 'employee'), acknowledge: false };
  });
  afterAll(() => context.close());

  for (const name of ['administrator', 'itUnit', 'itChief', 'headOfCare', 'manager', 'employee']) {
    it(`holds for the ${name}`, async () => {
      const { user, acknowledge } = callers[name]!;
      const created = expectStatus(
        await send(context, 'POST', '/api/v1/change-notices', {
          headers: tanum.admin.authorization,
          body: { kind: 'operation', title: `Uppgradering (${name})`, systemIds: [systemId] },
        }),
        201,
      );
      const notice = expectStatus(await send(context, 'GET', `/api/v1/change-notices/${created.id}`, { headers: user.authorization }), 200);
      expect(notice.can).toEqual({ acknowledge });
      const list = expectStatus(
        await send(context, 'GET', `/api/v1/change-notices?systemId=${systemId}&limit=100`, { headers: user.authorization }),
        200,
      );
      expect(list.items.find((row: { id: string }) => row.id === created.id).can).toEqual({ acknowledge });
      const acknowledged = await send(context, 'POST', `/api/v1/change-notices/${created.id}/acknowledge`, {
        headers: user.authorization,
        ifMatch: notice.version,
        body: { note: 'Noterat' },
      });
      expectWriteAsCanSays(notice.can.acknowledge, acknowledged, `${name} acknowledge`);
      // Acknowledged once, it cannot be again: the flag says no even to the IT unit.
      if (acknowledge) expect(acknowledged.json().can).toEqual({ acknowledge: false });
    });
  }
});
