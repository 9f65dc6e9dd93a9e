import { PassThrough, Readable } from 'node:stream';
import type { AuditEvent, AuditEventExport, AuditVerificationResult, Locale } from '@forvalta/contracts';
import { stringify } from 'csv-stringify/sync';
import { municipalityOf } from '../../access/authorise.ts';
import { useCase } from '../../access/use-case.ts';
import { recordAudit } from '../../platform/audit.ts';
import { swedishToday } from '../../platform/calendar.ts';
import type { Clock } from '../../platform/clock.ts';
import { withTransaction, type DatabaseHandle } from '../../platform/database.ts';
import { neutraliseFormula } from '../../platform/spreadsheet-text.ts';
import { auditEventsRepository } from './audit-events.repository.ts';
import { verifyMunicipalityChain } from './audit-verification.ts';

const labels = {
  sv: {
    title: 'Händelselogg',
    exportedAt: 'Exporterad (UTC)',
    chain: 'Kedjans kontroll',
    intact: 'Obruten',
    broken: 'Bruten',
    checkedAt: 'Kontrollerad (UTC)',
    events: 'Kontrollerade händelser',
    problems: 'Problem i kedjan',
    keyId: 'Nyckel-id',
    filters: 'Urval',
    everything: 'hela loggen',
    headers: [
      'Nr',
      'Tid (svensk tid)',
      'Tid (UTC)',
      'Utförd av',
      'Inloggning',
      'Händelse',
      'Posttyp',
      'Post-id',
      'Före',
      'Efter',
      'Händelse-id',
    ],
    sheet: 'Händelselogg',
    verificationSheet: 'Kontroll av kedjan',
    truncated: '… (förkortat; hela värdet finns i CSV-exporten)',
  },
  en: {
    title: 'Audit log',
    exportedAt: 'Exported (UTC)',
    chain: 'Chain verification',
    intact: 'Intact',
    broken: 'Broken',
    checkedAt: 'Checked (UTC)',
    events: 'Events checked',
    problems: 'Problems in the chain',
    keyId: 'Key id',
    filters: 'Selection',
    everything: 'the whole log',
    headers: [
      'No.',
      'Time (Swedish time)',
      'Time (UTC)',
      'Actor',
      'Login',
      'Event',
      'Record type',
      'Record id',
      'Before',
      'After',
      'Event id',
    ],
    sheet: 'Audit log',
    verificationSheet: 'Chain verification',
    truncated: '… (shortened; the whole value is in the CSV export)',
  },
} as const;

const swedishTime = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** Excel refuses a cell longer than 32,767 characters; a large before/after (a policy pack) is shortened in XLSX only. */
const spreadsheetCellLimit = 32_000;

type Filters = Omit<AuditEventExport, 'format'>;

function rowOf(event: AuditEvent): string[] {
  return [
    String(event.sequence),
    swedishTime.format(new Date(event.occurredAt)),
    event.occurredAt,
    event.actorName,
    event.actorLoginId ?? '',
    event.action,
    event.entityType,
    event.entityId ?? '',
    event.before === null ? '' : JSON.stringify(event.before),
    event.after === null ? '' : JSON.stringify(event.after),
    event.id,
  ].map(neutraliseFormula);
}

/** The verification result and the selection, as label/value pairs: the CSV's first lines, the XLSX's second sheet. */
function summaryOf(locale: Locale, municipality: string, exportedAt: string, verification: AuditVerificationResult, filters: Filters) {
  const words = labels[locale];
  const selection = Object.entries(filters)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([name, value]) => `${name}=${value}`)
    .join(', ');
  return [
    [words.title, municipality],
    [words.exportedAt, exportedAt],
    [words.chain, verification.intact ? words.intact : words.broken],
    [words.checkedAt, verification.checkedAt],
    [words.events, String(verification.events)],
    [words.problems, String(verification.problems.length)],
    [words.keyId, verification.keyId],
    [words.filters, selection || words.everything],
  ].map((pair) => pair.map(neutraliseFormula));
}

/**
 * The filtered audit log as CSV or XLSX, streamed a batch at a time (100,000 events never sit in
 * memory at once), with the municipality's chain verified at export time. The export is itself an
 * audit event (`audit_exported`), which is why the route is a POST: reads never write.
 */
export function createAuditEventsExport(db: DatabaseHandle, clock: Clock) {
  return {
    exportAuditEvents: useCase('auditEvent.read', async ({ actor, authorise }, request: AuditEventExport) => {
      authorise();
      const municipalityId = municipalityOf(actor);
      const locale: Locale = actor.kind === 'person' ? actor.locale : 'sv';
      const { format, ...filters } = request;
      const verification = await verifyMunicipalityChain(db, clock, municipalityId);
      const exportedAt = clock.now().toISOString();
      const municipality = await auditEventsRepository.municipalityName(db, municipalityId);
      // Who took which part of the log, and what the chain check said when they did.
      await withTransaction(db, (transaction) =>
        recordAudit(transaction, actor, clock, {
          action: 'audit_exported',
          entityType: 'audit_log',
          entityId: municipalityId,
          after: { format, filters, intact: verification.intact, events: verification.events, keyId: verification.keyId },
        }),
      );
      const summary = summaryOf(locale, municipality, exportedAt, verification, filters);
      const batches = auditEventsRepository.eachBatch(db, municipalityId, filters);
      const stamp = swedishToday(clock.now());
      if (format === 'xlsx') {
        return {
          body: await xlsxStream(locale, summary, batches),
          contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          filename: `handelselogg-${stamp}.xlsx`,
        };
      }
      return {
        body: Readable.from(csvChunks(locale, summary, batches)),
        contentType: 'text/csv; charset=utf-8',
        filename: `handelselogg-${stamp}.csv`,
      };
    }),
  };
}

/**
 * The CSV: first the verification and the selection as label;value lines, an empty line, then the
 * header row and the events oldest first. A byte order mark makes Excel read the UTF-8; semicolons
 * are the Swedish list separator (as the register's export).
 */
async function* csvChunks(locale: Locale, summary: string[][], batches: AsyncGenerator<AuditEvent[]>) {
  const delimiter = locale === 'sv' ? ';' : ',';
  yield `\uFEFF${stringify([...summary, [], [...labels[locale].headers]], { delimiter })}`;
  for await (const batch of batches) {
    if (batch.length > 0) yield stringify(batch.map(rowOf), { delimiter });
  }
}

/** The XLSX, written by exceljs's streaming writer: each row is committed (and leaves memory) as it is written. */
async function xlsxStream(locale: Locale, summary: string[][], batches: AsyncGenerator<AuditEvent[]>) {
  // exceljs takes half a second to load; only exports pay for it, not every server start.
  const { default: ExcelJS } = await import('exceljs');
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  const words = labels[locale];
  const write = async () => {
    const sheet = workbook.addWorksheet(words.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = words.headers.map((header, index) => ({ header, width: index >= 8 && index <= 9 ? 60 : 22 }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    const shorten = (value: string) =>
      value.length > spreadsheetCellLimit ? `${value.slice(0, spreadsheetCellLimit)}${words.truncated}` : value;
    for await (const batch of batches) {
      for (const event of batch) sheet.addRow(rowOf(event).map(shorten)).commit();
    }
    sheet.commit();
    const verification = workbook.addWorksheet(words.verificationSheet);
    verification.columns = [{ width: 28 }, { width: 60 }];
    for (const pair of summary) verification.addRow(pair).commit();
    verification.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => output.destroy(error instanceof Error ? error : new Error(String(error))));
  return output;
}
