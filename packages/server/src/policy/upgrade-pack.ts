/**
 * The default pack's upgrade as a three-way merge (ADR 0021): `base` is the default as the
 * municipality received it, `current` its published pack (the default plus its own edits), `next`
 * the product's newer default. The result is `next` with every value the municipality changed from
 * `base` put back: its parameter values, its document facts and its wording of clause texts. What
 * the municipality left as it came (a parameter still at the old default, an untouched text) takes
 * the newer default's value; what only the product decides (clause kinds, rule descriptions,
 * sections, which clauses exist) is always the newer default's.
 */
import type { Clause, PolicyDocument, PolicyPack } from './policy-pack.ts';

/** The clause fields a municipality can change when it publishes a version (contracts: policyPackVersionCreateSchema). */
export const ownClauseFields = ['titleSv', 'titleEn', 'textSv', 'textEn'] as const;
const documentFields = ['title', 'adoptedBy', 'decisionDate', 'decisionReference'] as const satisfies readonly (keyof PolicyDocument)[];

/** What the merge kept of the municipality's own, for the audit event and the operator's report. */
export interface KeptOwnValues {
  document: string[];
  parameters: string[];
  clauses: { id: string; fields: string[] }[];
  /** Clauses of the municipality's pack the newer default no longer has. */
  droppedClauses: string[];
}

export interface MergedPack {
  pack: PolicyPack;
  kept: KeptOwnValues;
}

function clausesById(pack: PolicyPack): Map<string, Clause> {
  return new Map(pack.clauses.map((clause) => [clause.id, clause]));
}

/** The merged pack carries `next`'s version; the caller names the published version. */
export function mergePackUpgrade(base: PolicyPack, current: PolicyPack, next: PolicyPack): MergedPack {
  const pack = structuredClone(next) as PolicyPack;
  const kept: KeptOwnValues = { document: [], parameters: [], clauses: [], droppedClauses: [] };

  for (const field of documentFields) {
    if (current.document[field] !== base.document[field]) {
      pack.document[field] = current.document[field];
      kept.document.push(field);
    }
  }

  for (const [key, parameter] of Object.entries(pack.parameters)) {
    const before = base.parameters[key];
    const own = current.parameters[key];
    // A parameter the base lacked cannot have been edited: a pack read before it existed is given the default's value.
    if (before === undefined || own === undefined || own.value === before.value) continue;
    pack.parameters[key] = { ...parameter, value: own.value };
    kept.parameters.push(key);
  }

  const baseClauses = clausesById(base);
  const currentClauses = clausesById(current);
  for (const clause of pack.clauses) {
    const before = baseClauses.get(clause.id);
    const own = currentClauses.get(clause.id);
    if (before === undefined || own === undefined) continue;
    const fields = ownClauseFields.filter((field) => own[field] !== before[field]);
    for (const field of fields) clause[field] = own[field];
    if (fields.length > 0) kept.clauses.push({ id: clause.id, fields });
  }

  const nextIds = new Set(pack.clauses.map((clause) => clause.id));
  kept.droppedClauses = current.clauses.filter((clause) => !nextIds.has(clause.id)).map((clause) => clause.id);
  return { pack, kept };
}

/**
 * Orders the product's pack versions (MAJOR.MINOR.PATCH, numerically: 1.10.0 is after 1.9.0).
 * A version that is not three numbers sorts before every real one, so it is always upgraded.
 */
export function comparePackVersions(left: string, right: string): number {
  const parse = (version: string) => (/^\d+\.\d+\.\d+$/.test(version) ? version.split('.').map(Number) : [-1, -1, -1]);
  const [a, b] = [parse(left), parse(right)];
  for (let index = 0; index < 3; index += 1) {
    if (a[index] !== b[index]) return a[index]! - b[index]!;
  }
  return 0;
}
