import { describe, expect, it } from 'vitest';
import { buildSystem, createRuleHarness } from '../test-support.ts';
import { scopeRule } from './scope.ts';
import { inScope } from './system-subjects.ts';

const harness = createRuleHarness(scopeRule);

describe('ITP-1-SCOPE', () => {
  it('passes an administrative system', () => {
    expect(harness.check(buildSystem())).toMatchObject({
      clauseId: 'ITP-1-SCOPE',
      subjectType: 'system',
      subjectId: 'system-1',
      subjectName: 'Procapita',
      departmentId: 'department-social',
      status: 'pass',
      reason: 'in_scope',
      evidence: { scope: 'administrative' },
      fixPath: '/systems/system-1',
    });
  });

  it('fails a system whose scope is not one the policy knows', () => {
    const result = harness.check(buildSystem({ scope: 'unknown' as never }));
    expect(result).toMatchObject({ status: 'fail', reason: 'scope_unknown', evidence: { scope: 'unknown' } });
  });

  it.each(['teaching', 'public'] as const)('is not applicable to a %s system', (scope) => {
    expect(harness.check(buildSystem({ scope }))).toMatchObject({
      status: 'not_applicable',
      reason: 'out_of_scope',
      evidence: { scope, lifecycle: 'in_production' },
    });
  });

  it('is not applicable to a retired system, whatever its scope', () => {
    expect(harness.check(buildSystem({ lifecycle: 'retired' }))).toMatchObject({ status: 'not_applicable', reason: 'system_retired' });
  });

  it('inScope excludes only teaching and public systems', () => {
    expect(inScope({ scope: 'administrative' })).toBe(true);
    expect(inScope({ scope: 'teaching' })).toBe(false);
    expect(inScope({ scope: 'public' })).toBe(false);
  });

  it('is structural: the schema guarantees it, so the summary keeps it out of the share', () => {
    expect(scopeRule.structural).toBe(true);
  });

  it('exercised every reason code', () => {
    expect(harness.unseenReasons()).toEqual([]);
  });
});
