import { parseAllDocuments } from 'yaml';
import { annotationPrefix } from './backstage-entities.ts';

/**
 * Backstage catalog entities read back as the register's import rows (issue #17 §3): a catalog
 * written by the export (or by another Backstage, with fewer annotations) becomes one row per
 * `System` (or per `Component` that belongs to no System), with the register's fields as its
 * columns, so the register import's matching, dry run and apply serve it unchanged (ADR 0033).
 *
 * - The owner is the owning `Group`'s path of titles ("Barn och utbildning / Administration"),
 *   which the import resolves like a spreadsheet's organisation column.
 * - The lifecycle is the export's `forvalta.se/lifecycle`, else Backstage's word mapped back
 *   (production → in production, experimental → planned, deprecated → retiring).
 * - Dependencies are the export's `forvalta.se/dependencies` (provider, description and method as
 *   a spreadsheet writes them), else the component's `dependsOn`, over an API where it consumes one.
 */
export const catalogColumns = [
  'name',
  'description',
  'ownerDepartment',
  'lifecycle',
  'supplier',
  'product',
  'manager',
  'deputy',
  'dependencies',
] as const;

export class UnreadableCatalogError extends Error {}

interface Entity {
  kind?: string;
  metadata?: { name?: string; namespace?: string; title?: string; description?: string; annotations?: Record<string, string> };
  spec?: Record<string, unknown>;
}

const fromBackstage: Record<string, string> = { production: 'in_production', experimental: 'planned', deprecated: 'retiring' };

/** `group:default/ekonomi`, `ekonomi` and `group:ekonomi` all name the same entity of the kind. */
function reference(kind: string, text: unknown): string | null {
  if (typeof text !== 'string' || text === '') return null;
  const match = /^(?:([a-z]+):)?(?:([^/]+)\/)?(.+)$/i.exec(text.trim())!;
  return `${(match[1] ?? kind).toLowerCase()}:${match[2] ?? 'default'}/${match[3]}`;
}
const referenceOf = (entity: Entity) => `${entity.kind!.toLowerCase()}:${entity.metadata?.namespace ?? 'default'}/${entity.metadata!.name}`;
const titleOf = (entity: Entity) => entity.metadata?.title ?? entity.metadata!.name!;
const strings = (value: unknown) => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);

/** The rows, one per System (or lone Component), numbered by the YAML document they come from. */
export function catalogRows(text: string): Array<{ documentNumber: number; cells: string[] }> {
  const documents = parseAllDocuments(text);
  const entities: Array<{ entity: Entity; documentNumber: number }> = [];
  for (const [index, document] of (Array.isArray(documents) ? documents : [documents]).entries()) {
    if (document.errors.length > 0) throw new UnreadableCatalogError(`Document ${index + 1}: ${document.errors[0]!.message}`);
    const entity = document.toJS() as Entity | null;
    if (entity === null) continue;
    if (typeof entity !== 'object' || typeof entity.kind !== 'string' || typeof entity.metadata?.name !== 'string')
      throw new UnreadableCatalogError(`Document ${index + 1} is not a catalog entity (kind and metadata.name).`);
    entities.push({ entity, documentNumber: index + 1 });
  }
  const byReference = new Map(entities.map(({ entity }) => [referenceOf(entity), entity]));
  const groupPath = (ref: string | null, seen = new Set<string>()): string => {
    const group = ref ? byReference.get(ref) : undefined;
    if (!group || seen.has(ref!)) return ref ? ref.replace(/^group:default\//, '') : '';
    seen.add(ref!);
    const parent = reference('group', group.spec?.parent);
    return parent && byReference.has(parent) ? `${groupPath(parent, seen)} / ${titleOf(group)}` : titleOf(group);
  };
  const components = entities.filter(({ entity }) => entity.kind === 'Component');
  const componentOf = new Map<string, Entity>();
  for (const { entity } of components) {
    const system = reference('system', entity.spec?.system);
    if (system && !componentOf.has(system)) componentOf.set(system, entity);
  }
  const rows: Array<{ documentNumber: number; cells: string[] }> = [];
  for (const { entity, documentNumber } of entities) {
    const component = entity.kind === 'System' ? componentOf.get(referenceOf(entity)) : undefined;
    const loneComponent = entity.kind === 'Component' && !byReference.has(reference('system', entity.spec?.system) ?? '');
    if (entity.kind !== 'System' && !loneComponent) continue;
    const annotations = { ...component?.metadata?.annotations, ...entity.metadata?.annotations };
    const annotation = (name: string) => annotations[`${annotationPrefix}/${name}`] ?? '';
    const described = component ?? entity;
    const backstageLifecycle = typeof described.spec?.lifecycle === 'string' ? described.spec.lifecycle : '';
    const lifecycle = annotation('lifecycle') || fromBackstage[backstageLifecycle] || backstageLifecycle;
    const consumedApis = new Set(strings(described.spec?.consumesApis).map((api) => reference('api', api)));
    const dependencies =
      annotation('dependencies') ||
      strings(described.spec?.dependsOn)
        .map((dependency) => {
          const provider = byReference.get(reference('component', dependency) ?? '');
          if (!provider) return null;
          const overApi = strings(provider.spec?.providesApis).some((api) => consumedApis.has(reference('api', api)));
          return `${titleOf(provider)}${overApi ? ' (api)' : ''}`;
        })
        .filter((dependency): dependency is string => dependency !== null)
        .join('; ');
    const cells: Record<(typeof catalogColumns)[number], string> = {
      name: titleOf(entity),
      description: entity.metadata?.description ?? '',
      ownerDepartment: groupPath(reference('group', entity.spec?.owner ?? described.spec?.owner)),
      lifecycle,
      supplier: annotation('supplier'),
      product: annotation('product'),
      manager: annotation('manager'),
      // The register import takes one deputy per row: the first address.
      deputy: annotation('deputies'),
      dependencies,
    };
    rows.push({ documentNumber, cells: catalogColumns.map((column) => cells[column]) });
  }
  return rows;
}
