/** The auth module's public entry: logins, sessions and the resolution of API tokens (.dependency-cruiser.cjs). */
export { createAuthService, type AuthService, type AuthSettings, type SessionContext } from './auth.service.ts';
export { registerAuthRoutes, type AuthRouteSettings } from './auth.routes.ts';
export { createPasswordsService, type PasswordsService } from './passwords.service.ts';
export { registerPasswordRoutes } from './passwords.routes.ts';
export { createSecondFactorService, secondFactorRequired, type SecondFactorService } from './second-factor.service.ts';
export { registerSecondFactorRoutes } from './second-factor.routes.ts';

import type { Executor } from '../../platform/database.ts';
import { authRepository } from './auth.repository.ts';

/** Ends a login's sessions in one municipality, in the caller's transaction (a person left there). */
export async function endSessionsIn(transaction: Executor, owner: { municipalityId: string; loginId: string }) {
  await authRepository.deleteSessionsOfLoginIn(transaction, owner.municipalityId, owner.loginId);
}
