import type { DocumentSection, DocumentVersionUpdate } from '@forvalta/contracts';

/** A section as the editor holds it: `key` follows the row on screen (its id, or a made-up one for a new section). */
export interface SectionRow {
  key: string;
  id?: string;
  code: string;
  title: string;
  description: string;
}

export function sectionRowsOf(sections: readonly DocumentSection[]): SectionRow[] {
  return sections.map((section) => ({
    key: section.id,
    id: section.id,
    code: section.code,
    title: section.title,
    description: section.description ?? '',
  }));
}

/** The draft's sections in the order shown; a section with an id keeps it (a project's judgement of it still applies). */
export function sectionsBodyOf(rows: readonly SectionRow[]): NonNullable<DocumentVersionUpdate['sections']> {
  return rows.map((row) => ({
    ...(row.id ? { id: row.id } : {}),
    code: row.code.trim(),
    title: row.title.trim(),
    description: row.description.trim() || null,
  }));
}

/** Codes compare as numbers part by part ("2.10" after "2.9"), a part that is not a number as text. */
export function compareSectionCodes(a: string, b: string): number {
  const left = a.trim().split('.');
  const right = b.trim().split('.');
  for (let index = 0; index < Math.max(left.length, right.length); index += 1) {
    const x = left[index];
    const y = right[index];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const difference = /^\d+$/.test(x) && /^\d+$/.test(y) ? Number(x) - Number(y) : x.localeCompare(y, 'sv');
    if (difference !== 0) return difference;
  }
  return 0;
}
