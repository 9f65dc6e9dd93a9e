import { municipalityOf } from '../../access/authorise.ts';
import { useCase } from '../../access/use-case.ts';
import { swedishToday } from '../../platform/calendar.ts';
import type { Clock } from '../../platform/clock.ts';
import type { DatabaseHandle } from '../../platform/database.ts';
import { catalogEntities, catalogYaml, type CatalogEntity } from './backstage-entities.ts';
import { backstageRepository } from './backstage.repository.ts';

/**
 * The register as a Backstage catalog (`GET /api/v1/systems/export?format=backstage`): read as the
 * register is (system.read, every role), of the caller's own municipality only.
 */
export function createBackstageService(db: DatabaseHandle, clock: Clock) {
  async function entitiesOf(municipalityId: string): Promise<CatalogEntity[]> {
    const [departments, systems, integrations] = await Promise.all([
      backstageRepository.departments(db, municipalityId),
      backstageRepository.systems(db, municipalityId, swedishToday(clock.now())),
      backstageRepository.integrations(db, municipalityId),
    ]);
    return catalogEntities(departments, systems, integrations);
  }
  return {
    exportCatalog: useCase('system.read', async ({ actor, authorise }) => {
      authorise();
      const body = catalogYaml(await entitiesOf(municipalityOf(actor)));
      return { body, contentType: 'application/yaml; charset=utf-8', fileName: 'catalog-info.yaml' };
    }),
  };
}

export type BackstageService = ReturnType<typeof createBackstageService>;
