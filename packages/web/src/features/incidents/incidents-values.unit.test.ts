import { describe, expect, it } from 'vitest';
import type { IncidentDeadline } from '@forvalta/contracts';
import { hoursBetween, instantOfStockholmLocal, remainingOf, stockholmLocalValue } from './incidents-values.ts';

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

  it("counts the 24 and 72 hours in hours and the final report's month in days", () => {
    const deadline = (kind: IncidentDeadline['kind'], state: IncidentDeadline['state'], dueAt: string): IncidentDeadline => ({
      kind,
      dueAt,
      basis: kind === 'final_report' ? 'notification_sent' : 'detection',
      state,
      sentAt: null,
    });
    const now = '2026-03-01T10:00:00.000Z';
    expect(remainingOf(deadline('notification', 'open', '2026-03-03T12:30:00.000Z'), now)).toEqual({ key: 'hoursLeft', count: 50 });
    expect(remainingOf(deadline('early_warning', 'overdue', '2026-03-01T07:00:00.000Z'), now)).toEqual({ key: 'hoursOverdue', count: 3 });
    expect(remainingOf(deadline('final_report', 'open', '2026-03-29T09:00:00.000Z'), now)).toEqual({ key: 'daysLeft', count: 27 });
    expect(remainingOf(deadline('final_report', 'overdue', '2026-02-27T09:00:00.000Z'), now)).toEqual({ key: 'daysOverdue', count: 2 });
  });
});
