/**
 * Builds the project as the API shows it: the row, its newest budget, its compliance analysis
 * against the current pack and guideline list, the system's newest risk analysis, checkpoints,
 * decisions, and what the submit gate still misses. One place, so every write answers with the
 * same representation as GET.
 */
import type { Budget, ProjectRecord, ProjectState, TrainingPlan, TrainingPlanView } from '@forvalta/contracts';
import { inParallel, type Executor } from '../../platform/database.ts';
import { parseJson } from '../../platform/json.ts';
import { notFound } from '../../platform/errors.ts';
import { tanumPolicyPack } from '../../policy/index.ts';
import { policyPackRecords } from '../compliance/index.ts';
import { documentReads } from '../documents/index.ts';
import { riskAnalysisReads } from '../risks/index.ts';
import { buildAnalysis, type StoredJudgements } from './compliance-analysis.ts';
import { evaluateBudget } from './project-budget.ts';
import { submitGaps } from './project-gates.ts';
import { projectsRepository, toSummary, type BudgetRevision, type ProjectRow } from './projects.repository.ts';
import { availableActions } from './projects.workflow.ts';

/** A recorded budget revision with what the budget rule makes of it (ITP-4.2.1-BUDGET). */
export function withEvaluation(revision: BudgetRevision): Budget {
  return { ...revision, ...evaluateBudget(revision) };
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
    // The sections of the security guidelines' current adopted version (the documents module, issue #13).
    () => documentReads.currentGuidelineSections(executor, municipalityId),
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
  const budget = budgetRow ? withEvaluation(budgetRow) : null;
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
    checkpoints,
    approvals,
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
