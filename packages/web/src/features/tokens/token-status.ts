import type { ApiToken } from '@forvalta/contracts';
import { formatDate } from '../../i18n/format.ts';

export type TokenStatus = 'active' | 'revoked' | 'expired';

export function statusOf(token: ApiToken): TokenStatus {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && new Date(token.expiresAt) <= new Date()) return 'expired';
  return 'active';
}

/** A token expiring at midnight is valid through the day before, as it was entered. */
export const lastValidDay = (expiresAt: string) => formatDate(new Date(Date.parse(expiresAt) - 1).toISOString());

export const statusColours: Record<TokenStatus, string> = { active: '#1f6f36', revoked: 'gray.8', expired: 'orange.9' };
