/** The auth module's public entry: logins, sessions and the resolution of API tokens (.dependency-cruiser.cjs). */
export { createAuthService, type AuthService, type AuthSettings, type SessionContext } from './auth.service.ts';
export { registerAuthRoutes, type AuthRouteSettings } from './auth.routes.ts';
export { createPasswordsService, type PasswordsService } from './passwords.service.ts';
export { registerPasswordRoutes } from './passwords.routes.ts';
