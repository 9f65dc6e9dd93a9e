import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../access/actor.ts';
import * as defaultPolicyPacks from '../../migrations/2026-12-01-050-default-policy-packs.ts';
import { createTestContext, factories, type TestContext, type TestMunicipality, type TestUser } from '../../../test/test-app.ts';
import { expectProblem, expectStatus, send } from '../../../test/http.ts';
import { systemFactories } from '../../../test/system-factories.ts';
import { tanumPolicyPack } from '../../policy/index.ts';

interface Result {
  clauseId: string;
  subjectId: string;
  status: string;
  reason: string;
  evidence: Record<string, unknown>;
  fixPath: string;
  departmentId: string | null;
}

describe('compliance API', () => {
  let context: TestContext;
  let tanum: TestMunicipality;
  let other: TestMunicipality;
  let register: ReturnType<typeof systemFactories>;
  let make: ReturnType<typeof factories>;
  let school: string;
  let care: string;
  let schoolHead: TestUser;
  let manager: TestUser;
  let deputy: TestUser;
  let schoolSystem: { id: string };
  let careSystem: { id: string };

  beforeAll(async () => {
    context = await createTestContext();
    make = factories(context);
    register = systemFactories(context);
    tanum = await make.municipality('Tanum');
    other = await make.municipality('Lysekil');
    school = (await make.department(tanum, 'Barn- och utbildning')).id;
    care = (await make.department(tanum, 'Omsorg')).id;
    schoolHead = await make.user(tanum, 'department_head', school);
    manager = await make.user(tanum, 'employee');
    deputy = await make.user(tanum, 'employee');
    schoolSystem = await register.system(tanum, school, { name: 'Elevregistret', lifecycle: 'introducing' });
    await register.appoint(tanum, schoolSystem.id, manager.personId, 'manager');
    careSystem = await register.system(tanum, care, { name: 'Omsorgsjournalen' });
    await register.appoint(tanum, careSystem.id, manager.personId, 'manager');
    await register.appoint(tanum, careSystem.id, deputy.personId, 'deputy');
    const otherDepartment = await make.department(other, 'Lysekils skola');
    await register.system(other, otherDepartment.id, { name: 'Lysekils hemliga system' });
  });
  afterAll(() => context.close());

  const results = async (query: string, user: Pick<TestUser, 'authorization'> = tanum.admin) =>
    expectStatus(await send(context, 'GET', `/api/v1/compliance/results?limit=200&${query}`, { headers: user.authorization }), 200) as {
      items: Result[];
      total: number;
      pack: { version: string };
    };

  it('answers 401 without a login', async () => {
    expectProblem(await send(context, 'GET', '/api/v1/compliance'), 401, 'unauthenticated');
    expectProblem(await send(context, 'GET', '/api/v1/compliance/results'), 401, 'unauthenticated');
    expectProblem(await send(context, 'GET', '/api/v1/policy-packs'), 401, 'unauthenticated');
  });

  it('ships the Tanum pack with every clause and its parameters to a new municipality', async () => {
    const packs = expectStatus(await send(context, 'GET', '/api/v1/policy-packs', { headers: schoolHead.authorization }), 200);
    expect(packs.items).toHaveLength(1);
    expect(packs.items[0]).toMatchObject({
      key: 'tanum-it-policy',
      version: tanumPolicyPack.version,
      current: true,
      document: { adoptedBy: 'Kommunstyrelsen', decisionDate: '2002-12-18' },
    });
    const pack = expectStatus(
      await send(context, 'GET', `/api/v1/policy-packs/${packs.items[0].id}`, { headers: schoolHead.authorization }),
      200,
    );
    expect(pack.clauses.length).toBeGreaterThanOrEqual(50);
    const deputyClause = pack.clauses.find((clause: { id: string }) => clause.id === 'ITP-4.2-DEPUTY');
    expect(deputyClause).toMatchObject({ section: '4.2', hasRule: true });
    expect(deputyClause.textSv.length).toBeGreaterThan(10);
    expect(pack.parameters.map((parameter: { key: string }) => parameter.key)).toContain('registerConfirmationIntervalMonths');
  });

  it('summarises per clause and per department; the day’s snapshot is the job’s, never a read’s', async () => {
    const snapshotsOf = () =>
      context.database.db.selectFrom('compliance_snapshots').selectAll().where('municipality_id', '=', tanum.id).execute();
    const summary = expectStatus(await send(context, 'GET', '/api/v1/compliance', { headers: tanum.admin.authorization }), 200);
    // The read stored nothing; the trend ends with today as evaluated now.
    expect(await snapshotsOf()).toEqual([]);
    expect(summary.pack).toMatchObject({ key: 'tanum-it-policy', version: tanumPolicyPack.version });
    const deputyClause = summary.clauses.find((clause: { clauseId: string }) => clause.clauseId === 'ITP-4.2-DEPUTY');
    expect(deputyClause).toMatchObject({ passed: 1, failed: 1, section: '4.2' });
    // Every rule clause of the pack is listed: one without a rule as not checked, the two the
    // schema guarantees as structural; the share counts neither.
    const checkOf = (clauseId: string) => summary.clauses.find((clause: { clauseId: string }) => clause.clauseId === clauseId)?.check;
    expect(checkOf('ITP-4.2-DEPUTY')).toBe('failed');
    expect(checkOf('ITP-5-NEW-SYSTEM')).toBe('not_checked');
    // A rule with nothing to judge yet (no equipment registered) is not applicable, not unchecked.
    expect(checkOf('ITP-6-OWNED')).toBe('not_applicable');
    expect(checkOf('ITP-1-SCOPE')).toBe('structural');
    expect(checkOf('ITP-4.2-OWNER')).toBe('structural');
    expect(summary.clauseChecks).toMatchObject({ structural: 2 });
    expect(summary.clauseChecks.notChecked).toBe(
      summary.clauses.filter((clause: { check: string }) => clause.check === 'not_checked').length,
    );
    expect(summary.clauseChecks.notChecked).toBeGreaterThan(0);
    const counted = summary.clauses.filter((clause: { check: string }) => clause.check !== 'structural' && clause.check !== 'not_checked');
    const sum = (key: 'passed' | 'failed') =>
      counted.reduce((total: number, clause: Record<string, number>) => total + (clause[key] ?? 0), 0);
    expect([summary.overall.passed, summary.overall.failed]).toEqual([sum('passed'), sum('failed')]);
    expect(summary.clauses.find((clause: { clauseId: string }) => clause.clauseId === 'ITP-4.2-OWNER')).toMatchObject({
      passed: 2,
      failed: 0,
    });
    expect(summary.departments[0].clauses.map((cell: { clauseId: string }) => cell.clauseId)).not.toContain('ITP-4.2-OWNER');
    const schoolRow = summary.departments.find((department: { departmentId: string }) => department.departmentId === school);
    expect(schoolRow.failed).toBeGreaterThan(0);
    expect(summary.trend).toEqual([
      { date: '2026-11-28', score: summary.overall.score, passed: summary.overall.passed, failed: summary.overall.failed },
    ]);
    // The scheduled job's work: one snapshot for the day, audited; a second run the same day adds nothing.
    const job = systemActor('compliance-daily-snapshot', tanum.id);
    expect(await context.services.compliance.recordDailySnapshot(job, tanum.id, '2026-11-28')).toBe(true);
    expect(await context.services.compliance.recordDailySnapshot(job, tanum.id, '2026-11-28')).toBe(false);
    const rows = await snapshotsOf();
    expect(rows).toHaveLength(1);
    const audited = await context.database.db
      .selectFrom('audit_events')
      .select(['action', 'actor_name'])
      .where('entity_type', '=', 'compliance_snapshot')
      .where('entity_id', '=', rows[0]!.id)
      .execute();
    expect(audited).toEqual([{ action: 'create', actor_name: 'system: compliance-daily-snapshot' }]);
    const again = expectStatus(await send(context, 'GET', '/api/v1/compliance', { headers: tanum.admin.authorization }), 200);
    expect(again.trend).toEqual(summary.trend);
    expect(await snapshotsOf()).toHaveLength(1);
  });

  it('gives a municipality without a policy pack the default through the migration, never through a read', async () => {
    const id = randomUUID();
    await context.database.db
      .insertInto('municipalities')
      .values({
        id,
        code: '9901',
        name: 'Packlösa kommun',
        created_at: '2026-11-28T09:00:00.000Z',
        updated_at: '2026-11-28T09:00:00.000Z',
        version: 1,
      })
      .execute();
    const packsOf = () =>
      context.database.db.selectFrom('policy_packs').select(['pack_key', 'published_by_name']).where('municipality_id', '=', id).execute();
    await expect(context.services.compliance.evaluateMunicipality(systemActor('compliance check', id), id)).rejects.toThrow(
      /has no policy pack/,
    );
    expect(await packsOf()).toEqual([]);
    await defaultPolicyPacks.up(context.database.db as never);
    expect(await packsOf()).toEqual([{ pack_key: 'tanum-it-policy', published_by_name: 'Förvalta (standard)' }]);
    // Run again (another installation's state): municipalities that have a pack keep theirs alone.
    await defaultPolicyPacks.up(context.database.db as never);
    expect(await packsOf()).toHaveLength(1);
  });

  it('shows a department head their department’s failures with evidence and a fix link', async () => {
    const summary = expectStatus(
      await send(context, 'GET', `/api/v1/compliance?department=${school}`, { headers: schoolHead.authorization }),
      200,
    );
    expect(summary.departmentId).toBe(school);
    expect(summary.departments.map((department: { departmentId: string }) => department.departmentId)).toEqual([school]);
    const failing = await results(`department=${school}&status=fail`, schoolHead);
    expect(failing.items.length).toBeGreaterThan(0);
    expect(failing.items.every((result) => result.departmentId === school)).toBe(true);
    const noDeputy = failing.items.find((result) => result.clauseId === 'ITP-4.2-DEPUTY')!;
    expect(noDeputy).toMatchObject({ subjectId: schoolSystem.id, reason: 'no_deputy' });
    expect(noDeputy.fixPath).toContain(`/systems/${schoolSystem.id}`);
    expect(noDeputy.evidence).toBeTypeOf('object');
  });

  it('never shows another municipality’s results', async () => {
    const all = await results('');
    expect(all.items.map((result) => result.subjectId)).not.toContain(expect.stringContaining('Lysekil'));
    expect(JSON.stringify(all)).not.toContain('Lysekils hemliga system');
    const foreign = await results('', other.admin);
    expect(JSON.stringify(foreign)).not.toContain('Elevregistret');
    expectProblem(
      await send(context, 'GET', `/api/v1/compliance?department=${school}`, { headers: other.admin.authorization }),
      400,
      'validation_failed',
    );
  });

  it('answers for several named systems in one request, exactly their results', async () => {
    const pair = await results(`systems=${schoolSystem.id},${careSystem.id}`);
    const one = await results(`system=${schoolSystem.id}`);
    const other = await results(`system=${careSystem.id}`);
    const key = (result: Result) => `${result.subjectId} ${result.clauseId} ${result.status}`;
    expect(pair.items.map(key).sort()).toEqual([...one.items, ...other.items].map(key).sort());
    expect(new Set(pair.items.map((result) => result.subjectId))).toEqual(new Set([schoolSystem.id, careSystem.id]));
    expectProblem(
      await send(context, 'GET', `/api/v1/compliance/results?systems=${schoolSystem.id},not-an-id`, { headers: tanum.admin.authorization }),
      400,
      'validation_failed',
    );
    const tooMany = Array.from({ length: 51 }, () => schoolSystem.id).join(',');
    expectProblem(
      await send(context, 'GET', `/api/v1/compliance/results?systems=${tooMany}`, { headers: tanum.admin.authorization }),
      400,
      'validation_failed',
    );
  });

  it('turns the cell green once the gap is fixed', async () => {
    const before = await results(`system=${schoolSystem.id}&rule=ITP-4.2-DEPUTY`);
    expect(before.items.map((result) => result.status)).toEqual(['fail']);
    await register.appoint(tanum, schoolSystem.id, deputy.personId, 'deputy');
    const after = await results(`system=${schoolSystem.id}&rule=ITP-4.2-DEPUTY`);
    expect(after.items.map((result) => result.status)).toEqual(['pass']);
  });

  it('judges by the municipality’s own parameters after it publishes a new pack version', async () => {
    const confirmer = manager;
    const system = expectStatus(await send(context, 'GET', `/api/v1/systems/${careSystem.id}`, { headers: confirmer.authorization }), 200);
    expectStatus(
      await send(context, 'POST', `/api/v1/systems/${careSystem.id}/confirm`, {
        headers: confirmer.authorization,
        body: {},
        ifMatch: system.version,
      }),
      200,
    );
    context.clock.advanceMinutes(60 * 24 * 200);
    expect((await results(`system=${careSystem.id}&rule=ITP-4.2-REGISTER`)).items[0]!.status).toBe('pass');

    const packs = expectStatus(await send(context, 'GET', '/api/v1/policy-packs', { headers: tanum.admin.authorization }), 200);
    const base = packs.items[0].id;
    expectProblem(
      await send(context, 'POST', `/api/v1/policy-packs/${base}/versions`, {
        headers: schoolHead.authorization,
        body: { version: '2026.1' },
      }),
      403,
      'forbidden',
    );
    expectProblem(
      await send(context, 'POST', `/api/v1/policy-packs/${base}/versions`, {
        headers: tanum.admin.authorization,
        body: { version: '2026.1', parameters: { noSuchParameter: 3 } },
      }),
      400,
      'validation_failed',
    );
    const published = expectStatus(
      await send(context, 'POST', `/api/v1/policy-packs/${base}/versions`, {
        headers: tanum.admin.authorization,
        body: { version: '2026.1', parameters: { registerConfirmationIntervalMonths: 6 } },
      }),
      201,
    );
    expect(published).toMatchObject({ version: '2026.1', current: true });
    expectProblem(
      await send(context, 'POST', `/api/v1/policy-packs/${base}/versions`, {
        headers: tanum.admin.authorization,
        body: { version: '2026.1' },
      }),
      409,
      'conflict',
    );
    const stale = await results(`system=${careSystem.id}&rule=ITP-4.2-REGISTER`);
    expect(stale.pack.version).toBe('2026.1');
    expect(stale.items[0]).toMatchObject({ status: 'fail', reason: 'confirmation_stale' });
  });

  it('records an exception that switches a clause off, with who and until when', async () => {
    expectProblem(
      await send(context, 'POST', '/api/v1/compliance/exceptions', {
        headers: manager.authorization,
        body: { clauseId: 'ITP-2-COST', reason: 'x' },
      }),
      403,
      'forbidden',
    );
    expectProblem(
      await send(context, 'POST', '/api/v1/compliance/exceptions', {
        headers: tanum.admin.authorization,
        body: { clauseId: 'ITP-99', reason: 'Finns inte' },
      }),
      400,
      'validation_failed',
    );
    const exception = expectStatus(
      await send(context, 'POST', '/api/v1/compliance/exceptions', {
        headers: tanum.admin.authorization,
        body: { clauseId: 'ITP-4.2.3-DUTIES', reason: 'Checklistan införs under 2027 (KS beslut)', until: '2027-12-31' },
      }),
      201,
    );
    expect(exception).toMatchObject({ clauseId: 'ITP-4.2.3-DUTIES', decidedBy: 'Ada Administratör', until: '2027-12-31' });
    const waived = await results('rule=ITP-4.2.3-DUTIES');
    expect(waived.items.every((result) => result.status === 'not_applicable' && result.reason === 'clause_exception')).toBe(true);
    expectStatus(
      await send(context, 'DELETE', `/api/v1/compliance/exceptions/${exception.id}`, { headers: tanum.admin.authorization, ifMatch: 1 }),
      204,
    );
    expect((await results('rule=ITP-4.2.3-DUTIES&status=fail')).total).toBeGreaterThan(0);
  });

  it('serves a repeated summary until the municipality changes or a day turns, and never another municipality’s', async () => {
    type Summary = {
      evaluatedAt: string;
      clauses: Array<{ clauseId: string; passed: number; failed: number }>;
      departments: Array<{ departmentId: string | null }>;
    };
    const summary = async (user: Pick<TestUser, 'authorization'> = tanum.admin, query = '') => {
      context.queries.count = 0;
      const view = expectStatus(await send(context, 'GET', `/api/v1/compliance${query}`, { headers: user.authorization }), 200) as Summary;
      return { view, queries: context.queries.count };
    };
    const deputyClause = (view: Summary) => view.clauses.find((clause) => clause.clauseId === 'ITP-4.2-DEPUTY')!;
    const uncovered = await register.system(tanum, care, { name: 'Cachesystemet', lifecycle: 'introducing' });
    await register.appoint(tanum, uncovered.id, manager.personId, 'manager');

    const first = await summary();
    const again = await summary();
    expect(again.view).toEqual(first.view);
    // The authentication query only: no evaluation, no snapshot check, no trend.
    expect(again.queries).toBe(1);
    context.clock.advanceMinutes(5);
    expect((await summary()).view.evaluatedAt).toBe(first.view.evaluatedAt);
    // Whoever may read it gets the same view (a department head's view of their department is
    // an administrator's view of that department).
    expect((await summary(schoolHead, `?department=${school}`)).view).toEqual((await summary(tanum.admin, `?department=${school}`)).view);

    // Another municipality's summary is its own: none of Tanum's departments or systems.
    const foreign = await summary(other.admin);
    expect(foreign.view.departments.map((department) => department.departmentId)).not.toEqual(expect.arrayContaining([school]));
    expect(JSON.stringify(foreign.view)).not.toContain(care);
    expect(deputyClause(foreign.view)).not.toEqual(deputyClause(first.view));
    // Another municipality's write leaves Tanum's view in place.
    await register.system(other, (await make.department(other, 'Lysekils IT')).id, { name: 'Lysekils nya system' });
    expect((await summary()).view.evaluatedAt).toBe(first.view.evaluatedAt);

    // A write in the municipality: the next summary is evaluated afresh and shows it.
    await register.appoint(tanum, uncovered.id, deputy.personId, 'deputy');
    const afterWrite = (await summary()).view;
    expect(afterWrite.evaluatedAt).not.toBe(first.view.evaluatedAt);
    expect(deputyClause(afterWrite)).toMatchObject({
      passed: deputyClause(first.view).passed + 1,
      failed: deputyClause(first.view).failed - 1,
    });

    // A new Swedish day re-evaluates (the rules, the snapshot and the trend all judge by it, and it
    // turns at 23:00 UTC in winter); the UTC date turning within that Swedish day does not.
    const day = context.clock.now().toISOString().slice(0, 10);
    context.clock.set(`${day}T23:30:00.000Z`);
    const swedishTomorrow = (await summary()).view;
    expect(swedishTomorrow.evaluatedAt).not.toBe(afterWrite.evaluatedAt);
    const nextDay = new Date(Date.parse(`${day}T00:00:00.000Z`) + 24 * 60 * 60_000).toISOString().slice(0, 10);
    context.clock.set(`${nextDay}T00:30:00.000Z`);
    expect((await summary()).view.evaluatedAt).toBe(swedishTomorrow.evaluatedAt);
    context.clock.set(`${nextDay}T23:30:00.000Z`);
    expect((await summary()).view.evaluatedAt).toBe(`${nextDay}T23:30:00.000Z`);
  });

  it('serves repeated results and their pages from one evaluation until the municipality changes', async () => {
    const page = async (query: string) => {
      context.queries.count = 0;
      const view = expectStatus(
        await send(context, 'GET', `/api/v1/compliance/results?${query}`, { headers: tanum.admin.authorization }),
        200,
      );
      return { view, queries: context.queries.count };
    };
    const first = await page('status=fail&limit=2');
    const second = await page(`status=fail&limit=2&cursor=${first.view.nextCursor}`);
    // The second page is a slice of the first page's evaluation: the authentication query only.
    expect(second.queries).toBe(1);
    expect(second.view.evaluatedAt).toBe(first.view.evaluatedAt);
    expect(second.view.items[0]).not.toEqual(first.view.items[0]);
    const failing = first.view.items[0] as Result;
    // Another municipality's results are its own evaluation.
    const foreign = expectStatus(
      await send(context, 'GET', '/api/v1/compliance/results?status=fail&limit=50', { headers: other.admin.authorization }),
      200,
    );
    expect(foreign.items.map((result: Result) => result.subjectId)).not.toContain(failing.subjectId);
    // A write in the municipality: evaluated afresh.
    context.clock.advanceMinutes(1);
    await register.system(tanum, care, { name: 'Resultatcachens system' });
    const afterWrite = await page('status=fail&limit=2');
    expect(afterWrite.queries).toBeGreaterThan(1);
    expect(afterWrite.view.evaluatedAt).not.toBe(first.view.evaluatedAt);
  });

  it('pages results with a cursor and refuses a bad one', async () => {
    const first = expectStatus(
      await send(context, 'GET', '/api/v1/compliance/results?limit=3', { headers: tanum.admin.authorization }),
      200,
    );
    expect(first.items).toHaveLength(3);
    const second = expectStatus(
      await send(context, 'GET', `/api/v1/compliance/results?limit=3&cursor=${first.nextCursor}`, { headers: tanum.admin.authorization }),
      200,
    );
    expect(second.items[0]).not.toEqual(first.items[0]);
    expectProblem(
      await send(context, 'GET', '/api/v1/compliance/results?cursor=%21%21', { headers: tanum.admin.authorization }),
      400,
      'validation_failed',
    );
  });
});
