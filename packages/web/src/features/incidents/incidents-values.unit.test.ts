import { describe, expect, it } from 'vitest';
import { hoursBetween, instantOfStockholmLocal, stockholmLocalValue } from './incidents-values.ts';

describe('incident values', () => {
  it('reads a time on the form as Stockholm time, in winter and in summer', () => {
    expect(instantOfStockholmLocal('2026-11-28T07:30')).toBe('2026-11-28T06:30:00.000Z');
    expect(instantOfStockholmLocal('2026-06-10T07:30')).toBe('2026-06-10T05:30:00.000Z');
    expect(instantOfStockholmLocal('2026-11-28')).toBeNull();
    expect(stockholmLocalValue(new Date('2026-11-28T06:30:00.000Z'))).toBe('2026-11-28T07:30');
  });

  it('counts whole elapsed hours, never below zero', () => {
    expect(hoursBetween('2026-03-28T09:00:00.000Z', '2026-03-29T09:00:00.000Z')).toBe(24);
    expect(hoursBetween('2026-03-29T09:00:00.000Z', '2026-03-28T09:00:00.000Z')).toBe(0);
  });
});
