import { buildCsv, buildWorkbook, type FixtureCell } from '../../platform/spreadsheets/spreadsheet-fixtures.ts';

/**
 * The register file of issue #17 §1 as a municipality really sends it, built in code for the tests
 * (nothing binary is committed): Swedish headers with trailing spaces, organisation paths with the
 * group and the municipality above the departments, managers by e-mail only (one unknown),
 * dependencies in free text, a contract end in prose, costs with spaces and commas, dates as an
 * Excel serial and as Swedish text, empty rows, a column the register has no field for, and a
 * system name that repeats under two organisations. As SharePoint writes the XLSX (absolute part
 * names, a byte order mark before each part, no docProps/core.xml) and as Swedish Excel writes the
 * CSV (Windows-1252, semicolons).
 */

export interface TrickyPeople {
  /** A person of the municipality: the file names them as a system manager. */
  managerEmail: string;
  /** A person of the municipality: a deputy. */
  deputyEmail: string;
}

export const trickyUnknownEmail = 'okand.forvaltare@tanum.example.se';
/** 2026-12-31 as Excel counts days. */
export const trickySerialDate = 46_387;

export const trickyHeaders = [
  'Systemnamn ',
  'Förvaltning ',
  'Systemförvaltare ',
  'Ersättare ',
  'Leverantör ',
  'Status ',
  'Beroenden ',
  'Avtalets slutdatum ',
  'Licenskostnad ',
  'Personuppgifter ',
  'Intern anteckning',
];

function trickyRows(people: TrickyPeople, contractEnd: FixtureCell): FixtureCell[][] {
  const group = 'Kommunkoncern / Tanums kommun';
  return [
    trickyHeaders,
    [
      'Procapita',
      `${group} / Kommunstyrelseförvaltningen`,
      people.managerEmail,
      people.deputyEmail,
      'Tietoevry ',
      'I drift',
      'Stratsys: Ej verksamhetskritiskt (API)',
      'Löpande – uppsägningstid 3–12 månader',
      '12 500 kr',
      'Ja',
      'ring Bosse',
    ],
    [
      'Stratsys',
      `${group} / Kommunstyrelseförvaltningen`,
      trickyUnknownEmail,
      '',
      'Stratsys AB',
      'Införande',
      '',
      contractEnd,
      '1 234,50',
      'Nej',
      '',
    ],
    [null, null, null, null, null, null, null, null, null, null, null],
    [
      'Ärendehantering',
      `${group} / Barn och utbildning / Administration`,
      '',
      '',
      'Formpipe',
      'Planerad',
      'Procapita (fil); Okänt system',
      '31 december 2026',
      '',
      'x',
      '',
    ],
    ['Ärendehantering', `${group} / Samhällsbyggnad / Administration`, '', '', 'Formpipe', 'Avvecklas', '', '', 'tolvtusen', 'nej', ''],
    [null, null, null, null, null, null, null, null, null, null, null],
    ['Bokningssystem', `${group} / Kultur och fritid`, '', '', 'Interbook', 'Aktiv', '', '2027-06-30', '3 000', '', ''],
  ];
}

/** The file as SharePoint exports it. */
export function trickyRegisterWorkbook(people: TrickyPeople): Promise<Buffer> {
  return buildWorkbook(trickyRows(people, new Date(Date.UTC(2026, 11, 31))), {
    absolutePartNames: true,
    byteOrderMarks: true,
    documentProperties: false,
    sheetName: 'Systemförteckning',
  });
}

/** The file as Swedish Excel saves it as "CSV (semikolonavgränsad)": the date column's serial without its format. */
export function trickyRegisterCsv(people: TrickyPeople): Buffer {
  const text = trickyRows(people, String(trickySerialDate)).map((row) => row.map((cell) => (cell === null ? '' : String(cell))));
  return buildCsv(text, { encoding: 'windows-1252', separator: ';' });
}
