import type { ComplianceSnapshot, SnapshotChangeNotice, SnapshotProject, SnapshotReview } from '../../policy/index.ts';
import { inParallel, type Executor } from '../../platform/database.ts';
import { parseJson } from '../../platform/json.ts';
import { swedishHolidays } from '../../platform/swedish-holidays.ts';
import { swedishToday } from '../../platform/calendar.ts';

const written = (text: string | null) => Boolean(text?.trim());

/**
 * The snapshot's reviews, risk analyses, change notices, projects and holidays (§3, §4.2,
 * §4.2.1, §4.2.2): a fixed number of queries. With `systemIds` (one system re-evaluated) only
 * what the system rules need is read; project and notice rules run on full evaluations only.
 */
export async function loadLifecycleRecords(
  db: Executor,
  municipalityId: string,
  evaluatedAt: string,
  systemIds?: readonly string[],
): Promise<Required<Pick<ComplianceSnapshot, 'reviews' | 'riskAnalyses' | 'changeNotices' | 'projects' | 'holidays'>>> {
  const onlySome = systemIds !== undefined;
  let reviewsQuery = db
    .selectFrom('reviews')
    .select(['id', 'system_id', 'status', 'held_on', 'evaluation_use', 'evaluation_coordination', 'evaluation_efficiency', 'adjacent_json'])
    .where('municipality_id', '=', municipalityId);
  let risksQuery = db
    .selectFrom('risk_analyses')
    .select(['id', 'system_id', 'analysed_on', 'superseded'])
    .where('municipality_id', '=', municipalityId);
  let noticeSystemsQuery = db
    .selectFrom('change_notice_systems')
    .select(['change_notice_id', 'system_id'])
    .where('municipality_id', '=', municipalityId);
  if (onlySome) {
    reviewsQuery = reviewsQuery.where('system_id', 'in', systemIds);
    risksQuery = risksQuery.where('system_id', 'in', systemIds);
    noticeSystemsQuery = noticeSystemsQuery.where('system_id', 'in', systemIds);
  }
  const [reviews, risks, noticeSystems, notices, projects, budgets] = await inParallel(
    db,
    () => reviewsQuery.execute(),
    () => risksQuery.execute(),
    () => noticeSystemsQuery.execute(),
    () =>
      db
        .selectFrom('change_notices')
        .select(['id', 'title', 'kind', 'status', 'created_at', 'planned_on'])
        .where('municipality_id', '=', municipalityId)
        .execute(),
    () =>
      onlySome
        ? Promise.resolve([])
        : db
            .selectFrom('projects')
            .select(['id', 'title', 'state', 'system_id', 'department_id', 'it_contact_person_id'])
            .where('municipality_id', '=', municipalityId)
            .execute(),
    () =>
      onlySome
        ? Promise.resolve([])
        : db
            .selectFrom('project_budget_revisions as budget')
            .select(['budget.project_id', 'budget.budget_json'])
            .where('budget.municipality_id', '=', municipalityId)
            .whereRef('budget.revision', '=', (eb) =>
              eb
                .selectFrom('project_budget_revisions as latest')
                .select((inner) => inner.fn.max('latest.revision').as('revision'))
                .whereRef('latest.project_id', '=', 'budget.project_id'),
            )
            .execute(),
  );

  const systemsByNotice = new Map<string, string[]>();
  for (const row of noticeSystems)
    systemsByNotice.set(row.change_notice_id, [...(systemsByNotice.get(row.change_notice_id) ?? []), row.system_id]);
  const budgetByProject = new Map(
    budgets.map((row) => [
      row.project_id,
      parseJson<NonNullable<SnapshotProject['budget']>>(row.budget_json, { categories: {}, sharedReinforcements: {} }),
    ]),
  );
  const year = Number(evaluatedAt.slice(0, 4));

  return {
    reviews: reviews.map((row): SnapshotReview => {
      const adjacent = parseJson<Array<{ considered: boolean }>>(row.adjacent_json, []);
      return {
        id: row.id,
        systemId: row.system_id,
        status: row.status === 'held' ? 'held' : 'planned',
        heldOn: row.held_on,
        evaluations: {
          use: written(row.evaluation_use),
          coordination: written(row.evaluation_coordination),
          efficiency: written(row.evaluation_efficiency),
        },
        adjacentSystemCount: adjacent.length,
        adjacentConsideredCount: adjacent.filter((entry) => entry.considered).length,
      };
    }),
    riskAnalyses: risks.map((row) => ({
      id: row.id,
      systemId: row.system_id,
      analysedOn: row.analysed_on,
      superseded: Boolean(row.superseded),
    })),
    // In incremental runs only the notices of the chosen systems matter (for RISK-CURRENT).
    changeNotices: notices
      .filter((row) => !onlySome || systemsByNotice.has(row.id))
      .map(
        (row): SnapshotChangeNotice => ({
          id: row.id,
          title: row.title,
          kind: row.kind === 'operation' ? 'operation' : 'responsibility',
          systemIds: systemsByNotice.get(row.id) ?? [],
          status: row.status === 'acknowledged' ? 'acknowledged' : 'open',
          createdOn: swedishToday(new Date(row.created_at)),
          plannedOn: row.planned_on,
        }),
      ),
    projects: projects.map((row) => ({
      id: row.id,
      title: row.title,
      state: row.state as SnapshotProject['state'],
      systemId: row.system_id,
      departmentId: row.department_id,
      itContactPersonId: row.it_contact_person_id,
      budget: budgetByProject.get(row.id) ?? null,
    })),
    holidays: swedishHolidays(year - 1, year),
  };
}
