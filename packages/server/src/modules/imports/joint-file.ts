import type { ImportMapping } from '@forvalta/contracts';
import { columnIndexes, mappingOf, proposeColumns } from './column-proposal.ts';
import type { ImportTable } from './import-files.ts';
import { parseOrganisationPath } from './value-parsing.ts';

/**
 * A joint register file (a municipal group's, a joint IT service's) split into the parts of
 * several municipalities by the organisation path's prefix (issue #17 §1, ADR 0033): each row goes
 * to the municipality whose prefix its organisation column starts with, the prefix taken off, and
 * keeps its row number, so every municipality's report names the joint file's rows. A row that no
 * prefix starts (or without an organisation) is listed, not guessed. Pure.
 */
export interface JointPart {
  prefix: string;
  table: ImportTable;
}

export function splitJointTable(
  table: ImportTable,
  mapping: ImportMapping | undefined,
  prefixes: readonly string[],
): { parts: JointPart[]; unmatchedRows: number[] } {
  const columns = columnIndexes(table.headers, mapping ?? mappingOf(proposeColumns('register', table.headers)));
  const column = columns.ownerDepartment;
  if (column === undefined) throw new Error('The joint file has no organisation column (ownerDepartment) to split it by.');
  const comparable = (parts: readonly string[]) => parts.map((part) => part.toLocaleLowerCase('sv'));
  // The longest prefix first: "Koncern / Tanum / Skola" before "Koncern / Tanum".
  const wanted = prefixes
    .map((prefix) => ({ prefix, parts: comparable(parseOrganisationPath(prefix)) }))
    .sort((left, right) => right.parts.length - left.parts.length);
  const rowsOf = new Map(prefixes.map((prefix) => [prefix, [] as ImportTable['rows']]));
  const unmatchedRows: number[] = [];
  for (const row of table.rows) {
    const path = parseOrganisationPath(row.cells[column] ?? '');
    const lowered = comparable(path);
    const match = wanted.find(
      (candidate) => candidate.parts.length < path.length && candidate.parts.every((part, index) => lowered[index] === part),
    );
    if (!match) {
      unmatchedRows.push(row.rowNumber);
      continue;
    }
    const cells = [...row.cells];
    cells[column] = path.slice(match.parts.length).join(' / ');
    rowsOf.get(match.prefix)!.push({ rowNumber: row.rowNumber, cells });
  }
  return { parts: prefixes.map((prefix) => ({ prefix, table: { ...table, rows: rowsOf.get(prefix)! } })), unmatchedRows };
}
