import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, expectStatus, send } from '../../../test/http.ts';
import { systemFactories } from '../../../test/system-factories.ts';
import { createTestContext, factories, type TestContext, type TestMunicipality } from '../../../test/test-app.ts';

/**
 * Issue #12, HTTP semantics (RFC 9110 §13.1.1): If-Match with an entity tag the server did not
 * issue matches no current record, so the change is refused with 412, not 400; `*` matches any
 * current record. ETags stay "<version>".
 */
describe('If-Match', () => {
  let context: TestContext;
  let tanum: TestMunicipality;
  let other: TestMunicipality;
  let make: ReturnType<typeof factories>;

  beforeAll(async () => {
    context = await createTestContext();
    make = factories(context);
    tanum = await make.municipality('Tanum');
    other = await make.municipality('Strömstad');
  });
  afterAll(() => context.close());

  const patchDepartment = (id: string, ifMatch: string, municipality = tanum) =>
    send(context, 'PATCH', `/api/v1/departments/${id}`, {
      headers: municipality.admin.authorization,
      ifMatch,
      body: { name: 'Nytt namn' },
    });

  it('answers 412 to an entity tag the server did not issue, and changes nothing', async () => {
    const department = await make.department(tanum, 'Omsorg');
    for (const tag of ['"stale-version-0"', 'W/"abc"', '"1.0"', 'garbage']) {
      expectProblem(await patchDepartment(department.id, tag), 412, 'version_mismatch');
    }
    const after = expectStatus(
      await send(context, 'GET', `/api/v1/departments/${department.id}`, { headers: tanum.admin.authorization }),
      200,
    );
    expect(after).toMatchObject({ name: 'Omsorg', version: department.version });
    // Another municipality's record is still not found, whatever the tag: 404 comes before 412.
    expectProblem(await patchDepartment(department.id, '"stale-version-0"', other), 404, 'not_found');
  });

  it('lets * match any current record, for an update and a delete, and the ETag stays "<version>"', async () => {
    const department = await make.department(tanum, 'Skola');
    const response = await patchDepartment(department.id, '*');
    const updated = expectStatus(response, 200);
    expect(updated).toMatchObject({ name: 'Nytt namn', version: department.version + 1 });
    expect(response.headers.etag).toBe(`"${department.version + 1}"`);
    // A list whose first issued tag is current matches too.
    expectStatus(
      await send(context, 'PATCH', `/api/v1/departments/${department.id}`, {
        headers: tanum.admin.authorization,
        ifMatch: `"stale-version-0", "${updated.version}"`,
        body: { name: 'Skolan' },
      }),
      200,
    );
    const system = await systemFactories(context).system(tanum, department.id);
    expectStatus(await send(context, 'DELETE', `/api/v1/systems/${system.id}`, { headers: tanum.admin.authorization, ifMatch: '*' }), 204);
    expectProblem(await send(context, 'GET', `/api/v1/systems/${system.id}`, { headers: tanum.admin.authorization }), 404, 'not_found');
    // Still required: no header at all is 428.
    expectProblem(
      await send(context, 'PATCH', `/api/v1/departments/${department.id}`, { headers: tanum.admin.authorization, body: { name: 'X' } }),
      428,
      'precondition_required',
    );
  });
});
