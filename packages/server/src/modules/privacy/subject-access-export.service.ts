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
import { subjectAccessInvolvementsRepository as involved } from './subject-access-involvements.repository.ts';
import { subjectAccessRepository as held, type SubjectAccessCell, type SubjectAccessRow } from './subject-access.repository.ts';

type Label = Record<Locale, string>;
type PersonRecord = NonNullable<Awaited<ReturnType<typeof held.person>>>;

/** Whom a sheet reads: the person's row (with their login) in the caller's municipality. */
interface SheetSubject {
  db: Executor;
  municipalityId: string;
  person: PersonRecord;
  locale: Locale;
}

/** One sheet of the extract: its title, its columns and the query that fills it. */
interface SheetDefinition {
  key: string;
  title: Label;
  columns: Array<{ key: string; label: Label }>;
  read: (subject: SheetSubject) => Promise<SubjectAccessRow[]>;
}

const column = (key: string, sv: string, en: string) => ({ key, label: { sv, en } });

/**
 * The extract's sheets, one per kind of data, in the order a reader meets them: who the person is,
 * how they sign in, what they may do, what they were asked and did, what they answer for, what they
 * took part in, and the audit log. Each names the query that fills it, so a new kind of data is one
 * entry here and one query, not another round of code. Values are stored codes (a role, a state) as the API names them; dates are ISO.
 */
export const subjectAccessSheets: SheetDefinition[] = [
  {
    key: 'person',
    title: { sv: 'Person', en: 'Person' },
    columns: [column('field', 'Uppgift', 'Field'), column('value', 'Värde', 'Value')],
    read: async ({ person, locale }) => personRows(person, locale),
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
    read: ({ db, municipalityId, person }) => held.logins(db, municipalityId, person.id, person.login_id),
  },
  {
    key: 'roles',
    title: { sv: 'Roller', en: 'Roles' },
    columns: [
      column('role', 'Roll', 'Role'),
      column('department', 'Förvaltning', 'Department'),
      column('createdAt', 'Tilldelad', 'Assigned'),
    ],
    read: ({ db, municipalityId, person }) => held.roleAssignments(db, municipalityId, person.id),
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
    read: ({ db, municipalityId, person }) => held.acknowledgements(db, municipalityId, person.id),
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
    read: ({ db, municipalityId, person }) => held.trainingAttendances(db, municipalityId, person.id),
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
    read: ({ db, municipalityId, person }) => held.accessRights(db, municipalityId, person.id),
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
    read: ({ db, municipalityId, person }) => held.systemResponsibilities(db, municipalityId, person.id),
  },
  {
    key: 'mailboxes',
    title: { sv: 'Funktionsbrevlådor', en: 'Functional mailboxes' },
    columns: [column('address', 'Adress', 'Address'), column('purpose', 'Ändamål', 'Purpose'), column('role', 'Uppdrag', 'Responsibility')],
    read: ({ db, municipalityId, person }) => held.mailboxes(db, municipalityId, person.id),
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
    read: ({ db, municipalityId, person }) => held.assets(db, municipalityId, person.id),
  },
  {
    key: 'projects',
    title: { sv: 'Projekt', en: 'Projects' },
    columns: [
      column('project', 'Projekt', 'Project'),
      column('kind', 'Typ', 'Kind'),
      column('system', 'System', 'System'),
      column('state', 'Status', 'State'),
      column('involvement', 'Delaktighet', 'Involvement'),
      column('recordedAt', 'Registrerad', 'Recorded'),
    ],
    read: ({ db, municipalityId, person }) => involved.projectInvolvements(db, municipalityId, person.id),
  },
  {
    key: 'riskOwnerships',
    title: { sv: 'Risker och åtgärder', en: 'Risks and measures' },
    columns: [
      column('system', 'System', 'System'),
      column('revision', 'Version', 'Revision'),
      column('analysedOn', 'Analyserad', 'Analysed'),
      column('current', 'Gällande', 'Current'),
      column('role', 'Ägare av', 'Owner of'),
      column('threat', 'Hot', 'Threat'),
      column('measure', 'Åtgärd', 'Measure'),
      column('status', 'Status', 'State'),
      column('dueDate', 'Klart senast', 'Due'),
      column('confidential', 'Sekretessmarkering', 'Confidentiality mark'),
    ],
    read: ({ db, municipalityId, person }) => involved.riskOwnerships(db, municipalityId, person.id),
  },
  {
    key: 'trainingTaught',
    title: { sv: 'Utbildningar som lärare', en: 'Training taught' },
    columns: [
      column('course', 'Utbildning', 'Course'),
      column('startsAt', 'Börjar', 'Starts'),
      column('endsAt', 'Slutar', 'Ends'),
      column('place', 'Plats', 'Place'),
      column('registered', 'Anmälda', 'Registered'),
    ],
    read: ({ db, municipalityId, person }) => involved.trainingSessionsTaught(db, municipalityId, person.id),
  },
  {
    key: 'changeNotices',
    title: { sv: 'Ändringsanmälningar', en: 'Change notices' },
    columns: [
      column('title', 'Rubrik', 'Title'),
      column('kind', 'Typ', 'Kind'),
      column('status', 'Status', 'State'),
      column('plannedOn', 'Planerad', 'Planned'),
      column('role', 'Personen som', 'The person as'),
      column('createdAt', 'Skapad', 'Created'),
      column('acknowledgedAt', 'Kvitterad', 'Acknowledged'),
    ],
    read: ({ db, municipalityId, person }) => involved.changeNotices(db, municipalityId, person.id, person.login_id),
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
    read: ({ db, municipalityId, person }) => held.auditEvents(db, municipalityId, person.id, person.login_id),
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

/** The person sheet: each field of the person record, in the order of `personFields`. */
function personRows(person: PersonRecord, locale: Locale): SubjectAccessRow[] {
  const values: SubjectAccessRow = {
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
  return personFields.map((field) => ({ field: field.key, value: values[field.key] ?? null }));
}

/** Every sheet's rows, read in the order of the sheets, in the one transaction of the extract. */
async function collect(db: Executor, municipalityId: string, personId: string, locale: Locale) {
  const person = await held.person(db, municipalityId, personId);
  if (!person) throw notFound('Person');
  const rows = new Map<string, SubjectAccessRow[]>();
  for (const sheet of subjectAccessSheets) rows.set(sheet.key, await sheet.read({ db, municipalityId, person, locale }));
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
          const counts = Object.fromEntries(subjectAccessSheets.map((sheet) => [sheet.key, collected.get(sheet.key)?.length ?? 0]));
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
          for (const row of rows.get(definition.key) ?? []) {
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
