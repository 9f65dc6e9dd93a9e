/** The api-tokens module's public entry: personal API tokens (.dependency-cruiser.cjs). */
export { createApiTokensService, revokeTokensOfLogin, type ApiTokensService } from './api-tokens.service.ts';
export { registerApiTokenRoutes } from './api-tokens.routes.ts';
