/** The entry for bulk loaders (demo, workload generator, the server's tests); see organisation/bulk.ts. */
export { clauseItemKey, guidelineItemKey, systemClauseIds } from './compliance-analysis.ts';
export { evaluateBudget } from './project-budget.ts';
export { projectsRepository } from './projects.repository.ts';
