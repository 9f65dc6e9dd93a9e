/** The auth module's public entry: logins, sessions and the resolution of API tokens (.dependency-cruiser.cjs). */
export { createAuthService, type AuthPorts, type AuthService, type AuthSettings, type SessionContext } from './auth.service.ts';
export { registerAuthRoutes, type AuthRouteSettings } from './auth.routes.ts';
export { createPasswordsService, type PasswordsService } from './passwords.service.ts';
export { registerPasswordRoutes } from './passwords.routes.ts';
export { createSecondFactorService, secondFactorRequired, type SecondFactorService } from './second-factor.service.ts';
export { registerSecondFactorRoutes } from './second-factor.routes.ts';

import type { Executor } from '../../platform/database.ts';
import { authRepository } from './auth.repository.ts';
import { loginThrottle } from './login-throttle.ts';
import { passwordsRepository } from './passwords.repository.ts';

/**
 * Ends a login's sessions in one municipality, and spends the reset links issued there, in the
 * caller's transaction (the person left, or their login was removed there).
 */
export async function endSessionsIn(transaction: Executor, owner: { municipalityId: string; loginId: string }, now: string) {
  await authRepository.deleteSessionsOfLoginIn(transaction, owner.municipalityId, owner.loginId);
  await passwordsRepository.spendResetLinksIn(transaction, owner.municipalityId, owner.loginId, now);
}

/** Deletes reset links past their expiry (the daily job): until issue #18 they were never removed. */
export function removeExpiredResetLinks(db: Executor, now: Date) {
  return passwordsRepository.removeExpired(db, now.toISOString());
}

/**
 * Deletes the login back-off rows that hold nothing any more (the daily job): their window has
 * passed, so the next attempt would start afresh anyway, and no login has succeeded from them.
 * Rows of addresses that have logged in are kept: they are what lets the owner past the hourly
 * rate (ADR 0010).
 */
export function removeExpiredLoginThrottles(db: Executor, settings: { pairWindowMinutes: number }, now: Date) {
  return loginThrottle.removeExpired(db, settings, now);
}
