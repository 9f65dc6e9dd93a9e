import JSZip from 'jszip';

/**
 * Rewrites an XLSX package into the plain layout Excel itself saves, before exceljs reads it.
 * exceljs 4.4.0 reads Excel's own files, but two traits of the files municipalities export from
 * SharePoint and .NET tools (System.IO.Packaging, the Open XML SDK) defeat it, both proved by
 * spreadsheets.unit.test.ts:
 *
 * - worksheet parts not named `xl/worksheets/sheetN.xml` (exceljs finds sheets by that file name,
 *   not through the workbook's relationships): the workbook loads with no worksheet at all;
 * - SpreadsheetML elements with a namespace prefix (`<x:workbook>`): exceljs matches element
 *   names without namespaces and fails with "Cannot read properties of undefined (reading 'sheets')".
 *
 * The other traits (absolute part names in the relationships, a byte order mark before the XML,
 * no docProps/core.xml) exceljs tolerates today; the rewrite removes them too, so a later exceljs
 * cannot trip on them. Only what a reader of cell values needs is carried over: the workbook, its
 * worksheets in order, the shared strings and the styles (dates are recognised by their number
 * format). Charts, drawings and comments are left behind.
 */

const spreadsheetNamespace = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const relationshipsNamespace = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const relationshipType = (name: string) => `${relationshipsNamespace}/${name}`;

export class UnreadablePackageError extends Error {}

interface Relationship {
  id: string;
  type: string;
  target: string;
}

const withoutByteOrderMark = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/** The attribute values of every <Relationship> (prefixed or not), in document order. */
function relationshipsOf(xml: string): Relationship[] {
  const found: Relationship[] = [];
  for (const element of xml.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const attributes = element[1]!;
    const attribute = (name: string) => new RegExp(`\\b${name}\\s*=\\s*"([^"]*)"`).exec(attributes)?.[1];
    const id = attribute('Id');
    const type = attribute('Type');
    const target = attribute('Target');
    if (id && type && target && !/\bTargetMode\s*=\s*"External"/.test(attributes)) found.push({ id, type, target });
  }
  return found;
}

/** A relationship's target as a part name of the package (no leading slash), relative to the source part's folder. */
function resolvePart(sourceFolder: string, target: string): string {
  const segments = target.startsWith('/') ? [] : sourceFolder.split('/').filter(Boolean);
  for (const segment of decodeURIComponent(target).split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  return segments.join('/');
}

/** Part names are case-insensitive in OPC; zip entry names are not. */
function findPart(zip: JSZip, name: string): JSZip.JSZipObject | undefined {
  const exact = zip.file(name);
  if (exact) return exact;
  const lower = name.toLowerCase();
  return Object.values(zip.files).find((entry) => !entry.dir && entry.name.replace(/^\//, '').toLowerCase() === lower);
}

async function readPart(zip: JSZip, name: string): Promise<string | undefined> {
  const part = findPart(zip, name);
  return part ? withoutByteOrderMark(await part.async('string')) : undefined;
}

const relationshipsPartOf = (partName: string) => {
  const slash = partName.lastIndexOf('/');
  return `${partName.slice(0, slash + 1)}_rels/${partName.slice(slash + 1)}.rels`;
};
const folderOf = (partName: string) => partName.slice(0, partName.lastIndexOf('/') + 1);

/**
 * Binds SpreadsheetML to the default namespace where a part gives it a prefix: `<x:row>` becomes
 * `<row>`. Other prefixes (r:id, mc:, x14:) are left as they are.
 */
function withDefaultNamespace(xml: string): string {
  const declaration = /\sxmlns:(\w+)\s*=\s*"http:\/\/schemas\.openxmlformats\.org\/spreadsheetml\/2006\/main"/.exec(xml);
  if (!declaration) return xml;
  const prefix = declaration[1]!;
  const unprefixed = xml.replace(declaration[0], '').replace(new RegExp(`<(/?)${prefix}:`, 'g'), '<$1');
  // The root element (the first start tag that is no declaration or comment) takes it as its default namespace.
  const root = /<(?![?!])([\w]+)([^>]*)>/.exec(unprefixed);
  if (!root || /\sxmlns\s*=/.test(root[2]!)) return unprefixed;
  const index = root.index + 1 + root[1]!.length;
  return `${unprefixed.slice(0, index)} xmlns="${spreadsheetNamespace}"${unprefixed.slice(index)}`;
}

const contentTypes = (sheetCount: number, withSharedStrings: boolean, withStyles: boolean) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${Array.from(
    { length: sheetCount },
    (_, index) =>
      `<Override PartName="/xl/worksheets/sheet${index + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  ).join(
    '',
  )}${withSharedStrings ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : ''}${withStyles ? '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' : ''}</Types>`;

const relationshipsXml = (relationships: Relationship[]) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${relationships
    .map((relationship) => `<Relationship Id="${relationship.id}" Type="${relationship.type}" Target="${relationship.target}"/>`)
    .join('')}</Relationships>`;

/** The package rewritten in Excel's plain layout (see above); throws UnreadablePackageError when it is no workbook. */
export async function normaliseWorkbookPackage(bytes: Uint8Array): Promise<Buffer> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new UnreadablePackageError('The file is not a ZIP package (XLSX).');
  }
  const packageRelationships = relationshipsOf((await readPart(zip, '_rels/.rels')) ?? '');
  const workbookRelationship = packageRelationships.find((relationship) => relationship.type === relationshipType('officeDocument'));
  const workbookPart = workbookRelationship ? resolvePart('', workbookRelationship.target) : 'xl/workbook.xml';
  const workbookXml = await readPart(zip, workbookPart);
  if (workbookXml === undefined) throw new UnreadablePackageError('The package has no workbook part.');
  const workbookRelationships = relationshipsOf((await readPart(zip, relationshipsPartOf(workbookPart))) ?? '');
  const byId = new Map(workbookRelationships.map((relationship) => [relationship.id, relationship]));
  const workbookFolder = folderOf(workbookPart);

  const output = new JSZip();
  const relationships: Relationship[] = [];
  // The worksheets in the workbook's order, renumbered sheet1.xml, sheet2.xml…; the <sheet> elements keep their names.
  let sheetCount = 0;
  let workbook = withDefaultNamespace(workbookXml);
  const sheetElements = [...workbook.matchAll(/<sheet\b[^>]*\/?>/g)].map((match) => match[0]);
  for (const element of sheetElements) {
    const id = /\br:id\s*=\s*"([^"]*)"|\b\w+:id\s*=\s*"([^"]*)"/.exec(element);
    const relationship = byId.get(id?.[1] ?? id?.[2] ?? '');
    const sheetXml =
      relationship?.type === relationshipType('worksheet')
        ? await readPart(zip, resolvePart(workbookFolder, relationship.target))
        : undefined;
    if (sheetXml === undefined) {
      // A chart sheet or a missing part: no cells to read.
      workbook = workbook.replace(element, '');
      continue;
    }
    sheetCount += 1;
    const newId = `rIdSheet${sheetCount}`;
    output.file(`xl/worksheets/sheet${sheetCount}.xml`, withDefaultNamespace(sheetXml));
    relationships.push({ id: newId, type: relationshipType('worksheet'), target: `worksheets/sheet${sheetCount}.xml` });
    workbook = workbook.replace(element, element.replace(/\b(r|\w+):id\s*=\s*"[^"]*"/, `r:id="${newId}"`));
  }
  if (sheetCount === 0) throw new UnreadablePackageError('The workbook has no worksheet.');
  const partOfType = async (type: string) => {
    const relationship = workbookRelationships.find((candidate) => candidate.type === relationshipType(type));
    return relationship ? readPart(zip, resolvePart(workbookFolder, relationship.target)) : undefined;
  };
  const sharedStrings = (await partOfType('sharedStrings')) ?? (await readPart(zip, 'xl/sharedStrings.xml'));
  if (sharedStrings !== undefined) {
    output.file('xl/sharedStrings.xml', withDefaultNamespace(sharedStrings));
    relationships.push({ id: 'rIdSharedStrings', type: relationshipType('sharedStrings'), target: 'sharedStrings.xml' });
  }
  const styles = (await partOfType('styles')) ?? (await readPart(zip, 'xl/styles.xml'));
  if (styles !== undefined) {
    output.file('xl/styles.xml', withDefaultNamespace(styles));
    relationships.push({ id: 'rIdStyles', type: relationshipType('styles'), target: 'styles.xml' });
  }
  // Defined names and external references point at parts that are not carried over.
  workbook = workbook
    .replace(/<definedNames\b[\s\S]*?<\/definedNames>/, '')
    .replace(/<externalReferences\b[\s\S]*?<\/externalReferences>/, '');
  output.file('xl/workbook.xml', workbook);
  output.file('xl/_rels/workbook.xml.rels', relationshipsXml(relationships));
  output.file(
    '_rels/.rels',
    relationshipsXml([{ id: 'rIdWorkbook', type: relationshipType('officeDocument'), target: 'xl/workbook.xml' }]),
  );
  output.file('[Content_Types].xml', contentTypes(sheetCount, sharedStrings !== undefined, styles !== undefined));
  return output.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
}
