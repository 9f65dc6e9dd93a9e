/** The risks module's public entry: risk analyses of systems and projects (.dependency-cruiser.cjs). */
import { riskAnalysesRepository } from './risk-analyses.repository.ts';

export { createRiskAnalysesService, type RiskAnalysesService } from './risk-analyses.service.ts';
export { registerRiskAnalysisRoutes } from './risk-analyses.routes.ts';

/** Reads other modules make of risk analyses, in the caller's executor. */
export const riskAnalysisReads = {
  latestForSystem: riskAnalysesRepository.latestForSystem.bind(riskAnalysesRepository),
  /** One analysis of the system (undefined when it is not that system's): an incident's follow-up action links to it. */
  findForSystem: riskAnalysesRepository.findById.bind(riskAnalysesRepository),
};
