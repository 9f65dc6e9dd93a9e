/**
 * What changed between two versions of a pack file (issue #21): clauses added, removed or reworded,
 * parameters and bindings changed, and whether the change is editorial. A new or reworded clause
 * asks something new of employees, so it is not editorial and the document's acknowledgement is
 * asked for again (the documents module's rule: a version not marked editorial does that); new
 * parameter values or another rule checking a clause change how Förvalta checks, not what the
 * policy says, and are editorial. Pure.
 */
import type { PackFileClause, PolicyPackDiff, PolicyPackFile } from '@forvalta/contracts';

const wordingFields = ['section', 'kind', 'title.sv', 'title.en', 'text.sv', 'text.en'] as const;

function fieldOf(clause: PackFileClause, field: (typeof wordingFields)[number]): string {
  switch (field) {
    case 'title.sv':
      return clause.title.sv;
    case 'title.en':
      return clause.title.en;
    case 'text.sv':
      return clause.text.sv;
    case 'text.en':
      return clause.text.en;
    default:
      return clause[field];
  }
}

/** Every parameter value of a file: its own list and each binding's. */
function parameterValues(file: PolicyPackFile): Map<string, number> {
  const values = new Map(Object.entries(file.parameters));
  for (const clause of file.clauses) for (const [key, value] of Object.entries(clause.binding?.parameters ?? {})) values.set(key, value);
  return values;
}

/** The change from `older` (null: nothing adopted before) to `newer`. */
export function diffPackFiles(older: PolicyPackFile | null, newer: PolicyPackFile): Omit<PolicyPackDiff, 'fromPackId'> {
  const before = new Map((older?.clauses ?? []).map((clause) => [clause.id, clause]));
  const after = new Map(newer.clauses.map((clause) => [clause.id, clause]));
  const summary = (clause: PackFileClause) => ({ id: clause.id, section: clause.section, titleSv: clause.title.sv });

  const added = newer.clauses.filter((clause) => !before.has(clause.id)).map(summary);
  const removed = (older?.clauses ?? []).filter((clause) => !after.has(clause.id)).map(summary);
  const reworded: PolicyPackDiff['reworded'] = [];
  const bindingsChanged: PolicyPackDiff['bindingsChanged'] = [];
  for (const clause of newer.clauses) {
    const previous = before.get(clause.id);
    if (!previous) continue;
    const fields = wordingFields.filter((field) => fieldOf(previous, field) !== fieldOf(clause, field));
    if (fields.length > 0) reworded.push({ id: clause.id, fields: [...fields] });
    const [from, to] = [previous.binding?.rule ?? null, clause.binding?.rule ?? null];
    if (from !== to) bindingsChanged.push({ id: clause.id, from, to });
  }

  const oldValues = older ? parameterValues(older) : new Map<string, number>();
  const newValues = parameterValues(newer);
  const parametersChanged: PolicyPackDiff['parametersChanged'] = [];
  for (const key of [...new Set([...oldValues.keys(), ...newValues.keys()])].sort()) {
    const [from, to] = [oldValues.get(key) ?? null, newValues.get(key) ?? null];
    if (from !== to) parametersChanged.push({ key, from, to });
  }

  // A removed clause asks nothing new of anyone: the version stays editorial unless something was added or reworded.
  const editorial = older !== null && added.length === 0 && reworded.length === 0;
  return { added, removed, reworded, parametersChanged, bindingsChanged, editorial };
}
