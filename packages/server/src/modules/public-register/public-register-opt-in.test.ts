import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, expectStatus, send } from '../../../test/http.ts';
import { systemFactories } from '../../../test/system-factories.ts';
import { createTestContext, factories, type TestContext, type TestMunicipality } from '../../../test/test-app.ts';
import * as publicRegisterOptIn from '../../migrations/2026-12-02-060-public-register-opt-in.ts';

/**
 * Issue #12, finding 7: the register was published for every new municipality, listed empty new
 * tenants, showed systems still being planned, and its search matched facts that were not
 * published (q=identitet found Active Directory by its tag). Each test is that probe.
 */
describe('the public register is published only when and as the administrator chose', () => {
  let context: TestContext;
  let make: ReturnType<typeof factories>;
  let register: ReturnType<typeof systemFactories>;

  beforeAll(async () => {
    context = await createTestContext();
    make = factories(context);
    register = systemFactories(context);
  });
  afterAll(() => context.close());

  /**
   * A system in the given lifecycle. Set in the table: the register's rules (a system in production
   * needs a manager and a deputy) are not what is tested here, and a tested path would hide nothing.
   */
  async function systemIn(municipality: TestMunicipality, department: string, lifecycle: string, overrides: Record<string, unknown> = {}) {
    const system = await register.system(municipality, department, overrides);
    await context.database.db.updateTable('systems').set({ lifecycle }).where('id', '=', system.id).execute();
    return system;
  }
  const listed = async () =>
    expectStatus(await send(context, 'GET', '/public/v1/municipalities'), 200).items as Array<{ code: string; systemCount: number }>;
  const settingsOf = async (municipality: TestMunicipality) =>
    expectStatus(await send(context, 'GET', '/api/v1/public-register-settings', { headers: municipality.admin.authorization }), 200);
  async function choose(municipality: TestMunicipality, body: Record<string, unknown>) {
    const { version } = await settingsOf(municipality);
    return expectStatus(
      await send(context, 'PUT', '/api/v1/public-register-settings', { headers: municipality.admin.authorization, body, ifMatch: version }),
      200,
    );
  }
  const publicNames = async (municipality: TestMunicipality, q?: string) => {
    const url = `/public/v1/systems?municipality=${municipality.code}${q ? `&q=${encodeURIComponent(q)}` : ''}`;
    const page = expectStatus(await send(context, 'GET', url), 200);
    return (page.items as Array<{ name: string }>).map((item) => item.name).sort();
  };

  it('publishes nothing of a new municipality until its administrator turns the register on', async () => {
    const fresh = await make.municipality('Nystart');
    const department = (await make.department(fresh, 'Kansliet')).id;
    await systemIn(fresh, department, 'in_production', { name: 'Ärendesystemet' });
    expect(await settingsOf(fresh)).toEqual({
      enabled: false,
      fields: ['purpose', 'ownerDepartment', 'kind', 'lifecycle', 'supplier'],
      lifecycles: ['in_production'],
      version: 1,
    });
    expect((await listed()).map((item) => item.code)).not.toContain(fresh.code);
    expectProblem(await send(context, 'GET', `/public/v1/systems?municipality=${fresh.code}`), 404, 'not_found');

    const saved = await choose(fresh, { enabled: true, fields: ['purpose'] });
    // Lifecycles left out keep the ones chosen before: the default.
    expect(saved).toMatchObject({ enabled: true, fields: ['purpose'], lifecycles: ['in_production'], version: 2 });
    expect(await listed()).toContainEqual({ code: fresh.code, name: `Nystart ${fresh.code}`, systemCount: 1 });
    expect(await publicNames(fresh)).toEqual(['Ärendesystemet']);

    await choose(fresh, { enabled: false, fields: ['purpose'] });
    expect((await listed()).map((item) => item.code)).not.toContain(fresh.code);
    expectProblem(await send(context, 'GET', `/public/v1/systems?municipality=${fresh.code}`), 404, 'not_found');
  });

  it('shows only the lifecycles the administrator chose, by default systems in production, never retired ones', async () => {
    const municipality = await make.municipality('Livscykel');
    const department = (await make.department(municipality, 'Förvaltningen')).id;
    for (const lifecycle of ['planned', 'introducing', 'in_production', 'retiring', 'retired'] as const) {
      await systemIn(municipality, department, lifecycle, { name: `System ${lifecycle}` });
    }
    await choose(municipality, { enabled: true, fields: ['lifecycle'] });
    expect(await publicNames(municipality)).toEqual(['System in_production']);
    expect((await listed()).find((item) => item.code === municipality.code)?.systemCount).toBe(1);
    // Nor does the search reach a planned system by its name.
    expect(await publicNames(municipality, 'planned')).toEqual([]);

    await choose(municipality, { enabled: true, fields: ['lifecycle'], lifecycles: ['planned', 'retiring'] });
    expect(await publicNames(municipality)).toEqual(['System planned', 'System retiring']);
    expect((await listed()).find((item) => item.code === municipality.code)?.systemCount).toBe(2);

    const { version } = await settingsOf(municipality);
    expectProblem(
      await send(context, 'PUT', '/api/v1/public-register-settings', {
        headers: municipality.admin.authorization,
        body: { enabled: true, fields: [], lifecycles: ['retired'] },
        ifMatch: version,
      }),
      400,
      'validation_failed',
    );

    // No lifecycle chosen: the register is open but lists nothing.
    await choose(municipality, { enabled: true, fields: [], lifecycles: [] });
    const empty = expectStatus(await send(context, 'GET', `/public/v1/systems?municipality=${municipality.code}`), 200);
    expect(empty).toMatchObject({ items: [], total: 0, nextCursor: null });
    expect((await listed()).find((item) => item.code === municipality.code)?.systemCount).toBe(0);
  });

  it('searches only the name and the published facts, never tags or a product that is not shown', async () => {
    const municipality = await make.municipality('Sök');
    const department = (await make.department(municipality, 'IT-enheten')).id;
    await systemIn(municipality, department, 'in_production', {
      name: 'Katalogtjänst',
      product: 'Active Directory',
      supplier: 'Microsoft',
      purpose: 'Inloggning för anställda',
      tags: ['identitet'],
    });
    await choose(municipality, { enabled: true, fields: ['supplier'] });
    expect(await publicNames(municipality, 'identitet')).toEqual([]);
    expect(await publicNames(municipality, 'directory')).toEqual([]);
    expect(await publicNames(municipality, 'inloggning')).toEqual([]);
    expect(await publicNames(municipality, 'it-enheten')).toEqual([]);
    expect(await publicNames(municipality, 'microsoft')).toEqual(['Katalogtjänst']);
    expect(await publicNames(municipality, 'katalog')).toEqual(['Katalogtjänst']);

    await choose(municipality, { enabled: true, fields: ['product', 'purpose', 'ownerDepartment'] });
    expect(await publicNames(municipality, 'directory')).toEqual(['Katalogtjänst']);
    expect(await publicNames(municipality, 'inloggning')).toEqual(['Katalogtjänst']);
    expect(await publicNames(municipality, 'it-enheten')).toEqual(['Katalogtjänst']);
    expect(await publicNames(municipality, 'microsoft')).toEqual([]);
    expect(await publicNames(municipality, 'identitet')).toEqual([]);
  });

  it('upgrades: a municipality that never chose is no longer published, a saved choice stays, the demo keeps its register', async () => {
    const db = context.database.db;
    const never = await make.municipality('Aldrigvald');
    const chosen = await make.municipality('Valde');
    await choose(chosen, { enabled: true, fields: ['purpose'], lifecycles: ['planned', 'in_production'] });
    const demoId = randomUUID();
    const now = context.clock.now().toISOString();
    await db
      .insertInto('municipalities')
      .values({ id: demoId, code: '1435', name: 'Tanums kommun (demo)', created_at: now, updated_at: now, version: 1 })
      .execute();
    // The database as it was before the migration: no lifecycle column, the demo without a settings row.
    await publicRegisterOptIn.down(db as never);
    await publicRegisterOptIn.up(db as never);

    expect(await settingsOf(never)).toMatchObject({ enabled: false, version: 1 });
    // A saved choice keeps on/off and its fields; the lifecycles fall back to production only.
    expect(await settingsOf(chosen)).toMatchObject({ enabled: true, fields: ['purpose'], lifecycles: ['in_production'] });
    const demo = await db
      .selectFrom('public_register_settings')
      .selectAll()
      .where('municipality_id', '=', demoId)
      .executeTakeFirstOrThrow();
    expect({ enabled: demo.enabled, lifecycles: JSON.parse(demo.lifecycles_json) }).toEqual({ enabled: 1, lifecycles: ['in_production'] });
    const codes = (await listed()).map((item) => item.code);
    expect(codes).toContain('1435');
    expect(codes).toContain(chosen.code);
    expect(codes).not.toContain(never.code);
  });
});
