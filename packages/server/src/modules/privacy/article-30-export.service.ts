import type {
  Locale,
  ProcessingActivityConfidentialExport,
  ProcessingActivityExportQuery,
  ProcessingActivityRecord,
} from '@forvalta/contracts';
import type { AnyActor } from '../../access/actor.ts';
import { municipalityOf } from '../../access/authorise.ts';
import { departmentSubtree } from '../../access/department-tree.ts';
import { useCase } from '../../access/use-case.ts';
import { swedishToday } from '../../platform/calendar.ts';
import type { Clock } from '../../platform/clock.ts';
import { recordAudit } from '../../platform/audit.ts';
import { withTransaction, type DatabaseHandle } from '../../platform/database.ts';
import { forbidden } from '../../platform/errors.ts';
import { neutraliseFormula } from '../../platform/spreadsheet-text.ts';
import { type Article30Section, article30Pdf } from './article-30-pdf.ts';
import { mayExportConfidential } from './privacy-abilities.ts';
import { reviewCutOff } from './privacy-parameters.ts';
import { type ActivityFilters, processingActivitiesRepository as activities } from './processing-activities.repository.ts';

/** The article 30(1) columns, in the order of the article, then what the DPO's review adds. */
export const article30Headers = {
  sv: [
    'Behandling',
    'Personuppgiftsansvarig (nämnd)',
    'Ansvarig förvaltning',
    'Ändamål',
    'Rättslig grund (art. 6)',
    'Grund, lag eller beslut',
    'Undantag för känsliga uppgifter (art. 9)',
    'Uppgifter om lagöverträdelser (art. 10)',
    'Kategorier av registrerade',
    'Kategorier av personuppgifter',
    'Känsliga personuppgifter',
    'Mottagare',
    'Överföring till tredje land (skyddsåtgärd)',
    'Lagringstid',
    'Informationshanteringsplan',
    'Tekniska och organisatoriska säkerhetsåtgärder',
    'System',
    'Personuppgiftsbiträden (avtal undertecknat – upphör)',
    'Konsekvensbedömning',
    'Dataskyddsombudets granskning',
  ],
  en: [
    'Processing',
    'Controller (board)',
    'Responsible department',
    'Purpose',
    'Legal basis (art. 6)',
    'Basis, law or decision',
    'Special category exception (art. 9)',
    'Criminal offence data (art. 10)',
    'Categories of data subjects',
    'Categories of personal data',
    'Special categories',
    'Recipients',
    'Third-country transfers (safeguard)',
    'Retention',
    'Document management plan',
    'Technical and organisational measures',
    'Systems',
    'Processors (agreement signed – expires)',
    'Impact assessment',
    "Data protection officer's review",
  ],
} as const;

const words = {
  sv: {
    sheet: 'Registerförteckning',
    yes: 'Ja',
    no: 'Nej',
    needed: 'Behövs',
    notNeeded: 'Behövs inte',
    done: 'gjord',
    unsigned: 'ej undertecknat',
    open: 'tills vidare',
    legal: {
      consent: 'Samtycke',
      contract: 'Avtal',
      legal_obligation: 'Rättslig förpliktelse',
      vital_interests: 'Grundläggande intressen',
      public_interest: 'Allmänt intresse eller myndighetsutövning',
      legitimate_interests: 'Berättigat intresse',
    },
    // The web's wording (privacy.sv.json), so the register and the screens name an exception alike.
    specialCategory: {
      explicit_consent: 'Uttryckligt samtycke (art. 9.2 a)',
      employment_law: 'Arbetsrätt och social trygghet (art. 9.2 b)',
      vital_interests: 'Grundläggande intresse (art. 9.2 c)',
      non_profit_body: 'Ideell organisation (art. 9.2 d)',
      made_public: 'Offentliggjorda av den registrerade (art. 9.2 e)',
      legal_claims: 'Rättsliga anspråk (art. 9.2 f)',
      substantial_public_interest: 'Viktigt allmänt intresse (art. 9.2 g)',
      health_or_social_care: 'Hälso- och sjukvård, social omsorg (art. 9.2 h)',
      public_health: 'Folkhälsa (art. 9.2 i)',
      archiving_or_research: 'Arkiv, forskning och statistik (art. 9.2 j)',
    },
    review: { pending: 'Ej granskad', approved: 'Godkänd', approved_with_remarks: 'Godkänd med synpunkter', returned: 'Återremitterad' },
  },
  en: {
    sheet: 'Record of processing',
    yes: 'Yes',
    no: 'No',
    needed: 'Needed',
    notNeeded: 'Not needed',
    done: 'done',
    unsigned: 'unsigned',
    open: 'until further notice',
    legal: {
      consent: 'Consent',
      contract: 'Contract',
      legal_obligation: 'Legal obligation',
      vital_interests: 'Vital interests',
      public_interest: 'Public interest or official authority',
      legitimate_interests: 'Legitimate interests',
    },
    specialCategory: {
      explicit_consent: 'Explicit consent (art. 9(2)(a))',
      employment_law: 'Employment and social security law (art. 9(2)(b))',
      vital_interests: 'Vital interests (art. 9(2)(c))',
      non_profit_body: 'Non-profit body (art. 9(2)(d))',
      made_public: 'Made public by the data subject (art. 9(2)(e))',
      legal_claims: 'Legal claims (art. 9(2)(f))',
      substantial_public_interest: 'Substantial public interest (art. 9(2)(g))',
      health_or_social_care: 'Health or social care (art. 9(2)(h))',
      public_health: 'Public health (art. 9(2)(i))',
      archiving_or_research: 'Archiving, research and statistics (art. 9(2)(j))',
    },
    review: { pending: 'Not reviewed', approved: 'Approved', approved_with_remarks: 'Approved with remarks', returned: 'Returned' },
  },
} as const;

/** One record's fields in the order of the headers, as plain text. */
export function article30Values(activity: ProcessingActivityRecord, locale: Locale): string[] {
  const w = words[locale];
  const dpia = activity.dpiaNeeded
    ? `${w.needed}${activity.dpiaDoneOn ? `, ${w.done} ${activity.dpiaDoneOn}` : ''}`
    : activity.dpiaDoneOn
      ? `${w.done} ${activity.dpiaDoneOn}`
      : w.notNeeded;
  return [
    activity.name,
    activity.controllerBoard ?? '',
    activity.controllerDepartmentName,
    activity.purpose,
    activity.legalBasis ? w.legal[activity.legalBasis] : '',
    activity.legalBasisNote ?? '',
    activity.specialCategoryBasis ? w.specialCategory[activity.specialCategoryBasis] : '',
    activity.criminalData ? `${w.yes}${activity.criminalDataBasis ? `: ${activity.criminalDataBasis}` : ''}` : w.no,
    activity.dataSubjectCategories.join('; '),
    activity.personalDataCategories.map((category) => category.name).join('; '),
    activity.personalDataCategories
      .filter((category) => category.special)
      .map((category) => category.name)
      .join('; '),
    activity.recipients.join('; '),
    activity.thirdCountryTransfers.map((transfer) => `${transfer.country} (${transfer.safeguard})`).join('; '),
    activity.retention ?? '',
    activity.retentionPlanReference ?? '',
    activity.technicalMeasures ?? '',
    activity.systems.map((system) => system.name).join('; '),
    activity.processors
      .map((processor) => `${processor.name} (${processor.agreementSignedOn ?? w.unsigned} – ${processor.agreementExpiresOn ?? w.open})`)
      .join('; '),
    dpia,
    `${w.review[activity.reviewState]}${activity.lastReviewedOn ? ` ${activity.lastReviewedOn}` : ''}`,
  ];
}

/** One row of the register; every cell neutralised, as every spreadsheet export of the product is. */
export function article30Row(activity: ProcessingActivityRecord, locale: Locale): string[] {
  return article30Values(activity, locale).map(neutraliseFormula);
}

/** The PDF's sections: a record's name as its title, then every other column as a label and its text. */
function article30Sections(records: readonly ProcessingActivityRecord[], locale: Locale): Article30Section[] {
  const labels = article30Headers[locale].slice(1);
  return records.map((record) => {
    const [name, ...values] = article30Values(record, locale);
    return { title: name!, fields: labels.map((label, index) => [label, values[index] ?? ''] as [string, string]) };
  });
}

/**
 * The record of processing as a supervisory authority asks for it (GDPR art. 30): every record the
 * filters select, one row each as XLSX, or one section each as a landscape A4 PDF (format=pdf).
 * A read: it writes nothing (reads-do-not-write.test.ts).
 */
export function createArticle30Export(db: DatabaseHandle, clock: Clock) {
  async function exportFile(
    actor: AnyActor,
    query: ProcessingActivityExportQuery,
    options: { includeConfidential: boolean; reason?: string },
  ) {
    const municipalityId = municipalityOf(actor);
    const locale: Locale = actor.kind === 'person' ? actor.locale : 'sv';
    const today = swedishToday(clock.now());
    const filters: ActivityFilters = {
      ...(query.systemId ? { systemId: query.systemId } : {}),
      ...(query.specialCategories !== undefined ? { specialCategories: query.specialCategories } : {}),
      ...(query.agreementExpiringBy ? { agreementExpiringBy: query.agreementExpiringBy } : {}),
      ...(query.reviewState ? { reviewState: query.reviewState } : {}),
      ...(query.q ? { q: query.q } : {}),
    };
    if (query.departmentId)
      filters.departmentIds = departmentSubtree(await activities.departmentsOf(db, municipalityId), query.departmentId);
    if (query.missingReview) filters.missingReviewBefore = await reviewCutOff(db, municipalityId, today);
    if (query.reviewDue) filters.reviewDueBefore = await reviewCutOff(db, municipalityId, today);
    const selected = Object.keys(filters).length > 0;
    // Confidential records (ADR 0030) only in the export that asks for them, each marked with its paragraph.
    if (!options.includeConfidential) filters.excludeConfidential = true;
    const found = await activities.listAll(db, municipalityId, filters);
    const records = options.includeConfidential ? found.map((record) => markedConfidential(record, locale)) : found;
    if (options.includeConfidential)
      await withTransaction(db, (transaction) =>
        recordAudit(transaction, actor, clock, {
          action: 'confidential_exported',
          entityType: 'processing_activity_register',
          entityId: municipalityId,
          after: {
            format: query.format,
            reason: options.reason ?? null,
            records: found.length,
            confidentialRecords: found.filter((record) => record.confidentialOslParagraph).length,
          },
        }),
      );
    if (query.format === 'pdf') {
      const heading = await activities.registerHeading(db, municipalityId);
      const body = await article30Pdf({ ...heading, date: today, filtered: selected }, article30Sections(records, locale), locale);
      return {
        body,
        contentType: 'application/pdf',
        filename: `registerforteckning-${today}${options.includeConfidential ? '-sekretess' : ''}.pdf`,
      };
    }
    // exceljs takes half a second to load; only exports pay for it, not every server start.
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet(words[locale].sheet);
    sheet.addRow([...article30Headers[locale]]).font = { bold: true };
    for (const record of records) sheet.addRow(article30Row(record, locale));
    for (const column of sheet.columns) column.width = 28;
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    const body = Buffer.from(await workbook.xlsx.writeBuffer());
    return {
      body,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      filename: `registerforteckning-${today}${options.includeConfidential ? '-sekretess' : ''}.xlsx`,
    };
  }

  return {
    exportProcessingActivities: useCase(
      'processingActivityExport.read',
      async ({ actor, authorise }, query: ProcessingActivityExportQuery) => {
        authorise();
        return exportFile(actor, query, { includeConfidential: false });
      },
    ),

    /**
     * The register with its confidential records, each marked with its OSL paragraph (ADR 0030): a
     * POST, as it is recorded (confidential_exported, with the reason given). Only for those who may
     * also read confidential content; the file's name says it holds secrets.
     */
    exportConfidentialProcessingActivities: useCase(
      'processingActivityExport.read',
      async ({ actor, authorise }, query: ProcessingActivityExportQuery, request: ProcessingActivityConfidentialExport) => {
        authorise();
        if (!mayExportConfidential(actor)) throw forbidden('Only those who may read confidential records export them.');
        return exportFile(actor, query, { includeConfidential: true, reason: request.reason });
      },
    ),
  };
}

/** A confidential record in the export that includes it: its name says so, with the paragraph that applies. */
function markedConfidential(record: ProcessingActivityRecord, locale: Locale): ProcessingActivityRecord {
  if (!record.confidentialOslParagraph) return record;
  const word = locale === 'sv' ? 'SEKRETESS' : 'CONFIDENTIAL';
  return { ...record, name: `[${word}: ${record.confidentialOslParagraph}] ${record.name}` };
}

export type Article30Export = ReturnType<typeof createArticle30Export>;
