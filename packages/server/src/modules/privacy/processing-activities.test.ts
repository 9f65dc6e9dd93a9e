import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, expectStatus, send } from '../../../test/http.ts';
import { systemFactories } from '../../../test/system-factories.ts';
import { createTestContext, factories, type TestContext, type TestMunicipality, type TestUser } from '../../../test/test-app.ts';

const url = '/api/v1/processing-activities';

describe('processing activities API', () => {
  let context: TestContext;
  let tanum: TestMunicipality;
  let other: TestMunicipality;
  let care: string;
  let school: string;
  let careHead: TestUser;
  let schoolHead: TestUser;
  let steward: TestUser;
  let officer: TestUser;
  let auditor: TestUser;
  let employee: TestUser;
  let careSystem: string;
  let schoolSystem: string;

  const body = () => ({
    name: 'Social dokumentation',
    purpose: 'Dokumentation av insatser enligt SoL och HSL',
    legalBasis: 'legal_obligation',
    legalBasisNote: 'SoL 11 kap. 5 §',
    specialCategoryBasis: 'health_or_social_care',
    dataSubjectCategories: ['Brukare', 'Anhöriga'],
    personalDataCategories: [
      { name: 'Personnummer', special: false },
      { name: 'Hälsa', special: true },
    ],
    recipients: ['IVO'],
    thirdCountryTransfers: [],
    retention: 'Gallras 5 år efter sista anteckning',
    technicalMeasures: 'Behörighetsstyrning, loggning',
    controllerDepartmentId: care,
    controllerBoard: 'Omsorgsnämnden',
    systemIds: [careSystem],
    processors: [{ name: 'Leverantör AB', agreementSignedOn: '2025-01-10', agreementExpiresOn: '2027-01-10' }],
    dpiaNeeded: true,
    dpiaDoneOn: '2025-02-01',
  });

  beforeAll(async () => {
    context = await createTestContext();
    const make = factories(context);
    const register = systemFactories(context);
    tanum = await make.municipality('Tanum');
    other = await make.municipality('Strömstad');
    care = (await make.department(tanum, 'Omsorg')).id;
    school = (await make.department(tanum, 'Skola')).id;
    careHead = await make.user(tanum, 'department_head', care);
    schoolHead = await make.user(tanum, 'department_head', school);
    officer = await make.user(tanum, 'data_protection_officer');
    auditor = await make.user(tanum, 'auditor');
    employee = await make.user(tanum, 'employee', care);
    steward = await make.user(tanum, 'employee', school);
    careSystem = (await register.system(tanum, care, { name: 'Treserva', processesPersonalData: true })).id;
    schoolSystem = (await register.system(tanum, school, { name: 'Skolplattform', processesPersonalData: true })).id;
    await register.appoint(tanum, schoolSystem, steward.personId, 'manager');
  });
  afterAll(() => context.close());

  it('is drafted by the controller department and the stewards of its systems, and read by all', async () => {
    const created = expectStatus(await send(context, 'POST', url, { headers: careHead.authorization, body: body() }), 201);
    expect(created).toMatchObject({
      reviewState: 'pending',
      hasSpecialCategories: true,
      controllerDepartmentName: 'Omsorg',
      systems: [{ id: careSystem, name: 'Treserva' }],
      processors: [{ name: 'Leverantör AB', agreementSignedOn: '2025-01-10', agreementExpiresOn: '2027-01-10' }],
      can: { update: true, delete: true, review: false },
    });
    // Another department's head, and an employee, read it but may not change it.
    const asSchoolHead = expectStatus(await send(context, 'GET', `${url}/${created.id}`, { headers: schoolHead.authorization }), 200);
    expect(asSchoolHead.can).toEqual({ update: false, delete: false, review: false });
    expectProblem(
      await send(context, 'PATCH', `${url}/${created.id}`, { headers: schoolHead.authorization, body: { retention: 'x' }, ifMatch: 1 }),
      403,
      'forbidden',
    );
    expectProblem(await send(context, 'POST', url, { headers: employee.authorization, body: body() }), 403, 'forbidden');
    expectProblem(await send(context, 'POST', url, { headers: schoolHead.authorization, body: body() }), 403, 'forbidden');
    expectStatus(await send(context, 'GET', `${url}/${created.id}`, { headers: auditor.authorization }), 200);
    // The steward of the school platform drafts a record of the school's system (not their department's).
    const stewards = expectStatus(
      await send(context, 'POST', url, {
        headers: steward.authorization,
        body: { ...body(), name: 'Elevregister', controllerDepartmentId: care, systemIds: [schoolSystem], processors: [] },
      }),
      201,
    );
    expect(stewards.can.update).toBe(true);
    // …but may not move it out of their systems.
    expectProblem(
      await send(context, 'PATCH', `${url}/${stewards.id}`, {
        headers: steward.authorization,
        body: { systemIds: [careSystem] },
        ifMatch: stewards.version,
      }),
      403,
      'forbidden',
    );
    expectProblem(await send(context, 'GET', `${url}/${created.id}`, { headers: other.admin.authorization }), 404, 'not_found');
    expectProblem(
      await send(context, 'POST', url, { headers: careHead.authorization, body: { ...body(), systemIds: [crypto.randomUUID()] } }),
      400,
      'validation_failed',
    );
    expectProblem(
      await send(context, 'POST', url, { headers: careHead.authorization, body: { ...body(), owner: 'x' } }),
      400,
      'validation_failed',
    );
  });

  it('is reviewed by the data protection officer alone, and a changed record loses its approval', async () => {
    const created = expectStatus(
      await send(context, 'POST', url, { headers: careHead.authorization, body: { ...body(), name: 'Hemtjänstplanering' } }),
      201,
    );
    const reviewUrl = `${url}/${created.id}/reviews`;
    expectProblem(
      await send(context, 'POST', reviewUrl, { headers: careHead.authorization, body: { outcome: 'approved' }, ifMatch: created.version }),
      403,
      'forbidden',
    );
    expectProblem(
      await send(context, 'POST', reviewUrl, {
        headers: tanum.admin.authorization,
        body: { outcome: 'approved' },
        ifMatch: created.version,
      }),
      403,
      'forbidden',
    );
    // Remarks are needed unless approved as it stands.
    expectProblem(
      await send(context, 'POST', reviewUrl, { headers: officer.authorization, body: { outcome: 'returned' }, ifMatch: created.version }),
      400,
      'validation_failed',
    );
    expectProblem(
      await send(context, 'POST', reviewUrl, {
        headers: officer.authorization,
        body: { outcome: 'approved' },
        ifMatch: created.version + 5,
      }),
      412,
      'version_mismatch',
    );
    const asOfficer = expectStatus(await send(context, 'GET', `${url}/${created.id}`, { headers: officer.authorization }), 200);
    expect(asOfficer.can).toEqual({ update: false, delete: false, review: true });
    const review = expectStatus(
      await send(context, 'POST', reviewUrl, {
        headers: officer.authorization,
        body: { outcome: 'approved_with_remarks', remarks: 'Ange gallringsbeslutets nummer.' },
        ifMatch: created.version,
      }),
      201,
    );
    expect(review).toMatchObject({ outcome: 'approved_with_remarks', activityVersion: created.version });
    const approved = expectStatus(await send(context, 'GET', `${url}/${created.id}`, { headers: careHead.authorization }), 200);
    expect(approved.reviewState).toBe('approved_with_remarks');
    expect(approved.lastReviewedOn).toBe(review.reviewedOn);

    // Saving it unchanged keeps the approval…
    const unchanged = expectStatus(
      await send(context, 'PATCH', `${url}/${created.id}`, {
        headers: careHead.authorization,
        body: { retention: approved.retention },
        ifMatch: approved.version,
      }),
      200,
    );
    expect(unchanged.reviewState).toBe('approved_with_remarks');
    // …a change does not: it is the officer's again.
    const changed = expectStatus(
      await send(context, 'PATCH', `${url}/${created.id}`, {
        headers: careHead.authorization,
        body: { recipients: ['IVO', 'Försäkringskassan'] },
        ifMatch: unchanged.version,
      }),
      200,
    );
    expect(changed).toMatchObject({ reviewState: 'pending', lastReviewedOn: review.reviewedOn });
    expectProblem(
      await send(context, 'PATCH', `${url}/${created.id}`, {
        headers: careHead.authorization,
        body: { retention: 'y' },
        ifMatch: unchanged.version,
      }),
      412,
      'version_mismatch',
    );

    const history = expectStatus(await send(context, 'GET', reviewUrl, { headers: employee.authorization }), 200);
    expect(history.items).toHaveLength(1);
    expectProblem(await send(context, 'GET', reviewUrl, { headers: other.admin.authorization }), 404, 'not_found');

    // The officer's queue: the changed record is on their to-do list, and in the list's "missing review".
    const tasks = expectStatus(
      await send(context, 'GET', '/api/v1/me/tasks?kind=review_processing', { headers: officer.authorization }),
      200,
    );
    expect(tasks.items.map((task: { subjectId: string }) => task.subjectId)).toContain(created.id);
    const careHeadTasks = expectStatus(
      await send(context, 'GET', '/api/v1/me/tasks?kind=review_processing', { headers: careHead.authorization }),
      200,
    );
    expect(careHeadTasks.items).toEqual([]);
  });

  it("filters on the server: system, department, special categories, missing review, the officer's queue, agreement expiring", async () => {
    const plain = expectStatus(
      await send(context, 'POST', url, {
        headers: tanum.admin.authorization,
        body: {
          name: 'Skolskjuts',
          purpose: 'Planera skolskjuts',
          legalBasis: 'public_interest',
          controllerDepartmentId: school,
          systemIds: [schoolSystem],
          personalDataCategories: [{ name: 'Adress', special: false }],
          processors: [{ name: 'Taxi AB', agreementSignedOn: null }],
        },
      }),
      201,
    );
    const names = async (query: string) =>
      expectStatus(await send(context, 'GET', `${url}?${query}`, { headers: employee.authorization }), 200).items.map(
        (item: { name: string }) => item.name,
      );
    expect(await names(`systemId=${schoolSystem}`)).toEqual(['Elevregister', 'Skolskjuts']);
    expect(await names(`departmentId=${school}`)).toEqual(['Skolskjuts']);
    expect(await names('specialCategories=false')).toEqual(['Skolskjuts']);
    expect(await names('agreementExpiringBy=2026-01-01')).toEqual(['Skolskjuts']);
    expect(await names('agreementExpiringBy=2027-06-01')).toContain('Social dokumentation');
    expect(await names('missingReview=true')).toContain('Skolskjuts');
    expect(await names('q=skol')).toEqual(['Skolskjuts']);
    // The officer's queue leaves out what they returned (it waits for its drafters) and what they approved within the interval.
    const returned = expectStatus(
      await send(context, 'POST', url, { headers: careHead.authorization, body: { ...body(), name: 'Färdtjänst' } }),
      201,
    );
    expectStatus(
      await send(context, 'POST', `${url}/${returned.id}/reviews`, {
        headers: officer.authorization,
        body: { outcome: 'returned', remarks: 'Rättslig grund saknas för resehistoriken.' },
        ifMatch: returned.version,
      }),
      201,
    );
    const approvedOne = expectStatus(
      await send(context, 'POST', url, { headers: careHead.authorization, body: { ...body(), name: 'Anhörigstöd' } }),
      201,
    );
    expectStatus(
      await send(context, 'POST', `${url}/${approvedOne.id}/reviews`, {
        headers: officer.authorization,
        body: { outcome: 'approved' },
        ifMatch: approvedOne.version,
      }),
      201,
    );
    const due = await names('reviewDue=true');
    expect(due).toEqual(expect.arrayContaining(['Skolskjuts', 'Social dokumentation']));
    expect(due).not.toContain('Färdtjänst');
    expect(due).not.toContain('Anhörigstöd');
    expect(await names('missingReview=true')).toContain('Färdtjänst');
    expect(await names('missingReview=true')).not.toContain('Anhörigstöd');
    for (const record of [returned, approvedOne]) {
      const current = expectStatus(await send(context, 'GET', `${url}/${record.id}`, { headers: careHead.authorization }), 200);
      expectStatus(
        await send(context, 'DELETE', `${url}/${record.id}`, { headers: careHead.authorization, ifMatch: current.version }),
        204,
      );
    }
    const firstPage = expectStatus(await send(context, 'GET', `${url}?limit=2`, { headers: employee.authorization }), 200);
    expect(firstPage.items).toHaveLength(2);
    expect(firstPage.total).toBe(4);
    const second = expectStatus(
      await send(context, 'GET', `${url}?limit=2&cursor=${firstPage.nextCursor}`, { headers: employee.authorization }),
      200,
    );
    expect(second.items.map((item: { id: string }) => item.id)).not.toContain(firstPage.items[0].id);
    expectStatus(await send(context, 'DELETE', `${url}/${plain.id}`, { headers: tanum.admin.authorization, ifMatch: plain.version }), 204);
    expectProblem(await send(context, 'GET', `${url}/${plain.id}`, { headers: tanum.admin.authorization }), 404, 'not_found');
  });
});
