import { describe, expect, it } from 'vitest';
import { findClause, type PolicyPack } from './policy-pack.ts';
import { tanumPolicyPack } from './tanum-pack.ts';
import { comparePackVersions, mergePackUpgrade } from './upgrade-pack.ts';
import { validatePolicyPack } from './validate-pack.ts';

const copy = (pack: PolicyPack): PolicyPack => structuredClone(pack) as PolicyPack;

/** An older default: one clause a notice instead of a rule, one parameter it did not have yet, another default value. */
function olderDefault(): PolicyPack {
  const pack = copy(tanumPolicyPack);
  pack.version = '1.0.0';
  findClause(pack, 'ITP-13-REVISE')!.kind = 'notice';
  delete pack.parameters.trainingCoverageThresholdPercent;
  pack.parameters.reviewIntervalMonths = { ...pack.parameters.reviewIntervalMonths!, value: 6 };
  pack.parameters.riskAnalysisIntervalMonths = { ...pack.parameters.riskAnalysisIntervalMonths!, value: 6 };
  return pack;
}

describe('the default pack upgrade (three-way merge)', () => {
  it('takes the newer default where the municipality changed nothing', () => {
    const base = olderDefault();
    const { pack, kept } = mergePackUpgrade(base, copy(base), tanumPolicyPack);
    expect(pack).toEqual(tanumPolicyPack);
    expect(kept).toEqual({ document: [], parameters: [], clauses: [], droppedClauses: [] });
  });

  it("keeps the municipality's own parameter values, document facts and clause texts, and takes the product's kinds", () => {
    const base = olderDefault();
    const current = copy(base);
    current.version = '1.0.1';
    current.parameters.reviewIntervalMonths!.value = 24;
    current.document.decisionReference = 'KS 2024/117';
    findClause(current, 'ITP-13-REVISE')!.textEn = 'Our own wording.';
    const { pack, kept } = mergePackUpgrade(base, current, tanumPolicyPack);

    expect(pack.version).toBe(tanumPolicyPack.version);
    expect(pack.parameters.reviewIntervalMonths!.value).toBe(24);
    // Left at the old default (6): the municipality gets the newer default's value.
    expect(pack.parameters.riskAnalysisIntervalMonths!.value).toBe(tanumPolicyPack.parameters.riskAnalysisIntervalMonths!.value);
    expect(pack.parameters.trainingCoverageThresholdPercent!.value).toBe(90);
    expect(pack.document).toEqual({ ...tanumPolicyPack.document, decisionReference: 'KS 2024/117' });
    const revise = findClause(pack, 'ITP-13-REVISE')!;
    expect(revise).toMatchObject({
      kind: 'rule',
      textEn: 'Our own wording.',
      textSv: findClause(tanumPolicyPack, 'ITP-13-REVISE')!.textSv,
    });
    expect(kept).toEqual({
      document: ['decisionReference'],
      parameters: ['reviewIntervalMonths'],
      clauses: [{ id: 'ITP-13-REVISE', fields: ['textEn'] }],
      droppedClauses: [],
    });
    expect(validatePolicyPack(pack)).toEqual([]);
  });

  it('names the clauses the newer default no longer has', () => {
    const base = olderDefault();
    const retired: PolicyPack['clauses'][number] = { ...base.clauses[0]!, id: 'ITP-OLD', kind: 'notice' };
    base.clauses.push(retired);
    const { pack, kept } = mergePackUpgrade(base, copy(base), tanumPolicyPack);
    expect(findClause(pack, 'ITP-OLD')).toBeUndefined();
    expect(kept.droppedClauses).toEqual(['ITP-OLD']);
  });

  it('never changes the packs it merges', () => {
    const base = olderDefault();
    const current = copy(base);
    const before = JSON.stringify([base, current]);
    mergePackUpgrade(base, current, tanumPolicyPack);
    expect(JSON.stringify([base, current])).toBe(before);
  });

  it('orders versions numerically', () => {
    expect(comparePackVersions('1.1.0', '1.0.0')).toBeGreaterThan(0);
    expect(comparePackVersions('1.10.0', '1.9.0')).toBeGreaterThan(0);
    expect(comparePackVersions('1.1.0', '1.1.0')).toBe(0);
    expect(comparePackVersions('2026-1', '1.0.0')).toBeLessThan(0);
  });
});
