import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

/** The pages of one-time links, reached before logging in. The secret travels in bodies, never in addresses. */
export const invitationKeys = { detail: (token: string) => ['invitation', token] as const };

/** What an invitation is for. A lookup changes nothing; it is a POST only so the secret stays out of addresses and logs. */
export const invitationQuery = (token: string) =>
  queryOptions({
    queryKey: invitationKeys.detail(token),
    queryFn: () => api.post('/invitations/lookup', { body: { token } }),
    enabled: token.length >= 20,
    retry: false,
  });

export const acceptInvitation = (token: string, password: string) => api.post('/invitations/accept', { body: { token, password } });
export const resetPassword = (token: string, newPassword: string) => api.post('/auth/password-reset', { body: { token, newPassword } });
export const requestPasswordReset = (email: string) => api.post('/auth/password-reset-requests', { body: { email } });
