/**
 * The equipment module's public entry (issue #15, §6): the standard model catalogue, assets with
 * their owner, network history and systems, and the import from inventories.
 */
export { createAssetModelsService, type AssetModelsService } from './asset-models.service.ts';
export { createAssetsService, type AssetsService } from './assets.service.ts';
export { registerAssetRoutes, type AssetServices } from './assets.routes.ts';
export { createAssetImportService, type AssetImportService } from './asset-import.service.ts';
export { registerAssetImportRoutes } from './asset-import.routes.ts';
