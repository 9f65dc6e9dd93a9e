import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, factories, type TestContext, type TestMunicipality, type TestUser } from '../../../test/test-app.ts';
import { expectProblem, expectStatus, send } from '../../../test/http.ts';
import { tanumPolicyPack } from '../../policy/index.ts';

const defaultVersion = tanumPolicyPack.version;

interface PackSummary {
  id: string;
  version: string;
  current: boolean;
  document: { title: string; adoptedBy: string; decisionDate: string; decisionReference: string };
  publishedByName: string;
}
interface Pack extends PackSummary {
  clauses: Array<{ id: string; titleSv: string; textSv: string; hasRule: boolean }>;
  parameters: Array<{ key: string; value: number }>;
}

/**
 * The policy-pack routes (policy-packs.routes.ts): reading a municipality's pack versions,
 * publishing a new version based on one (what the API lets change: the version, document facts,
 * parameters and clause texts), and exceptions to clauses. Administrators publish; administrators
 * and IT chiefs decide exceptions; everyone reads; nobody reaches another municipality's packs.
 */
describe('policy packs API', () => {
  let context: TestContext;
  let tanum: TestMunicipality;
  let lysekil: TestMunicipality;
  let employee: TestUser;
  let itChief: TestUser;
  let departmentHead: TestUser;

  beforeAll(async () => {
    context = await createTestContext();
    const make = factories(context);
    tanum = await make.municipality('Tanum');
    lysekil = await make.municipality('Lysekil');
    const school = await make.department(tanum, 'Barn- och utbildning');
    employee = await make.user(tanum, 'employee');
    itChief = await make.user(tanum, 'it_chief');
    departmentHead = await make.user(tanum, 'department_head', school.id);
  });
  afterAll(() => context.close());

  const packsOf = async (user: Pick<TestUser, 'authorization'>) =>
    expectStatus(await send(context, 'GET', '/api/v1/policy-packs', { headers: user.authorization }), 200) as {
      items: PackSummary[];
      total: number;
    };
  const packOf = async (user: Pick<TestUser, 'authorization'>, id: string) =>
    expectStatus(await send(context, 'GET', `/api/v1/policy-packs/${id}`, { headers: user.authorization }), 200) as Pack;
  const auditActionsOf = async (entityId: string) =>
    (
      await context.database.db.selectFrom('audit_events').select('action').where('entity_id', '=', entityId).orderBy('sequence').execute()
    ).map((event) => event.action);

  it('answers 401 without a login on every route', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    expectProblem(await send(context, 'GET', '/api/v1/policy-packs'), 401, 'unauthenticated');
    expectProblem(await send(context, 'GET', `/api/v1/policy-packs/${id}`), 401, 'unauthenticated');
    expectProblem(await send(context, 'POST', `/api/v1/policy-packs/${id}/versions`, { body: { version: '2' } }), 401, 'unauthenticated');
    expectProblem(await send(context, 'GET', '/api/v1/compliance/exceptions'), 401, 'unauthenticated');
    expectProblem(
      await send(context, 'POST', '/api/v1/compliance/exceptions', { body: { clauseId: 'ITP-2-COST', reason: 'x' } }),
      401,
      'unauthenticated',
    );
    expectProblem(await send(context, 'DELETE', `/api/v1/compliance/exceptions/${id}`, { ifMatch: 1 }), 401, 'unauthenticated');
  });

  it('lets every role read the pack, and reading changes nothing', async () => {
    const before = await context.database.db.selectFrom('policy_packs').select(['id', 'content_json']).execute();
    for (const user of [employee, departmentHead, itChief, tanum.admin]) {
      const packs = await packsOf(user);
      expect(packs.items).toHaveLength(1);
      expect(packs.items[0]).toMatchObject({ key: 'tanum-it-policy', version: defaultVersion, current: true });
      const pack = await packOf(user, packs.items[0]!.id);
      expect(pack.clauses.find((clause) => clause.id === 'ITP-4.2-DEPUTY')).toMatchObject({ hasRule: true });
      expect(pack.parameters.map((parameter) => parameter.key)).toContain('registerConfirmationIntervalMonths');
    }
    expect(await context.database.db.selectFrom('policy_packs').select(['id', 'content_json']).execute()).toEqual(before);
  });

  it('answers 404 for another municipality’s pack, to read or to publish from', async () => {
    const foreign = (await packsOf(lysekil.admin)).items[0]!.id;
    expectProblem(await send(context, 'GET', `/api/v1/policy-packs/${foreign}`, { headers: tanum.admin.authorization }), 404, 'not_found');
    expectProblem(
      await send(context, 'POST', `/api/v1/policy-packs/${foreign}/versions`, {
        headers: tanum.admin.authorization,
        body: { version: '9.0.0' },
      }),
      404,
      'not_found',
    );
    expect((await packsOf(lysekil.admin)).items.map((pack) => pack.version)).toEqual([defaultVersion]);
  });

  it('refuses to publish for anyone but an administrator', async () => {
    const base = (await packsOf(tanum.admin)).items[0]!.id;
    for (const user of [employee, departmentHead, itChief]) {
      expectProblem(
        await send(context, 'POST', `/api/v1/policy-packs/${base}/versions`, { headers: user.authorization, body: { version: '1.0.1' } }),
        403,
        'forbidden',
      );
    }
    expect((await packsOf(tanum.admin)).total).toBe(1);
  });

  it('refuses a version that is not sound: unknown fields, parameters or clauses', async () => {
    const base = (await packsOf(tanum.admin)).items[0]!.id;
    const publish = (body: unknown) =>
      send(context, 'POST', `/api/v1/policy-packs/${base}/versions`, { headers: tanum.admin.authorization, body });
    expectProblem(await publish({ version: '1.0.1', ruleCode: 'return true' }), 400, 'validation_failed');
    expectProblem(await publish({ version: '1.0.1', parameters: { noSuchParameter: 3 } }), 400, 'validation_failed');
    expectProblem(await publish({ version: '1.0.1', clauses: [{ id: 'ITP-99-NONE', textSv: 'Finns inte' }] }), 400, 'validation_failed');
    expectProblem(await publish({ version: defaultVersion }), 409, 'conflict');
    expect((await packsOf(tanum.admin)).total).toBe(1);
  });

  it('publishes a new version with changed document facts, parameters and clause texts, which becomes current', async () => {
    const base = (await packsOf(tanum.admin)).items[0]!;
    // The current version is the one published last; the test clock stands still unless moved.
    context.clock.advanceMinutes(60);
    const published = expectStatus(
      await send(context, 'POST', `/api/v1/policy-packs/${base.id}/versions`, {
        headers: tanum.admin.authorization,
        body: {
          version: '2026.1',
          document: { decisionDate: '2026-11-20', decisionReference: 'KS 2026/412' },
          parameters: { registerConfirmationIntervalMonths: 6 },
          clauses: [{ id: 'ITP-4.2-DEPUTY', textSv: 'Varje system har minst en ersättare för systemansvarig.' }],
        },
      }),
      201,
    ) as Pack;
    expect(published).toMatchObject({
      version: '2026.1',
      current: true,
      document: { ...base.document, decisionDate: '2026-11-20', decisionReference: 'KS 2026/412' },
      publishedByName: 'Ada Administratör',
    });
    expect(published.parameters.find((parameter) => parameter.key === 'registerConfirmationIntervalMonths')!.value).toBe(6);
    expect(published.clauses.find((clause) => clause.id === 'ITP-4.2-DEPUTY')!.textSv).toBe(
      'Varje system har minst en ersättare för systemansvarig.',
    );
    expect(await packOf(employee, published.id)).toEqual(published);
    const packs = await packsOf(employee);
    expect(packs.items.map((pack) => [pack.version, pack.current])).toEqual([
      ['2026.1', true],
      [defaultVersion, false],
    ]);
    // The version it was based on is kept as it was.
    expect(
      (await packOf(employee, base.id)).parameters.find((parameter) => parameter.key === 'registerConfirmationIntervalMonths')!.value,
    ).not.toBe(6);
    expect(await auditActionsOf(published.id)).toEqual(['publish']);
    // Another municipality's pack is untouched.
    expect((await packsOf(lysekil.admin)).items.map((pack) => pack.version)).toEqual([defaultVersion]);
  });

  it('lets administrators and IT chiefs record and end exceptions, with If-Match, and nobody else', async () => {
    for (const user of [employee, departmentHead]) {
      expectProblem(
        await send(context, 'POST', '/api/v1/compliance/exceptions', {
          headers: user.authorization,
          body: { clauseId: 'ITP-2-COST', reason: 'Inte än' },
        }),
        403,
        'forbidden',
      );
    }
    const exception = expectStatus(
      await send(context, 'POST', '/api/v1/compliance/exceptions', {
        headers: itChief.authorization,
        body: { clauseId: 'ITP-2-COST', reason: 'Kostnaderna förs in under 2027', until: '2027-06-30' },
      }),
      201,
    );
    expect(exception).toMatchObject({ clauseId: 'ITP-2-COST', version: 1, until: '2027-06-30' });
    const listed = expectStatus(await send(context, 'GET', '/api/v1/compliance/exceptions', { headers: employee.authorization }), 200);
    expect(listed.items.map((item: { id: string }) => item.id)).toEqual([exception.id]);
    expect(
      expectStatus(await send(context, 'GET', '/api/v1/compliance/exceptions', { headers: lysekil.admin.authorization }), 200).items,
    ).toEqual([]);

    const remove = (user: Pick<TestUser, 'authorization'>, ifMatch?: number | string) =>
      send(context, 'DELETE', `/api/v1/compliance/exceptions/${exception.id}`, { headers: user.authorization, ifMatch });
    expectProblem(await remove(employee, 1), 403, 'forbidden');
    expectProblem(await remove(lysekil.admin, 1), 404, 'not_found');
    expectProblem(await remove(tanum.admin), 428, 'precondition_required');
    expectProblem(await remove(tanum.admin, 2), 412, 'version_mismatch');
    expectProblem(await remove(tanum.admin, '"stale-version-0"'), 412, 'version_mismatch');
    expect(expectStatus(await send(context, 'GET', '/api/v1/compliance/exceptions', { headers: employee.authorization }), 200).total).toBe(
      1,
    );
    expectStatus(await remove(tanum.admin, 1), 204);
    expect(expectStatus(await send(context, 'GET', '/api/v1/compliance/exceptions', { headers: employee.authorization }), 200).total).toBe(
      0,
    );
    expect(await auditActionsOf(exception.id)).toEqual(['create', 'delete']);
    expectProblem(await remove(tanum.admin, 1), 404, 'not_found');
  });
});
