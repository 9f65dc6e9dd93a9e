import { describe, expect, it } from 'vitest';
import { buildSystem, createRuleHarness } from '../test-support.ts';
import { costRule } from './cost.ts';

const harness = createRuleHarness(costRule);

describe('ITP-2-COST', () => {
  it('passes a system in production with every category stated, zero included', () => {
    expect(harness.check(buildSystem({ yearlyCosts: { licence: 0, operation: 0, support: 0, other: 0 } }))).toMatchObject({
      status: 'pass',
      reason: 'costs_stated',
      evidence: { missingCategories: [] },
      fixPath: '/systems/system-1#costs',
    });
  });

  it('fails with the categories left empty', () => {
    const yearlyCosts = { licence: 50_000, operation: null, support: 10_000, other: null };
    expect(harness.check(buildSystem({ yearlyCosts }))).toMatchObject({
      status: 'fail',
      reason: 'costs_missing',
      evidence: { yearlyCosts, missingCategories: ['operation', 'other'] },
    });
  });

  it.each(['planned', 'introducing', 'retiring'] as const)('is not applicable to a %s system', (lifecycle) => {
    const yearlyCosts = { licence: null, operation: null, support: null, other: null };
    expect(harness.check(buildSystem({ lifecycle, yearlyCosts }))).toMatchObject({
      status: 'not_applicable',
      reason: 'not_in_production',
      evidence: { lifecycle },
    });
  });

  it('is not applicable to out-of-scope and retired systems', () => {
    expect(harness.check(buildSystem({ scope: 'public' })).reason).toBe('out_of_scope');
    expect(harness.check(buildSystem({ lifecycle: 'retired' })).reason).toBe('system_retired');
  });

  it('exercised every reason code', () => {
    expect(harness.unseenReasons()).toEqual([]);
  });
});
