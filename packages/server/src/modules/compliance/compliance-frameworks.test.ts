import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, expectStatus, send } from '../../../test/http.ts';
import { systemFactories } from '../../../test/system-factories.ts';
import { createTestContext, factories, type TestContext, type TestUser } from '../../../test/test-app.ts';

interface ClauseView {
  clauseId: string;
  check: string;
  failed: number;
  passed: number;
  notApplicable: number;
  evidenceClauseIds: string[];
}

/** The Cybersecurity Act as a second framework on the same rules (issue #19, ADR 0037). */
describe('compliance by framework: the IT policy and the Cybersecurity Act', () => {
  let context: TestContext;
  let employee: TestUser;
  let itUnit: TestUser;
  let inScope: { id: string };

  beforeAll(async () => {
    context = await createTestContext();
    const make = factories(context);
    const tanum = await make.municipality('Tanum');
    const care = (await make.department(tanum, 'Omsorg')).id;
    const systems = systemFactories(context);
    inScope = await systems.system(tanum, care, { name: 'Treserva', nis2: true });
    const outside = await systems.system(tanum, care, { name: 'Skolwebben' });
    employee = await make.user(tanum, 'employee', care);
    itUnit = await make.user(tanum, 'it_unit');
    // In production, as the Act asks continuity of a system in use; the approval gates on the way
    // there (ITP-4.2-MANAGER, ITP-4.2.1-APPROVAL) are the systems module's tests, not this one's.
    await context.database.db
      .updateTable('systems')
      .set({ lifecycle: 'in_production' })
      .where('id', 'in', [inScope.id, outside.id])
      .execute();
  });
  afterAll(() => context.close());

  const summary = async (query: string) =>
    expectStatus(await send(context, 'GET', `/api/v1/compliance${query}`, { headers: employee.authorization }), 200) as {
      pack: { key: string };
      clauses: ClauseView[];
      overall: { passed: number; failed: number };
      trend: unknown[];
    };

  it("judges the Act's measures by the policy's rules they name, so one piece of evidence serves both", async () => {
    const policy = await summary('');
    const act = await summary('?framework=nis2');
    expect(policy.pack.key).toBe('tanum-it-policy');
    expect(act.pack.key).toBe('cybersecurity-act-nis2');
    expect(act.clauses.map((clause) => clause.clauseId)).toEqual(
      ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J'].map((letter) => `NIS2-21-2-${letter}`),
    );
    const risk = policy.clauses.find((clause) => clause.clauseId === 'ITP-4.2.1-RISK-CURRENT')!;
    const measureA = act.clauses.find((clause) => clause.clauseId === 'NIS2-21-2-A')!;
    expect(risk.evidenceClauseIds).toEqual([]);
    expect(measureA.evidenceClauseIds).toEqual(['ITP-4.2.1-RISK-CURRENT', 'ITP-11-GUIDELINES', 'ITP-13-REVISE']);
    // The risk analysis rule's results count for measure (a) as for the policy's clause, beside the guidelines' and the revision's.
    expect(measureA.check).not.toBe('not_checked');
    expect(measureA.failed).toBeGreaterThanOrEqual(risk.failed);
    expect(measureA.passed + measureA.failed).toBeGreaterThan(risk.passed + risk.failed);
    // The municipality has no adopted security guidelines yet: measure (a) fails through ITP-11-GUIDELINES.
    expect(measureA.check).toBe('failed');
    for (const id of ['NIS2-21-2-H', 'NIS2-21-2-J'])
      expect(act.clauses.find((clause) => clause.clauseId === id)!.check, id).toBe('not_checked');
    expectProblem(
      await send(context, 'GET', '/api/v1/compliance?framework=iso27001', { headers: employee.authorization }),
      400,
      'validation_failed',
    );
  });

  const clauseOf = (view: { clauses: ClauseView[] }, id: string) => view.clauses.find((clause) => clause.clauseId === id)!;

  it("judges incident handling (b) by the incident log's clocks and continuity (c) by the systems flagged nis2 only", async () => {
    // No incident yet: measure (b) has nothing to judge; the nis2 system has no continuity recorded.
    const before = await summary('?framework=nis2');
    expect(clauseOf(before, 'NIS2-21-2-B')).toMatchObject({ check: 'not_applicable', passed: 0, failed: 0 });
    // Skolwebben is not flagged nis2: the Act counts only Treserva, the IT policy both.
    expect(clauseOf(before, 'NIS2-21-2-C')).toMatchObject({ check: 'failed', failed: 1, notApplicable: 1 });
    // The Act's results list as its measures count them: one list per measure, its scope's verdicts shown.
    const results = expectStatus(
      await send(context, 'GET', '/api/v1/compliance/results?framework=nis2&rule=NIS2-21-2-C', { headers: employee.authorization }),
      200,
    ) as { pack: { key: string }; items: Array<{ subjectName: string; status: string; reason: string }> };
    expect(results.pack.key).toBe('cybersecurity-act-nis2');
    expect(results.items.map((item) => [item.subjectName, item.status, item.reason])).toEqual([
      ['Treserva', 'fail', 'no_continuity_plan'],
      ['Skolwebben', 'not_applicable', 'outside_nis2_scope'],
    ]);
    // The measure's own text and its check in words, the parameter filled in, for its page.
    expect(clauseOf(before, 'NIS2-21-2-C') as unknown).toMatchObject({
      textEn: expect.stringContaining('backup management'),
      ruleDescriptionEn: expect.stringContaining('within the last 12 months'),
    });
    const policyRisk = clauseOf(await summary(''), 'ITP-4.2.1-RISK-CURRENT');
    const actRiskSystems = clauseOf(before, 'NIS2-21-2-A');
    expect(policyRisk.failed).toBe(2);
    expect(actRiskSystems.notApplicable).toBeGreaterThanOrEqual(1);

    const now = context.clock.now().getTime();
    const record = async (title: string, significant: boolean) =>
      expectStatus(
        await send(context, 'POST', '/api/v1/incidents', {
          headers: itUnit.authorization,
          body: { title, detectedAt: new Date(now - 5 * 86_400_000).toISOString(), systemIds: [inScope.id], significant },
        }),
        201,
      );
    // Detected five days ago and nothing sent: the early warning and the notification are overdue.
    await record('Intrång i omsorgens system', true);
    await record('Felskickat e-postmeddelande', false);
    const after = await summary('?framework=nis2');
    expect(clauseOf(after, 'NIS2-21-2-B')).toMatchObject({ check: 'failed', failed: 1, passed: 0, notApplicable: 1 });

    // A restore tested last month and the continuity recorded: Treserva meets measure (c).
    const system = await systemFactories(context).get(itUnit, inScope.id);
    const lastMonth = new Date(now - 30 * 86_400_000).toISOString().slice(0, 10);
    expectStatus(
      await send(context, 'PATCH', `/api/v1/systems/${inScope.id}`, {
        headers: itUnit.authorization,
        ifMatch: system.version,
        body: { continuity: { criticality: 'high', recoveryTimeObjectiveHours: 8, lastRestoreTestOn: lastMonth } },
      }),
      200,
    );
    expect(clauseOf(await summary('?framework=nis2'), 'NIS2-21-2-C')).toMatchObject({
      check: 'met',
      passed: 1,
      failed: 0,
      notApplicable: 1,
    });
  });
});
