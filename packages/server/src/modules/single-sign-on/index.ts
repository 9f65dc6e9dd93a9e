/** The single sign-on module's public entry (issue #18, ADR 0036): OpenID Connect logins, the provider's settings and status. */
export { createSingleSignOnLogin, type SingleSignOnLogin } from './login.service.ts';
export { createProviders, type Providers } from './providers.ts';
export { registerSingleSignOnRoutes } from './single-sign-on.routes.ts';
export { createSingleSignOnSettingsService, type SingleSignOnSettingsService } from './settings.service.ts';
