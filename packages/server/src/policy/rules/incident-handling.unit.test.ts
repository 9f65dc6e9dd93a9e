import { describe, expect, it } from 'vitest';
import type { SnapshotIncident } from '../snapshot.ts';
import { buildSnapshot, runRule } from '../test-support.ts';
import { incidentHandlingRule } from './incident-handling.ts';

type Deadline = SnapshotIncident['deadlines'][number];
const deadline = (kind: Deadline['kind'], state: Deadline['state'], sentAt: string | null = null): Deadline => ({
  kind,
  dueAt: '2026-11-20T10:00:00.000Z',
  state,
  sentAt,
});
const incident = (deadlines: Deadline[], overrides: Partial<SnapshotIncident> = {}): SnapshotIncident => ({
  id: 'incident-1',
  title: 'Intrång via fjärråtkomst',
  departmentId: 'department-social',
  detectedAt: '2026-11-19T10:00:00.000Z',
  significant: true,
  deadlines,
  ...overrides,
});
const seen = new Set<string>();
const check = (subject: SnapshotIncident) => {
  const results = runRule(incidentHandlingRule, buildSnapshot([], { incidents: [subject] }));
  expect(results).toHaveLength(1);
  seen.add(results[0]!.reason);
  return results[0]!;
};

describe('NIS2-21-2-B: incident handling over the incident log', () => {
  it('passes a significant incident whose reports were sent in time or still have time', () => {
    const result = check(
      incident([
        deadline('early_warning', 'met', '2026-11-19T20:00:00.000Z'),
        deadline('notification', 'met', '2026-11-21T09:00:00.000Z'),
        deadline('final_report', 'open'),
      ]),
    );
    expect(result).toMatchObject({
      clauseId: 'NIS2-21-2-B',
      subjectType: 'incident',
      subjectId: 'incident-1',
      departmentId: 'department-social',
      status: 'pass',
      reason: 'incident_reports_in_time',
      fixPath: '/incidents/incident-1',
      evidence: { late: [], overdue: [] },
    });
  });

  it('fails one whose early warning was sent after its 24 hours', () => {
    const result = check(
      incident([
        deadline('early_warning', 'late', '2026-11-20T12:00:00.000Z'),
        deadline('notification', 'open'),
        deadline('final_report', 'open'),
      ]),
    );
    expect(result).toMatchObject({ status: 'fail', reason: 'incident_report_late', evidence: { late: ['early_warning'] } });
  });

  it('fails one whose notification is overdue now, before one that was only late', () => {
    const result = check(
      incident([
        deadline('early_warning', 'late', '2026-11-20T12:00:00.000Z'),
        deadline('notification', 'overdue'),
        deadline('final_report', 'open'),
      ]),
    );
    expect(result).toMatchObject({
      status: 'fail',
      reason: 'incident_report_overdue',
      evidence: { late: ['early_warning'], overdue: ['notification'] },
    });
  });

  it('asks nothing of an incident that is not significant', () => {
    const result = check(
      incident(
        [deadline('early_warning', 'not_required'), deadline('notification', 'not_required'), deadline('final_report', 'not_required')],
        {
          significant: false,
        },
      ),
    );
    expect(result).toMatchObject({ status: 'not_applicable', reason: 'incident_not_significant' });
  });

  it('gives no result without an incident log, and has met every reason it declares', () => {
    expect(runRule(incidentHandlingRule, buildSnapshot([]))).toEqual([]);
    expect(incidentHandlingRule.reasonCodes.filter((reason) => !seen.has(reason))).toEqual([]);
  });
});
