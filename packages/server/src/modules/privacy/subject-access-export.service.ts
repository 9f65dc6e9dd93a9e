import type { Locale, SubjectAccessExport } from '@forvalta/contracts';
import { municipalityOf } from '../../access/authorise.ts';
import { useCase } from '../../access/use-case.ts';
import { recordAudit } from '../../platform/audit.ts';
import { swedishToday } from '../../platform/calendar.ts';
import type { Clock } from '../../platform/clock.ts';
import { withTransaction, type DatabaseHandle, type Executor } from '../../platform/database.ts';
import { notFound } from '../../platform/errors.ts';
import { neutraliseFormula } from '../../platform/spreadsheet-text.ts';
import { personActions } from '../organisation/index.ts';
import { subjectAccessRepository as held, type SubjectAccessCell, type SubjectAccessRow } from './subject-access.repository.ts';

type Label = Record<Locale, string>;
interface SheetDefinition {
  key: SheetKey;
  title: Label;
  columns: Array<{ key: string; label: Label }>;
}
type SheetKey =
  | 'person'
  | 'logins'
  | 'roles'
  | 'acknowledgements'
  | 'training'
  | 'accessRights'
  | 'systems'
  | 'mailboxes'
  | 'assets'
  | 'auditEvents';

const column = (key: string, sv: string, en: string) => ({ key, label: { sv, en } });

/**
 * The extract's sheets, one per kind of data, in the order a reader meets them: who the person is,
 * how they sign in, what they may do, what they were asked and did, what they answer for, and the
 * audit log. Values are stored codes (a role, a state) as the API names them; dates are ISO.
 */
export const subjectAccessSheets: SheetDefinition[] = [
  {
    key: 'person',
    title: { sv: 'Person', en: 'Person' },
    columns: [column('field', 'Uppgift', 'Field'), column('value', 'Värde', 'Value')],
  },
  {
    key: 'logins',
    title: { sv: 'Inloggning', en: 'Login' },
    columns: [
      column('kind', 'Typ', 'Kind'),
      column('email', 'E-postadress', 'E-mail address'),
      column('locale', 'Språk', 'Language'),
      column('createdAt', 'Skapad', 'Created'),
      column('closedAt', 'Avslutad', 'Closed'),
    ],
  },
  {
    key: 'roles',
    title: { sv: 'Roller', en: 'Roles' },
    columns: [
      column('role', 'Roll', 'Role'),
      column('department', 'Förvaltning', 'Department'),
      column('createdAt', 'Tilldelad', 'Assigned'),
    ],
  },
  {
    key: 'acknowledgements',
    title: { sv: 'Bekräftelser', en: 'Acknowledgements' },
    columns: [
      column('document', 'Dokument', 'Document'),
      column('documentVersion', 'Version', 'Version'),
      column('state', 'Status', 'State'),
      column('requestedAt', 'Begärd', 'Requested'),
      column('dueDate', 'Senast', 'Due'),
      column('acknowledgedAt', 'Bekräftad', 'Acknowledged'),
      column('method', 'Sätt', 'Method'),
      column('recordedBy', 'Registrerad av', 'Recorded by'),
    ],
  },
  {
    key: 'training',
    title: { sv: 'Utbildningar', en: 'Training' },
    columns: [
      column('course', 'Utbildning', 'Course'),
      column('topic', 'Område', 'Topic'),
      column('sessionDate', 'Datum', 'Date'),
      column('status', 'Närvaro', 'Attendance'),
      column('recordedAt', 'Registrerad', 'Recorded'),
      column('recordedBy', 'Registrerad av', 'Recorded by'),
    ],
  },
  {
    key: 'accessRights',
    title: { sv: 'Behörigheter', en: 'Access rights' },
    columns: [
      column('system', 'System', 'System'),
      column('level', 'Nivå', 'Level'),
      column('state', 'Status', 'State'),
      column('startDate', 'Från', 'From'),
      column('endDate', 'Till', 'Until'),
      column('reason', 'Skäl', 'Reason'),
      column('grantedAt', 'Beviljad', 'Granted'),
      column('grantedBy', 'Beviljad av', 'Granted by'),
      column('endedAt', 'Avslutad', 'Ended'),
      column('endReason', 'Skäl för avslut', 'End reason'),
    ],
  },
  {
    key: 'systems',
    title: { sv: 'Systemansvar', en: 'System responsibilities' },
    columns: [
      column('system', 'System', 'System'),
      column('role', 'Uppdrag', 'Responsibility'),
      column('startDate', 'Från', 'From'),
      column('endDate', 'Till', 'Until'),
      column('hoursPerWeek', 'Timmar per vecka', 'Hours per week'),
    ],
  },
  {
    key: 'mailboxes',
    title: { sv: 'Funktionsbrevlådor', en: 'Functional mailboxes' },
    columns: [column('address', 'Adress', 'Address'), column('purpose', 'Ändamål', 'Purpose'), column('role', 'Uppdrag', 'Responsibility')],
  },
  {
    key: 'assets',
    title: { sv: 'Utrustning', en: 'Equipment' },
    columns: [
      column('kind', 'Typ', 'Kind'),
      column('serial', 'Serienummer', 'Serial number'),
      column('inventoryNumber', 'Inventarienummer', 'Inventory number'),
      column('lifecycle', 'Status', 'State'),
      column('location', 'Plats', 'Location'),
    ],
  },
  {
    key: 'auditEvents',
    title: { sv: 'Händelselogg', en: 'Audit log' },
    columns: [
      column('occurredAt', 'Tidpunkt', 'Time'),
      column('role', 'Personen som', 'The person as'),
      column('actor', 'Utförd av', 'Performed by'),
      column('action', 'Händelse', 'Action'),
      column('entityType', 'Posttyp', 'Record type'),
      column('entityId', 'Post-id', 'Record id'),
      column('before', 'Före', 'Before'),
      column('after', 'Efter', 'After'),
    ],
  },
];

const personFields: Array<{ key: string; label: Label }> = [
  column('id', 'Id', 'Id'),
  column('firstName', 'Förnamn', 'First name'),
  column('lastName', 'Efternamn', 'Last name'),
  column('email', 'E-postadress', 'E-mail address'),
  column('employeeNumber', 'Anställningsnummer', 'Employee number'),
  column('title', 'Befattning', 'Title'),
  column('department', 'Förvaltning', 'Department'),
  column('employmentStatus', 'Anställning', 'Employment'),
  column('startDate', 'Första dag', 'First day'),
  column('endDate', 'Sista dag', 'Last day'),
  column('hasPersonalMailbox', 'Personlig e-postlåda', 'Personal mailbox'),
  column('createdAt', 'Registrerad', 'Registered'),
  column('updatedAt', 'Senast ändrad', 'Last changed'),
];

const yes: Label = { sv: 'Ja', en: 'Yes' };
const no: Label = { sv: 'Nej', en: 'No' };

/** A spreadsheet cell holds at most 32,767 characters; an event's JSON can be longer. */
const cellLimit = 32_000;

function cellOf(value: SubjectAccessCell): string | number {
  if (value === null) return '';
  if (typeof value === 'number') return value;
  return neutraliseFormula(value.length > cellLimit ? `${value.slice(0, cellLimit)}…` : value);
}

async function collect(db: Executor, municipalityId: string, personId: string, locale: Locale) {
  const person = await held.person(db, municipalityId, personId);
  if (!person) throw notFound('Person');
  const loginId = person.login_id;
  const personRow: SubjectAccessRow = {
    id: person.id,
    firstName: person.first_name,
    lastName: person.last_name,
    email: person.email,
    employeeNumber: person.employee_number,
    title: person.title,
    department: person.department,
    employmentStatus: person.employment_status,
    startDate: person.start_date,
    endDate: person.end_date,
    hasPersonalMailbox: person.has_personal_mailbox === 1 ? yes[locale] : no[locale],
    createdAt: person.created_at,
    updatedAt: person.updated_at,
  };
  const rows: Record<SheetKey, SubjectAccessRow[]> = {
    person: personFields.map((field) => ({ field: field.key, value: personRow[field.key] ?? null })),
    logins: await held.logins(db, municipalityId, personId, loginId),
    roles: await held.roleAssignments(db, municipalityId, personId),
    acknowledgements: await held.acknowledgements(db, municipalityId, personId),
    training: await held.trainingAttendances(db, municipalityId, personId),
    accessRights: await held.accessRights(db, municipalityId, personId),
    systems: await held.systemResponsibilities(db, municipalityId, personId),
    mailboxes: await held.mailboxes(db, municipalityId, personId),
    assets: await held.assets(db, municipalityId, personId),
    auditEvents: await held.auditEvents(db, municipalityId, personId, loginId),
  };
  return rows;
}

/**
 * The subject access extract (registerutdrag, GDPR art. 15): everything Förvalta holds about one
 * person of the caller's municipality as XLSX, one sheet per kind, in the caller's language. The
 * extract is itself an audit event (`subject_access_exported`, with the counts per sheet and the
 * request's case reference), recorded in the transaction that reads the data, so the log says
 * exactly what was handed out; the route is therefore a POST (ADR 0029).
 */
export function createSubjectAccessExport(db: DatabaseHandle, clock: Clock) {
  return {
    exportSubjectAccess: useCase(
      personActions.subjectAccessExport,
      async ({ actor, authorise }, personId: string, request: SubjectAccessExport) => {
        const municipalityId = municipalityOf(actor);
        const locale: Locale = actor.kind === 'person' ? actor.locale : 'sv';
        // Another municipality's person, or none: 404 before the permission, as every read answers.
        if (!(await held.person(db, municipalityId, personId))) throw notFound('Person');
        authorise();
        const rows = await withTransaction(db, async (transaction) => {
          const collected = await collect(transaction, municipalityId, personId, locale);
          const counts = Object.fromEntries(subjectAccessSheets.map((sheet) => [sheet.key, collected[sheet.key].length]));
          await recordAudit(transaction, actor, clock, {
            action: 'subject_access_exported',
            entityType: 'person',
            entityId: personId,
            after: { caseReference: request.caseReference ?? null, rows: counts },
          });
          return collected;
        });
        // exceljs takes half a second to load; only exports pay for it, not every server start.
        const { default: ExcelJS } = await import('exceljs');
        const workbook = new ExcelJS.Workbook();
        for (const definition of subjectAccessSheets) {
          const sheet = workbook.addWorksheet(definition.title[locale]);
          sheet.addRow(definition.columns.map((entry) => entry.label[locale])).font = { bold: true };
          const labelOfField = new Map(personFields.map((field) => [field.key, field.label[locale]]));
          for (const row of rows[definition.key]) {
            const cells = definition.columns.map((entry) => row[entry.key] ?? null);
            // The person sheet names its fields in the reader's language.
            if (definition.key === 'person') cells[0] = labelOfField.get(String(row.field)) ?? String(row.field);
            sheet.addRow(cells.map(cellOf));
          }
          for (const [index, entry] of sheet.columns.entries()) entry.width = definition.key === 'auditEvents' && index >= 6 ? 60 : 24;
          sheet.views = [{ state: 'frozen', ySplit: 1 }];
        }
        const body = Buffer.from(await workbook.xlsx.writeBuffer());
        return {
          body,
          contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          filename: `registerutdrag-${swedishToday(clock.now())}.xlsx`,
        };
      },
    ),
  };
}

export type SubjectAccessExportService = ReturnType<typeof createSubjectAccessExport>;
