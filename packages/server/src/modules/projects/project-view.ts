/**
 * Builds the project as the API shows it: the row, its newest budget, its compliance analysis
 * against the current pack and guideline list, the system's newest risk analysis, checkpoints,
 * decisions, and what the submit gate still misses. One place, so every write answers with the
 * same representation as GET.
 */
import type {
  Budget,
  BudgetInput,
  Checkpoint,
  OperationalApproval,
  ProjectRecord,
  ProjectState,
  ProjectSummaryRecord,
  TrainingPlan,
  TrainingPlanView,
} from '@forvalta/contracts';
import { inParallel, type Executor } from '../../platform/database.ts';
import { parseJson } from '../../platform/json.ts';
import { notFound } from '../../platform/errors.ts';
import { tanumPolicyPack } from '../../policy/index.ts';
import { policyPackRecords } from '../compliance/index.ts';
import { riskAnalysisReads } from '../risks/index.ts';
import { buildAnalysis, type StoredJudgements } from './compliance-analysis.ts';
import { evaluateBudget } from './project-budget.ts';
import { submitGaps } from './project-gates.ts';
import {
  projectsRepository,
  type ApprovalRow,
  type BudgetRevisionRow,
  type CheckpointRow,
  type ProjectRow,
} from './projects.repository.ts';
import { availableActions } from './projects.workflow.ts';
import { securityGuidelinesRepository } from './security-guidelines.repository.ts';

export function toSummary(row: ProjectRow): ProjectSummaryRecord {
  return {
    id: row.id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    kind: row.kind as ProjectSummaryRecord['kind'],
    title: row.title,
    state: row.state as ProjectState,
    systemId: row.system_id,
    systemName: row.system_name,
    systemLifecycle: row.system_lifecycle as ProjectSummaryRecord['systemLifecycle'],
    departmentId: row.department_id,
    departmentName: row.department_name,
    projectLeadPersonId: row.project_lead_person_id,
    projectLeadName: row.lead_first_name === null ? null : `${row.lead_first_name} ${row.lead_last_name}`,
    budgetTotals:
      row.budget_total_one_off === null ? null : { oneOff: Number(row.budget_total_one_off), yearly: Number(row.budget_total_yearly) },
    budgetComplete: Boolean(row.budget_complete),
    submittedAt: row.submitted_at,
    approvedAt: row.approved_at,
  };
}

export function toBudget(row: BudgetRevisionRow): Budget {
  const stored = parseJson<BudgetInput>(row.budget_json, {
    categories: {},
    sharedReinforcements: {},
    note: null,
  } as unknown as BudgetInput);
  const evaluation = evaluateBudget(stored);
  return {
    categories: stored.categories,
    sharedReinforcements: stored.sharedReinforcements,
    note: stored.note ?? null,
    revision: row.revision,
    recordedAt: row.recorded_at,
    recordedByName: row.recorded_by_name,
    ...evaluation,
  };
}

export function toCheckpoint(row: CheckpointRow): Checkpoint {
  return {
    id: row.id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    projectId: row.project_id,
    heldOn: row.held_on,
    participants: parseJson(row.participants_json, []),
    notes: row.notes,
    recordedByName: row.recorded_by_name,
  };
}

function toApproval(row: ApprovalRow & { system_name: string }): OperationalApproval {
  return {
    id: row.id,
    decision: row.decision as OperationalApproval['decision'],
    conditions: parseJson(row.conditions_json, []),
    approverPersonId: row.approver_person_id,
    approverName: row.approver_name,
    decidedOn: row.decided_on,
    systemId: row.system_id,
    systemName: row.system_name,
    approvedVersion: row.approved_version,
    scope: row.scope,
    caseReference: row.case_reference,
    reason: row.reason,
    recordedAt: row.recorded_at,
  };
}

export const trainingPlanOf = (row: ProjectRow) => parseJson<TrainingPlan>(row.training_plan_json, { text: null, entries: [] });
export const judgementsOf = (row: ProjectRow) => parseJson<StoredJudgements>(row.compliance_json, {});

export async function loadProjectRow(executor: Executor, municipalityId: string, id: string): Promise<ProjectRow> {
  const row = await projectsRepository.findRow(executor, municipalityId, id);
  if (!row) throw notFound('Project');
  return row;
}

/** The whole project; a fixed number of queries. */
export async function loadProject(
  executor: Executor,
  municipalityId: string,
  id: string,
): Promise<{ row: ProjectRow; project: ProjectRecord }> {
  const row = await loadProjectRow(executor, municipalityId, id);
  const storedTraining = trainingPlanOf(row);
  const [stored, sections, budgetRow, risk, checkpoints, approvals, people] = await inParallel(
    executor,
    () => policyPackRecords.currentPack(executor, municipalityId),
    () => securityGuidelinesRepository.all(executor, municipalityId),
    () => projectsRepository.latestBudget(executor, municipalityId, id),
    () => riskAnalysisReads.latestForSystem(executor, municipalityId, row.system_id),
    () => projectsRepository.checkpoints(executor, municipalityId, id),
    () => projectsRepository.approvals(executor, municipalityId, id),
    () =>
      projectsRepository.personNames(executor, municipalityId, [
        ...new Set(
          [row.it_contact_person_id, ...storedTraining.entries.map((entry) => entry.personId)].filter((personId): personId is string =>
            Boolean(personId),
          ),
        ),
      ]),
  );
  // Municipalities from before policy packs judge against the default pack until they publish one.
  const clauses = (stored?.pack ?? tanumPolicyPack).clauses;
  const complianceAnalysis = buildAnalysis(clauses, sections, judgementsOf(row));
  const budget = budgetRow ? toBudget(budgetRow) : null;
  // A person removed from the register leaves the entry with no name rather than failing the page.
  const trainingPlan: TrainingPlanView = {
    text: storedTraining.text ?? null,
    entries: storedTraining.entries.map((entry) => ({
      ...entry,
      personId: entry.personId ?? null,
      byDate: entry.byDate ?? null,
      personName: entry.personId ? (people.get(entry.personId)?.name ?? null) : null,
    })),
  };
  const timeline = parseJson<ProjectRecord['timeline']>(row.timeline_json, []);
  const state = row.state as ProjectState;
  const project: ProjectRecord = {
    ...toSummary(row),
    itContactPersonId: row.it_contact_person_id,
    itContactName: row.it_contact_person_id ? (people.get(row.it_contact_person_id)?.name ?? null) : null,
    description: row.description,
    specification: row.specification,
    trainingPlan,
    timeline,
    links: parseJson(row.links_json, []),
    budget,
    complianceAnalysis,
    riskAnalysis: risk ? { id: risk.id, analysedOn: risk.analysedOn, scenarioCount: risk.scenarios.length } : null,
    checkpoints: checkpoints.map(toCheckpoint),
    approvals: approvals.map(toApproval),
    submitGaps: submitGaps({
      description: row.description,
      specification: row.specification,
      trainingPlan,
      timeline,
      projectLeadPersonId: row.project_lead_person_id,
      budget,
      complianceAnalysis,
      riskAnalysis: risk ? { scenarios: risk.scenarios } : null,
    }),
    availableActions: availableActions(state),
  };
  return { row, project };
}
