import { describe, expect, it } from 'vitest';
import { tanumPolicyPack } from '../tanum-pack.ts';
import { buildSystem, createRuleHarness } from '../test-support.ts';
import { registerRule } from './register.ts';

const harness = createRuleHarness(registerRule);

describe('ITP-4.2-REGISTER', () => {
  it('passes an entry confirmed within twelve months', () => {
    expect(harness.check(buildSystem({ lastConfirmedAt: '2026-03-15T12:00:00.000Z' }))).toMatchObject({
      status: 'pass',
      reason: 'confirmed',
      evidence: { lastConfirmedAt: '2026-03-15T12:00:00.000Z', intervalMonths: 12, dueDate: '2027-03-15' },
      fixPath: '/systems/system-1',
    });
  });

  it('passes on the last day of the interval and fails the day after', () => {
    expect(harness.check(buildSystem({ lastConfirmedAt: '2025-11-28T07:00:00.000Z' })).status).toBe('pass');
    expect(harness.check(buildSystem({ lastConfirmedAt: '2025-11-27T12:00:00.000Z' }))).toMatchObject({
      status: 'fail',
      reason: 'confirmation_stale',
      evidence: { dueDate: '2026-11-27' },
    });
  });

  it('fails an entry never confirmed', () => {
    expect(harness.check(buildSystem({ lastConfirmedAt: null }))).toMatchObject({
      status: 'fail',
      reason: 'never_confirmed',
      evidence: { lastConfirmedAt: null, dueDate: null },
    });
  });

  it('follows the pack parameter, not a constant', () => {
    const parameters = {
      ...tanumPolicyPack.parameters,
      registerConfirmationIntervalMonths: { ...tanumPolicyPack.parameters.registerConfirmationIntervalMonths!, value: 6 },
    };
    expect(harness.check(buildSystem({ lastConfirmedAt: '2026-03-15T12:00:00.000Z' }), {}, parameters)).toMatchObject({
      status: 'fail',
      reason: 'confirmation_stale',
      evidence: { intervalMonths: 6, dueDate: '2026-09-15' },
    });
  });

  it('is not applicable to out-of-scope and retired systems', () => {
    expect(harness.check(buildSystem({ scope: 'public', lastConfirmedAt: null })).status).toBe('not_applicable');
    expect(harness.check(buildSystem({ lifecycle: 'retired', lastConfirmedAt: null })).reason).toBe('system_retired');
  });

  it('exercised every reason code', () => {
    expect(harness.unseenReasons()).toEqual([]);
  });
});
