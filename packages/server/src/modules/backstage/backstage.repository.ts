import type { Lifecycle } from '@forvalta/contracts';
import type { Executor } from '../../platform/database.ts';
import type { CatalogDepartment, CatalogIntegration, CatalogSystem } from './backstage-entities.ts';

/** What the catalog shows of one municipality's register, scoped by municipality at every table (both ends of an integration). */
export const backstageRepository = {
  async departments(db: Executor, municipalityId: string): Promise<CatalogDepartment[]> {
    const rows = await db
      .selectFrom('departments')
      .select(['id', 'name', 'short_name', 'parent_id'])
      .where('municipality_id', '=', municipalityId)
      .orderBy('sort_key')
      .orderBy('id')
      .execute();
    return rows.map((row) => ({ id: row.id, name: row.name, shortName: row.short_name, parentId: row.parent_id }));
  },

  async systems(db: Executor, municipalityId: string, today: string): Promise<CatalogSystem[]> {
    const rows = await db
      .selectFrom('systems')
      .select(['id', 'name', 'description', 'lifecycle', 'owner_department_id', 'supplier', 'product'])
      .where('municipality_id', '=', municipalityId)
      .orderBy('sort_key')
      .orderBy('id')
      .execute();
    const stewards = await db
      .selectFrom('system_assignments')
      .innerJoin('people', (join) =>
        join
          .onRef('people.id', '=', 'system_assignments.person_id')
          .onRef('people.municipality_id', '=', 'system_assignments.municipality_id'),
      )
      .select(['system_assignments.system_id', 'system_assignments.role', 'people.first_name', 'people.last_name', 'people.email'])
      .where('system_assignments.municipality_id', '=', municipalityId)
      .where('system_assignments.start_date', '<=', today)
      .where((eb) => eb.or([eb('system_assignments.end_date', 'is', null), eb('system_assignments.end_date', '>=', today)]))
      .orderBy('people.sort_key')
      .execute();
    return rows.map((row) => {
      const own = stewards.filter((steward) => steward.system_id === row.id);
      const named = (role: string) =>
        own.filter((steward) => steward.role === role).map((steward) => `${steward.first_name} ${steward.last_name} <${steward.email}>`);
      return {
        id: row.id,
        name: row.name,
        description: row.description,
        lifecycle: row.lifecycle as Lifecycle,
        ownerDepartmentId: row.owner_department_id,
        supplier: row.supplier,
        product: row.product,
        managers: named('manager'),
        deputies: named('deputy'),
      };
    });
  },

  async integrations(db: Executor, municipalityId: string): Promise<CatalogIntegration[]> {
    const rows = await db
      .selectFrom('integrations')
      .select(['provider_system_id', 'consumer_system_id', 'method', 'description'])
      .where('municipality_id', '=', municipalityId)
      .orderBy('id')
      .execute();
    return rows.map((row) => ({
      providerSystemId: row.provider_system_id,
      consumerSystemId: row.consumer_system_id,
      method: row.method,
      description: row.description,
    }));
  },
};
