/**
 * The incident log as NIS2-21-2-B reads it (issue #19, ADR 0037): the significant and the other
 * incidents with their three deadlines' states at evaluatedAt, computed by the incident log's own
 * clocks (modules/incidents), so the compliance view and the incident page never disagree. Two
 * queries whatever the log's size; the reports' content is not read (the rule needs only when).
 */
import type { IncidentReportKind } from '@forvalta/contracts';
import type { SnapshotIncident } from '../../policy/index.ts';
import type { Executor } from '../../platform/database.ts';
import { parseJson } from '../../platform/json.ts';
import { incidentDeadlines } from '../incidents/index.ts';

export async function loadIncidentRecords(
  db: Executor,
  municipalityId: string,
  evaluatedAt: string,
): Promise<{ incidents: SnapshotIncident[] }> {
  const [incidents, affected] = await Promise.all([
    db
      .selectFrom('incidents')
      .select(['id', 'title', 'detected_at', 'significant', 'reports_json'])
      .where('municipality_id', '=', municipalityId)
      .orderBy('detected_at')
      .orderBy('id')
      .execute(),
    // The first affected system still in the register gives the department the result counts for.
    db
      .selectFrom('incident_systems')
      .innerJoin('systems', (join) =>
        join
          .onRef('systems.id', '=', 'incident_systems.system_id')
          .onRef('systems.municipality_id', '=', 'incident_systems.municipality_id'),
      )
      .select(['incident_systems.incident_id', 'systems.owner_department_id', 'systems.name'])
      .where('incident_systems.municipality_id', '=', municipalityId)
      .orderBy('systems.name')
      .execute(),
  ]);
  const departmentOf = new Map<string, string | null>();
  for (const row of affected) if (!departmentOf.has(row.incident_id)) departmentOf.set(row.incident_id, row.owner_department_id);
  const now = new Date(evaluatedAt);
  return {
    incidents: incidents.map((row): SnapshotIncident => {
      const reports = parseJson<Array<{ kind: IncidentReportKind; sentAt: string }>>(row.reports_json, []);
      const significant = row.significant === 1;
      return {
        id: row.id,
        title: row.title,
        departmentId: departmentOf.get(row.id) ?? null,
        detectedAt: row.detected_at,
        significant,
        deadlines: incidentDeadlines({ detectedAt: row.detected_at, significant, reports }, now).map(({ kind, dueAt, state, sentAt }) => ({
          kind,
          dueAt,
          state,
          sentAt,
        })),
      };
    }),
  };
}
