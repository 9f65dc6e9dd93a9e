import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, expectStatus, send } from '../../../test/http.ts';
import { systemFactories } from '../../../test/system-factories.ts';
import { createTestContext, factories, type TestContext, type TestUser } from '../../../test/test-app.ts';

interface ClauseView {
  clauseId: string;
  check: string;
  failed: number;
  passed: number;
  evidenceClauseIds: string[];
}

/** The Cybersecurity Act as a second framework on the same rules (issue #19, ADR 0037). */
describe('compliance by framework: the IT policy and the Cybersecurity Act', () => {
  let context: TestContext;
  let employee: TestUser;

  beforeAll(async () => {
    context = await createTestContext();
    const make = factories(context);
    const tanum = await make.municipality('Tanum');
    const care = (await make.department(tanum, 'Omsorg')).id;
    await systemFactories(context).system(tanum, care, { name: 'Treserva', nis2: true });
    employee = await make.user(tanum, 'employee', care);
  });
  afterAll(() => context.close());

  const summary = async (query: string) =>
    expectStatus(await send(context, 'GET', `/api/v1/compliance${query}`, { headers: employee.authorization }), 200) as {
      pack: { key: string };
      clauses: ClauseView[];
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
    for (const id of ['NIS2-21-2-B', 'NIS2-21-2-C', 'NIS2-21-2-H', 'NIS2-21-2-J'])
      expect(act.clauses.find((clause) => clause.clauseId === id)!.check, id).toBe('not_checked');
    expectProblem(
      await send(context, 'GET', '/api/v1/compliance?framework=iso27001', { headers: employee.authorization }),
      400,
      'validation_failed',
    );
  });
});
