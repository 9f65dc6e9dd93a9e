import type { PolicyPackFile } from '@forvalta/contracts';

/**
 * The policy document's text as the pack's clauses say it, in the document's order: the version
 * adopted with the pack, which employees read and acknowledge, and which the documents module's
 * diff compares with the version before.
 */
export function packDocumentText(file: PolicyPackFile): string {
  const lines = [file.document.title, ''];
  for (const clause of file.clauses) lines.push(`${clause.section} ${clause.title.sv}`, clause.text.sv, '');
  return `${lines.join('\n').trimEnd()}\n`;
}
