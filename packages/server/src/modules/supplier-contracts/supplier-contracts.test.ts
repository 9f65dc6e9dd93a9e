import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, expectStatus, send } from '../../../test/http.ts';
import { systemFactories } from '../../../test/system-factories.ts';
import { createTestContext, factories, type TestContext, type TestMunicipality, type TestUser } from '../../../test/test-app.ts';

type Caller = Pick<TestUser, 'authorization'>;

describe('suppliers and contracts API', () => {
  let context: TestContext;
  let tanum: TestMunicipality;
  let other: TestMunicipality;
  let care: string;
  let school: string;
  let itUnit: TestUser;
  let careHead: TestUser;
  let schoolHead: TestUser;
  let auditor: TestUser;
  let employee: TestUser;
  let steward: TestUser;
  let careSystem: { id: string };
  let supplierId: string;

  const call = (caller: Caller, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown, ifMatch?: number) =>
    send(context, method, url, { headers: caller.authorization, ...(body !== undefined ? { body } : {}), ...(ifMatch ? { ifMatch } : {}) });

  beforeAll(async () => {
    context = await createTestContext();
    const make = factories(context);
    tanum = await make.municipality('Tanum');
    other = await make.municipality('Strömstad');
    care = (await make.department(tanum, 'Omsorg')).id;
    school = (await make.department(tanum, 'Skola')).id;
    itUnit = await make.user(tanum, 'it_unit');
    careHead = await make.user(tanum, 'department_head', care);
    schoolHead = await make.user(tanum, 'department_head', school);
    auditor = await make.user(tanum, 'auditor');
    employee = await make.user(tanum, 'employee', care);
    steward = await make.user(tanum, 'employee', care);
    careSystem = await systemFactories(context).system(tanum, care, { name: 'Treserva' });
    await systemFactories(context).appoint(tanum, careSystem.id, steward.personId, 'deputy');
  });
  afterAll(() => context.close());

  it('validates a Swedish organisation number with its check digit and keeps one supplier per number', async () => {
    const body = { name: 'CGI Sverige AB', organisationNumber: '5560121542' };
    expectProblem(await call(careHead, 'POST', '/api/v1/suppliers', body), 403, 'forbidden');
    // 556012-1541: the check digit does not match (it is 2).
    expectProblem(
      await call(itUnit, 'POST', '/api/v1/suppliers', { ...body, organisationNumber: '556012-1541' }),
      400,
      'validation_failed',
    );
    expectProblem(await call(itUnit, 'POST', '/api/v1/suppliers', { ...body, organisationNumber: '55601215' }), 400, 'validation_failed');
    const supplier = expectStatus(await call(itUnit, 'POST', '/api/v1/suppliers', body), 201);
    expect(supplier).toMatchObject({ organisationNumber: '556012-1542', contractCount: 0, can: { update: true, delete: true } });
    const taken = expectProblem(
      await call(itUnit, 'POST', '/api/v1/suppliers', { ...body, organisationNumber: '556012-1542' }),
      409,
      'conflict',
    );
    expect(taken.reason).toBe('supplier_number_taken');
    expectProblem(await call(other.admin, 'GET', `/api/v1/suppliers/${supplier.id}`), 404, 'not_found');
    supplierId = supplier.id;
  });

  it('computes the last day to give notice, moved back past weekends and Swedish holidays, and rolls an automatic renewal on', async () => {
    const body = {
      title: 'Treserva drift och support',
      supplierId,
      startsOn: '2024-01-01',
      endsOn: '2027-07-01',
      noticePeriod: { amount: 6, unit: 'months' },
      automaticRenewal: true,
      renewalMonths: 12,
      yearlyCost: 480000,
      systemIds: [careSystem.id],
    };
    expectProblem(await call(careHead, 'POST', '/api/v1/contracts', body), 403, 'forbidden');
    expectProblem(await call(itUnit, 'POST', '/api/v1/contracts', { ...body, endsOn: '2023-12-31' }), 400, 'validation_failed');
    // 2027-07-01 minus six months is 2027-01-01, nyårsdagen, and the day before is nyårsafton: the notice date is Wednesday 2026-12-30.
    const contract = expectStatus(await call(itUnit, 'POST', '/api/v1/contracts', body), 201);
    expect(contract).toMatchObject({
      supplierName: 'CGI Sverige AB',
      currentTermEndsOn: '2027-07-01',
      noticeDate: '2026-12-30',
      noticeDecidedForTerm: false,
      ended: false,
      systems: [{ id: careSystem.id, name: 'Treserva', ownerDepartmentId: care }],
      can: { update: true, delete: true },
    });
    // Ending 2026-01-31 and renewed by the year: the term running is the one to 2027-01-31, whose notice date (two months) is Monday 2026-11-30.
    const rolled = expectStatus(
      await call(itUnit, 'POST', '/api/v1/contracts', {
        ...body,
        title: 'Växel',
        startsOn: '2023-02-01',
        endsOn: '2026-01-31',
        noticePeriod: { amount: 2, unit: 'months' },
      }),
      201,
    );
    expect(rolled).toMatchObject({ currentTermEndsOn: '2027-01-31', noticeDate: '2026-11-30' });
    const ended = expectStatus(
      await call(itUnit, 'POST', '/api/v1/contracts', {
        ...body,
        title: 'Gammal',
        automaticRenewal: false,
        startsOn: '2020-01-01',
        endsOn: '2025-12-31',
        systemIds: [],
      }),
      201,
    );
    expect(ended).toMatchObject({ ended: true, currentTermEndsOn: '2025-12-31', noticeDate: '2025-06-30' });
    const decided = expectStatus(
      await call(
        itUnit,
        'PATCH',
        `/api/v1/contracts/${rolled.id}`,
        { noticeDecision: 'continue', noticeDecidedOn: '2026-11-20' },
        rolled.version,
      ),
      200,
    );
    expect(decided).toMatchObject({ noticeDecision: 'continue', noticeDecidedForTerm: true });
    expectProblem(await call(itUnit, 'PATCH', `/api/v1/contracts/${rolled.id}`, { title: 'x' }, rolled.version), 412, 'version_mismatch');
    expectProblem(
      await call(itUnit, 'PATCH', `/api/v1/contracts/${rolled.id}`, { noticeDecision: null }, decided.version),
      400,
      'validation_failed',
    );
    const supplier = expectStatus(await call(itUnit, 'GET', `/api/v1/suppliers/${supplierId}`), 200);
    expect(supplier).toMatchObject({ contractCount: 3, can: { delete: false } });
    expectProblem(await call(itUnit, 'DELETE', `/api/v1/suppliers/${supplierId}`, undefined, supplier.version), 409, 'conflict');
    const upcoming = expectStatus(await call(auditor, 'GET', '/api/v1/contracts?noticeBefore=2026-12-31&sort=noticeDate'), 200);
    expect(upcoming.items.map((item: { title: string }) => item.title)).toEqual(['Gammal', 'Treserva drift och support']);
  });

  it('shows a department head their departments’ contracts and a steward their systems’, and the IT unit and auditors all', async () => {
    const titles = async (caller: Caller) =>
      expectStatus(await call(caller, 'GET', '/api/v1/contracts'), 200).items.map((item: { title: string }) => item.title);
    expect(await titles(itUnit)).toEqual(['Gammal', 'Treserva drift och support', 'Växel']);
    expect(await titles(auditor)).toEqual(['Gammal', 'Treserva drift och support', 'Växel']);
    expect(await titles(careHead)).toEqual(['Treserva drift och support', 'Växel']);
    expect(await titles(schoolHead)).toEqual([]);
    expect(await titles(steward)).toEqual(['Treserva drift och support', 'Växel']);
    expectProblem(await call(employee, 'GET', '/api/v1/contracts'), 403, 'forbidden');
    const listed = expectStatus(await call(itUnit, 'GET', '/api/v1/contracts?q=gammal'), 200);
    const old = listed.items[0];
    expectProblem(await call(careHead, 'GET', `/api/v1/contracts/${old.id}`), 403, 'forbidden');
    const treserva = expectStatus(await call(itUnit, 'GET', `/api/v1/contracts?systemId=${careSystem.id}&q=treserva`), 200).items[0];
    expect(expectStatus(await call(careHead, 'GET', `/api/v1/contracts/${treserva.id}`), 200).can).toEqual({
      update: false,
      delete: false,
    });
    expectProblem(await call(schoolHead, 'GET', `/api/v1/contracts/${treserva.id}`), 403, 'forbidden');
    expectProblem(await call(other.admin, 'GET', `/api/v1/contracts/${treserva.id}`), 404, 'not_found');
  });

  it('asks the owning department’s head to decide before the notice date, on the to-do list', async () => {
    const tasks = expectStatus(await call(careHead, 'GET', '/api/v1/me/tasks?kind=contract_notice'), 200);
    // Treserva's notice date (2026-12-30) is within its 90 days' reminder; Växel is decided; Gammal has ended.
    expect(tasks.items).toEqual([
      expect.objectContaining({ kind: 'contract_notice', title: 'Treserva drift och support', dueDate: '2026-12-30', overdue: false }),
    ]);
    expect(expectStatus(await call(schoolHead, 'GET', '/api/v1/me/tasks?kind=contract_notice'), 200).items).toEqual([]);
  });
});
