import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, expectStatus, send } from '../../../test/http.ts';
import { systemFactories } from '../../../test/system-factories.ts';
import { createTestContext, factories, type TestContext, type TestMunicipality, type TestUser } from '../../../test/test-app.ts';

type Caller = Pick<TestUser, 'authorization'>;

describe('licences, consumption and the licence position API (ITP-7-LICENCE)', () => {
  let context: TestContext;
  let tanum: TestMunicipality;
  let other: TestMunicipality;
  let itUnit: TestUser;
  let careHead: TestUser;
  let employee: TestUser;
  let auditor: TestUser;

  const call = (caller: Caller, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown, ifMatch?: number) =>
    send(context, method, url, { headers: caller.authorization, ...(body !== undefined ? { body } : {}), ...(ifMatch ? { ifMatch } : {}) });
  const product = async (name: string, origin = 'commercial') =>
    expectStatus(
      await call(itUnit, 'POST', '/api/v1/software', { product: name, origin, ...(origin === 'open_source' ? { licence: 'MIT' } : {}) }),
      201,
    );
  const position = async (softwareId: string) =>
    expectStatus(await call(auditor, 'GET', `/api/v1/licence-position?softwareId=${softwareId}`), 200).items;

  beforeAll(async () => {
    context = await createTestContext();
    const make = factories(context);
    tanum = await make.municipality('Tanum');
    other = await make.municipality('Strömstad');
    const care = (await make.department(tanum, 'Omsorg')).id;
    itUnit = await make.user(tanum, 'it_unit');
    careHead = await make.user(tanum, 'department_head', care);
    employee = await make.user(tanum, 'employee', care);
    auditor = await make.user(tanum, 'auditor');
  });
  afterAll(() => context.close());

  it('keeps entitlements as counts: never negative, unlimited without a count, overlapping ones adding up', async () => {
    const office = await product('Microsoft 365');
    const body = { softwareId: office.id, metric: 'per_user', quantity: 300, validFrom: '2026-01-01', validUntil: '2026-12-31' };
    expectProblem(await call(careHead, 'POST', '/api/v1/licences', body), 403, 'forbidden');
    expectProblem(await call(employee, 'GET', '/api/v1/licences'), 403, 'forbidden');
    expectProblem(await call(itUnit, 'POST', '/api/v1/licences', { ...body, quantity: -1 }), 400, 'validation_failed');
    expectProblem(await call(itUnit, 'POST', '/api/v1/licences', { ...body, quantity: 1.5 }), 400, 'validation_failed');
    expectProblem(await call(itUnit, 'POST', '/api/v1/licences', { ...body, quantity: undefined }), 400, 'validation_failed');
    expectProblem(await call(itUnit, 'POST', '/api/v1/licences', { ...body, metric: 'unlimited' }), 400, 'validation_failed');
    expectProblem(await call(itUnit, 'POST', '/api/v1/licences', { ...body, validUntil: '2025-12-31' }), 400, 'validation_failed');
    const first = expectStatus(await call(itUnit, 'POST', '/api/v1/licences', body), 201);
    expect(first).toMatchObject({ softwareProduct: 'Microsoft 365', quantity: 300, current: true, can: { update: true, delete: true } });
    expectStatus(await call(itUnit, 'POST', '/api/v1/licences', { ...body, quantity: 50, validFrom: '2026-06-01', validUntil: null }), 201);
    // Not yet valid: does not count.
    expectStatus(
      await call(itUnit, 'POST', '/api/v1/licences', { ...body, quantity: 1000, validFrom: '2027-01-01', validUntil: null }),
      201,
    );
    expectStatus(await call(itUnit, 'POST', '/api/v1/licence-consumption', { softwareId: office.id, kind: 'assignment', count: 340 }), 201);
    expect(await position(office.id)).toEqual([
      {
        softwareId: office.id,
        softwareProduct: 'Microsoft 365',
        kind: 'assignment',
        entitled: 350,
        consumed: 340,
        expiredEntitled: 0,
        status: 'covered',
      },
    ]);
    expect(expectStatus(await call(careHead, 'GET', `/api/v1/licences?softwareId=${office.id}`), 200).total).toBe(3);
    expectProblem(await call(other.admin, 'GET', `/api/v1/licences/${first.id}`), 404, 'not_found');
    const updated = expectStatus(await call(itUnit, 'PATCH', `/api/v1/licences/${first.id}`, { quantity: 320 }, first.version), 200);
    expect(updated.quantity).toBe(320);
    expectProblem(await call(itUnit, 'PATCH', `/api/v1/licences/${first.id}`, { quantity: 1 }, first.version), 412, 'version_mismatch');
    expectProblem(await call(itUnit, 'PATCH', `/api/v1/licences/${first.id}`, { quantity: -5 }, updated.version), 400, 'validation_failed');
  });

  it('goes red when installations exceed the entitlement, and when only an expired entitlement covers them', async () => {
    const autocad = await product('AutoCAD');
    expectStatus(await call(itUnit, 'POST', '/api/v1/licences', { softwareId: autocad.id, metric: 'per_device', quantity: 10 }), 201);
    const installations = expectStatus(
      await call(itUnit, 'POST', '/api/v1/licence-consumption', { softwareId: autocad.id, kind: 'installation', count: 10 }),
      201,
    );
    expect((await position(autocad.id))[0]).toMatchObject({ entitled: 10, consumed: 10, status: 'covered' });
    const workstation = expectStatus(
      await call(itUnit, 'POST', '/api/v1/assets', {
        kind: 'pc',
        nonStandardDescription: 'CAD-arbetsstation',
        serial: 'SN-CAD-1',
        network: 'none',
      }),
      201,
    );
    const extra = expectStatus(
      await call(itUnit, 'POST', '/api/v1/licence-consumption', {
        softwareId: autocad.id,
        kind: 'installation',
        count: 1,
        assetId: workstation.id,
      }),
      201,
    );
    expect(extra).toMatchObject({ source: 'asset', count: 1 });
    expect((await position(autocad.id))[0]).toMatchObject({ entitled: 10, consumed: 11, status: 'over_consumed' });
    const over = expectStatus(await call(auditor, 'GET', '/api/v1/licence-position?overOnly=true'), 200);
    expect(over.overCount).toBeGreaterThanOrEqual(1);
    expect(over.items.map((row: { softwareProduct: string }) => row.softwareProduct)).toContain('AutoCAD');
    expectStatus(await call(itUnit, 'DELETE', `/api/v1/licence-consumption/${extra.id}`, undefined, extra.version), 204);
    expect((await position(autocad.id))[0]).toMatchObject({ consumed: 10, status: 'covered' });
    expect(installations.count).toBe(10);

    const visio = await product('Visio');
    expectStatus(
      await call(itUnit, 'POST', '/api/v1/licences', { softwareId: visio.id, metric: 'per_user', quantity: 5, validUntil: '2026-06-30' }),
      201,
    );
    expectStatus(await call(itUnit, 'POST', '/api/v1/licence-consumption', { softwareId: visio.id, kind: 'assignment', count: 3 }), 201);
    expect((await position(visio.id))[0]).toMatchObject({ entitled: 0, expiredEntitled: 5, consumed: 3, status: 'expired_consumed' });

    // A site licence covers any count; open source without licences is not counted.
    const antivirus = await product('Antivirus');
    expectStatus(await call(itUnit, 'POST', '/api/v1/licences', { softwareId: antivirus.id, metric: 'site', quantity: 1 }), 201);
    expectStatus(
      await call(itUnit, 'POST', '/api/v1/licence-consumption', { softwareId: antivirus.id, kind: 'installation', count: 4000 }),
      201,
    );
    expect((await position(antivirus.id))[0]).toMatchObject({ entitled: null, status: 'unlimited' });
    const firefox = await product('Firefox', 'open_source');
    expectStatus(
      await call(itUnit, 'POST', '/api/v1/licence-consumption', { softwareId: firefox.id, kind: 'installation', count: 900 }),
      201,
    );
    expect(await position(firefox.id)).toEqual([]);
  });

  it('imports an inventory all or nothing, with a dry run, and the same counts again change nothing', async () => {
    const acrobat = await product('Acrobat');
    const teams = await product('Teams');
    const rows = [
      { softwareId: acrobat.id, kind: 'installation', count: 120 },
      { softwareId: teams.id, kind: 'assignment', count: 800 },
    ];
    const url = '/api/v1/licence-consumption/import';
    expectProblem(await call(careHead, 'POST', url, { inventory: 'SCCM', rows }), 403, 'forbidden');
    const dry = expectStatus(await call(itUnit, 'POST', url, { inventory: 'SCCM', rows, dryRun: true }), 200);
    expect(dry).toMatchObject({ dryRun: true, replaced: 0, recorded: 2, changed: true });
    // Neither licensed nor consumed: nothing to say yet.
    expect(await position(acrobat.id)).toEqual([]);
    const broken = expectProblem(
      await call(itUnit, 'POST', url, {
        inventory: 'SCCM',
        rows: [...rows, { softwareId: '22222222-2222-4222-8222-222222222222', kind: 'core', count: 1 }],
      }),
      400,
      'validation_failed',
    );
    expect(broken.errors?.[0]?.path).toBe('rows.2.softwareId');
    expect(await position(acrobat.id)).toEqual([]);
    expect(expectStatus(await call(itUnit, 'POST', url, { inventory: 'SCCM', rows }), 200)).toMatchObject({ changed: true, recorded: 2 });
    expect(await position(acrobat.id)).toMatchObject([{ consumed: 120, status: 'over_consumed' }]);
    const again = expectStatus(await call(itUnit, 'POST', url, { inventory: 'SCCM', rows }), 200);
    expect(again).toMatchObject({ changed: false, replaced: 2 });
    expect(expectStatus(await call(itUnit, 'GET', `/api/v1/licence-consumption?softwareId=${acrobat.id}`), 200).total).toBe(1);
    // A new run of the same inventory replaces its counts.
    expectStatus(
      await call(itUnit, 'POST', url, { inventory: 'SCCM', rows: [{ softwareId: acrobat.id, kind: 'installation', count: 90 }] }),
      200,
    );
    expect(await position(acrobat.id)).toMatchObject([{ consumed: 90 }]);
    expect(await position(teams.id)).toEqual([]);
  });
  it('lists the licences of the software a system uses (systemId), and none of another municipality', async () => {
    const care = (await factories(context).department(tanum, 'Vård')).id;
    const system = await systemFactories(context).system(tanum, care, { name: 'Journalsystemet' });
    const used = expectStatus(
      await call(itUnit, 'POST', '/api/v1/software', { product: 'Journal Pro', origin: 'commercial', systemIds: [system.id] }),
      201,
    );
    const unused = await product('Ritprogram');
    const body = { metric: 'per_device', quantity: 10, validFrom: '2026-01-01', validUntil: null };
    const licence = expectStatus(await call(itUnit, 'POST', '/api/v1/licences', { ...body, softwareId: used.id }), 201);
    expectStatus(await call(itUnit, 'POST', '/api/v1/licences', { ...body, softwareId: unused.id }), 201);
    const listed = expectStatus(await call(auditor, 'GET', `/api/v1/licences?systemId=${system.id}`), 200);
    expect(listed.items.map((item: { id: string }) => item.id)).toEqual([licence.id]);
    expect(listed.total).toBe(1);
    expect(expectStatus(await call(other.admin, 'GET', `/api/v1/licences?systemId=${system.id}`), 200).total).toBe(0);

    // The position of the system's software only: the unused product's licence is not in it.
    const position = expectStatus(await call(auditor, 'GET', `/api/v1/licence-position?systemId=${system.id}`), 200);
    expect(position.items.map((row: { softwareId: string }) => row.softwareId)).toEqual([used.id]);
    expect(position.items[0]).toMatchObject({ entitled: 10, consumed: 0, status: 'covered' });
    expect(expectStatus(await call(other.admin, 'GET', `/api/v1/licence-position?systemId=${system.id}`), 200).items).toEqual([]);
  });

  it("counts an installation on an asset of the municipality only: another's asset is refused by the service and by the database's key", async () => {
    const viewer = await product('PDF-läsaren');
    const asset = (user: Caller, serial: string) =>
      call(user, 'POST', '/api/v1/assets', { kind: 'laptop', nonStandardDescription: 'Dell Latitude', serial, network: 'none' });
    const ours = expectStatus(await asset(itUnit, 'SN-CONSUMPTION-1'), 201);
    const theirs = expectStatus(await asset(await factories(context).user(other, 'it_unit'), 'SN-CONSUMPTION-2'), 201);
    const count = (assetId: string) =>
      call(itUnit, 'POST', '/api/v1/licence-consumption', { softwareId: viewer.id, kind: 'installation', count: 1, assetId });
    const refused = expectProblem(await count(theirs.id), 400, 'validation_failed');
    expect(refused.errors?.[0]).toMatchObject({ path: 'assetId' });
    expect(expectStatus(await count(ours.id), 201)).toMatchObject({ assetId: ours.id, source: 'asset' });
    // Past the service, the composite key (migration 125) refuses the other municipality's asset too.
    const row = {
      id: crypto.randomUUID(),
      municipality_id: tanum.id,
      software_id: viewer.id,
      kind: 'installation',
      count: 1,
      source: 'asset',
      asset_id: theirs.id,
      inventory: null,
      counted_on: '2026-12-01',
      created_at: new Date().toISOString(),
      updated_at: new Date().toISOString(),
      version: 1,
    };
    await expect(context.database.db.insertInto('licence_consumption').values(row).execute()).rejects.toThrow(/foreign key/i);
  });
});
