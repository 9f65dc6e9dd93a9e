/**
 * The input of every compliance rule: one municipality's register, read once, as plain data.
 * Rules never query anything; the integrator builds this from the database (or a test builds it
 * by hand). Later modules add optional arrays (reviews, riskAnalyses, documents, trainings, ...):
 * optional so that snapshots built before they existed, and rules written before them, still work.
 */

export type SystemKind = 'shared' | 'department';
export type SystemScope = 'administrative' | 'teaching' | 'public';
export type Lifecycle = 'planned' | 'introducing' | 'in_production' | 'retiring' | 'retired';

/** The eight duties of the system manager, in the order of §4.2.3. */
export const dutyKeys = [
  'operation_maintenance_development',
  'documentation',
  'security',
  'access_rights',
  'usage_rules',
  'training',
  'user_information',
  'adjacent_systems',
] as const;
export type DutyKey = (typeof dutyKeys)[number];

export const costCategories = ['licence', 'operation', 'support', 'other'] as const;
export type CostCategory = (typeof costCategories)[number];

export interface SnapshotPerson {
  id: string;
  name: string;
  departmentId: string | null;
  employmentStatus: 'active' | 'left';
}

export interface SnapshotDepartment {
  id: string;
  name: string;
  parentId: string | null;
  isItUnit: boolean;
}

/** Dates are YYYY-MM-DD; current when startDate <= today and (endDate null or >= today). */
export interface SnapshotAssignment {
  personId: string;
  role: 'manager' | 'deputy';
  startDate: string;
  endDate: string | null;
}

export interface SnapshotDuty {
  duty: DutyKey;
  status: 'not_started' | 'in_progress' | 'done' | 'not_applicable';
  /** ISO timestamp of the last confirmation. */
  confirmedAt: string | null;
}

export interface SnapshotSystem {
  id: string;
  name: string;
  kind: SystemKind;
  scope: SystemScope;
  lifecycle: Lifecycle;
  ownerDepartmentId: string | null;
  usingDepartmentIds: string[];
  /** null = not stated; 0 is a stated cost. */
  yearlyCosts: Record<CostCategory, number | null>;
  /** ISO timestamp of the last confirmation by the manager or a deputy. */
  lastConfirmedAt: string | null;
  assignments: SnapshotAssignment[];
  duties: SnapshotDuty[];
}

/** A review (genomgång) of a system (ITP-4.2-REVIEW, ITP-3-EVALUATE). */
export interface SnapshotReview {
  id: string;
  systemId: string;
  status: 'planned' | 'held';
  /** YYYY-MM-DD; null while planned. */
  heldOn: string | null;
  /** Whether each of the three evaluations of §3 is written down. */
  evaluations: { use: boolean; coordination: boolean; efficiency: boolean };
  adjacentSystemCount: number;
  adjacentConsideredCount: number;
}

/** A risk analysis of a system (ITP-4.2.1-RISK-CURRENT); a superseded one has a newer revision. */
export interface SnapshotRiskAnalysis {
  id: string;
  systemId: string;
  /** YYYY-MM-DD. */
  analysedOn: string;
  superseded: boolean;
}

/** A change notice (ITP-4.2.2-CHANGE-NOTICE). */
export interface SnapshotChangeNotice {
  id: string;
  title: string;
  kind: 'operation' | 'responsibility';
  systemIds: string[];
  status: 'open' | 'acknowledged';
  /** YYYY-MM-DD in Sweden: the day the notice was made. */
  createdOn: string;
  plannedOn: string | null;
}

/** The §4.2.1 budget categories and the §6 shared resources, each stated as one-off and yearly. */
export const budgetCategoryKeys = [
  'project_management',
  'consultants',
  'software',
  'servers',
  'clients',
  'network',
  'communication',
  'training',
] as const;
export const sharedResourceKeys = ['network', 'communication', 'servers', 'workstations'] as const;
export type BudgetAmounts = Record<string, { oneOff: number | null; yearly: number | null } | undefined>;

/** An introduction or upgrade project (ITP-4.2.1-BUDGET). */
export interface SnapshotProject {
  id: string;
  title: string;
  state: 'draft' | 'in_preparation' | 'submitted' | 'approved' | 'rejected' | 'closed';
  systemId: string;
  departmentId: string;
  /** The newest budget revision; null before the first. */
  budget: { categories: BudgetAmounts; sharedReinforcements: BudgetAmounts } | null;
}

export interface ComplianceSnapshot {
  municipalityId: string;
  /** ISO timestamp; its date part is "today" for every date comparison. */
  evaluatedAt: string;
  departments: SnapshotDepartment[];
  people: SnapshotPerson[];
  systems: SnapshotSystem[];
  reviews?: SnapshotReview[];
  riskAnalyses?: SnapshotRiskAnalysis[];
  changeNotices?: SnapshotChangeNotice[];
  projects?: SnapshotProject[];
  /** YYYY-MM-DD public holidays (and days off) for working-day rules; weekends are always off. */
  holidays?: string[];
}
