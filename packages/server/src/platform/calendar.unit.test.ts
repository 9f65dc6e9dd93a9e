import { describe, expect, it } from 'vitest';
import { followingDay, swedishMidnight, swedishToday } from './calendar.ts';

describe('Swedish calendar time', () => {
  it('knows the Swedish calendar day of an instant, not the UTC one', () => {
    expect(swedishToday(new Date('2026-11-28T23:30:00.000Z'))).toBe('2026-11-29'); // 00:30 CET
    expect(swedishToday(new Date('2026-06-30T22:30:00.000Z'))).toBe('2026-07-01'); // 00:30 CEST
    expect(swedishToday(new Date('2026-06-30T21:59:59.000Z'))).toBe('2026-06-30');
  });

  it('starts a Swedish day at midnight in Stockholm, in winter (+01:00) and in summer (+02:00)', () => {
    expect(swedishMidnight('2026-11-29').toISOString()).toBe('2026-11-28T23:00:00.000Z');
    expect(swedishMidnight('2026-07-01').toISOString()).toBe('2026-06-30T22:00:00.000Z');
    // The days clocks change (29 March and 25 October 2026) still begin at their own midnight.
    expect(swedishMidnight('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(swedishMidnight('2026-03-30').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(swedishMidnight('2026-10-25').toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(swedishMidnight('2026-10-26').toISOString()).toBe('2026-10-25T23:00:00.000Z');
  });

  it('counts to the next calendar day across months and years', () => {
    expect(followingDay('2026-02-28')).toBe('2026-03-01');
    expect(followingDay('2028-02-28')).toBe('2028-02-29');
    expect(followingDay('2026-12-31')).toBe('2027-01-01');
  });
});
