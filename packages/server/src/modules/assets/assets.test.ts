import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, expectStatus, send } from '../../../test/http.ts';
import { systemFactories } from '../../../test/system-factories.ts';
import { createTestContext, factories, type TestContext, type TestMunicipality, type TestUser } from '../../../test/test-app.ts';

describe('equipment API: models and assets', () => {
  let context: TestContext;
  let tanum: TestMunicipality;
  let other: TestMunicipality;
  let itUnit: TestUser;
  let itChief: TestUser;
  let auditor: TestUser;
  let schoolHead: TestUser;
  let employee: TestUser;
  let school: string;
  let care: string;
  let systemId: string;
  let steward: TestUser;

  beforeAll(async () => {
    context = await createTestContext();
    const make = factories(context);
    const register = systemFactories(context);
    tanum = await make.municipality('Tanum');
    other = await make.municipality('Strömstad');
    school = (await make.department(tanum, 'Barn och utbildning')).id;
    care = (await make.department(tanum, 'Omsorg')).id;
    itUnit = await make.user(tanum, 'it_unit');
    itChief = await make.user(tanum, 'it_chief');
    auditor = await make.user(tanum, 'auditor');
    schoolHead = await make.user(tanum, 'department_head', school);
    employee = await make.user(tanum, 'employee', care);
    steward = await make.user(tanum, 'employee', care);
    const system = await register.system(tanum, care, { name: 'Procapita' });
    await register.appoint(tanum, system.id, steward.personId, 'manager');
    systemId = system.id;
  });
  afterAll(() => context.close());

  const post = (user: TestUser, url: string, body: unknown) => send(context, 'POST', url, { headers: user.authorization, body });
  const patch = (user: TestUser, url: string, body: unknown, ifMatch: number) =>
    send(context, 'PATCH', url, { headers: user.authorization, body, ifMatch });
  const get = (user: TestUser, url: string) => send(context, 'GET', url, { headers: user.authorization });

  it('keeps the catalogue by the IT unit, approved only by the IT chief (ITP-6-STANDARD)', async () => {
    const body = { kind: 'laptop', maker: 'Lenovo', model: 'ThinkPad T14' };
    expectProblem(await post(employee, '/api/v1/asset-models', body), 403, 'forbidden');
    expectProblem(await post(itUnit, '/api/v1/asset-models', { ...body, approvedFrom: '2026-01-01' }), 400, 'validation_failed');
    const model = expectStatus(await post(itUnit, '/api/v1/asset-models', body), 201);
    expect(model).toMatchObject({
      name: 'Lenovo ThinkPad T14',
      standard: false,
      approvedFrom: null,
      can: { update: true, approve: false },
    });
    expect(expectProblem(await post(itUnit, '/api/v1/asset-models', body), 409, 'conflict').reason).toBe('asset_model_name_taken');

    const approve = { approvedFrom: '2026-01-01', approvedUntil: '2028-12-31' };
    expectProblem(
      await send(context, 'POST', `/api/v1/asset-models/${model.id}/approve`, { headers: itUnit.authorization, body: approve, ifMatch: 1 }),
      403,
      'forbidden',
    );
    expectProblem(
      await send(context, 'POST', `/api/v1/asset-models/${model.id}/approve`, {
        headers: itChief.authorization,
        body: { approvedFrom: '2026-01-01', approvedUntil: '2025-01-01' },
        ifMatch: 1,
      }),
      400,
      'validation_failed',
    );
    const approved = expectStatus(
      await send(context, 'POST', `/api/v1/asset-models/${model.id}/approve`, {
        headers: itChief.authorization,
        body: approve,
        ifMatch: 1,
      }),
      200,
    );
    expect(approved).toMatchObject({
      standard: true,
      approvedFrom: '2026-01-01',
      approvedUntil: '2028-12-31',
      approvedByName: expect.any(String),
    });
    expect(approved.can.approve).toBe(true);
    // A stale version is refused.
    expectProblem(await patch(itUnit, `/api/v1/asset-models/${model.id}`, { description: 'Handläggardator' }, 1), 412, 'version_mismatch');
    const standardOnly = expectStatus(await get(employee, '/api/v1/asset-models?standard=true&kind=laptop'), 200);
    expect(standardOnly.items.map((item: { id: string }) => item.id)).toEqual([model.id]);
    // Another municipality's model does not exist here.
    expectProblem(await get(other.admin, `/api/v1/asset-models/${model.id}`), 404, 'not_found');
  });

  it('owns an asset by the IT unit unless another owner is named with a reason, and keeps its networks', async () => {
    const created = expectStatus(
      await post(itUnit, '/api/v1/assets', {
        kind: 'pc',
        nonStandardDescription: 'Egenbyggd dator',
        inventoryNumber: 'INV-0001',
        network: 'school',
        departmentId: school,
        purchaseDate: '2025-08-01',
        purchaseCost: 8900,
        warrantyEnd: '2028-08-01',
      }),
      201,
    );
    expect(created).toMatchObject({
      ownerKind: 'it_unit',
      network: 'school',
      everOnTownHall: false,
      lifecycle: 'in_use',
      label: 'INV-0001',
      departmentName: 'Barn och utbildning',
      standardModel: false,
      can: { update: true },
    });
    expectProblem(await post(itUnit, '/api/v1/assets', { kind: 'pc', nonStandardDescription: 'Utan nyckel' }), 400, 'validation_failed');
    expect(
      expectProblem(
        await post(itUnit, '/api/v1/assets', { kind: 'pc', nonStandardDescription: 'Dubblett', inventoryNumber: 'INV-0001' }),
        409,
        'conflict',
      ).reason,
    ).toBe('asset_key_taken');
    // Another owner needs a reason.
    const url = `/api/v1/assets/${created.id}`;
    expectProblem(
      await patch(itUnit, url, { ownerKind: 'department', ownerDepartmentId: school }, created.version),
      400,
      'validation_failed',
    );
    const owned = expectStatus(
      await patch(
        itUnit,
        url,
        { ownerKind: 'department', ownerDepartmentId: school, ownerReason: 'Köpt med skolans medel för undervisning' },
        created.version,
      ),
      200,
    );
    expect(owned).toMatchObject({ ownerKind: 'department', ownerDepartmentName: 'Barn och utbildning', ownerReason: expect.any(String) });

    // On the town-hall network it becomes the IT unit's for good: another owner is refused naming the clause.
    const onTownHall = expectStatus(await patch(itUnit, url, { network: 'town_hall', ownerKind: 'it_unit' }, owned.version), 200);
    expect(onTownHall).toMatchObject({ everOnTownHall: true, ownerKind: 'it_unit', ownerReason: null });
    const back = expectStatus(await patch(itUnit, url, { network: 'school' }, onTownHall.version), 200);
    const refused = expectProblem(
      await patch(itUnit, url, { ownerKind: 'department', ownerDepartmentId: school, ownerReason: 'Tillbaka till skolan' }, back.version),
      422,
      'rule_violation',
    );
    expect(refused).toMatchObject({ requirement: 'ITP-6-SCHOOL-NET', reason: 'asset_owner_town_hall' });

    const periods = expectStatus(await get(itUnit, `${url}/network-periods`), 200);
    expect(periods.items.map((period: { network: string }) => period.network)).toEqual(['school', 'town_hall', 'school']);
    expect(periods.items.filter((period: { endedOn: string | null }) => period.endedOn === null)).toHaveLength(1);
    const history = expectStatus(await get(auditor, `${url}/history`), 200);
    expect(history.items.map((event: { action: string }) => event.action)).toEqual(['update', 'update', 'update', 'create']);
  });

  it('filters and pages on the server, and shows each reader only the assets they may see', async () => {
    for (let index = 0; index < 5; index += 1) {
      expectStatus(
        await post(itUnit, '/api/v1/assets', {
          kind: index % 2 === 0 ? 'printer' : 'laptop',
          nonStandardDescription: 'Lagerutrustning',
          serial: `SER-${index}`,
          departmentId: index < 3 ? care : school,
          lifecycle: index === 4 ? 'retired' : 'in_use',
          systemIds: index === 0 ? [systemId] : [],
        }),
        201,
      );
    }
    const firstPage = expectStatus(await get(itUnit, '/api/v1/assets?limit=2'), 200);
    expect(firstPage.items).toHaveLength(2);
    expect(firstPage.total).toBe(6);
    // Counted exactly below the cap of 10,000 (a longer list answers the cap and totalCapped).
    expect(firstPage.totalCapped).toBe(false);
    const secondPage = expectStatus(await get(itUnit, `/api/v1/assets?limit=2&cursor=${firstPage.nextCursor}`), 200);
    expect(secondPage.items[0].id).not.toBe(firstPage.items[1].id);
    const printers = expectStatus(await get(itUnit, `/api/v1/assets?kind=printer&departmentId=${care}`), 200);
    expect(printers.items.map((asset: { serial: string }) => asset.serial)).toEqual(['SER-0', 'SER-2']);
    expect(expectStatus(await get(itUnit, '/api/v1/assets?lifecycle=retired'), 200).total).toBe(1);
    expect(expectStatus(await get(itUnit, '/api/v1/assets?network=school&ownerKind=it_unit'), 200).total).toBe(1);
    expect(expectStatus(await get(itUnit, `/api/v1/assets?systemId=${systemId}`), 200).items[0].systems).toEqual([
      { id: systemId, name: 'Procapita' },
    ]);

    // The school's head sees the school's assets; the system's manager those of the system; an employee none.
    const headSees = expectStatus(await get(schoolHead, '/api/v1/assets'), 200);
    expect(headSees.total).toBe(3);
    expect(headSees.items.every((asset: { can: { update: boolean } }) => !asset.can.update)).toBe(true);
    expect(expectStatus(await get(steward, '/api/v1/assets'), 200).items.map((asset: { serial: string }) => asset.serial)).toEqual([
      'SER-0',
    ]);
    expect(expectStatus(await get(employee, '/api/v1/assets'), 200).total).toBe(0);
    expect(expectStatus(await get(auditor, '/api/v1/assets'), 200).total).toBe(6);
    const careAsset = printers.items[0];
    expectProblem(await get(schoolHead, `/api/v1/assets/${careAsset.id}`), 404, 'not_found');
    expectProblem(await get(other.admin, `/api/v1/assets/${careAsset.id}`), 404, 'not_found');
    expectProblem(await patch(schoolHead, `/api/v1/assets/${headSees.items[0].id}`, { location: 'Skolan' }, 1), 403, 'forbidden');
  });

  it('withholds a marked asset’s network details from those without confidential.read, its network filter and history too', async () => {
    const careHead = await factories(context).user(tanum, 'department_head', care);
    const marked = expectStatus(
      await post(itUnit, '/api/v1/assets', {
        kind: 'server',
        serial: 'SRV-OSL-1',
        nonStandardDescription: 'Brandväggsserver',
        network: 'town_hall',
        location: 'Serverhall B, rack 4',
        departmentId: care,
        confidentialOslParagraph: '18 kap. 8 § OSL',
      }),
      201,
    );
    expect(marked).toMatchObject({ network: 'town_hall', location: 'Serverhall B, rack 4', networkDetailsWithheld: false });
    for (const reader of [itUnit, itChief, auditor]) {
      expect(expectStatus(await get(reader, `/api/v1/assets/${marked.id}`), 200)).toMatchObject({
        network: 'town_hall',
        location: 'Serverhall B, rack 4',
        confidentialOslParagraph: '18 kap. 8 § OSL',
      });
    }
    const withheld = expectStatus(await get(careHead, `/api/v1/assets/${marked.id}`), 200);
    expect(withheld).toMatchObject({
      serial: 'SRV-OSL-1',
      network: null,
      location: null,
      confidentialOslParagraph: '18 kap. 8 § OSL',
      networkDetailsWithheld: true,
    });
    expect(expectStatus(await get(careHead, `/api/v1/assets/${marked.id}/network-periods`), 200).items).toEqual([]);
    expect(expectStatus(await get(itUnit, `/api/v1/assets/${marked.id}/network-periods`), 200).items).toHaveLength(1);
    expect(expectStatus(await get(careHead, `/api/v1/assets/${marked.id}/history`), 200).items).toEqual([]);
    expect(JSON.stringify(expectStatus(await get(careHead, `/api/v1/assets?limit=100`), 200))).not.toContain('Serverhall B');
    // Filtering by the network cannot tell the head which network it is on.
    const byNetwork = async (user: TestUser) =>
      expectStatus(await get(user, `/api/v1/assets?network=town_hall&departmentId=${care}&limit=100`), 200).items.map(
        (asset: { id: string }) => asset.id,
      );
    expect(await byNetwork(itUnit)).toContain(marked.id);
    expect(await byNetwork(careHead)).not.toContain(marked.id);
  });
});
