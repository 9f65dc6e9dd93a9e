import { randomUUID } from 'node:crypto';
import type {
  Incident,
  IncidentCreate,
  IncidentFollowUpActionInput,
  IncidentListQuery,
  IncidentReportCreate,
  IncidentUpdate,
} from '@forvalta/contracts';
import { actorName, type AnyActor } from '../../access/actor.ts';
import { can, departmentScope, municipalityOf, type Subject } from '../../access/authorise.ts';
import { useCase } from '../../access/use-case.ts';
import { recordAudit } from '../../platform/audit.ts';
import { swedishToday } from '../../platform/calendar.ts';
import type { Clock } from '../../platform/clock.ts';
import { withTransaction, type DatabaseHandle, type Executor } from '../../platform/database.ts';
import { conflict, invalid, notFound } from '../../platform/errors.ts';
import type { ExpectedVersion } from '../../platform/http/versioning.ts';
import { existingIds } from '../../platform/references.ts';
import { swedishSortKey } from '../../platform/text.ts';
import { versionedWrites } from '../../platform/versioned-write.ts';
import { riskAnalysisReads } from '../risks/index.ts';
import { systemReads } from '../systems/index.ts';
import { incidentAbilities, incidentActions, incidentReadSubjects } from './incident-abilities.ts';
import { incidentDeadlines } from './incident-deadlines.ts';
import { incidentsRepository, type IncidentRow, type StoredFollowUpAction } from './incidents.repository.ts';

/**
 * The incident as a caller reads it: its three clocks at `now`, and, when it is marked confidential
 * (ADR 0030) and the caller may not see its content, without its description, lessons, actions and
 * the content of its reports: that it happened, to which systems, and whether it was reported in
 * time stay, as the compliance view counts them for everyone who reads the log.
 */
export function presentIncident(row: IncidentRow, now: Date, mayReadConfidential: boolean) {
  const withheld = row.confidentialOslParagraph !== null && !mayReadConfidential;
  const { systems, ...fields } = row;
  return {
    ...fields,
    systems,
    deadlines: incidentDeadlines(row, now),
    description: withheld ? null : row.description,
    lessons: withheld ? null : row.lessons,
    followUpActions: withheld ? [] : row.followUpActions,
    reports: withheld ? row.reports.map((report) => ({ ...report, content: '' })) : row.reports,
    contentWithheld: withheld,
  };
}

/**
 * The incident log of the Cybersecurity Act (issue #19, NIS2 article 23): recorded and reported by
 * the IT unit and its chief, read by the auditors, by the heads of the departments owning an
 * affected system and by those systems' stewards.
 */
export function createIncidentsService(db: DatabaseHandle, clock: Clock) {
  const versioned = versionedWrites(db, clock);
  const now = () => clock.now().toISOString();
  const today = () => swedishToday(clock.now());

  async function subjectsOf(executor: Executor, municipalityId: string, row: IncidentRow): Promise<Subject[]> {
    const systemIds = row.systems.map((system) => system.id);
    const stewards =
      systemIds.length > 0 ? await systemReads.stewardPersonIds(executor, municipalityId, systemIds, today()) : new Map<string, string[]>();
    return incidentReadSubjects(row.systems, stewards);
  }

  async function present(executor: Executor, actor: AnyActor, municipalityId: string, row: IncidentRow): Promise<Incident> {
    const subjects = await subjectsOf(executor, municipalityId, row);
    const mayReadConfidential = subjects.some((subject) => can(actor, 'confidential.read', subject));
    return { ...presentIncident(row, clock.now(), mayReadConfidential), can: incidentAbilities(actor, row) };
  }

  function checkDetectedAt(detectedAt: string) {
    if (new Date(detectedAt).getTime() > clock.now().getTime()) invalidFail('detectedAt', 'An incident is detected before it is recorded.');
  }

  /** Each action names an affected system; its risk analysis is the one named, or the system's current one. */
  async function followUpActions(
    executor: Executor,
    municipalityId: string,
    systemIds: readonly string[],
    input: readonly IncidentFollowUpActionInput[],
  ): Promise<StoredFollowUpAction[]> {
    const actions: StoredFollowUpAction[] = [];
    for (const [index, action] of input.entries()) {
      if (!systemIds.includes(action.systemId))
        invalidFail(`followUpActions.${index}.systemId`, 'A follow-up action names one of the systems the incident affected.');
      let riskAnalysisId = action.riskAnalysisId ?? null;
      if (riskAnalysisId !== null) {
        if (!(await riskAnalysisReads.findForSystem(executor, municipalityId, action.systemId, riskAnalysisId)))
          invalidFail(`followUpActions.${index}.riskAnalysisId`, "The risk analysis is not one of this system's.");
      } else riskAnalysisId = (await riskAnalysisReads.latestForSystem(executor, municipalityId, action.systemId))?.id ?? null;
      actions.push({
        description: action.description,
        systemId: action.systemId,
        riskAnalysisId,
        dueDate: action.dueDate ?? null,
        done: action.done ?? false,
      });
    }
    return actions;
  }

  async function checkSystems(executor: Executor, municipalityId: string, systemIds: readonly string[]) {
    const found = await existingIds(executor, 'systems', municipalityId, systemIds);
    if (systemIds.some((id) => !found.has(id))) invalidFail('systemIds', 'One or more systems do not exist in this municipality.');
  }

  return {
    /** Everyone with the permission unscoped reads all; a department head their departments' systems', a steward their systems'. */
    listIncidents: useCase('incident.read', async ({ actor, authorise }, query: IncidentListQuery) => {
      const municipalityId = municipalityOf(actor);
      const scope = departmentScope(actor, 'incident.read');
      let visibility: { departmentIds: string[]; systemIds: string[] } | undefined;
      if (scope === undefined) authorise();
      else {
        const stewarded = actor.kind === 'person' ? await systemReads.stewardedSystemsOf(db, municipalityId, actor.personId, today()) : [];
        authorise({
          departmentId: scope[0] ?? null,
          stewardPersonIds: stewarded.length > 0 && actor.kind === 'person' ? [actor.personId] : [],
        });
        visibility = { departmentIds: scope, systemIds: stewarded.map((system) => system.systemId) };
      }
      const page = await incidentsRepository.list(db, municipalityId, query, visibility);
      const items: Incident[] = [];
      for (const row of page.items) items.push(await present(db, actor, municipalityId, row));
      return { ...page, items };
    }),

    getIncident: useCase('incident.read', async ({ actor, authorise, may }, id: string): Promise<Incident> => {
      const municipalityId = municipalityOf(actor);
      const row = await incidentsRepository.find(db, municipalityId, id);
      if (!row) throw notFound('Incident');
      const subjects = await subjectsOf(db, municipalityId, row);
      authorise(subjects.find((subject) => may(subject)) ?? subjects[0]);
      return present(db, actor, municipalityId, row);
    }),

    createIncident: useCase(incidentActions.update, async ({ actor, authorise }, input: IncidentCreate): Promise<Incident> => {
      authorise();
      const municipalityId = municipalityOf(actor);
      checkDetectedAt(input.detectedAt);
      return withTransaction(db, async (transaction) => {
        await checkSystems(transaction, municipalityId, input.systemIds);
        const actions = await followUpActions(transaction, municipalityId, input.systemIds, input.followUpActions ?? []);
        const id = randomUUID();
        await incidentsRepository.insert(transaction, {
          id,
          municipality_id: municipalityId,
          title: input.title,
          sort_key: swedishSortKey(input.title),
          description: input.description ?? null,
          detected_at: new Date(input.detectedAt).toISOString(),
          significant: input.significant ? 1 : 0,
          status: 'open',
          closed_at: null,
          reports_json: '[]',
          lessons: input.lessons ?? null,
          follow_up_json: JSON.stringify(actions),
          recorded_by_name: actorName(actor),
          confidential_osl_paragraph: input.confidentialOslParagraph || null,
          created_at: now(),
          updated_at: now(),
          version: 1,
        });
        await incidentsRepository.replaceSystems(transaction, municipalityId, id, input.systemIds);
        const created = (await incidentsRepository.find(transaction, municipalityId, id))!;
        await recordAudit(transaction, actor, clock, { action: 'create', entityType: 'incident', entityId: id, after: created });
        return present(transaction, actor, municipalityId, created);
      });
    }),

    /** Assess, describe, close: a significant incident closes only once its three reports are sent. */
    updateIncident: useCase(
      incidentActions.update,
      async ({ actor, authorise }, id: string, expectedVersion: ExpectedVersion, input: IncidentUpdate): Promise<Incident> => {
        const municipalityId = municipalityOf(actor);
        const after = await versioned.update(actor, {
          entity: 'Incident',
          expectedVersion,
          load: (transaction) => incidentsRepository.find(transaction, municipalityId, id),
          authorise: () => authorise(),
          apply: async (transaction, before, version) => {
            if (input.detectedAt) checkDetectedAt(input.detectedAt);
            const systemIds = input.systemIds ?? before.systems.map((system) => system.id);
            if (input.systemIds) await checkSystems(transaction, municipalityId, input.systemIds);
            const significant = input.significant ?? before.significant;
            const status = input.status ?? before.status;
            if (status === 'closed' && before.status !== 'closed' && significant && before.reports.length < 3)
              throw conflict('A significant incident is closed once its three reports are sent.', 'incident_reports_outstanding');
            const actions = input.followUpActions
              ? await followUpActions(transaction, municipalityId, systemIds, input.followUpActions)
              : before.followUpActions.filter((action) => systemIds.includes(action.systemId));
            if (input.systemIds) await incidentsRepository.replaceSystems(transaction, municipalityId, id, input.systemIds);
            return incidentsRepository.update(transaction, municipalityId, id, version, {
              ...(input.title !== undefined ? { title: input.title, sort_key: swedishSortKey(input.title) } : {}),
              ...(input.description !== undefined ? { description: input.description } : {}),
              ...(input.detectedAt !== undefined ? { detected_at: new Date(input.detectedAt).toISOString() } : {}),
              ...(input.lessons !== undefined ? { lessons: input.lessons } : {}),
              ...(input.confidentialOslParagraph !== undefined
                ? { confidential_osl_paragraph: input.confidentialOslParagraph || null }
                : {}),
              significant: significant ? 1 : 0,
              status,
              closed_at: status === 'closed' ? (before.closedAt ?? now()) : null,
              follow_up_json: JSON.stringify(actions),
              updated_at: now(),
            });
          },
          audit: (before, after) => ({
            action: after.status === 'closed' && before.status !== 'closed' ? 'close' : 'update',
            entityType: 'incident',
            entityId: id,
            before,
            after,
          }),
        });
        return present(db, actor, municipalityId, after);
      },
    ),

    /** A report recorded as sent, with its content and the time it was sent: once per kind, the final report after the notification. */
    recordReport: useCase(
      incidentActions.recordReport,
      async ({ actor, authorise }, id: string, expectedVersion: ExpectedVersion, input: IncidentReportCreate): Promise<Incident> => {
        const municipalityId = municipalityOf(actor);
        const sentAt = new Date(input.sentAt).toISOString();
        const after = await versioned.update(actor, {
          entity: 'Incident',
          expectedVersion,
          load: (transaction) => incidentsRepository.find(transaction, municipalityId, id),
          authorise: () => authorise(),
          apply: async (transaction, before, version) => {
            if (!before.significant)
              throw conflict('Only a significant incident is reported under the Cybersecurity Act.', 'incident_not_significant');
            if (before.reports.some((report) => report.kind === input.kind))
              throw conflict('This report is already recorded as sent.', 'incident_report_recorded');
            const notification = before.reports.find((report) => report.kind === 'notification');
            if (input.kind === 'final_report' && !notification)
              throw conflict(
                'The final report follows the incident notification; record the notification first.',
                'incident_notification_first',
              );
            if (Date.parse(sentAt) < Date.parse(before.detectedAt))
              invalidFail('sentAt', 'A report is sent after the incident was detected.');
            if (notification && input.kind === 'final_report' && Date.parse(sentAt) < Date.parse(notification.sentAt))
              invalidFail('sentAt', 'The final report is sent after the notification.');
            if (new Date(sentAt).getTime() > clock.now().getTime()) invalidFail('sentAt', 'A report is recorded once it has been sent.');
            const report = { kind: input.kind, sentAt, content: input.content, recordedByName: actorName(actor), recordedAt: now() };
            return incidentsRepository.update(transaction, municipalityId, id, version, {
              reports_json: JSON.stringify([...before.reports, report]),
              updated_at: now(),
            });
          },
          audit: (before, after) => ({
            action: 'incident_reported',
            entityType: 'incident',
            entityId: id,
            after: { kind: input.kind, sentAt, reportCount: after.reports.length, previousReportCount: before.reports.length },
          }),
        });
        return present(db, actor, municipalityId, after);
      },
    ),
  };
}

function invalidFail(path: string, message: string): never {
  throw invalid(path, message);
}

export type IncidentsService = ReturnType<typeof createIncidentsService>;
