import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, assessRecency, createRecencyCheck, dateOfTimestamp, dueDateOf, isIsoDate, subtractMonths } from './dates.ts';

const arbitraryDate = fc
  .record({ year: fc.integer({ min: 1990, max: 2100 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
  .map(({ year, month, day }) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`)
  .filter(isIsoDate);

describe('calendar month arithmetic', () => {
  it('moves by calendar months, keeping the day', () => {
    expect(subtractMonths('2026-11-28', 12)).toBe('2025-11-28');
    expect(addMonths('2025-11-28', 12)).toBe('2026-11-28');
    expect(addMonths('2026-11-28', 2)).toBe('2027-01-28');
    expect(subtractMonths('2026-01-15', 1)).toBe('2025-12-15');
    expect(addMonths('2026-05-10', 0)).toBe('2026-05-10');
    expect(subtractMonths('2026-11-28', 36)).toBe('2023-11-28');
  });

  it('clamps to the last day of a shorter month', () => {
    expect(subtractMonths('2026-03-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(subtractMonths('2024-02-29', 12)).toBe('2023-02-28');
    expect(addMonths('2026-08-31', 1)).toBe('2026-09-30');
  });

  it('rejects what is not a date or not whole months', () => {
    expect(() => addMonths('2026-11', 1)).toThrow(RangeError);
    expect(() => addMonths('2026-11-28', 1.5)).toThrow(RangeError);
  });

  it('always gives a valid date, and going forward then back never lands later than the start', () => {
    fc.assert(
      fc.property(arbitraryDate, fc.integer({ min: -240, max: 240 }), (start, months) => {
        const moved = addMonths(start, months);
        expect(isIsoDate(moved)).toBe(true);
        expect(addMonths(moved, -months) <= start).toBe(true);
      }),
    );
  });
});

describe('dates of timestamps', () => {
  it('takes the UTC date of an ISO timestamp', () => {
    expect(dateOfTimestamp('2026-11-28T09:15:00.000Z')).toBe('2026-11-28');
    expect(dateOfTimestamp('2026-11-28T00:30:00+02:00')).toBe('2026-11-27');
    expect(dateOfTimestamp('2026-11-28')).toBe('2026-11-28');
  });

  it('gives null for what is not a timestamp', () => {
    expect(dateOfTimestamp('yesterday')).toBeNull();
    expect(dateOfTimestamp('2026-02-30')).toBeNull();
    expect(dateOfTimestamp('2026-13-01T00:00:00Z')).toBeNull();
  });

  it('validates dates, leap years included', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2100-02-29')).toBe(false);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('2026-04-31')).toBe(false);
  });
});

describe('recency of a confirmation', () => {
  it('is current up to and including the due date', () => {
    expect(assessRecency('2025-11-28T10:00:00.000Z', '2026-11-28', 12)).toEqual({
      recency: 'current',
      confirmedOn: '2025-11-28',
      dueDate: '2026-11-28',
    });
    expect(assessRecency('2025-11-28T10:00:00.000Z', '2026-11-29', 12).recency).toBe('stale');
  });

  it('is never without a confirmation, or with one that is not a timestamp', () => {
    expect(assessRecency(null, '2026-11-28', 12)).toEqual({ recency: 'never', confirmedOn: null, dueDate: null });
    expect(assessRecency('not a date', '2026-11-28', 12).recency).toBe('never');
  });

  it('counts a confirmation dated after today as current', () => {
    expect(assessRecency('2026-12-01T00:00:00.000Z', '2026-11-28', 12).recency).toBe('current');
  });
});

describe('recency against its definition', () => {
  const monthEnds = fc.constantFrom('2024-01-31', '2024-02-29', '2025-02-28', '2025-03-31', '2025-04-30', '2026-11-30', '2026-12-31');
  const date = fc.oneof(arbitraryDate, monthEnds);
  const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  /** The definition: current when confirmed on or after today minus the interval. */
  const isCurrent = (confirmedOn: string, today: string, months: number) => confirmedOn >= subtractMonths(today, months);

  it('the fast check and assessRecency both follow it', () => {
    fc.assert(
      fc.property(date, date, fc.integer({ min: 0, max: 60 }), (confirmedOn, today, months) => {
        const timestamp = `${confirmedOn}T12:00:00.000Z`;
        const expected = isCurrent(confirmedOn, today, months) ? 'current' : 'stale';
        expect(createRecencyCheck(today, months)(timestamp)).toBe(expected);
        expect(assessRecency(timestamp, today, months).recency).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('the due date is the last current day: current on it, stale the day after', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 60 }), (confirmedOn, months) => {
        const dueDate = dueDateOf(`${confirmedOn}T08:00:00.000Z`, months)!;
        expect(isCurrent(confirmedOn, dueDate, months)).toBe(true);
        expect(isCurrent(confirmedOn, nextDay(dueDate), months)).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });

  it('gives the due date for evidence, month ends included', () => {
    expect(dueDateOf('2025-11-28T10:00:00.000Z', 12)).toBe('2026-11-28');
    expect(dueDateOf('2025-01-30T10:00:00.000Z', 1)).toBe('2025-02-28');
    expect(dueDateOf('2025-04-30T10:00:00.000Z', 20)).toBe('2026-12-31');
    expect(dueDateOf('2025-02-28T10:00:00.000Z', 1)).toBe('2025-03-31');
    expect(dueDateOf(null, 12)).toBeNull();
    expect(createRecencyCheck('2026-11-28', 12)(null)).toBe('never');
  });
});
