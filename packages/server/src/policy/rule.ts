/**
 * What a compliance rule is and what it returns. A rule is a pure function over a snapshot: the
 * same snapshot and parameters always give the same results, so results can be cached, stored as
 * a daily trend, and recomputed for one system after it changes.
 */
import type { PolicyParameters } from './policy-pack.ts';
import type { ComplianceSnapshot, SnapshotDepartment, SnapshotPerson } from './snapshot.ts';
import { swedishToday } from '../platform/calendar.ts';
import { dateOfTimestamp } from './dates.ts';

export type RuleStatus = 'pass' | 'fail' | 'not_applicable';
export type SubjectType =
  | 'system'
  | 'person'
  | 'department'
  | 'document'
  | 'project'
  | 'change_notice'
  | 'software'
  | 'contract'
  | 'incident';

export interface RuleResult {
  clauseId: string;
  subjectType: SubjectType;
  subjectId: string;
  subjectName: string;
  /** The department the result counts for: the owning department for a system. */
  departmentId: string | null;
  status: RuleStatus;
  /** A stable machine code ('no_deputy', 'confirmation_stale'); labels come from i18n. */
  reason: string;
  /** The values the rule looked at, so a reader can check the verdict without the database. */
  evidence: Record<string, unknown>;
  /** The web page where the finding is fixed. */
  fixPath: string;
}

/** Lookups built once per evaluation and shared by every rule, so no rule scans a list per subject. */
export interface RuleContext {
  /** YYYY-MM-DD, the date part of snapshot.evaluatedAt. */
  today: string;
  peopleById: ReadonlyMap<string, SnapshotPerson>;
  departmentsById: ReadonlyMap<string, SnapshotDepartment>;
}

export interface ComplianceRule {
  /** The clause the rule checks; it must be a clause of kind 'rule' in the pack. */
  clauseId: string;
  subjectType: SubjectType;
  /** Parameters the rule reads; validatePolicyPack checks that a pack defines them. */
  parameterKeys: readonly string[];
  /** Every reason code the rule itself returns, for labels and for tests. */
  reasonCodes: readonly string[];
  /**
   * True when the data model itself guarantees what the rule checks (a NOT NULL column, a foreign
   * key, a contract's enum), so no record written through the API can fail it. Its results are
   * still shown as evidence, but the summary keeps the clause out of the share: a rule that
   * cannot fail would only raise it.
   */
  structural?: boolean;
  /**
   * True for a system rule that needs the whole municipality's people and training (a system's
   * users in other departments): it runs in full evaluations only, not when a few systems are
   * re-evaluated after a change, whose snapshot holds only the people those systems name.
   */
  wholeMunicipality?: boolean;
  evaluate(snapshot: ComplianceSnapshot, parameters: PolicyParameters, context: RuleContext): RuleResult[];
}

export function createRuleContext(snapshot: ComplianceSnapshot): RuleContext {
  if (dateOfTimestamp(snapshot.evaluatedAt) === null) throw new RangeError(`evaluatedAt is not a timestamp: ${snapshot.evaluatedAt}`);
  // The Swedish date, as assignments start and end on Swedish dates: a deputy appointed at 00:30
  // Swedish time starts today, and a UTC "today" (still yesterday until 01:00) did not count them.
  const today = swedishToday(new Date(snapshot.evaluatedAt));
  const peopleById = new Map<string, SnapshotPerson>();
  for (const person of snapshot.people) peopleById.set(person.id, person);
  const departmentsById = new Map<string, SnapshotDepartment>();
  for (const department of snapshot.departments) departmentsById.set(department.id, department);
  return { today, peopleById, departmentsById };
}
