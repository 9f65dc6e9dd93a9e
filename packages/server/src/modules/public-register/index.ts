/** The public-register module's public entry: the register a municipality publishes (.dependency-cruiser.cjs). */
export { createPublicRegisterService, type PublicRegisterService } from './public-register.service.ts';
export { registerPublicRegisterRoutes } from './public-register.routes.ts';
