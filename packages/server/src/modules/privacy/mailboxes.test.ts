import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, expectStatus, send } from '../../../test/http.ts';
import { createTestContext, factories, type TestContext, type TestMunicipality, type TestUser } from '../../../test/test-app.ts';

const url = '/api/v1/mailboxes';

describe('functional mailboxes API', () => {
  let context: TestContext;
  let make: ReturnType<typeof factories>;
  let tanum: TestMunicipality;
  let other: TestMunicipality;
  let building: string;
  let secretariat: TestUser;
  let head: TestUser;
  let responsible: { id: string; version: number };
  let deputy: { id: string; version: number };

  beforeAll(async () => {
    context = await createTestContext();
    make = factories(context);
    tanum = await make.municipality('Tanum');
    other = await make.municipality('Strömstad');
    building = (await make.department(tanum, 'Samhällsbyggnad')).id;
    secretariat = await make.user(tanum, 'secretariat');
    head = await make.user(tanum, 'department_head', building);
    responsible = await make.person(tanum, building);
    deputy = await make.person(tanum, building);
  });
  afterAll(() => context.close());

  it('is kept by the secretariat; saved without a deputy it is not covered, and a leaver uncovers it at once', async () => {
    const body = {
      address: 'Bygglov@Tanum.se',
      departmentId: building,
      purpose: 'Ansökningar om bygglov',
      responsiblePersonId: responsible.id,
    };
    expectProblem(await send(context, 'POST', url, { headers: head.authorization, body }), 403, 'forbidden');
    const created = expectStatus(
      await send(context, 'POST', url, { headers: secretariat.authorization, body: { ...body, receivesOfficialDocuments: true } }),
      201,
    );
    expect(created).toMatchObject({
      address: 'bygglov@tanum.se',
      covered: false,
      deputies: [],
      watchFrequency: 'daily',
      receivesOfficialDocuments: true,
      can: { update: true, delete: true },
    });
    const taken = expectProblem(await send(context, 'POST', url, { headers: secretariat.authorization, body }), 409, 'conflict');
    expect(taken.reason).toBe('mailbox_address_taken');
    // Unique within a municipality only: another one may keep the same address without learning of this one.
    const strömstadDepartment = (await make.department(other, 'Bygg')).id;
    expectStatus(
      await send(context, 'POST', url, {
        headers: other.admin.authorization,
        body: { address: 'bygglov@tanum.se', departmentId: strömstadDepartment },
      }),
      201,
    );
    expectProblem(
      await send(context, 'PATCH', `${url}/${created.id}`, {
        headers: secretariat.authorization,
        body: { deputyPersonIds: [responsible.id] },
        ifMatch: created.version,
      }),
      400,
      'validation_failed',
    );
    const covered = expectStatus(
      await send(context, 'PATCH', `${url}/${created.id}`, {
        headers: secretariat.authorization,
        body: { deputyPersonIds: [deputy.id] },
        ifMatch: created.version,
      }),
      200,
    );
    expect(covered.covered).toBe(true);
    expectProblem(
      await send(context, 'PATCH', `${url}/${created.id}`, {
        headers: secretariat.authorization,
        body: { purpose: 'x' },
        ifMatch: created.version,
      }),
      412,
      'version_mismatch',
    );
    const list = expectStatus(await send(context, 'GET', `${url}?covered=true`, { headers: head.authorization }), 200);
    expect(list).toMatchObject({ total: 1, coveredCount: 1 });
    expect(list.items[0].can).toEqual({ update: false, delete: false });

    // The deputy leaves: the mailbox is uncovered from that moment, with no job in between.
    expectStatus(
      await send(context, 'PATCH', `/api/v1/people/${deputy.id}`, {
        headers: tanum.admin.authorization,
        body: { employmentStatus: 'left', endDate: '2026-01-01' },
        ifMatch: deputy.version,
      }),
      200,
    );
    const after = expectStatus(await send(context, 'GET', `${url}/${created.id}`, { headers: head.authorization }), 200);
    expect(after.covered).toBe(false);
    expect(after.deputies[0].employmentStatus).toBe('left');
    const uncovered = expectStatus(
      await send(context, 'GET', `${url}?covered=false&personId=${deputy.id}`, { headers: head.authorization }),
      200,
    );
    expect(uncovered.items.map((item: { id: string }) => item.id)).toEqual([created.id]);

    expectProblem(await send(context, 'GET', `${url}/${created.id}`, { headers: other.admin.authorization }), 404, 'not_found');
    expectStatus(
      await send(context, 'DELETE', `${url}/${created.id}`, { headers: secretariat.authorization, ifMatch: after.version }),
      204,
    );
  });
});
