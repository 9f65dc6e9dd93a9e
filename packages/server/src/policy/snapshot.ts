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

export interface ComplianceSnapshot {
  municipalityId: string;
  /** ISO timestamp; its date part is "today" for every date comparison. */
  evaluatedAt: string;
  departments: SnapshotDepartment[];
  people: SnapshotPerson[];
  systems: SnapshotSystem[];
}
