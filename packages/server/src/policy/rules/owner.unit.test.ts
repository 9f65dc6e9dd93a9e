import { describe, expect, it } from 'vitest';
import { buildSystem, createRuleHarness } from '../test-support.ts';
import { ownerRule } from './owner.ts';

const harness = createRuleHarness(ownerRule);

describe('ITP-4.2-OWNER', () => {
  it('passes a system owned by a department of the municipality', () => {
    expect(harness.check(buildSystem())).toMatchObject({
      status: 'pass',
      reason: 'owner_recorded',
      departmentId: 'department-social',
      evidence: { ownerDepartmentId: 'department-social', ownerDepartmentName: 'Socialförvaltningen' },
      fixPath: '/systems/system-1',
    });
  });

  it('fails a system without owner, counting it for no department', () => {
    expect(harness.check(buildSystem({ ownerDepartmentId: null }))).toMatchObject({
      status: 'fail',
      reason: 'no_owner',
      departmentId: null,
    });
  });

  it('fails a system owned by a department that does not exist', () => {
    expect(harness.check(buildSystem({ ownerDepartmentId: 'department-gone' }))).toMatchObject({
      status: 'fail',
      reason: 'owner_unknown',
      departmentId: null,
      evidence: { ownerDepartmentId: 'department-gone' },
    });
  });

  it('is not applicable to teaching systems, even without owner', () => {
    expect(harness.check(buildSystem({ scope: 'teaching', ownerDepartmentId: null }))).toMatchObject({
      status: 'not_applicable',
      reason: 'out_of_scope',
    });
  });

  it('is structural: the schema guarantees it, so the summary keeps it out of the share', () => {
    expect(ownerRule.structural).toBe(true);
  });

  it('exercised every reason code', () => {
    expect(harness.unseenReasons()).toEqual([]);
  });
});
