import { describe, expect, it } from 'vitest';
import { swedishHolidays } from '../platform/swedish-holidays.ts';
import { noticeStanding, type NoticeTerms } from './contract-notice.ts';
import { workingDayOnOrBefore } from './working-days.ts';

const holidays = new Set(swedishHolidays(2026, 2028));
const terms = (overrides: Partial<NoticeTerms> = {}): NoticeTerms => ({
  startsOn: '2024-01-01',
  endsOn: '2027-12-31',
  noticePeriod: { amount: 3, unit: 'months' },
  automaticRenewal: false,
  renewalMonths: null,
  noticeDecision: null,
  noticeDecidedOn: null,
  ...overrides,
});

describe('Swedish working days for notice dates', () => {
  it('moves back past Easter (långfredag to annandag påsk)', () => {
    // Easter Sunday 2027 is 28 March: Good Friday the 26th and Easter Monday the 29th are holidays.
    expect(workingDayOnOrBefore('2027-03-29', holidays)).toBe('2027-03-25');
    expect(workingDayOnOrBefore('2027-03-26', holidays)).toBe('2027-03-25');
  });

  it('moves back past Midsommar (midsommarafton is a day off)', () => {
    // Midsommarafton 2027 is Friday 25 June.
    expect(workingDayOnOrBefore('2027-06-25', holidays)).toBe('2027-06-24');
    expect(workingDayOnOrBefore('2027-06-27', holidays)).toBe('2027-06-24');
  });

  it('moves back past Christmas, National Day, Ascension and a weekend, and keeps a working day', () => {
    expect(workingDayOnOrBefore('2026-12-26', holidays)).toBe('2026-12-23');
    expect(workingDayOnOrBefore('2027-06-06', holidays)).toBe('2027-06-04');
    // Kristi himmelsfärd 2027: Thursday 6 May.
    expect(workingDayOnOrBefore('2027-05-06', holidays)).toBe('2027-05-05');
    expect(workingDayOnOrBefore('2026-11-29', holidays)).toBe('2026-11-27');
    expect(workingDayOnOrBefore('2026-11-30', holidays)).toBe('2026-11-30');
  });
});

describe('a contract’s notice date', () => {
  it('is the end minus the notice period, in months, weeks or days', () => {
    expect(noticeStanding(terms(), '2026-11-28', holidays)).toMatchObject({ currentTermEndsOn: '2027-12-31', noticeDate: '2027-09-30' });
    expect(noticeStanding(terms({ noticePeriod: { amount: 4, unit: 'weeks' } }), '2026-11-28', holidays).noticeDate).toBe('2027-12-03');
    // 2027-12-31 minus 7 days is Friday 24 December, julafton: Thursday the 23rd.
    expect(noticeStanding(terms({ noticePeriod: { amount: 7, unit: 'days' } }), '2026-11-28', holidays).noticeDate).toBe('2027-12-23');
  });

  it('moves on with an automatic renewal once the term has ended, unless notice was given', () => {
    const renewing = terms({ endsOn: '2026-03-31', automaticRenewal: true, renewalMonths: 24 });
    expect(noticeStanding(renewing, '2026-11-28', holidays)).toMatchObject({
      termStartsOn: '2026-04-01',
      currentTermEndsOn: '2028-03-31',
      // 2028-03-31 minus three months is nyårsafton 2027, a day off: Thursday the 30th.
      noticeDate: '2027-12-30',
      ended: false,
    });
    expect(
      noticeStanding({ ...renewing, noticeDecision: 'terminate', noticeDecidedOn: '2025-12-01' }, '2026-11-28', holidays),
    ).toMatchObject({
      currentTermEndsOn: '2026-03-31',
      ended: true,
    });
  });

  it('counts a notice decision only within the term it was made for', () => {
    const renewing = terms({ endsOn: '2026-03-31', automaticRenewal: true, noticeDecision: 'continue', noticeDecidedOn: '2025-12-01' });
    expect(noticeStanding(renewing, '2026-11-28', holidays).decided).toBe(false);
    expect(noticeStanding({ ...renewing, noticeDecidedOn: '2026-10-01' }, '2026-11-28', holidays).decided).toBe(true);
  });
});
