/**
 * The Backstage catalog interop's public entry (issue #17 §3): the register as catalog entities.
 */
export { createBackstageService, type BackstageService } from './backstage.service.ts';
export { catalogEntities, catalogName, catalogYaml, backstageLifecycles, type CatalogEntity } from './backstage-entities.ts';
export { catalogColumns, catalogRows, UnreadableCatalogError } from './backstage-catalog-reading.ts';
