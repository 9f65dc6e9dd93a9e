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

/** What the login page offers: the municipality's single sign-on button, and whether the password form is shown. */
export const loginOptionsQuery = (municipality: string | undefined) =>
  queryOptions({
    queryKey: ['login-options', municipality ?? null] as const,
    queryFn: ({ signal }) => api.get('/auth/oidc/options', { query: /^\d{4}$/.test(municipality ?? '') ? { municipality } : {}, signal }),
    retry: false,
    staleTime: 60_000,
  });

/** The address that starts single sign-on: a link the browser follows to the provider and back. */
export function singleSignOnUrl(municipalityCode: string, returnTo: string | undefined): string {
  const query = new URLSearchParams({ municipality: municipalityCode });
  if (returnTo?.startsWith('/') && !returnTo.startsWith('//')) query.set('returnTo', returnTo);
  return `/api/v1/auth/oidc/login?${query}`;
}
