import { randomUUID } from 'node:crypto';
import type { ExpectedVersion } from '../../platform/http/versioning.ts';
import type {
  BudgetInput,
  CheckpointCreate,
  ComplianceAnalysisUpdate,
  Project,
  ProjectCreate,
  ProjectRecord,
  ProjectSummary,
  ProjectListQuery,
  ProjectState,
  ProjectUpdate,
} from '@forvalta/contracts';
import { actorName, type AnyActor } from '../../access/actor.ts';
import { municipalityOf } from '../../access/authorise.ts';
import { useCase, type UseCaseContext } from '../../access/use-case.ts';
import { recordAudit, type AuditEntry } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { inParallel, withTransaction, type DatabaseHandle, type Executor, type TransactionHandle } from '../../platform/database.ts';
import { existingIds } from '../../platform/references.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import { swedishSortKey } from '../../platform/text.ts';
import { versionedWrites } from '../../platform/versioned-write.ts';
import { evaluateBudget } from './project-budget.ts';
import { judgementsOf, loadProject, loadProjectRow, withEvaluation } from './project-view.ts';
import { projectsRepository, type ProjectColumns, type ProjectRow } from './projects.repository.ts';
import { isEditable } from './projects.workflow.ts';
import { mayDecide, projectAbilities, projectActions, projectSubjectOf, type Involvement } from './project-abilities.ts';

/** Who may change a project: its department's head (and the IT unit, administrators), and its project lead. */
export const projectSubject = (row: Pick<ProjectRow, 'department_id' | 'project_lead_person_id'>) =>
  projectSubjectOf({ departmentId: row.department_id, projectLeadPersonId: row.project_lead_person_id });

/**
 * The project as the API answers it: with what `actor` may do with it. Their involvements in it
 * count only for a decision, so they are read only when the project awaits one and the actor
 * might take it.
 */
export async function withProjectAbilities(executor: Executor, actor: AnyActor, project: ProjectRecord): Promise<Project> {
  const involvements =
    actor.kind === 'person' && project.state === 'submitted' && mayDecide(actor)
      ? await projectsRepository.involvementsOf(executor, municipalityOf(actor), project.id, actor.personId)
      : [];
  return { ...project, can: projectAbilities(actor, project, involvements) };
}

/**
 * Introductions and upgrades of business systems (§4.2.1): the project's documents, budget
 * revisions, compliance analysis and checkpoints with the IT unit. The workflow actions are in
 * project-actions.service.ts.
 */
type LoadedProject = Awaited<ReturnType<typeof loadProject>>;

export function createProjectsService(db: DatabaseHandle, clock: Clock) {
  const versioned = versionedWrites(db, clock);

  async function validateReferences(
    executor: Executor,
    municipalityId: string,
    values: { systemId?: string; departmentId?: string; personIds: Array<[string, string | null | undefined]> },
  ) {
    const personIds = values.personIds.filter((entry): entry is [string, string] => Boolean(entry[1]));
    const [system, department, people] = await inParallel(
      executor,
      () => (values.systemId ? existingIds(executor, 'systems', municipalityId, [values.systemId]) : Promise.resolve(new Set(['']))),
      () =>
        values.departmentId ? existingIds(executor, 'departments', municipalityId, [values.departmentId]) : Promise.resolve(new Set([''])),
      () =>
        projectsRepository.personNames(
          executor,
          municipalityId,
          personIds.map(([, id]) => id),
        ),
    );
    if (system.size === 0) throw invalid('systemId', 'The system does not exist in this municipality.');
    if (department.size === 0) throw invalid('departmentId', 'The department does not exist in this municipality.');
    for (const [path, id] of personIds) if (!people.has(id)) throw invalid(path, 'The person does not exist in this municipality.');
  }

  /** A training entry for a named person must name the person (ITP-4.2.1-TRAIN-ADMINS: who is trained in what). */
  function validateTrainingPlan(plan: ProjectCreate['trainingPlan']) {
    const unnamed = (plan?.entries ?? []).findIndex((entry) => entry.audience === 'person' && !entry.personId);
    if (unnamed >= 0)
      throw invalid(`trainingPlan.entries.${unnamed}.personId`, 'A training entry for a named person needs the person from the register.');
  }

  const trainingPeople = (plan: ProjectCreate['trainingPlan']) =>
    (plan?.entries ?? []).map((entry, index): [string, string | null | undefined] => [
      `trainingPlan.entries.${index}.personId`,
      entry.personId,
    ]);

  /**
   * A change to an editable project: exists (404), may change it (403), current version (412),
   * still a draft or in preparation (409), then `apply` writes at the version.
   */
  function changeProject(
    actor: AnyActor,
    authorise: UseCaseContext['authorise'],
    id: string,
    expectedVersion: ExpectedVersion,
    steps: {
      apply(transaction: TransactionHandle, before: LoadedProject): Promise<Partial<ProjectColumns>>;
      audit(before: LoadedProject, after: LoadedProject): AuditEntry;
    },
  ): Promise<Project> {
    const municipalityId = municipalityOf(actor);
    return versioned
      .update(actor, {
        entity: 'Project',
        expectedVersion,
        load: (transaction) => loadProject(transaction, municipalityId, id),
        versionOf: ({ row }) => row.version,
        authorise: ({ row }) => authorise(projectSubject(row)),
        apply: async (transaction, before, version) => {
          if (!isEditable(before.row.state as ProjectState)) {
            throw new AppError(
              'conflict',
              `The project is ${before.row.state.replaceAll('_', ' ')}; only a draft or a project in preparation can be changed. Reopen a rejected project to rework it.`,
              { reason: 'project_not_editable' },
            );
          }
          const columns = await steps.apply(transaction, before);
          return projectsRepository.update(transaction, municipalityId, id, version, columns, clock.now().toISOString());
        },
        audit: steps.audit,
      })
      .then(({ project }) => withProjectAbilities(db, actor, project));
  }

  return {
    listProjects: useCase('project.read', async ({ actor, authorise }, query: ProjectListQuery) => {
      authorise();
      const municipalityId = municipalityOf(actor);
      const page = await projectsRepository.list(db, municipalityId, query);
      // One query for the whole page, and only when some row awaits a decision the caller might take.
      const awaiting = page.items.filter((summary) => summary.state === 'submitted').map((summary) => summary.id);
      const involvements =
        actor.kind === 'person' && awaiting.length > 0 && mayDecide(actor)
          ? await projectsRepository.involvementsInProjects(db, municipalityId, awaiting, actor.personId)
          : new Map<string, Involvement[]>();
      const items = page.items.map(
        (summary): ProjectSummary => ({ ...summary, can: projectAbilities(actor, summary, involvements.get(summary.id) ?? []) }),
      );
      return { items, total: page.total, nextCursor: page.nextCursor, budgetTotals: page.budgetTotals };
    }),

    getProject: useCase('project.read', async ({ actor, authorise }, id: string): Promise<Project> => {
      authorise();
      return withProjectAbilities(db, actor, (await loadProject(db, municipalityOf(actor), id)).project);
    }),

    createProject: useCase('project.create', async ({ actor, authorise }, input: ProjectCreate): Promise<Project> => {
      const municipalityId = municipalityOf(actor);
      // ITP-4.2.1-INITIATE: the initiating department's head (or the IT unit) starts it.
      authorise({ departmentId: input.departmentId });
      return withTransaction(db, async (transaction) => {
        validateTrainingPlan(input.trainingPlan);
        await validateReferences(transaction, municipalityId, {
          systemId: input.systemId,
          departmentId: input.departmentId,
          personIds: [
            ['projectLeadPersonId', input.projectLeadPersonId],
            ['itContactPersonId', input.itContactPersonId],
            ...trainingPeople(input.trainingPlan),
          ],
        });
        // An approved project lets its system into production (ITP-4.2.1-APPROVAL), so the system
        // must be one the caller may initiate projects for: a department head only for systems
        // their own departments own, never the IT unit's or another department's.
        const systemOwner = await projectsRepository.systemOwnerDepartment(transaction, municipalityId, input.systemId);
        authorise({ departmentId: systemOwner });
        const id = randomUUID();
        await projectsRepository.insert(
          transaction,
          municipalityId,
          id,
          {
            kind: input.kind,
            title: input.title,
            sort_key: swedishSortKey(input.title),
            state: 'draft',
            system_id: input.systemId,
            department_id: input.departmentId,
            project_lead_person_id: input.projectLeadPersonId ?? null,
            it_contact_person_id: input.itContactPersonId ?? null,
            description: input.description ?? null,
            specification: input.specification ?? null,
            training_plan_json: JSON.stringify(input.trainingPlan ?? { text: null, entries: [] }),
            timeline_json: JSON.stringify(input.timeline ?? []),
            links_json: JSON.stringify(input.links ?? []),
            compliance_json: '{}',
            submitted_at: null,
            approved_at: null,
          },
          clock.now().toISOString(),
        );
        if (actor.kind === 'person') {
          await projectsRepository.recordInvolvement(transaction, municipalityId, id, actor.personId, 'created', clock.now().toISOString());
        }
        const { project } = await loadProject(transaction, municipalityId, id);
        await recordAudit(transaction, actor, clock, { action: 'create', entityType: 'project', entityId: id, after: toAudit(project) });
        return withProjectAbilities(transaction, actor, project);
      });
    }),

    updateProject: useCase(
      projectActions.update,
      async ({ actor, authorise }, id: string, expectedVersion: ExpectedVersion, input: ProjectUpdate): Promise<Project> =>
        changeProject(actor, authorise, id, expectedVersion, {
          apply: async (transaction) => {
            validateTrainingPlan(input.trainingPlan);
            await validateReferences(transaction, municipalityOf(actor), {
              personIds: [
                ['projectLeadPersonId', input.projectLeadPersonId],
                ['itContactPersonId', input.itContactPersonId],
                ...trainingPeople(input.trainingPlan),
              ],
            });
            return {
              ...(input.title !== undefined ? { title: input.title, sort_key: swedishSortKey(input.title) } : {}),
              ...(input.projectLeadPersonId !== undefined ? { project_lead_person_id: input.projectLeadPersonId } : {}),
              ...(input.itContactPersonId !== undefined ? { it_contact_person_id: input.itContactPersonId } : {}),
              ...(input.description !== undefined ? { description: input.description } : {}),
              ...(input.specification !== undefined ? { specification: input.specification } : {}),
              ...(input.trainingPlan !== undefined ? { training_plan_json: JSON.stringify(input.trainingPlan) } : {}),
              ...(input.timeline !== undefined ? { timeline_json: JSON.stringify(input.timeline) } : {}),
              ...(input.links !== undefined ? { links_json: JSON.stringify(input.links) } : {}),
            };
          },
          audit: (before, after) => ({
            action: 'update',
            entityType: 'project',
            entityId: id,
            before: toAudit(before.project),
            after: toAudit(after.project),
          }),
        }),
    ),

    /** Every PUT stores a new revision; earlier ones are kept (ITP-4.2.1-BUDGET). */
    reviseBudget: useCase(
      projectActions.update,
      async ({ actor, authorise }, id: string, expectedVersion: ExpectedVersion, input: BudgetInput): Promise<Project> => {
        const municipalityId = municipalityOf(actor);
        let latest: Awaited<ReturnType<typeof projectsRepository.latestBudget>>;
        return changeProject(actor, authorise, id, expectedVersion, {
          apply: async (transaction) => {
            latest = await projectsRepository.latestBudget(transaction, municipalityId, id);
            const evaluation = evaluateBudget(input);
            await projectsRepository.insertBudgetRevision(transaction, {
              id: randomUUID(),
              municipalityId,
              projectId: id,
              revision: (latest?.revision ?? 0) + 1,
              budgetJson: JSON.stringify({
                categories: input.categories,
                sharedReinforcements: input.sharedReinforcements,
                note: input.note ?? null,
              }),
              totalOneOff: evaluation.totals.project.oneOff,
              totalYearly: evaluation.totals.project.yearly,
              complete: evaluation.complete,
              recordedAt: clock.now().toISOString(),
              recordedByName: actorName(actor),
            });
            // The project's version moves with its budget, so a stale budget form is refused (412).
            return {};
          },
          audit: (_before, after) => ({
            action: 'revise_budget',
            entityType: 'project',
            entityId: id,
            before: latest ? withEvaluation(latest) : null,
            after: after.project.budget,
          }),
        });
      },
    ),

    listBudgetRevisions: useCase('project.read', async ({ actor, authorise }, id: string) => {
      authorise();
      const municipalityId = municipalityOf(actor);
      await loadProjectRow(db, municipalityId, id);
      const items = (await projectsRepository.budgetRevisions(db, municipalityId, id)).map(withEvaluation);
      return { items, total: items.length, nextCursor: null };
    }),

    /** Judges items of the compliance analysis (ITP-4.2.1-COMPLIANCE); items not named keep theirs. */
    updateComplianceAnalysis: useCase(
      projectActions.update,
      async ({ actor, authorise }, id: string, expectedVersion: ExpectedVersion, input: ComplianceAnalysisUpdate): Promise<Project> =>
        changeProject(actor, authorise, id, expectedVersion, {
          apply: async (_transaction, { row, project: before }) => {
            const known = new Set(before.complianceAnalysis.items.map((item) => item.key));
            const unknown = input.items.findIndex((item) => !known.has(item.key));
            if (unknown >= 0) throw invalid(`items.${unknown}.key`, `'${input.items[unknown]!.key}' is not an item of this analysis.`);
            const judgements = judgementsOf(row);
            const now = clock.now().toISOString();
            for (const item of input.items) {
              judgements[item.key] = {
                judgement: item.judgement,
                motivation: item.motivation ?? null,
                judgedAt: item.judgement === null ? null : now,
                judgedByName: item.judgement === null ? null : actorName(actor),
              };
            }
            return { compliance_json: JSON.stringify(judgements) };
          },
          audit: ({ project: before }, { project: after }) => ({
            action: 'judge_compliance',
            entityType: 'project',
            entityId: id,
            before: { items: before.complianceAnalysis.items.filter((item) => input.items.some((changed) => changed.key === item.key)) },
            after: { items: input.items, finished: after.complianceAnalysis.finished },
          }),
        }),
    ),

    listCheckpoints: useCase('project.read', async ({ actor, authorise }, id: string) => {
      authorise();
      const municipalityId = municipalityOf(actor);
      await loadProjectRow(db, municipalityId, id);
      const items = await projectsRepository.checkpoints(db, municipalityId, id);
      return { items, total: items.length, nextCursor: null };
    }),

    /** A checkpoint with the IT unit (ITP-4.2.1-INITIATE, ITP-4.3-ASSIST); recorded in any state but closed. */
    createCheckpoint: useCase(projectActions.addCheckpoint, async ({ actor, authorise }, id: string, input: CheckpointCreate) => {
      const municipalityId = municipalityOf(actor);
      return withTransaction(db, async (transaction) => {
        const row = await loadProjectRow(transaction, municipalityId, id);
        authorise(projectSubject(row));
        if (row.state === 'closed') throw new AppError('conflict', 'The project is closed.', { reason: 'project_closed' });
        const checkpointId = randomUUID();
        const now = clock.now().toISOString();
        await projectsRepository.insertCheckpoint(transaction, {
          id: checkpointId,
          municipality_id: municipalityId,
          project_id: id,
          held_on: input.heldOn,
          participants_json: JSON.stringify(input.participants),
          notes: input.notes ?? null,
          recorded_by_name: actorName(actor),
          created_at: now,
          updated_at: now,
          version: 1,
        });
        const created = (await projectsRepository.checkpoints(transaction, municipalityId, id)).find(
          (checkpoint) => checkpoint.id === checkpointId,
        )!;
        await recordAudit(transaction, actor, clock, {
          action: 'create',
          entityType: 'project_checkpoint',
          entityId: checkpointId,
          after: created,
        });
        return created;
      });
    }),
  };
}

/** What the audit log keeps of a project: its own fields, not the derived gate list or analysis items. */
export function toAudit(project: ProjectRecord) {
  const { complianceAnalysis, submitGaps, availableActions, checkpoints, approvals, ...own } = project;
  return { ...own, complianceFinished: complianceAnalysis.finished, gapCount: submitGaps.length };
}

export type ProjectsService = ReturnType<typeof createProjectsService>;
