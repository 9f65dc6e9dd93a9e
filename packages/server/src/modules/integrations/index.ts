/** The integrations module's public entry: links between systems and each system's graph (.dependency-cruiser.cjs). */
import { integrationsRepository } from './integrations.repository.ts';

export { createIntegrationsService, type IntegrationsService } from './integrations.service.ts';
export { registerIntegrationRoutes } from './integrations.routes.ts';

/** The integrations of a system, whose audit events belong to the system's history (SystemDependents). */
export async function integrationIdsOfSystem(...args: Parameters<typeof integrationsRepository.listTouching>): Promise<string[]> {
  return (await integrationsRepository.listTouching(...args)).map((integration) => integration.id);
}
