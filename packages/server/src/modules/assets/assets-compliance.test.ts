import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectStatus, send } from '../../../test/http.ts';
import { createTestContext, factories, type TestContext, type TestMunicipality, type TestUser } from '../../../test/test-app.ts';

interface Result {
  subjectId: string;
  status: string;
  reason: string;
  evidence: { assets: number; breaking: number; examples: string[] };
  fixPath: string;
}

describe('ITP-6 rules over the database', () => {
  let context: TestContext;
  let tanum: TestMunicipality;
  let school: string;
  let itUnit: TestUser;
  let itChief: TestUser;

  beforeAll(async () => {
    context = await createTestContext();
    const make = factories(context);
    tanum = await make.municipality('Tanum');
    school = (await make.department(tanum, 'Barn och utbildning')).id;
    itUnit = await make.user(tanum, 'it_unit');
    itChief = await make.user(tanum, 'it_chief');
  });
  afterAll(() => context.close());

  const post = (user: TestUser, url: string, body: unknown) => send(context, 'POST', url, { headers: user.authorization, body });
  const resultOf = async (rule: string) =>
    (
      expectStatus(
        await send(context, 'GET', `/api/v1/compliance/results?rule=${rule}&limit=100`, { headers: tanum.admin.authorization }),
        200,
      ) as { items: Result[] }
    ).items.find((result) => result.subjectId === school);

  it('judges a department’s equipment: its own printer, a model outside the catalogue, a school computer once on the town-hall network', async () => {
    const model = expectStatus(await post(itUnit, '/api/v1/asset-models', { kind: 'laptop', maker: 'Lenovo', model: 'ThinkPad T14' }), 201);
    const approved = expectStatus(
      await send(context, 'POST', `/api/v1/asset-models/${model.id}/approve`, {
        headers: itChief.authorization,
        body: { approvedFrom: '2026-01-01', approvedUntil: '2028-12-31' },
        ifMatch: model.version,
      }),
      200,
    );
    expect(approved.standard).toBe(true);
    // A standard laptop, the IT unit's: every rule passes the school.
    const laptop = expectStatus(
      await post(itUnit, '/api/v1/assets', {
        kind: 'laptop',
        modelId: model.id,
        serial: 'LAP-1',
        network: 'town_hall',
        departmentId: school,
      }),
      201,
    );
    expect(await resultOf('ITP-6-OWNED')).toMatchObject({ status: 'pass', reason: 'equipment_owned_by_it_unit', evidence: { assets: 1 } });
    expect(await resultOf('ITP-6-STANDARD')).toMatchObject({ status: 'pass', reason: 'equipment_standard' });
    expect(await resultOf('ITP-6-SCHOOL-NET')).toMatchObject({ status: 'pass', reason: 'town_hall_assets_owned' });

    // The school buys a printer of its own, with a reason the API asks for: ITP-6-OWNED fails, naming it.
    expectStatus(
      await post(itUnit, '/api/v1/assets', {
        kind: 'printer',
        nonStandardDescription: 'Skrivare köpt av skolan',
        inventoryNumber: 'SKOLA-7',
        departmentId: school,
        ownerKind: 'department',
        ownerDepartmentId: school,
        ownerReason: 'Köpt med skolans medel 2019',
      }),
      201,
    );
    expect(await resultOf('ITP-6-OWNED')).toMatchObject({
      status: 'fail',
      reason: 'equipment_owned_elsewhere',
      evidence: { assets: 2, breaking: 1, examples: ['SKOLA-7'] },
      fixPath: `/assets?departmentId=${school}&ownerKind=department`,
    });
    expect(await resultOf('ITP-6-STANDARD')).toMatchObject({ status: 'fail', reason: 'equipment_not_standard', evidence: { breaking: 1 } });
    // The laptop was on the town-hall network and is the IT unit's; the printer never was.
    expect(await resultOf('ITP-6-SCHOOL-NET')).toMatchObject({ status: 'pass', evidence: { assets: 1, breaking: 0 } });

    // Retired, the printer is no longer judged.
    const printers = expectStatus(await send(context, 'GET', '/api/v1/assets?kind=printer', { headers: itUnit.authorization }), 200) as {
      items: Array<{ id: string; version: number }>;
    };
    expectStatus(
      await send(context, 'PATCH', `/api/v1/assets/${printers.items[0]!.id}`, {
        headers: itUnit.authorization,
        body: { lifecycle: 'retired' },
        ifMatch: printers.items[0]!.version,
      }),
      200,
    );
    expect(await resultOf('ITP-6-OWNED')).toMatchObject({ status: 'pass', evidence: { assets: 1, breaking: 0 } });
    expect(laptop.everOnTownHall).toBe(true);
  });

  it('fails the town-hall rule for an asset that came in with another owner behind the API (an old register, a direct import)', async () => {
    const asset = expectStatus(
      await post(itUnit, '/api/v1/assets', {
        kind: 'pc',
        nonStandardDescription: 'Elevdator',
        serial: 'ELEV-3',
        network: 'school',
        departmentId: school,
      }),
      201,
    );
    // What the API refuses (ITP-6-SCHOOL-NET), data from before Förvalta can hold.
    await context.database.db
      .updateTable('assets')
      .set({ ever_on_town_hall: 1, owner_kind: 'department', owner_department_id: school, owner_reason: 'Skolans dator' })
      .where('id', '=', asset.id)
      .execute();
    expect(await resultOf('ITP-6-SCHOOL-NET')).toMatchObject({
      status: 'fail',
      reason: 'town_hall_asset_owned_elsewhere',
      evidence: { breaking: 1, examples: ['ELEV-3'] },
    });
  });
});
