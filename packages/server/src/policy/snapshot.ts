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
  /** Whether the person has a personal mailbox (ITP-8-OFFICIAL-DOC's audience); absent counts as no. */
  hasPersonalMailbox?: boolean;
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
  /** Whether the system processes personal data (ITP-8-PERSONAL-DATA); absent counts as no. */
  processesPersonalData?: boolean;
  /** In scope of the Cybersecurity Act (the system's `nis2` flag, ADR 0037); absent counts as no. */
  nis2?: boolean;
  /** The continuity the register records (NIS2-21-2-C); absent counts as nothing recorded. */
  continuity?: SnapshotContinuity;
}

/** A system's continuity as recorded: its plan's figures and its last tested restore. */
export interface SnapshotContinuity {
  criticality: string | null;
  recoveryTimeObjectiveHours: number | null;
  recoveryPointObjectiveHours: number | null;
  /** YYYY-MM-DD of the last restore from backup that was tested. */
  lastRestoreTestOn: string | null;
}

/**
 * A significant incident under the Cybersecurity Act (NIS2-21-2-B), with its three deadlines'
 * states as the incident log computes them at evaluatedAt (modules/incidents, ADR 0037): the rules
 * take the log's own clocks rather than a second copy of their arithmetic.
 */
export interface SnapshotIncident {
  id: string;
  title: string;
  /** The department owning the first affected system still in the register, for the heat map. */
  departmentId: string | null;
  detectedAt: string;
  significant: boolean;
  deadlines: Array<{
    kind: 'early_warning' | 'notification' | 'final_report';
    dueAt: string;
    state: 'not_required' | 'open' | 'overdue' | 'met' | 'late';
    sentAt: string | null;
  }>;
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
  /** The IT unit's contact named in the project (ITP-4.2.1-TRAIN-ADMINS); optional for older snapshots. */
  itContactPersonId?: string | null;
  /** The newest budget revision; null before the first. */
  budget: { categories: BudgetAmounts; sharedReinforcements: BudgetAmounts } | null;
}

/** The document kinds of issue #13's policy documents, as the rules name them. */
export type DocumentKind =
  | 'it_policy'
  | 'security_guidelines'
  | 'infrastructure_programme'
  | 'operations_instruction'
  | 'email_rules'
  | 'internet_use'
  | 'other';

/** A policy document with the version in force (ITP-1-DOCS, ITP-11-GUIDELINES, ITP-13-REVISE…). */
export interface SnapshotDocument {
  id: string;
  kind: DocumentKind;
  title: string;
  requiresAcknowledgement: boolean;
  /** Empty: the whole municipality; otherwise these departments with their sub-departments. */
  audienceDepartmentIds: string[];
  reviewIntervalMonths: number;
  /** YYYY-MM-DD; null before the first adoption. */
  nextReviewDate: string | null;
  /** The adopted version in force; null before the first adoption. */
  currentVersion: {
    id: string;
    number: number;
    adoptedBy: string | null;
    /** YYYY-MM-DD of the decision (KS 2002-12-18), else of the adoption in Förvalta. */
    adoptedOn: string | null;
    editorial: boolean;
  } | null;
}

/** A person's acknowledgement (request) of a document version in force (ITP-4.2-KNOW, ITP-12-…). */
export interface SnapshotAcknowledgement {
  personId: string;
  versionId: string;
  state: 'requested' | 'acknowledged' | 'withdrawn';
  /** YYYY-MM-DD in Sweden. */
  requestedOn: string;
  acknowledgedOn: string | null;
}

export type TrainingTopic = 'it_security_and_networks' | 'data_protection_and_public_access' | 'system' | 'other';

/** A course (ITP-5-SECURITY-NET, ITP-8-INFO, a system's own training). */
export interface SnapshotTrainingCourse {
  id: string;
  title: string;
  topic: TrainingTopic;
  systemId: string | null;
  recurrenceMonths: number | null;
  mandatory: boolean;
  /** Empty: the whole municipality; otherwise these departments with their sub-departments. */
  audienceDepartmentIds: string[];
}

/** A person's latest attended session of a course. */
export interface SnapshotTrainingAttendance {
  personId: string;
  courseId: string;
  /** YYYY-MM-DD. */
  lastAttendedOn: string;
}

/**
 * A system's access rights as the access rules read them (issue #14), aggregated in the database
 * (one row per system, never one per right): at L a municipality holds 1.5 million rights.
 */
export interface SnapshotSystemAccess {
  systemId: string;
  activeRights: number;
  /** Active rights the system manager activated without the acknowledgement, with a written reason. */
  exceptionRights: number;
  /**
   * Active rights whose holder had not acknowledged the IT policy and security guidelines in force
   * when the right became active, and that did not pass the gate (imported ones, mostly).
   */
  uninformedRights: number;
  /** The first few of each, for the evidence. */
  exceptionSamples: SnapshotAccessRightSample[];
  uninformedSamples: SnapshotAccessRightSample[];
  /** YYYY-MM-DD: the oldest last recertification (else start) of an active right, of any level and of privileged ones. */
  oldestRecertification: string | null;
  oldestPrivilegedRecertification: string | null;
  /** YYYY-MM-DD: the latest day a right of the system was recertified (the duty checklist's evidence). */
  lastRecertifiedOn: string | null;
  /** The distinct people holding an active privileged level. */
  privilegedHolders: number;
}

export interface SnapshotAccessRightSample {
  rightId: string;
  personId: string;
  personName: string;
  levelName: string;
  /** YYYY-MM-DD in Sweden: the day the right became active. */
  activatedOn: string | null;
  /** The manager's written reason, for an exception. */
  exceptionReason: string | null;
}

/** A right not ended of a person who has left (status left, or end date reached). */
export interface SnapshotLeaverRight {
  rightId: string;
  systemId: string;
  personId: string;
  personName: string;
  levelName: string;
  /** YYYY-MM-DD: the person's end date, else the day their rights were flagged. */
  leftOn: string;
}

export interface SnapshotAccessRights {
  systems: SnapshotSystemAccess[];
  leaverRights: SnapshotLeaverRight[];
}

/** Issue #15: a software product, its systems and the IT chief's decisions on it (newest first). */
export interface SnapshotSoftware {
  id: string;
  product: string;
  origin: 'commercial' | 'self_developed' | 'open_source';
  licence: string | null;
  systemIds: string[];
  decisions: Array<{
    status: 'proposed' | 'allowed' | 'refused';
    validUntil: string | null;
    /** Every aspect of the open-source review (stability, security, future-proofing) judged with evidence. */
    reviewComplete: boolean;
  }>;
}

/** Issue #15: a contract's terms as the notice-date rule reads them. */
export interface SnapshotContract {
  id: string;
  title: string;
  startsOn: string;
  endsOn: string;
  noticePeriod: { amount: number; unit: 'days' | 'weeks' | 'months' };
  automaticRenewal: boolean;
  renewalMonths: number | null;
  noticeDecision: 'terminate' | 'continue' | null;
  noticeDecidedOn: string | null;
  systemIds: string[];
}

/** Issue #15's software, licences (entitlements as counts), consumption totals and contracts. */
export interface SnapshotSoftwareRecords {
  software: SnapshotSoftware[];
  licences: Array<{
    softwareId: string;
    metric: 'per_user' | 'per_device' | 'per_core' | 'site' | 'unlimited';
    quantity: number | null;
    validFrom: string | null;
    validUntil: string | null;
  }>;
  consumption: Array<{ softwareId: string; kind: 'installation' | 'assignment' | 'core'; total: number }>;
  contracts: SnapshotContract[];
}

/** Issue #15: what §6's rules judge of an asset, as its group's facts or the asset's own. */
export interface SnapshotAssetFacts {
  /** The department the asset is assigned to, else the department that owns it; null for neither. */
  departmentId: string | null;
  kind: 'network' | 'communication' | 'server' | 'pc' | 'laptop' | 'printer' | 'phone' | 'other';
  ownerKind: 'it_unit' | 'department' | 'other';
  /** Once on the town-hall network, counting the network it is on now. */
  everOnTownHall: boolean;
  /** Retired assets are not loaded. */
  lifecycle: 'ordered' | 'in_use' | 'in_repair';
  /** standard: a catalogue model approved today; not_approved: a model outside its approval; non_standard: no model. */
  modelStanding: 'standard' | 'not_approved' | 'non_standard';
}

/**
 * Issue #15's equipment, counted in the database (a municipality has hundreds of thousands of
 * assets): one row per combination of facts with its count, and the assets that could break a
 * rule (another owner, or no approved model) by name, so the evidence can list them.
 */
export interface SnapshotAssetRecords {
  groups: Array<SnapshotAssetFacts & { count: number }>;
  /** At most assetExceptionLimit, in the list's order; the counts come from the groups. */
  exceptions: Array<SnapshotAssetFacts & { id: string; label: string }>;
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
  documents?: SnapshotDocument[];
  /** Of the versions in force only. */
  acknowledgements?: SnapshotAcknowledgement[];
  trainingCourses?: SnapshotTrainingCourse[];
  trainingAttendances?: SnapshotTrainingAttendance[];
  /** YYYY-MM-DD public holidays (and days off) for working-day rules; weekends are always off. */
  holidays?: string[];
  /** Issue #14's access rights, aggregated per system. */
  accessRights?: SnapshotAccessRights;
  /** Issue #16: records of processing (of the systems evaluated, when only some are). */
  processingActivities?: SnapshotProcessingActivity[];
  /** Issue #16: functional mailboxes (whole-municipality evaluations only). */
  mailboxes?: SnapshotMailbox[];
  /** Issue #15's software, licences and contracts (whole-municipality evaluations only). */
  softwareRecords?: SnapshotSoftwareRecords;
  /** Issue #15's equipment (whole-municipality evaluations only). */
  assetRecords?: SnapshotAssetRecords;
  /** Issue #19's incident log (whole-municipality evaluations only). */
  incidents?: SnapshotIncident[];
}

/** A record of processing (GDPR art. 30) as ITP-8-PERSONAL-DATA reads it. */
export interface SnapshotProcessingActivity {
  id: string;
  name: string;
  systemIds: string[];
  legalBasis: string | null;
  hasSpecialCategories: boolean;
  specialCategoryBasis: string | null;
  retention: string | null;
  reviewState: 'pending' | 'approved' | 'approved_with_remarks' | 'returned';
  /** YYYY-MM-DD. */
  lastReviewedOn: string | null;
  processors: { name: string; agreementSignedOn: string | null; agreementExpiresOn: string | null }[];
  dpiaNeeded: boolean;
  dpiaDoneOn: string | null;
}

/** One who watches a functional mailbox; `employed` as the mailbox list judges it (not left, end date not reached). */
export interface SnapshotMailboxPerson {
  personId: string;
  name: string;
  employed: boolean;
}

/** A functional mailbox (ITP-8-MAILBOX). */
export interface SnapshotMailbox {
  id: string;
  address: string;
  departmentId: string;
  responsible: SnapshotMailboxPerson | null;
  deputies: SnapshotMailboxPerson[];
}
