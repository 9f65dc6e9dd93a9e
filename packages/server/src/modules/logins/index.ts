/**
 * The logins module's public entry: giving people logins by invitation (ADR 0011), and where a
 * login last worked. Other modules, the composition and the CLI import only this file.
 */
export { createLoginInvitationsService, invitationDays, type LoginInvitationsService } from './login-invitations.service.ts';
export { registerLoginInvitationRoutes } from './login-invitations.routes.ts';
export { loginsRepository as loginPlaces } from './logins.repository.ts';
export { linkBySingleSignOn } from './single-sign-on-link.ts';
