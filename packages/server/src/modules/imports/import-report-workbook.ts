import type { ImportProblem, ImportReason, ImportReport, ImportRow } from '@forvalta/contracts';
import ExcelJS from 'exceljs';
import { neutraliseFormula } from '../../platform/spreadsheet-text.ts';

type Language = 'sv' | 'en';

/**
 * What to do about each reason, in the reader's language (issue #17 §1: refusals never lose data;
 * the dry run's report is a spreadsheet to work through). The CLI prints the same texts.
 */
export const importFixTexts: Record<Language, Record<ImportReason, string>> = {
  sv: {
    name_missing: 'Skriv systemets eller personens namn.',
    email_missing: 'Skriv personens e-postadress.',
    text_too_long: 'Korta texten.',
    duplicate_row: 'Raden gäller samma post som en tidigare rad: slå ihop eller ta bort den.',
    owner_department_missing: 'Ange ägande förvaltning (organisationssökväg).',
    department_not_found: 'Förvaltningen finns inte: rätta sökvägen eller importera med "skapa förvaltningar".',
    person_not_found: 'Ingen person har e-postadressen: lägg in personen (personimport) eller rätta adressen.',
    value_unknown: 'Värdet känns inte igen: använd ett av produktens värden.',
    date_invalid: 'Skriv datumet som ÅÅÅÅ-MM-DD.',
    number_invalid: 'Skriv ett belopp eller antal med siffror, t.ex. 12 500.',
    dependency_not_found: 'Systemet finns inte i registret eller filen: lägg till det eller rätta namnet.',
    production_needs_manager: 'Ett system i drift måste ha en systemansvarig (ITP-4.2-MANAGER).',
    production_needs_approval:
      'En import tar inte ett system i drift: godkänn ett införande- eller uppgraderingsprojekt för det (ITP-4.2.1-APPROVAL).',
    production_import_needs_approver:
      'Bara den som får driftgodkänna (IT-enheten, IT-chefen) importerar system som redan är i drift: be dem importera filen, eller ange en annan status (ITP-4.2.1-APPROVAL).',
    responsibility_not_changed: 'Byt systemansvarig, ersättare eller ägare på systemets sida, så skickas ändringsmeddelandet.',
    keys_disagree: 'Externt id och namn pekar på olika system: rätta det ena.',
  },
  en: {
    name_missing: "Write the system's or person's name.",
    email_missing: "Write the person's e-mail address.",
    text_too_long: 'Shorten the text.',
    duplicate_row: 'The row is about the same record as an earlier row: merge or remove it.',
    owner_department_missing: 'Name the owning department (organisation path).',
    department_not_found: 'No such department: correct the path or import with "create departments".',
    person_not_found: 'Nobody has this e-mail address: add the person (people import) or correct the address.',
    value_unknown: "The value is not recognised: use one of the product's values.",
    date_invalid: 'Write the date as YYYY-MM-DD.',
    number_invalid: 'Write an amount or count in digits, e.g. 12 500.',
    dependency_not_found: 'The system is neither in the register nor in the file: add it or correct the name.',
    production_needs_manager: 'A system in production must have a system manager (ITP-4.2-MANAGER).',
    production_needs_approval:
      'An import does not put a system into production: approve an introduction or upgrade project for it (ITP-4.2.1-APPROVAL).',
    production_import_needs_approver:
      'Only those who may approve operation (the IT unit, the IT chief) import systems already in production: ask them to import the file, or give another status (ITP-4.2.1-APPROVAL).',
    responsibility_not_changed: "Change the manager, deputy or owner on the system's page, so the change notice is sent.",
    keys_disagree: 'The external id and the name find different systems: correct one of them.',
  },
};

const outcomeTexts: Record<Language, Record<ImportRow['outcome'], string>> = {
  sv: { create: 'skapas', update: 'ändras', unchanged: 'oförändrad', refused: 'avvisas' },
  en: { create: 'created', update: 'updated', unchanged: 'unchanged', refused: 'refused' },
};

const headings: Record<Language, string[]> = {
  sv: ['Rad', 'Namn', 'Utfall', 'Kolumn', 'Värde i filen', 'Vad som händer', 'Vad du ska rätta'],
  en: ['Row', 'Name', 'Outcome', 'Column', 'Value in the file', 'What happens', 'What to fix'],
};

const severityText = (problem: ImportProblem, language: Language) =>
  problem.severity === 'refused'
    ? language === 'sv'
      ? 'raden avvisas'
      : 'the row is refused'
    : language === 'sv'
      ? 'värdet lämnas ute'
      : 'the value is left out';

/** The report as a workbook: one line per problem (a row without problems gets one line), refused rows first. */
export async function reportWorkbook(report: ImportReport, language: Language): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(language === 'sv' ? 'Provkörning' : 'Dry run');
  sheet.addRow(headings[language]).font = { bold: true };
  const text = (value: string | null) => (value === null ? '' : neutraliseFormula(value));
  for (const row of report.rows) {
    const lines = row.problems.length > 0 ? row.problems : [null];
    for (const problem of lines)
      sheet.addRow([
        row.rowNumber,
        text(row.name),
        outcomeTexts[language][row.outcome],
        text(problem?.column ?? null),
        text(problem?.value ?? null),
        problem ? severityText(problem, language) : row.changedFields.join(', '),
        problem ? importFixTexts[language][problem.reason] : '',
      ]);
  }
  sheet.columns.forEach((column, index) => {
    column.width = [6, 32, 12, 22, 32, 22, 60][index] ?? 20;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
