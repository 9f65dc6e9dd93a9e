import { randomUUID } from 'node:crypto';
import type { IncidentReport } from '@forvalta/contracts';
import type { AnyActor } from '../access/actor.ts';
import { incidentsRepository } from '../modules/incidents/bulk.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Clock } from '../platform/clock.ts';
import type { TransactionHandle } from '../platform/database.ts';
import { swedishSortKey } from '../platform/text.ts';

const hourMs = 3_600_000;

/**
 * Two incidents for Tanum (issue #19): a significant one detected five hours ago whose early
 * warning is still to be sent (its clock runs on the incident page, the timeline and the IT
 * chief's to-do list), and one from six weeks ago, reported in three steps and closed. Both affect
 * systems in scope of the Cybersecurity Act where the register has any.
 */
export async function loadDemoIncidents(transaction: TransactionHandle, actor: AnyActor, clock: Clock, municipalityId: string) {
  const systems = await transaction
    .selectFrom('systems')
    .select(['id', 'name', 'nis2'])
    .where('municipality_id', '=', municipalityId)
    .where('lifecycle', '<>', 'retired')
    .orderBy('nis2', 'desc')
    .orderBy('sort_key')
    .limit(2)
    .execute();
  if (systems.length === 0) return;
  const now = clock.now();
  const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * hourMs).toISOString();
  const recordedBy = 'Göran Åkesson';
  const report = (kind: IncidentReport['kind'], hoursAgo: number, content: string): IncidentReport => ({
    kind,
    sentAt: at(hoursAgo),
    content,
    recordedByName: recordedBy,
    recordedAt: at(hoursAgo),
  });
  const incidents = [
    {
      title: 'Misstänkt intrång via fjärråtkomst',
      description: 'Inloggningar från okända adresser mot fjärråtkomsten; kontot spärrat, loggar säkrade.',
      detectedAt: at(5),
      significant: true,
      status: 'open',
      closedAt: null,
      reports: [] as IncidentReport[],
      lessons: null,
      systemId: systems[0]!.id,
    },
    {
      title: 'Utpressningsvirus på filserver',
      description: 'Krypterade filer på en filserver; återläst från säkerhetskopia samma dag.',
      detectedAt: at(24 * 42),
      significant: true,
      status: 'closed',
      closedAt: at(24 * 10),
      reports: [
        report(
          'early_warning',
          24 * 42 - 6,
          'Tidig varning till CERT-SE: misstänkt antagonistisk händelse, påverkan begränsad till en filserver.',
        ),
        report(
          'notification',
          24 * 42 - 50,
          'Incidentanmälan: utpressningsvirus, en filserver, inga personuppgifter röjda enligt nuvarande bedömning.',
        ),
        report('final_report', 24 * 14, 'Slutrapport: orsak nätfiske, åtgärder flerfaktorsinloggning och separerade säkerhetskopior.'),
      ],
      lessons: 'Säkerhetskopior hålls separerade från nätet; flerfaktorsinloggning för all fjärråtkomst.',
      systemId: (systems[1] ?? systems[0])!.id,
    },
  ];
  for (const incident of incidents) {
    const id = randomUUID();
    await incidentsRepository.insert(transaction, {
      id,
      municipality_id: municipalityId,
      title: incident.title,
      sort_key: swedishSortKey(incident.title),
      description: incident.description,
      detected_at: incident.detectedAt,
      significant: incident.significant ? 1 : 0,
      status: incident.status,
      closed_at: incident.closedAt,
      reports_json: JSON.stringify(incident.reports),
      lessons: incident.lessons,
      follow_up_json: '[]',
      recorded_by_name: recordedBy,
      confidential_osl_paragraph: null,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
      version: 1,
    });
    await incidentsRepository.replaceSystems(transaction, municipalityId, id, [incident.systemId]);
    await recordAudit(transaction, actor, clock, {
      action: 'create',
      entityType: 'incident',
      entityId: id,
      after: { title: incident.title, detectedAt: incident.detectedAt, systemIds: [incident.systemId] },
    });
  }
}
