/**
 * A policy pack: the policy document a municipality has adopted, its clauses and the parameters
 * of its rules, as data. The Tanum pack is the default; another municipality edits texts and
 * parameters and publishes its own version, and results always name the pack version they used.
 */

// 'information': a clause that only informs (issue #21's authored packs); never checked nor counted.
export const clauseKinds = ['rule', 'gate', 'record', 'notice', 'information'] as const;
export type ClauseKind = (typeof clauseKinds)[number];
/** One kind, or two or three joined with '+' ('gate+notice') when a clause asks for several. */
export type ClauseKindExpression = ClauseKind | `${ClauseKind}+${ClauseKind}` | `${ClauseKind}+${ClauseKind}+${ClauseKind}`;

export interface PolicyDocument {
  title: string;
  /** The body that adopted the document (ITP-4.1-ADOPT), e.g. Kommunstyrelsen. */
  adoptedBy: string;
  /** YYYY-MM-DD. */
  decisionDate: string;
  decisionReference: string;
}

export interface Clause {
  /** Stable ID from docs/requirements.md, e.g. 'ITP-4.2-DEPUTY'. */
  id: string;
  /** The policy's section number, e.g. '4.2'. */
  section: string;
  kind: ClauseKindExpression;
  titleSv: string;
  titleEn: string;
  /** The policy's own Swedish sentence(s) the clause rests on, quoted verbatim. */
  textSv: string;
  /** The English restatement of the requirement. */
  textEn: string;
  /** The check in plain words, for clauses with a rule. */
  ruleDescriptionSv?: string;
  ruleDescriptionEn?: string;
  /**
   * The clauses of the register's rules whose results are this clause's evidence (a second
   * framework on the same rules: NIS2-21-2-A is judged by ITP-4.2.1-RISK-CURRENT's rule, ADR 0037).
   * Each such rule runs once and its results count for every clause that names it. A clause of
   * kind rule without any rule of its own or named here is shown as not checked.
   */
  evidenceClauseIds?: readonly string[];
}

export type ParameterUnit = 'months' | 'years' | 'working_days' | 'days' | 'count' | 'percent';

export interface ParameterDefinition {
  key: string;
  value: number;
  unit: ParameterUnit;
  descriptionSv: string;
  descriptionEn: string;
}

export type PolicyParameters = Readonly<Record<string, ParameterDefinition>>;

export interface PolicyPack {
  /** Identifies the pack across versions, e.g. 'tanum-it-policy'. */
  key: string;
  version: string;
  document: PolicyDocument;
  clauses: Clause[];
  parameters: Record<string, ParameterDefinition>;
  /**
   * `nis2`: the pack's system results count only systems flagged `nis2` (the Cybersecurity Act's
   * scope, ADR 0037); every other system's result is not applicable (`outside_nis2_scope`).
   * Absent: every system the rules themselves apply to.
   */
  systemScope?: 'nis2';
}

export function kindsOfClause(clause: Pick<Clause, 'kind'>): ClauseKind[] {
  return clause.kind.split('+') as ClauseKind[];
}

export function clauseHasKind(clause: Pick<Clause, 'kind'>, kind: ClauseKind): boolean {
  return kindsOfClause(clause).includes(kind);
}

export function findClause(pack: PolicyPack, clauseId: string): Clause | undefined {
  return pack.clauses.find((clause) => clause.id === clauseId);
}

/**
 * A numeric parameter of the pack. A missing one is a broken pack, not a compliance finding:
 * validatePolicyPack catches it when a pack is published, so here it is an error.
 */
export function readParameter(parameters: PolicyParameters, key: string): number {
  const parameter = parameters[key];
  if (parameter === undefined) throw new Error(`The policy pack has no parameter '${key}'`);
  return parameter.value;
}

const placeholderPattern = /\{\{(\w+)\}\}/g;

/** The parameter keys a text refers to as {{key}}. */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(placeholderPattern)].map((match) => match[1]!);
}

/**
 * A rule description with its parameters filled in ("within the last {{reviewIntervalMonths}}
 * months" → "within the last 12 months"), so the text follows the municipality's own values.
 */
export function fillParameters(text: string, parameters: PolicyParameters): string {
  return text.replace(placeholderPattern, (placeholder, key: string) => {
    const parameter = parameters[key];
    return parameter === undefined ? placeholder : String(parameter.value);
  });
}

export function freezeDeeply<Value>(value: Value): Value {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const member of Object.values(value)) freezeDeeply(member);
  }
  return value;
}
