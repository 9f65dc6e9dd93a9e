/**
 * What changed between two versions' texts, for the screen that shows it: a unified diff's hunks
 * (computed with the `diff` package, a well-kept implementation of Myers' algorithm) and the
 * security guidelines' sections added, removed or changed. Pure.
 */
import type { DocumentSection, DocumentVersionDiff } from '@forvalta/contracts';
import { structuredPatch } from 'diff';

type Hunk = DocumentVersionDiff['hunks'][number];
type Line = Hunk['lines'][number];

const lineKinds: Record<string, Line['kind']> = { ' ': 'context', '+': 'added', '-': 'removed' };

export function diffTexts(
  older: string | null,
  newer: string | null,
  context = 3,
): Pick<DocumentVersionDiff, 'hunks' | 'addedLines' | 'removedLines'> {
  const patch = structuredPatch('older', 'newer', withFinalNewline(older), withFinalNewline(newer), '', '', { context });
  let addedLines = 0;
  let removedLines = 0;
  const hunks = patch.hunks.map((hunk) => ({
    oldStart: hunk.oldStart,
    oldLines: hunk.oldLines,
    newStart: hunk.newStart,
    newLines: hunk.newLines,
    // "\ No newline at end of file" markers say nothing to a reader: every text is compared with one.
    lines: hunk.lines.flatMap((line): Line[] => {
      const kind = lineKinds[line[0] ?? ''];
      if (!kind) return [];
      if (kind === 'added') addedLines += 1;
      if (kind === 'removed') removedLines += 1;
      return [{ kind, text: line.slice(1) }];
    }),
  }));
  return { hunks, addedLines, removedLines };
}

function withFinalNewline(text: string | null): string {
  if (!text) return '';
  return text.endsWith('\n') ? text : `${text}\n`;
}

/** Sections by their identity across versions: added, removed, or changed in code, title or description. */
export function diffSections(older: readonly DocumentSection[], newer: readonly DocumentSection[]): DocumentVersionDiff['sections'] {
  const before = new Map(older.map((section) => [section.id, section]));
  const after = new Map(newer.map((section) => [section.id, section]));
  const changes: DocumentVersionDiff['sections'] = [];
  for (const section of newer) {
    const previous = before.get(section.id);
    if (!previous) changes.push({ id: section.id, code: section.code, title: section.title, change: 'added' });
    else if (previous.code !== section.code || previous.title !== section.title || previous.description !== section.description)
      changes.push({ id: section.id, code: section.code, title: section.title, change: 'changed' });
  }
  for (const section of older)
    if (!after.has(section.id)) changes.push({ id: section.id, code: section.code, title: section.title, change: 'removed' });
  return changes;
}
