import { describe, expect, it } from 'vitest';
import { formatSessionTime, stockholmInstant, stockholmParts } from './session-times.ts';

describe('session times in Stockholm', () => {
  it('turns a day and a time into the instant, in winter and in summer time', () => {
    expect(stockholmInstant('2026-12-03', '09:00')).toBe('2026-12-03T08:00:00.000Z');
    expect(stockholmInstant('2026-06-10', '13:30')).toBe('2026-06-10T11:30:00.000Z');
  });

  it('shows an instant as the day and time of the form, and a session on one day with one date', () => {
    expect(stockholmParts('2026-12-03T08:00:00.000Z')).toEqual({ date: '2026-12-03', time: '09:00' });
    expect(stockholmParts(null)).toEqual({ date: null, time: '' });
    expect(formatSessionTime('2026-12-03T08:00:00.000Z', '2026-12-03T10:00:00.000Z')).toBe('2026-12-03 09:00–11:00');
    expect(formatSessionTime('2026-12-03T08:00:00.000Z', '2026-12-04T10:00:00.000Z')).toBe('2026-12-03 09:00 – 2026-12-04 11:00');
  });
});
