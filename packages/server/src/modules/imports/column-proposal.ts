import {
  peopleImportFields,
  registerImportFields,
  type ImportField,
  type ImportKind,
  type ImportMapping,
  type PeopleImportField,
  type RegisterImportField,
} from '@forvalta/contracts';

/**
 * The column mapping the import proposes from a file's headers (issue #17 §1): each header is
 * compared with the names a field is known by in Swedish and English, as municipalities' exports
 * write them (SharePoint lists, Excel registers, HR exports), ignoring case, diacritics, trailing
 * and repeated spaces and punctuation. A known name is an `exact` match; a header that only
 * resembles one (a typing error, a longer variant such as "Systemnamn (officiellt)") is `similar`.
 * The user corrects what the proposal got wrong; pure.
 */

const registerSynonyms: Record<RegisterImportField, readonly string[]> = {
  externalId: ['externt id', 'external id', 'id', 'objekt-id', 'system-id', 'systemid', 'referens', 'ref', 'nummer', 'sharepoint id'],
  name: ['systemnamn', 'system', 'namn', 'name', 'system name', 'it-system', 'verksamhetssystem', 'titel', 'title'],
  description: ['beskrivning', 'description', 'systembeskrivning', 'kommentar', 'anteckning'],
  purpose: ['syfte', 'ändamål', 'purpose', 'användningsområde'],
  kind: ['typ', 'systemtyp', 'kategori', 'type', 'kommungemensamt', 'gemensamt eller verksamhetsunikt'],
  scope: ['omfattning', 'användning', 'scope', 'administrativt eller pedagogiskt'],
  lifecycle: ['status', 'livscykel', 'livscykelstatus', 'fas', 'lifecycle', 'state', 'driftstatus'],
  supplier: ['leverantör', 'leverantor', 'supplier', 'vendor', 'tillverkare'],
  product: ['produkt', 'produktnamn', 'product', 'programvara'],
  productVersion: ['version', 'produktversion', 'product version', 'versionsnummer'],
  hosting: ['driftform', 'drift', 'driftmiljö', 'hosting', 'driftas av', 'placering'],
  ownerDepartment: ['förvaltning', 'organisation', 'ägande förvaltning', 'ägande organisation', 'owner department', 'department', 'enhet'],
  systemOwner: ['systemägare', 'ägare', 'system owner', 'owner'],
  manager: ['systemförvaltare', 'systemansvarig', 'förvaltare', 'system manager', 'manager', 'ansvarig', 'kontaktperson'],
  deputy: ['ersättare', 'biträdande systemförvaltare', 'deputy', 'backup', 'reserv', 'ställföreträdare'],
  costLicence: ['licenskostnad', 'licens', 'licence cost', 'license cost', 'licenskostnad per år'],
  costOperation: ['driftkostnad', 'driftskostnad', 'operation cost', 'hosting cost'],
  costSupport: ['supportkostnad', 'förvaltningskostnad', 'underhållskostnad', 'support cost', 'maintenance cost'],
  costOther: ['kostnad', 'årskostnad', 'övrig kostnad', 'övriga kostnader', 'cost', 'yearly cost', 'annual cost', 'kostnad per år'],
  contractEnd: [
    'avtalets slutdatum',
    'avtalet löper ut',
    'avtalsslut',
    'avtal till',
    'slutdatum avtal',
    'contract end',
    'contract ends',
    'support upphör',
    'supplier support ends',
  ],
  processesPersonalData: ['personuppgifter', 'behandlar personuppgifter', 'innehåller personuppgifter', 'personal data', 'gdpr', 'pub'],
  nis2: ['nis2', 'nis 2', 'omfattas av nis2', 'samhällsviktig'],
  criticality: ['kritikalitet', 'verksamhetskritisk', 'verksamhetskritiskt', 'kritisk', 'criticality', 'prioritet', 'klassning'],
  userCount: ['antal användare', 'användare', 'users', 'user count', 'number of users'],
  dependencies: ['beroenden', 'integrationer', 'kopplingar', 'beroende av', 'dependencies', 'integrations', 'beroende system'],
  tags: ['taggar', 'nyckelord', 'etiketter', 'tags', 'keywords'],
};

const peopleSynonyms: Record<PeopleImportField, readonly string[]> = {
  employeeNumber: [
    'anställningsnummer',
    'anställningsnr',
    'anstnr',
    'personalnummer',
    'medarbetarnummer',
    'employee number',
    'employee id',
  ],
  email: ['e-post', 'epost', 'e-postadress', 'mejl', 'mail', 'email address', 'upn', 'userprincipalname'],
  firstName: ['förnamn', 'tilltalsnamn', 'first name', 'given name', 'givenname'],
  lastName: ['efternamn', 'last name', 'surname', 'family name', 'sn'],
  fullName: ['namn', 'fullständigt namn', 'name', 'full name', 'display name', 'displayname', 'visningsnamn'],
  department: ['förvaltning', 'organisation', 'enhet', 'avdelning', 'department', 'organisationsenhet', 'arbetsplats'],
  title: ['titel', 'befattning', 'tjänst', 'roll', 'job title', 'title', 'position'],
  startDate: ['startdatum', 'anställd från', 'anställningsdatum', 'from', 'start date', 'hire date', 'anställd'],
  endDate: ['slutdatum', 'anställd till', 'avgångsdatum', 'slutar', 'end date', 'leave date', 'termination date'],
  hasPersonalMailbox: ['personlig brevlåda', 'egen brevlåda', 'brevlåda', 'har e-post', 'mailbox', 'has mailbox', 'personal mailbox'],
};

export const importFieldsOf = (kind: ImportKind): readonly ImportField[] =>
  kind === 'register' ? registerImportFields : peopleImportFields;

/** A header compared as people read it: no case, diacritics, punctuation or spacing. */
export function comparableHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLocaleLowerCase('sv')
    .replace(/[^a-z0-9]+/g, '');
}

function editDistance(left: string, right: string): number {
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let row = 1; row <= left.length; row += 1) {
    const current = [row];
    for (let column = 1; column <= right.length; column += 1)
      current[column] = Math.min(
        previous[column]! + 1,
        current[column - 1]! + 1,
        previous[column - 1]! + (left[row - 1] === right[column - 1] ? 0 : 1),
      );
    previous = current;
  }
  return previous[right.length]!;
}

export interface ProposedColumn {
  column: string;
  field: ImportField | null;
  confidence: 'exact' | 'similar' | null;
}

/** The proposal for `headers`: each field at most once, exact matches first, then the closest resemblance. */
export function proposeColumns(kind: ImportKind, headers: readonly string[]): ProposedColumn[] {
  const synonyms: Record<string, readonly string[]> = kind === 'register' ? registerSynonyms : peopleSynonyms;
  const names = Object.entries(synonyms).map(([field, known]) => ({
    field: field as ImportField,
    known: [field, ...known].map(comparableHeader),
  }));
  const proposal: ProposedColumn[] = headers.map((column) => ({ column, field: null, confidence: null }));
  const taken = new Set<ImportField>();
  // Exact names first, so "System" takes `name` before "Systemnamn (alt)" could resemble it.
  headers.forEach((header, index) => {
    const compared = comparableHeader(header);
    const found = names.find((entry) => !taken.has(entry.field) && entry.known.includes(compared));
    if (found && compared !== '') {
      proposal[index] = { column: header, field: found.field, confidence: 'exact' };
      taken.add(found.field);
    }
  });
  headers.forEach((header, index) => {
    const compared = comparableHeader(header);
    if (proposal[index]!.field !== null || compared.length < 4) return;
    let best: { field: ImportField; score: number } | undefined;
    for (const entry of names) {
      if (taken.has(entry.field)) continue;
      for (const known of entry.known) {
        if (known.length < 4) continue;
        // A known name inside the header ("Systemnamn officiellt"), or a couple of letters apart ("Leverantr").
        const score = compared.startsWith(known) ? 1 : Math.max(known.length, compared.length) >= 6 ? editDistance(compared, known) : 99;
        if (score <= 2 && (!best || score < best.score)) best = { field: entry.field, score };
      }
    }
    if (best) {
      proposal[index] = { column: header, field: best.field, confidence: 'similar' };
      taken.add(best.field);
    }
  });
  return proposal;
}

export const mappingOf = (columns: readonly ProposedColumn[]): ImportMapping =>
  Object.fromEntries(columns.filter((column) => column.column.trim() !== '').map((column) => [column.column, column.field]));

/** The column index of each field under `mapping` (header names compared trimmed); a field mapped twice takes the first column. */
export function columnIndexes(headers: readonly string[], mapping: ImportMapping): Partial<Record<ImportField, number>> {
  const byHeader = new Map(Object.entries(mapping).map(([header, field]) => [header.trim(), field]));
  const indexes: Partial<Record<ImportField, number>> = {};
  headers.forEach((header, index) => {
    const field = byHeader.get(header.trim());
    if (field && indexes[field] === undefined) indexes[field] = index;
  });
  return indexes;
}
