import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { matchColumns } from './columns.ts';
import { buildCsv, buildWorkbook, type FixtureCell, type WorkbookFixtureOptions } from './spreadsheet-fixtures.ts';
import { readSpreadsheet, UnreadableSpreadsheetError } from './spreadsheet-reader.ts';

const rows: FixtureCell[][] = [
  ['E-post ', 'System', 'Behörighet', 'Startdatum', 'Slutdatum'],
  ['åsa.öberg@tanum.se ', 'Treserva ', 'Handläggare', new Date(Date.UTC(2026, 0, 5)), null],
  [null, null, null, null, null],
  ['erik.lind@tanum.se', 'Procapita', 'Läsare', '2026-02-01', '2026-12-31'],
];
const expected = {
  headers: ['E-post', 'System', 'Behörighet', 'Startdatum', 'Slutdatum'],
  rows: [
    { rowNumber: 2, cells: ['åsa.öberg@tanum.se', 'Treserva', 'Handläggare', '2026-01-05', ''] },
    { rowNumber: 4, cells: ['erik.lind@tanum.se', 'Procapita', 'Läsare', '2026-02-01', '2026-12-31'] },
  ],
};

const sharePoint: WorkbookFixtureOptions = {
  absolutePartNames: true,
  byteOrderMarks: true,
  documentProperties: false,
  namespacePrefix: true,
  worksheetPartName: 'Rd3f1c0a2.xml',
  sharedStrings: false,
};

describe('readSpreadsheet: workbooks', () => {
  const variants: Array<[string, WorkbookFixtureOptions]> = [
    ['as Excel saves it', {}],
    ['with absolute part names', { absolutePartNames: true }],
    ['with a byte order mark before each XML part', { byteOrderMarks: true }],
    ['without docProps/core.xml', { documentProperties: false }],
    ['with inline strings', { sharedStrings: false }],
    ['with the x: prefix of the Open XML SDK', { namespacePrefix: true }],
    ['with a worksheet part not named sheetN.xml', { worksheetPartName: 'sheet.xml' }],
    ['written by SharePoint (all of these at once)', sharePoint],
  ];
  for (const [name, options] of variants)
    it(`reads a workbook ${name}`, async () => {
      const table = await readSpreadsheet(await buildWorkbook(rows, options));
      expect(table).toEqual({ format: 'xlsx', ...expected });
    });

  it('needs its normalisation: exceljs alone fails on the prefixed and the renamed workbook', async () => {
    const prefixed = new ExcelJS.Workbook();
    await expect(
      prefixed.xlsx.load((await buildWorkbook(rows, { namespacePrefix: true })) as unknown as Parameters<ExcelJS.Xlsx['load']>[0]),
    ).rejects.toThrow();
    const renamed = new ExcelJS.Workbook();
    await renamed.xlsx.load(
      (await buildWorkbook(rows, { worksheetPartName: 'sheet.xml' })) as unknown as Parameters<ExcelJS.Xlsx['load']>[0],
    );
    expect(renamed.worksheets).toHaveLength(0);
  });

  it('refuses a ZIP that is no workbook, and an old .xls', async () => {
    const JSZip = (await import('jszip')).default;
    const zip = new JSZip();
    zip.file('readme.txt', 'hej');
    await expect(readSpreadsheet(await zip.generateAsync({ type: 'nodebuffer' }))).rejects.toBeInstanceOf(UnreadableSpreadsheetError);
    await expect(readSpreadsheet(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).rejects.toThrow(/\.xls/);
  });
});

describe('readSpreadsheet: CSV', () => {
  const text = rows.map((row) =>
    row.map((cell) => (cell instanceof Date ? cell.toISOString().slice(0, 10) : cell === null ? '' : String(cell))),
  );
  for (const encoding of ['utf-8', 'utf-8-bom', 'windows-1252'] as const)
    for (const separator of [';', ',', '\t'])
      it(`reads ${encoding} with ${JSON.stringify(separator)} between the cells`, async () => {
        expect(await readSpreadsheet(buildCsv(text, { encoding, separator }))).toEqual({ format: 'csv', ...expected });
      });

  it('reads UTF-16 with its byte order mark (Excel\'s "Unicode text")', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.map((row) => row.join('\t')).join('\r\n'), 'utf16le')]);
    expect(await readSpreadsheet(utf16)).toEqual({ format: 'csv', ...expected });
  });

  it('keeps quoted separators and line breaks inside a cell, and counts rows as the file does', async () => {
    const table = await readSpreadsheet(Buffer.from('email;reason\r\n"a@b.se";"Ärende 12; ""brådskande""\r\nrad två"\r\nc@d.se;x\r\n'));
    expect(table.rows).toEqual([
      { rowNumber: 2, cells: ['a@b.se', 'Ärende 12; "brådskande"\r\nrad två'] },
      { rowNumber: 3, cells: ['c@d.se', 'x'] },
    ]);
  });

  it('refuses a CSV with an unclosed quote, naming the line', async () => {
    const failure = await readSpreadsheet(Buffer.from('email;system\r\na@b.se;"Treserva\r\n')).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(UnreadableSpreadsheetError);
  });
});

describe('matchColumns', () => {
  const definitions = [
    { field: 'email', headers: ['e-post', 'epost', 'e-postadress'] },
    { field: 'system', headers: ['systemnamn'] },
    { field: 'startDate', headers: ['startdatum', 'från'] },
  ] as const;

  it('knows English and Swedish headers whatever their case, spaces, hyphens and underscores', () => {
    expect(matchColumns(['E-POST ', ' System', 'start_date', 'Anteckning'], definitions)).toEqual({
      columns: { email: 0, system: 1, startDate: 2 },
      unknownHeaders: ['Anteckning'],
      duplicateFields: [],
    });
    expect(matchColumns(['Email', 'Systemnamn', 'Från'], definitions).columns).toEqual({ email: 0, system: 1, startDate: 2 });
  });

  it('reports a field named twice and uses the first column', () => {
    expect(matchColumns(['email', 'E-post'], definitions)).toMatchObject({ columns: { email: 0 }, duplicateFields: ['email'] });
  });
});
