import JSZip from 'jszip';

/**
 * Spreadsheet files built in code for the tests, with the traits of the files municipalities
 * really send: XLSX packages as Excel writes them and as SharePoint and .NET's System.IO.Packaging
 * write them (absolute part names in the relationships, a byte order mark before each XML part, no
 * docProps/core.xml), and CSV text in the encodings and separators Swedish Excel saves. Nothing
 * binary is committed: every fixture can be made again from this file.
 */
export interface WorkbookFixtureOptions {
  /** Relationship targets as absolute part names (`/xl/worksheets/sheet1.xml`), as .NET's packaging writes them. */
  absolutePartNames?: boolean;
  /** A UTF-8 byte order mark before every XML part. */
  byteOrderMarks?: boolean;
  /** docProps/core.xml and docProps/app.xml, which Excel writes and SharePoint's exports often leave out. */
  documentProperties?: boolean;
  /** Text cells in xl/sharedStrings.xml (as Excel writes them) or inline (as many generators do). */
  sharedStrings?: boolean;
  /** SpreadsheetML elements with the `x:` prefix instead of a default namespace, as the Open XML SDK writes them. */
  namespacePrefix?: boolean;
  /** The worksheet's part name: Excel's `sheet1.xml`, or a name of the writer's own as .NET packaging gives it. */
  worksheetPartName?: string;
  /** The worksheet's name in the workbook. */
  sheetName?: string;
}

const escapeXml = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

function columnName(index: number): string {
  let name = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) name = String.fromCharCode(65 + ((rest - 1) % 26)) + name;
  return name;
}

/** Cells: a string is text, a number a number, a Date an Excel serial date (with a date style). */
export type FixtureCell = string | number | Date | null;

const excelEpoch = Date.UTC(1899, 11, 30);

export async function buildWorkbook(rows: FixtureCell[][], options: WorkbookFixtureOptions = {}): Promise<Buffer> {
  const { absolutePartNames = false, byteOrderMarks = false, documentProperties = true, sharedStrings = true } = options;
  const sheetName = options.sheetName ?? 'Behörigheter';
  const worksheetPart = options.worksheetPartName ?? 'sheet1.xml';
  // With the prefix every SpreadsheetML element is written x:name and the namespace is bound to x.
  const prefixed = (xml: string) =>
    options.namespacePrefix
      ? xml
          .replace(/<(\/?)(?!\?|x:)([a-zA-Z]+)/g, '<$1x:$2')
          .replace(
            / xmlns="http:\/\/schemas\.openxmlformats\.org\/spreadsheetml\/2006\/main"/g,
            ' xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"',
          )
      : xml;
  const bom = byteOrderMarks ? '\uFEFF' : '';
  const declaration = '<?xml version="1.0" encoding="utf-8" standalone="yes"?>';
  const part = (xml: string) => `${bom}${declaration}${xml}`;
  const target = (absolute: string, relative: string) => (absolutePartNames ? absolute : relative);

  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const cellXml = (value: FixtureCell, reference: string): string => {
    if (value === null || value === '') return '';
    if (typeof value === 'number') return `<c r="${reference}"><v>${value}</v></c>`;
    if (value instanceof Date) return `<c r="${reference}" s="1"><v>${(value.getTime() - excelEpoch) / 86_400_000}</v></c>`;
    if (!sharedStrings) return `<c r="${reference}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(value)}</t></is></c>`;
    let index = stringIndex.get(value);
    if (index === undefined) {
      index = strings.length;
      strings.push(value);
      stringIndex.set(value, index);
    }
    return `<c r="${reference}" t="s"><v>${index}</v></c>`;
  };
  const sheetRows = rows
    .map(
      (row, rowIndex) =>
        `<row r="${rowIndex + 1}">${row.map((cell, column) => cellXml(cell, `${columnName(column)}${rowIndex + 1}`)).join('')}</row>`,
    )
    .join('');

  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const relationships = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const packageRelationships = 'http://schemas.openxmlformats.org/package/2006/relationships';
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    part(
      `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/${worksheetPart}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${sharedStrings ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : ''}${documentProperties ? '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' : ''}</Types>`,
    ),
  );
  zip.file(
    '_rels/.rels',
    part(
      `<Relationships xmlns="${packageRelationships}"><Relationship Id="R1" Type="${relationships}/officeDocument" Target="${target('/xl/workbook.xml', 'xl/workbook.xml')}"/>${documentProperties ? `<Relationship Id="R2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="R3" Type="${relationships}/extended-properties" Target="docProps/app.xml"/>` : ''}</Relationships>`,
    ),
  );
  zip.file(
    'xl/workbook.xml',
    part(
      prefixed(
        `<workbook xmlns="${main}" xmlns:r="${relationships}"><sheets><sheet name="${escapeXml(sheetName)}" sheetId="1" r:id="R10"/></sheets></workbook>`,
      ),
    ),
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    part(
      `<Relationships xmlns="${packageRelationships}"><Relationship Id="R10" Type="${relationships}/worksheet" Target="${target(`/xl/worksheets/${worksheetPart}`, `worksheets/${worksheetPart}`)}"/><Relationship Id="R11" Type="${relationships}/styles" Target="${target('/xl/styles.xml', 'styles.xml')}"/>${sharedStrings ? `<Relationship Id="R12" Type="${relationships}/sharedStrings" Target="${target('/xl/sharedStrings.xml', 'sharedStrings.xml')}"/>` : ''}</Relationships>`,
    ),
  );
  zip.file(
    `xl/worksheets/${worksheetPart}`,
    part(prefixed(`<worksheet xmlns="${main}" xmlns:r="${relationships}"><sheetData>${sheetRows}</sheetData></worksheet>`)),
  );
  zip.file(
    'xl/styles.xml',
    part(
      prefixed(
        `<styleSheet xmlns="${main}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`,
      ),
    ),
  );
  if (sharedStrings)
    zip.file(
      'xl/sharedStrings.xml',
      part(
        prefixed(
          `<sst xmlns="${main}" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((text) => `<si><t xml:space="preserve">${escapeXml(text)}</t></si>`).join('')}</sst>`,
        ),
      ),
    );
  if (documentProperties) {
    zip.file(
      'docProps/core.xml',
      part(
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>Förvalta test</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2026-12-01T08:00:00Z</dcterms:created></cp:coreProperties>',
      ),
    );
    zip.file(
      'docProps/app.xml',
      part(
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Excel</Application></Properties>',
      ),
    );
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** CSV as Swedish Excel saves it: semicolons, CRLF, Windows-1252 ("CSV (semikolonavgränsad)") or UTF-8 with a BOM. */
export function buildCsv(
  rows: string[][],
  options: { encoding?: 'utf-8' | 'utf-8-bom' | 'windows-1252'; separator?: string } = {},
): Buffer {
  const separator = options.separator ?? ';';
  const quote = (cell: string) => (/["\r\n]/.test(cell) || cell.includes(separator) ? `"${cell.replaceAll('"', '""')}"` : cell);
  const text = `${rows.map((row) => row.map(quote).join(separator)).join('\r\n')}\r\n`;
  if (options.encoding === 'windows-1252') return windows1252(text);
  return Buffer.from(options.encoding === 'utf-8-bom' ? `\uFEFF${text}` : text, 'utf8');
}

/** Windows-1252's own characters in 0x80–0x9f that real Swedish files carry (dashes, quotes, the euro sign). */
const windows1252Specials: Record<string, number> = {
  '€': 0x80,
  '‚': 0x82,
  '„': 0x84,
  '…': 0x85,
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '–': 0x96,
  '—': 0x97,
};

/** Windows-1252 for Latin-1 characters (å, ä, ö, é…) and the dashes and quotes above; the tests use nothing outside it. */
function windows1252(text: string): Buffer {
  const bytes = Buffer.alloc(text.length);
  for (let index = 0; index < text.length; index += 1) {
    const code = windows1252Specials[text[index]!] ?? text.charCodeAt(index);
    if (code > 0xff) throw new Error(`buildCsv: ${text[index]} is not in the fixtures' Windows-1252 subset`);
    bytes[index] = code;
  }
  return bytes;
}
