import { describe, expect, it } from 'vitest';
import { calendarMonthAfter, elapsedHoursAfter, incidentDeadlines, nextDeadline, stockholmInstant } from './incident-deadlines.ts';

const stockholm = (instant: string) =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm',
    dateStyle: 'short',
    timeStyle: 'medium',
  }).format(new Date(instant));

describe('incident deadlines', () => {
  it('counts 24 and 72 elapsed hours across the change to summer time (29 March 2026, 02:00 → 03:00)', () => {
    // Detected Saturday 28 March 10:00 (+01:00): 24 hours later the clock shows 11:00 (+02:00).
    const detectedAt = '2026-03-28T09:00:00.000Z';
    expect(stockholm(detectedAt)).toBe('2026-03-28 10:00:00');
    const earlyWarning = elapsedHoursAfter(detectedAt, 24);
    expect(earlyWarning).toBe('2026-03-29T09:00:00.000Z');
    expect(stockholm(earlyWarning)).toBe('2026-03-29 11:00:00');
    expect(stockholm(elapsedHoursAfter(detectedAt, 72))).toBe('2026-03-31 11:00:00');
  });

  it('counts 24 and 72 elapsed hours across the change from summer time (25 October 2026, 03:00 → 02:00)', () => {
    // Detected Saturday 24 October 10:00 (+02:00): 24 hours later the clock shows 09:00 (+01:00).
    const detectedAt = '2026-10-24T08:00:00.000Z';
    expect(stockholm(detectedAt)).toBe('2026-10-24 10:00:00');
    expect(stockholm(elapsedHoursAfter(detectedAt, 24))).toBe('2026-10-25 09:00:00');
    expect(stockholm(elapsedHoursAfter(detectedAt, 72))).toBe('2026-10-27 09:00:00');
    // 01:30 summer time, an hour and a half before the change: 24 hours later is 00:30 the next night.
    expect(stockholm(elapsedHoursAfter('2026-10-24T23:30:00.000Z', 24))).toBe('2026-10-26 00:30:00');
  });

  it('adds a calendar month at the same Swedish time of day, across a change of offset and into a shorter month', () => {
    // 10 March 14:00 (+01:00) → 10 April 14:00 (+02:00): the wall clock is kept, so 30 days and 23 hours elapse.
    const march = stockholmInstant({ year: 2026, month: 3, day: 10, hour: 14, minute: 0, second: 0 }).toISOString();
    expect(march).toBe('2026-03-10T13:00:00.000Z');
    expect(calendarMonthAfter(march)).toBe('2026-04-10T12:00:00.000Z');
    expect(stockholm(calendarMonthAfter('2026-10-05T08:00:00.000Z'))).toBe('2026-11-05 10:00:00');
    // 31 January → the last day of February.
    expect(stockholm(calendarMonthAfter('2027-01-31T09:00:00.000Z'))).toBe('2027-02-28 10:00:00');
    // 31 December → 31 January of the next year.
    expect(stockholm(calendarMonthAfter('2026-12-31T22:30:00.000Z'))).toBe('2027-01-31 23:30:00');
  });

  it('reads a wall-clock time the autumn change shows twice as summer time, and one the spring change skips as standard time', () => {
    expect(stockholmInstant({ year: 2026, month: 10, day: 25, hour: 2, minute: 30, second: 0 }).toISOString()).toBe(
      '2026-10-25T00:30:00.000Z',
    );
    expect(stockholmInstant({ year: 2026, month: 3, day: 29, hour: 2, minute: 30, second: 0 }).toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    );
  });

  it('shows the final report from the notification deadline until the notification is sent, then from its sending', () => {
    const detectedAt = '2026-11-02T07:00:00.000Z';
    const open = incidentDeadlines({ detectedAt, significant: true, reports: [] }, new Date('2026-11-02T12:00:00.000Z'));
    expect(open.map((deadline) => [deadline.kind, deadline.dueAt, deadline.basis, deadline.state])).toEqual([
      ['early_warning', '2026-11-03T07:00:00.000Z', 'detection', 'open'],
      ['notification', '2026-11-05T07:00:00.000Z', 'detection', 'open'],
      ['final_report', '2026-12-05T07:00:00.000Z', 'notification_deadline', 'open'],
    ]);
    expect(nextDeadline(open)?.kind).toBe('early_warning');

    const reported = incidentDeadlines(
      {
        detectedAt,
        significant: true,
        reports: [
          { kind: 'early_warning', sentAt: '2026-11-03T08:00:00.000Z' },
          { kind: 'notification', sentAt: '2026-11-04T09:15:00.000Z' },
        ],
      },
      new Date('2026-11-06T12:00:00.000Z'),
    );
    expect(reported.map((deadline) => [deadline.kind, deadline.state, deadline.sentAt])).toEqual([
      ['early_warning', 'late', '2026-11-03T08:00:00.000Z'],
      ['notification', 'met', '2026-11-04T09:15:00.000Z'],
      ['final_report', 'open', null],
    ]);
    expect(reported[2]).toMatchObject({ dueAt: '2026-12-04T09:15:00.000Z', basis: 'notification_sent' });
    expect(nextDeadline(reported)?.kind).toBe('final_report');
  });

  it('is overdue once the deadline has passed unsent, and owes nothing for an incident that is not significant', () => {
    const detectedAt = '2026-11-02T07:00:00.000Z';
    const late = incidentDeadlines({ detectedAt, significant: true, reports: [] }, new Date('2026-11-03T07:00:00.000Z'));
    expect(late.map((deadline) => deadline.state)).toEqual(['overdue', 'open', 'open']);
    const minor = incidentDeadlines({ detectedAt, significant: false, reports: [] }, new Date('2026-12-24T07:00:00.000Z'));
    expect(minor.map((deadline) => deadline.state)).toEqual(['not_required', 'not_required', 'not_required']);
    expect(nextDeadline(minor)).toBeUndefined();
  });
});
