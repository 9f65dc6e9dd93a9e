import { describe, expect, it } from 'vitest';
import type { SnapshotChangeNotice } from '../snapshot.ts';
import { buildSnapshot, buildSystem, runRule } from '../test-support.ts';
import { changeNoticeRule } from './change-notice.ts';

const notice = (overrides: Partial<SnapshotChangeNotice> = {}): SnapshotChangeNotice => ({
  id: 'notice-1',
  title: 'Ny ersättare för Procapita',
  kind: 'responsibility',
  systemIds: ['system-1'],
  status: 'open',
  createdOn: '2026-11-23',
  plannedOn: null,
  ...overrides,
});
const seen = new Set<string>();
/** Today is Saturday 2026-11-28 (test-support). */
const check = (subject: SnapshotChangeNotice, holidays: string[] = [], evaluatedAt?: string) => {
  const [result] = runRule(
    changeNoticeRule,
    buildSnapshot([buildSystem()], { changeNotices: [subject], holidays, ...(evaluatedAt ? { evaluatedAt } : {}) }),
  );
  seen.add(result!.reason);
  return result!;
};

describe('ITP-4.2.2-CHANGE-NOTICE', () => {
  it('passes an acknowledged notice, whenever it was made', () => {
    expect(check(notice({ status: 'acknowledged', createdOn: '2026-01-05' }))).toMatchObject({
      status: 'pass',
      reason: 'acknowledged',
      subjectType: 'change_notice',
      departmentId: 'department-social',
      fixPath: '/change-notices/notice-1',
    });
  });

  it('passes an open notice within five working days', () => {
    // Monday 23rd + 5 working days = Monday 30th.
    expect(check(notice())).toMatchObject({
      status: 'pass',
      reason: 'within_deadline',
      evidence: { acknowledgeBy: '2026-11-30', workingDaysOpen: 4 },
    });
  });

  it('fails an open notice past the deadline', () => {
    expect(check(notice({ createdOn: '2026-11-20' }))).toMatchObject({
      status: 'fail',
      reason: 'acknowledgement_overdue',
      evidence: { acknowledgeBy: '2026-11-27' },
    });
  });

  it('does not count weekends or the holidays passed in', () => {
    // Made Monday 21 December: 24, 25 and 26 December are days off, so the fifth working day is the 30th.
    const holidays = ['2026-12-24', '2026-12-25', '2026-12-26', '2026-12-31'];
    expect(check(notice({ createdOn: '2026-12-21' }), holidays, '2026-12-30T09:00:00.000Z')).toMatchObject({
      status: 'pass',
      evidence: { acknowledgeBy: '2026-12-30' },
    });
    expect(check(notice({ createdOn: '2026-12-21' }), [], '2026-12-30T09:00:00.000Z')).toMatchObject({
      status: 'fail',
      evidence: { acknowledgeBy: '2026-12-28' },
    });
  });

  it('has nothing to judge without notices', () => {
    expect(runRule(changeNoticeRule, buildSnapshot([buildSystem()]))).toEqual([]);
  });

  it('exercised every reason code', () => {
    expect(changeNoticeRule.reasonCodes.filter((reason) => !seen.has(reason))).toEqual([]);
  });
});
