import type { SystemCan } from '@forvalta/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectWriteAsCanSays } from '../../../test/abilities.ts';
import { expectProblem, expectStatus, send } from '../../../test/http.ts';
import { riskScenario } from '../../../test/project-factories.ts';
import { systemFactories } from '../../../test/system-factories.ts';
import { createTestContext, factories, type TestContext, type TestMunicipality, type TestUser } from '../../../test/test-app.ts';

const none: SystemCan = {
  update: false,
  delete: false,
  confirm: false,
  assign: false,
  updateDuties: false,
  changeOwner: false,
  writeIntegrations: false,
  readRiskAnalyses: false,
  writeRiskAnalyses: false,
  writeReviews: false,
  reportChange: false,
};
const keeper: SystemCan = {
  ...none,
  update: true,
  assign: true,
  updateDuties: true,
  changeOwner: true,
  writeIntegrations: true,
  readRiskAnalyses: true,
  writeRiskAnalyses: true,
  writeReviews: true,
  reportChange: true,
};

/**
 * A system's `can` says what its writes then allow, for every kind of caller: each flag is tried
 * by the write it names (2xx when true, 403 when false), the department head of another
 * department included. The expected flags are spelled out too, so the test cannot pass on a
 * `can` that is all false and writes that all refuse.
 */
describe('a system’s can is what its writes allow', () => {
  let context: TestContext;
  let tanum: TestMunicipality;
  let care: string;
  let careUnit: string;
  let itDepartment: string;
  let register: ReturnType<typeof systemFactories>;
  let itSystemId: string;
  let deputyCandidate: string;
  const callers: Record<string, { user: TestUser; expected: SystemCan }> = {};
  let steward: TestUser;

  beforeAll(async () => {
    context = await createTestContext();
    const make = factories(context);
    register = systemFactories(context);
    tanum = await make.municipality('Tanum');
    care = (await make.department(tanum, 'Omsorg')).id;
    careUnit = (await make.department(tanum, 'Hemtjänst', care)).id;
    const school = (await make.department(tanum, 'Barn- och utbildning')).id;
    itDepartment = (await make.department(tanum, 'IT-enheten')).id;
    steward = await make.user(tanum, 'employee');
    deputyCandidate = (await make.person(tanum, care)).id;
    itSystemId = (await register.system(tanum, itDepartment, { name: 'Active Directory' })).id;
    callers.administrator = { user: tanum.admin, expected: { ...keeper, delete: true } };
    callers.itUnit = { user: await make.user(tanum, 'it_unit'), expected: keeper };
    callers.itChief = { user: await make.user(tanum, 'it_chief'), expected: { ...none, readRiskAnalyses: true, reportChange: true } };
    callers.headOfCare = { user: await make.user(tanum, 'department_head', care), expected: keeper };
    callers.headOfSchool = { user: await make.user(tanum, 'department_head', school), expected: none };
    callers.manager = {
      user: steward,
      expected: { ...keeper, assign: false, changeOwner: false, confirm: true },
    };
    callers.employee = { user: await make.user(tanum, 'employee'), expected: none };
  });
  afterAll(() => context.close());

  async function stewardedSystem(name: string) {
    const system = await register.system(tanum, care, { name });
    await register.appoint(tanum, system.id, steward.personId, 'manager');
    return register.get(tanum.admin, system.id);
  }

  const currentVersion = async (systemId: string) => (await register.get(tanum.admin, systemId)).version as number;

  for (const caller of ['administrator', 'itUnit', 'itChief', 'headOfCare', 'headOfSchool', 'manager', 'employee']) {
    it(`holds for the ${caller}`, async () => {
      const { user, expected } = callers[caller]!;
      const name = `Procapita ${caller}`;
      const system = await stewardedSystem(name);
      const detail = await register.get(user, system.id);
      expect(detail.can).toEqual(expected);
      // The register list judges its rows by the same code, from the stewards it read with the page.
      const list = expectStatus(
        await send(context, 'GET', `/api/v1/systems?q=${encodeURIComponent(name)}`, { headers: user.authorization }),
        200,
      );
      expect(list.items.map((row: { id: string }) => row.id)).toEqual([system.id]);
      expect(list.items[0].can).toEqual(expected);

      const can = detail.can as SystemCan;
      const headers = user.authorization;
      const url = `/api/v1/systems/${system.id}`;
      const attempts: Array<[keyof SystemCan, () => ReturnType<typeof send>]> = [
        [
          'update',
          async () => send(context, 'PATCH', url, { headers, ifMatch: await currentVersion(system.id), body: { description: 'Ny' } }),
        ],
        ['confirm', async () => send(context, 'POST', `${url}/confirm`, { headers, ifMatch: await currentVersion(system.id), body: {} })],
        [
          'updateDuties',
          async () => {
            const duties = expectStatus(await send(context, 'GET', `${url}/duties`, { headers: tanum.admin.authorization }), 200);
            const duty = duties.items.find((candidate: { duty: string }) => candidate.duty === 'documentation');
            return send(context, 'PATCH', `${url}/duties/documentation`, { headers, ifMatch: duty.version, body: { status: 'done' } });
          },
        ],
        ['assign', () => send(context, 'POST', `${url}/assignments`, { headers, body: { personId: deputyCandidate, role: 'deputy' } })],
        [
          'writeIntegrations',
          () =>
            send(context, 'POST', '/api/v1/integrations', {
              headers,
              body: { providerSystemId: system.id, consumerSystemId: itSystemId, method: 'api', frequency: 'daily' },
            }),
        ],
        [
          'writeRiskAnalyses',
          () =>
            send(context, 'POST', `${url}/risk-analyses`, {
              headers,
              body: { scope: 'Hela systemet', analysedOn: '2026-11-20', participants: ['Systemägare'], scenarios: [riskScenario] },
            }),
        ],
        ['readRiskAnalyses', () => send(context, 'GET', `${url}/risk-analyses`, { headers })],
        [
          'writeReviews',
          () =>
            send(context, 'POST', '/api/v1/reviews', {
              headers,
              body: { systemId: system.id, plannedOn: '2026-11-20', participants: [{ name: 'Petra Lind', itUnit: true }] },
            }),
        ],
        [
          'reportChange',
          () =>
            send(context, 'POST', '/api/v1/change-notices', {
              headers,
              body: { kind: 'operation', title: 'Ny version', systemIds: [system.id] },
            }),
        ],
        // Last: afterwards the system belongs to the sub-unit, still in the head of care's subtree.
        [
          'changeOwner',
          async () =>
            send(context, 'PATCH', url, { headers, ifMatch: await currentVersion(system.id), body: { ownerDepartmentId: careUnit } }),
        ],
      ];
      for (const [action, attempt] of attempts) expectWriteAsCanSays(can[action], await attempt(), `${caller} ${action}`);

      // Deleting needs a system without lifecycle records: a second one, planned.
      const spare = await stewardedSystem(`${name} (reserv)`);
      expect((await register.get(user, spare.id)).can.delete).toBe(expected.delete);
      expectWriteAsCanSays(
        expected.delete,
        await send(context, 'DELETE', `/api/v1/systems/${spare.id}`, { headers, ifMatch: spare.version }),
        `${caller} delete`,
      );
    });
  }

  it('says no where the state refuses, whoever asks: only a planned system is deleted, a retired one gets no manager', async () => {
    const introducing = await register.system(tanum, care, { lifecycle: 'introducing' });
    expect(introducing.can).toMatchObject({ delete: false, update: true, assign: true });
    expectProblem(
      await send(context, 'DELETE', `/api/v1/systems/${introducing.id}`, {
        headers: tanum.admin.authorization,
        ifMatch: introducing.version,
      }),
      409,
      'conflict',
    );
    const retired = await register.system(tanum, care, { lifecycle: 'retired' });
    expect(retired.can).toMatchObject({ assign: false, update: true });
    expectProblem(
      await send(context, 'POST', `/api/v1/systems/${retired.id}/assignments`, {
        headers: tanum.admin.authorization,
        body: { personId: deputyCandidate, role: 'manager' },
      }),
      422,
      'rule_violation',
    );
  });

  it('answers every write with the caller’s can, as GET does', async () => {
    const careHead = callers.headOfCare!.user;
    const created = await register.system(tanum, care, {}, careHead.authorization);
    expect(created.can).toEqual(keeper);
    const updated = expectStatus(
      await send(context, 'PATCH', `/api/v1/systems/${created.id}`, {
        headers: careHead.authorization,
        ifMatch: created.version,
        body: { ownerDepartmentId: careUnit },
      }),
      200,
    );
    expect(updated.can).toEqual((await register.get(careHead, created.id)).can);
  });
});
