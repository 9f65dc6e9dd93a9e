import type { Locale, SystemExportQuery, SystemSummaryRecord } from '@forvalta/contracts';
import { stringify } from 'csv-stringify/sync';
import { municipalityOf } from '../../access/authorise.ts';
import { useCase } from '../../access/use-case.ts';
import type { Clock } from '../../platform/clock.ts';
import type { DatabaseHandle } from '../../platform/database.ts';
import { swedishToday } from '../../platform/calendar.ts';
import { neutraliseFormula } from '../../platform/spreadsheet-text.ts';
import { systemsRepository } from './systems.repository.ts';

const labels = {
  sv: {
    headers: [
      'Namn',
      'Typ',
      'Omfattning',
      'Livscykel',
      'Systemägare',
      'Systemansvarig',
      'Antal ersättare',
      'Leverantör',
      'Produkt',
      'Senast bekräftad',
      'Saknar ansvarig eller ersättare',
      'Taggar',
    ],
    kind: { shared: 'Kommungemensamt', department: 'Verksamhetsunikt' },
    scope: { administrative: 'Administrativ', teaching: 'Pedagogisk', public: 'Publik' },
    lifecycle: {
      planned: 'Planerad',
      introducing: 'Under införande',
      in_production: 'I drift',
      retiring: 'Under avveckling',
      retired: 'Avvecklad',
    },
    yes: 'Ja',
    no: 'Nej',
    sheet: 'Systemregister',
  },
  en: {
    headers: [
      'Name',
      'Kind',
      'Scope',
      'Lifecycle',
      'System owner',
      'System manager',
      'Deputies',
      'Supplier',
      'Product',
      'Last confirmed',
      'Missing manager or deputy',
      'Tags',
    ],
    kind: { shared: 'Shared', department: 'Department-specific' },
    scope: { administrative: 'Administrative', teaching: 'Teaching', public: 'Public' },
    lifecycle: { planned: 'Planned', introducing: 'Introducing', in_production: 'In production', retiring: 'Retiring', retired: 'Retired' },
    yes: 'Yes',
    no: 'No',
    sheet: 'System register',
  },
} as const;

function rowOf(system: SystemSummaryRecord, locale: Locale): string[] {
  const words = labels[locale];
  return [
    system.name,
    words.kind[system.kind],
    words.scope[system.scope],
    words.lifecycle[system.lifecycle],
    system.ownerDepartmentName,
    system.manager?.name ?? '',
    String(system.deputyCount),
    system.supplier ?? '',
    system.product ?? '',
    system.lastConfirmedAt ? system.lastConfirmedAt.slice(0, 10) : '',
    system.uncovered ? words.yes : words.no,
    system.tags.join(', '),
  ].map(neutraliseFormula);
}

/** Exports the register view (the same filters as the list) as CSV or XLSX, read in pages. */
export function createSystemsExport(db: DatabaseHandle, clock: Clock) {
  return {
    exportSystems: useCase('system.read', async ({ actor, authorise }, query: SystemExportQuery) => {
      authorise();
      const municipalityId = municipalityOf(actor);
      const locale: Locale = actor.kind === 'person' ? actor.locale : 'sv';
      const today = swedishToday(clock.now());
      const rows: string[][] = [];
      let cursor: string | undefined;
      do {
        const page = await systemsRepository.list(db, municipalityId, { ...query, limit: 500, cursor }, today);
        rows.push(...page.items.map((system) => rowOf(system, locale)));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);

      const stamp = today;
      if (query.format === 'xlsx') {
        // exceljs takes half a second to load; only exports pay for it, not every server start.
        const { default: ExcelJS } = await import('exceljs');
        const workbook = new ExcelJS.Workbook();
        const sheet = workbook.addWorksheet(labels[locale].sheet);
        sheet.addRow([...labels[locale].headers]).font = { bold: true };
        for (const row of rows) sheet.addRow(row);
        for (const column of sheet.columns) column.width = 22;
        sheet.views = [{ state: 'frozen', ySplit: 1 }];
        const body = Buffer.from(await workbook.xlsx.writeBuffer());
        return {
          body,
          contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          filename: `systemregister-${stamp}.xlsx`,
        };
      }
      // A byte order mark makes Excel read the UTF-8 (å, ä, ö) correctly; semicolons are the Swedish list separator.
      const csv = stringify([[...labels[locale].headers], ...rows], { delimiter: locale === 'sv' ? ';' : ',' });
      return { body: Buffer.from(`\uFEFF${csv}`, 'utf8'), contentType: 'text/csv; charset=utf-8', filename: `systemregister-${stamp}.csv` };
    }),
  };
}

export type SystemsExport = ReturnType<typeof createSystemsExport>;
