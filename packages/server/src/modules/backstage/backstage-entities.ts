import type { Lifecycle } from '@forvalta/contracts';
import { stringify } from 'yaml';

/**
 * The register as Backstage catalog entities (issue #17 §3): pure functions from the rows the
 * repository reads to the entities, so the names and mapping are tested without a database.
 *
 * - A department is a `Group` (type department, its parent and children), the owner of what it owns.
 * - A register system is a `System` (the thing the municipality governs: owner, description) and a
 *   `Component` of it (what Backstage's relations hang on: lifecycle, owner, dependsOn, providesApis).
 * - An integration over an API is an `API` entity provided by the provider's component and consumed
 *   by the consumer's; every integration also makes the consumer depend on the provider.
 * - The manager and deputies are annotations (forvalta.se/manager, forvalta.se/deputies): they are
 *   people of the municipality, not catalog Users, and Backstage's owner is the department.
 */
export const annotationPrefix = 'forvalta.se';

export interface CatalogDepartment {
  id: string;
  name: string;
  shortName: string | null;
  parentId: string | null;
}

export interface CatalogSystem {
  id: string;
  name: string;
  description: string | null;
  lifecycle: Lifecycle;
  ownerDepartmentId: string;
  supplier: string | null;
  product: string | null;
  managers: string[];
  deputies: string[];
}

export interface CatalogIntegration {
  providerSystemId: string;
  consumerSystemId: string;
  method: string;
  description: string | null;
}

export interface CatalogEntity {
  apiVersion: 'backstage.io/v1alpha1';
  kind: 'Group' | 'System' | 'Component' | 'API';
  metadata: { name: string; namespace: 'default'; title?: string; description?: string; annotations?: Record<string, string> };
  spec: Record<string, unknown>;
}

/** Backstage's lifecycle words for the register's (Backstage knows experimental, production and deprecated). */
export const backstageLifecycles: Readonly<Record<Lifecycle, string>> = {
  planned: 'experimental',
  introducing: 'experimental',
  in_production: 'production',
  retiring: 'deprecated',
  retired: 'deprecated',
};

/**
 * A valid catalog name: letters and digits separated by single `-`, `_` or `.`, at most 63
 * characters (Backstage's KubernetesValidatorFunctions.isValidObjectName). å, ä and ö lose their
 * marks, everything else that is not a letter or a digit becomes a dash.
 */
export function catalogName(text: string): string {
  const plain = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return (plain || 'namnlos').slice(0, 63).replace(/-+$/g, '');
}

/** Names made unique within one kind: a second "Ekonomi" becomes "ekonomi-2", shortened to fit 63 characters. */
export function uniqueNames<Item>(items: readonly Item[], nameOf: (item: Item) => string): Map<Item, string> {
  const taken = new Set<string>();
  const names = new Map<Item, string>();
  for (const item of items) {
    const base = catalogName(nameOf(item));
    let name = base;
    for (let suffix = 2; taken.has(name); suffix += 1)
      name = `${base.slice(0, 63 - String(suffix).length - 1).replace(/-+$/g, '')}-${suffix}`;
    taken.add(name);
    names.set(item, name);
  }
  return names;
}

function metadata(name: string, title: string, description: string | null, annotations: Record<string, string>) {
  return {
    name,
    namespace: 'default' as const,
    title,
    ...(description ? { description } : {}),
    annotations,
  };
}

export function catalogEntities(
  departments: readonly CatalogDepartment[],
  systems: readonly CatalogSystem[],
  integrations: readonly CatalogIntegration[],
): CatalogEntity[] {
  const groupNames = uniqueNames(departments, (department) => department.shortName || department.name);
  const groupOf = new Map(departments.map((department) => [department.id, `group:default/${groupNames.get(department)!}`]));
  const systemNames = uniqueNames(systems, (system) => system.name);
  const nameOf = new Map(systems.map((system) => [system.id, systemNames.get(system)!]));
  const entities: CatalogEntity[] = [];

  for (const department of departments) {
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: metadata(groupNames.get(department)!, department.name, null, { [`${annotationPrefix}/department-id`]: department.id }),
      spec: {
        type: 'department',
        ...(department.parentId && groupOf.has(department.parentId) ? { parent: groupOf.get(department.parentId) } : {}),
        children: departments.filter((child) => child.parentId === department.id).map((child) => groupOf.get(child.id)!),
      },
    });
  }
  const apiName = (systemId: string) => `${nameOf.get(systemId)!.slice(0, 59).replace(/-+$/g, '')}-api`;
  const apiProviders = [
    ...new Set(integrations.filter((integration) => integration.method === 'api').map((integration) => integration.providerSystemId)),
  ];
  for (const system of systems) {
    const name = nameOf.get(system.id)!;
    const owner = groupOf.get(system.ownerDepartmentId)!;
    const annotations: Record<string, string> = { [`${annotationPrefix}/system-id`]: system.id };
    if (system.managers.length > 0) annotations[`${annotationPrefix}/manager`] = system.managers.join(', ');
    if (system.deputies.length > 0) annotations[`${annotationPrefix}/deputies`] = system.deputies.join(', ');
    if (system.supplier) annotations[`${annotationPrefix}/supplier`] = system.supplier;
    if (system.product) annotations[`${annotationPrefix}/product`] = system.product;
    annotations[`${annotationPrefix}/lifecycle`] = system.lifecycle;
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: metadata(name, system.name, system.description, annotations),
      spec: { owner },
    });
    const consumed = integrations.filter(
      (integration) => integration.consumerSystemId === system.id && nameOf.has(integration.providerSystemId),
    );
    // Backstage's relations know no method (file, database, manual) nor a description: this annotation
    // carries them as a spreadsheet's dependency column writes them, so an import gets the same integrations.
    const dependencies = consumed
      .map((integration) => {
        const provider = systems.find((candidate) => candidate.id === integration.providerSystemId)!;
        const description = integration.description?.replace(/[;()\r\n]+/g, ' ').trim();
        return `${provider.name}${description ? `: ${description}` : ''} (${integration.method})`;
      })
      .sort();
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: metadata(name, system.name, system.description, {
        ...annotations,
        ...(dependencies.length > 0 ? { [`${annotationPrefix}/dependencies`]: dependencies.join('; ') } : {}),
      }),
      spec: {
        type: 'service',
        lifecycle: backstageLifecycles[system.lifecycle],
        owner,
        system: `system:default/${name}`,
        dependsOn: [...new Set(consumed.map((integration) => `component:default/${nameOf.get(integration.providerSystemId)!}`))].sort(),
        providesApis: apiProviders.includes(system.id) ? [`api:default/${apiName(system.id)}`] : [],
        consumesApis: [
          ...new Set(
            consumed
              .filter((integration) => integration.method === 'api')
              .map((integration) => `api:default/${apiName(integration.providerSystemId)}`),
          ),
        ].sort(),
      },
    });
  }
  for (const providerId of apiProviders) {
    const provider = systems.find((system) => system.id === providerId);
    if (!provider) continue;
    const described = integrations.filter((integration) => integration.providerSystemId === providerId && integration.method === 'api');
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'API',
      metadata: metadata(apiName(providerId), `${provider.name} API`, null, { [`${annotationPrefix}/system-id`]: providerId }),
      spec: {
        type: 'other',
        lifecycle: backstageLifecycles[provider.lifecycle],
        owner: groupOf.get(provider.ownerDepartmentId)!,
        system: `system:default/${nameOf.get(providerId)!}`,
        definition:
          described
            .map((integration) => integration.description ?? '')
            .filter(Boolean)
            .join('\n') || `Integrations of ${provider.name} (Förvalta).`,
      },
    });
  }
  return entities;
}

/** Multi-document YAML, as Backstage reads a catalog-info.yaml. */
export function catalogYaml(entities: readonly CatalogEntity[]): string {
  return entities.map((entity) => `---\n${stringify(entity, { lineWidth: 0 })}`).join('');
}
