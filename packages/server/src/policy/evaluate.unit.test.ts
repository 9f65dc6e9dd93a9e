import { describe, expect, it } from 'vitest';
import { generateSyntheticSnapshot } from './evaluate.bench-data.ts';
import { evaluate, mergeSystemResults, selectRules } from './evaluate.ts';
import type { PolicyPack } from './policy-pack.ts';
import type { ComplianceRule } from './rule.ts';
import { allReasonCodes, complianceRules, sharedReasonCodes } from './rules/registry.ts';
import { tanumPolicyPack } from './tanum-pack.ts';
import { assignment, buildSnapshot, buildSystem } from './test-support.ts';

const snapshot = buildSnapshot([
  buildSystem(),
  buildSystem({ id: 'system-2', name: 'Ciceron', assignments: [assignment('anna', 'manager')] }),
  buildSystem({ id: 'system-3', name: 'Skolwebben', scope: 'teaching', assignments: [] }),
]);

/** The IT policy's rules (the registry also holds the Cybersecurity Act's own, which the Tanum pack does not run). */
const policyRules = selectRules(tanumPolicyPack);
/** Rules judge systems, or (budget, change notices) projects and notices: one result per subject. */
const systemRules = policyRules.filter((rule) => rule.subjectType === 'system');
/** The system rules an incremental run gives; the others need the whole municipality's people and training. */
const incrementalRules = systemRules.filter((rule) => rule.wholeMunicipality !== true);
const wholeMunicipalityClauses = new Set(systemRules.filter((rule) => rule.wholeMunicipality === true).map((rule) => rule.clauseId));

const byKey = (results: ReturnType<typeof evaluate>) =>
  new Map(results.map((result) => [`${result.clauseId} ${result.subjectId}`, result]));

describe('evaluate', () => {
  it('runs every rule of the registry once per system', () => {
    // This snapshot has no training: the training rules over systems have nothing to say.
    const results = evaluate(snapshot, tanumPolicyPack);
    expect(results).toHaveLength(incrementalRules.length * 3);
    expect(byKey(results).get('ITP-4.2-DEPUTY system-2')).toMatchObject({ status: 'fail', reason: 'no_deputy' });
    expect(byKey(results).get('ITP-4.2-DEPUTY system-1')).toMatchObject({ status: 'pass' });
    expect(results.filter((result) => result.subjectId === 'system-3').every((result) => result.status === 'not_applicable')).toBe(true);
  });

  it('runs only the chosen rules', () => {
    const results = evaluate(snapshot, tanumPolicyPack, { ruleIds: ['ITP-4.2-OWNER', 'ITP-NOT-A-RULE'] });
    expect(new Set(results.map((result) => result.clauseId))).toEqual(new Set(['ITP-4.2-OWNER']));
  });

  it('skips a rule whose clause the pack lacks, or holds as something other than a rule', () => {
    const pack: PolicyPack = {
      ...tanumPolicyPack,
      clauses: tanumPolicyPack.clauses
        .filter((clause) => clause.id !== 'ITP-2-COST')
        .map((clause) => (clause.id === 'ITP-4.2-REGISTER' ? { ...clause, kind: 'record' } : clause)),
    };
    const clauseIds = new Set(evaluate(snapshot, pack).map((result) => result.clauseId));
    expect(clauseIds.has('ITP-2-COST')).toBe(false);
    expect(clauseIds.has('ITP-4.2-REGISTER')).toBe(false);
    expect(clauseIds.has('ITP-4.2-DEPUTY')).toBe(true);
  });

  it('takes "today" from the snapshot, not the clock', () => {
    const later = buildSnapshot([buildSystem()], { evaluatedAt: '2027-11-02T09:00:00.000Z' });
    expect(evaluate(later, tanumPolicyPack, { ruleIds: ['ITP-4.2-REGISTER'] })[0]).toMatchObject({ reason: 'confirmation_stale' });
  });

  it('rejects a snapshot without a valid evaluation time', () => {
    expect(() => evaluate(buildSnapshot([], { evaluatedAt: 'now' }), tanumPolicyPack)).toThrow(RangeError);
  });
});

describe('incremental evaluation', () => {
  const large = generateSyntheticSnapshot({ seed: 7, systemCount: 300, peopleCount: 2000 });
  const full = evaluate(large, tanumPolicyPack);

  it('gives the same results for the chosen systems as a full run', () => {
    const systemIds = [large.systems[0]!.id, large.systems[150]!.id, large.systems[299]!.id];
    const incremental = evaluate(large, tanumPolicyPack, { systemIds });
    expect(incremental).toEqual(
      full.filter((result) => systemIds.includes(result.subjectId) && !wholeMunicipalityClauses.has(result.clauseId)),
    );
    expect(incremental).toHaveLength(incrementalRules.length * 3);
  });

  it('gives the same result as a full run for every single system', () => {
    const fullByKey = byKey(full);
    for (const system of large.systems) {
      for (const result of evaluate(large, tanumPolicyPack, { systemIds: [system.id] })) {
        expect(result).toEqual(fullByKey.get(`${result.clauseId} ${result.subjectId}`));
      }
    }
  });

  it('gives nothing for an unknown system, and runs only system rules', () => {
    expect(evaluate(large, tanumPolicyPack, { systemIds: ['no-such-system'] })).toEqual([]);
    const personRule: ComplianceRule = { ...complianceRules[0]!, clauseId: 'ITP-4.2-OWNER', subjectType: 'person' };
    expect(selectRules(tanumPolicyPack, { systemIds: ['x'], rules: [personRule] })).toEqual([]);
    expect(selectRules(tanumPolicyPack, { rules: [personRule] })).toEqual([personRule]);
  });
});

describe('merging an incremental run into stored results', () => {
  const before = generateSyntheticSnapshot({ seed: 11, systemCount: 50, peopleCount: 200 });
  const stored = evaluate(before, tanumPolicyPack);

  it('gives what a full run of the changed snapshot gives', () => {
    const changedId = before.systems[10]!.id;
    const after = {
      ...before,
      systems: before.systems.map((system) => (system.id === changedId ? { ...system, assignments: [], lastConfirmedAt: null } : system)),
    };
    const merged = mergeSystemResults(stored, evaluate(after, tanumPolicyPack, { systemIds: [changedId] }), [changedId]);
    // The training rules over systems keep their stored result until the next full run.
    const withoutWhole = (results: ReturnType<typeof evaluate>) =>
      results.filter((result) => !wholeMunicipalityClauses.has(result.clauseId));
    expect(withoutWhole(merged)).toEqual(withoutWhole(evaluate(after, tanumPolicyPack)));
    expect(merged.filter((result) => wholeMunicipalityClauses.has(result.clauseId))).toEqual(
      stored.filter((result) => wholeMunicipalityClauses.has(result.clauseId)),
    );
  });

  it('drops a deleted system and appends a new one', () => {
    const deletedId = before.systems[3]!.id;
    const added = buildSystem({ id: 'system-new', ownerDepartmentId: null });
    const after = { ...before, systems: [...before.systems.filter((system) => system.id !== deletedId), added] };
    const systemIds = [deletedId, added.id];
    const merged = mergeSystemResults(stored, evaluate(after, tanumPolicyPack, { systemIds }), systemIds);
    // The new system has no training-rule results until the next full run.
    const full = evaluate(after, tanumPolicyPack).filter(
      (result) => result.subjectId !== added.id || !wholeMunicipalityClauses.has(result.clauseId),
    );
    expect(merged).toHaveLength(full.length);
    expect(new Set(merged)).toEqual(new Set(full));
    expect(merged.some((result) => result.subjectId === deletedId)).toBe(false);
  });
});

describe('exceptions', () => {
  it('turn every result of the clause into not_applicable, keeping what the rule found', () => {
    const results = evaluate(snapshot, tanumPolicyPack, { exceptions: [{ clauseId: 'ITP-4.2-DEPUTY', until: '2027-06-30' }] });
    const deputyResults = results.filter((result) => result.clauseId === 'ITP-4.2-DEPUTY');
    expect(deputyResults).toHaveLength(3);
    expect(deputyResults.every((result) => result.status === 'not_applicable' && result.reason === 'clause_exception')).toBe(true);
    expect(byKey(results).get('ITP-4.2-DEPUTY system-2')!.evidence).toEqual({
      exception: true,
      until: '2027-06-30',
      ruleStatus: 'fail',
      ruleReason: 'no_deputy',
    });
    // Other clauses are untouched.
    expect(byKey(results).get('ITP-4.2-MANAGER system-1')!.status).toBe('pass');
  });

  it('hold without an end date, and on their last day, but not after it', () => {
    const statusWith = (until: string | null | undefined) =>
      byKey(evaluate(snapshot, tanumPolicyPack, { exceptions: [{ clauseId: 'ITP-4.2-DEPUTY', until }] })).get('ITP-4.2-DEPUTY system-2')!
        .status;
    expect(statusWith(undefined)).toBe('not_applicable');
    expect(statusWith(null)).toBe('not_applicable');
    expect(statusWith('2026-11-28')).toBe('not_applicable');
    expect(statusWith('2026-11-27')).toBe('fail');
  });

  it('of two exceptions for a clause, apply the one that lasts longer', () => {
    const untilWith = (exceptions: Array<{ clauseId: string; until?: string | null }>) =>
      evaluate(snapshot, tanumPolicyPack, { exceptions, ruleIds: ['ITP-4.2-DEPUTY'] })[0]!.evidence.until;
    const clauseId = 'ITP-4.2-DEPUTY';
    expect(
      untilWith([
        { clauseId, until: '2027-12-31' },
        { clauseId, until: '2027-01-31' },
      ]),
    ).toBe('2027-12-31');
    expect(
      untilWith([
        { clauseId, until: '2027-01-31' },
        { clauseId, until: null },
      ]),
    ).toBeNull();
    expect(
      untilWith([
        { clauseId, until: '2026-01-01' },
        { clauseId, until: '2027-01-31' },
      ]),
    ).toBe('2027-01-31');
  });
});

describe('results of the whole registry on synthetic data', () => {
  const synthetic = generateSyntheticSnapshot({ seed: 42, systemCount: 500, peopleCount: 1500 });
  const results = evaluate(synthetic, tanumPolicyPack);

  it('gives each system exactly one result per rule', () => {
    expect(new Set(results.map((result) => `${result.clauseId} ${result.subjectId}`)).size).toBe(results.length);
    const departmentRules = policyRules.filter((rule) => rule.subjectType === 'department');
    expect(results.filter((result) => result.subjectType === 'system')).toHaveLength(500 * systemRules.length);
    expect(results.filter((result) => result.subjectType === 'department')).toHaveLength(
      departmentRules.length * synthetic.departments.length,
    );
    // One per document of the kinds each rule names, or one for the missing kind (no internet-use rule).
    expect(results.filter((result) => result.subjectType === 'document')).toHaveLength(7);
    expect(results.filter((result) => result.subjectType === 'project')).toHaveLength(synthetic.projects!.length);
  });

  it('uses only declared reason codes, and meets every one of them', () => {
    const declared = new Set(allReasonCodes());
    const seen = new Set(results.map((result) => result.reason));
    expect([...seen].filter((reason) => !declared.has(reason))).toEqual([]);
    const ownCodes = policyRules.flatMap((rule) => rule.reasonCodes);
    // scope_unknown cannot happen (structural); every synthetic system being introduced has a manager
    // (no_one_named is exercised by system-training.unit.test.ts).
    // no_request_due is too (acknowledgements.unit.test.ts). The privileged-holders limit is off in
    // the default pack (access-rights.unit.test.ts sets one).
    expect(ownCodes.filter((reason) => !seen.has(reason))).toEqual([
      'scope_unknown',
      'no_one_named',
      'no_request_due',
      'privileged_within_limit',
      'privileged_over_limit',
    ]);
    expect(sharedReasonCodes).toContain('clause_exception');
  });

  it('is deterministic: the same snapshot gives the same results', () => {
    expect(evaluate(generateSyntheticSnapshot({ seed: 42, systemCount: 500, peopleCount: 1500 }), tanumPolicyPack)).toEqual(results);
  });
});
