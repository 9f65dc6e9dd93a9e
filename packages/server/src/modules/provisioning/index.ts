/** The provisioning module's public entry (issue #18, ADR 0038): SCIM 2.0 Users, and the municipality's token for it. */
export { createProvisioningTokensService, type ProvisioningTokensService } from './provisioning-tokens.service.ts';
export { registerProvisioningRoutes } from './provisioning.routes.ts';
export { registerScimRoutes } from './scim.routes.ts';
export { createScimUsersService, type ScimUsersService } from './scim-users.service.ts';
