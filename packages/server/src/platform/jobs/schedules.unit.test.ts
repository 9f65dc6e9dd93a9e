import { describe, expect, it } from 'vitest';
import { swedishToday } from '../calendar.ts';
import { dailyInStockholm, dailyInStockholmAt, every } from './schedules.ts';

describe('job schedules', () => {
  it('runs an interval job again one interval after its run started', () => {
    const schedule = every(30);
    expect(schedule.nextAfter(new Date('2026-11-28T09:00:00.000Z')).toISOString()).toBe('2026-11-28T09:00:30.000Z');
    expect(schedule.description).toBe('every 30 s');
  });

  it('refuses an interval that would make a job due forever', () => {
    expect(() => every(0)).toThrowError(RangeError);
    expect(() => every(-5)).toThrowError(RangeError);
    expect(() => every(Number.NaN)).toThrowError(RangeError);
  });

  it('makes a daily job due at the next Stockholm midnight, whenever in the day it ran', () => {
    const daily = dailyInStockholm();
    for (const ranAt of ['2026-11-28T09:00:00.000Z', '2026-11-28T22:59:59.999Z', '2026-11-27T23:00:00.000Z']) {
      expect(daily.nextAfter(new Date(ranAt)).toISOString(), ranAt).toBe('2026-11-28T23:00:00.000Z');
    }
    // At midnight sharp the run is today's; the next one is tomorrow's.
    expect(daily.nextAfter(new Date('2026-11-28T23:00:00.000Z')).toISOString()).toBe('2026-11-29T23:00:00.000Z');
    // Across the change to summer time the day is 23 hours long, and the next run is still at midnight.
    expect(daily.nextAfter(new Date('2026-03-29T12:00:00.000Z')).toISOString()).toBe('2026-03-29T22:00:00.000Z');
    // New Year: the year rolls over.
    expect(daily.nextAfter(new Date('2026-12-31T12:00:00.000Z')).toISOString()).toBe('2026-12-31T23:00:00.000Z');
  });

  it('is always later than the run it follows, so a job runs at most once per call', () => {
    const daily = dailyInStockholm();
    let instant = new Date('2026-01-01T00:00:00.000Z');
    for (let step = 0; step < 400; step += 1) {
      const next = daily.nextAfter(instant);
      expect(next.getTime()).toBeGreaterThan(instant.getTime());
      expect(swedishToday(next)).not.toBe(swedishToday(instant));
      instant = next;
    }
  });

  it('runs a daily job at its Stockholm hour: later today when the hour is still to come, else tomorrow', () => {
    const schedule = dailyInStockholmAt(6);
    expect(schedule.description).toBe('daily at 06:00 Europe/Stockholm');
    // 03:00 in Stockholm (UTC+1 in winter): 06:00 the same day.
    expect(schedule.nextAfter(new Date('2026-12-03T02:00:00.000Z')).toISOString()).toBe('2026-12-03T05:00:00.000Z');
    expect(schedule.nextAfter(new Date('2026-12-03T05:00:00.000Z')).toISOString()).toBe('2026-12-04T05:00:00.000Z');
    expect(() => dailyInStockholmAt(24)).toThrow(RangeError);
  });
});
