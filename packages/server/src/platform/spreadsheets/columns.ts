/**
 * Which column of a file holds which field, from the header row: each field names the headers it
 * is known by (English and Swedish), compared without case, surrounding or repeated spaces,
 * hyphens and underscores ("E-post ", "e_post" and "EPOST" are one header).
 */
export interface ColumnDefinition<Field extends string> {
  field: Field;
  headers: readonly string[];
}

export interface ColumnMatch<Field extends string> {
  /** The column index of each field found. */
  columns: Partial<Record<Field, number>>;
  /** Headers that name no field, as written in the file. */
  unknownHeaders: string[];
  /** Fields named by more than one column: the first is used. */
  duplicateFields: Field[];
}

export const normaliseHeader = (header: string) =>
  header
    .normalize('NFC')
    .trim()
    .toLocaleLowerCase('sv')
    .replace(/[\s_\-.]+/g, '');

export function matchColumns<Field extends string>(
  headers: readonly string[],
  definitions: ReadonlyArray<ColumnDefinition<Field>>,
): ColumnMatch<Field> {
  const fieldByHeader = new Map<string, Field>();
  for (const definition of definitions)
    for (const header of [definition.field, ...definition.headers]) fieldByHeader.set(normaliseHeader(header), definition.field);
  const columns: Partial<Record<Field, number>> = {};
  const unknownHeaders: string[] = [];
  const duplicateFields: Field[] = [];
  headers.forEach((header, index) => {
    if (header.trim() === '') return;
    const field = fieldByHeader.get(normaliseHeader(header));
    if (field === undefined) unknownHeaders.push(header);
    else if (columns[field] !== undefined) duplicateFields.push(field);
    else columns[field] = index;
  });
  return { columns, unknownHeaders, duplicateFields };
}
