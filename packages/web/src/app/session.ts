import type { Locale, Me, Permission } from '@forvalta/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, isApiError, setCsrfToken } from '../api/client.ts';
import { i18next } from '../i18n/index.ts';

/** Applies what the server says about the session: the CSRF token and the remembered language. */
export function applySession(me: Me | null): Me | null {
  setCsrfToken(me?.csrfToken ?? null);
  if (me && i18next.language !== me.locale) void i18next.changeLanguage(me.locale);
  return me;
}

/** Who is logged in; null when nobody is (a 401 is an answer here, not an error). */
export const sessionKeys = { me: ['me'] as const };

export const meQuery = queryOptions({
  queryKey: sessionKeys.me,
  queryFn: async ({ signal }) => {
    try {
      return applySession(await api.get('/me', { signal }));
    } catch (error) {
      if (isApiError(error, 'unauthenticated')) return applySession(null);
      throw error;
    }
  },
  staleTime: 5 * 60_000,
});

/** The logged-in user; only for components under the authenticated layout, which guarantees one. */
export function useCurrentUser(): Me {
  const { data } = useQuery(meQuery);
  if (!data) throw new Error('useCurrentUser used outside the authenticated layout');
  return data;
}

export function hasPermission(me: Me | null | undefined, permission: Permission): boolean {
  return Boolean(me?.permissions.includes(permission));
}

export function useCan(permission: Permission): boolean {
  const { data } = useQuery(meQuery);
  return hasPermission(data, permission);
}

// /me is not a versioned record: the language is a preference, the last choice wins.
export const updateLocale = (locale: Locale) => api.patch('/me', { body: { locale } });

/** The password step: the session's `me`, or a challenge when the login has a second factor. */
export const logIn = (email: string, password: string) => api.post('/auth/login', { body: { email, password } });

/** The login's second step: the challenge with a code from the app or a recovery code. */
export const completeSecondFactor = (challenge: string, proof: { code: string } | { recoveryCode: string }) =>
  api.post('/auth/login/second-factor', { body: { challenge, ...proof } });

/** A person in several municipalities works in one at a time; the session switches. */
export const switchMunicipality = (municipalityId: string) => api.post('/me/municipality', { body: { municipalityId } });

/**
 * Logs out. Here only: the session ends, and for a single sign-on session the answer names the
 * provider's end-session address, where the browser goes next (RP-initiated logout, ADR 0036).
 * Everywhere: every session of the login ends here.
 */
export async function logOut(everywhere: boolean): Promise<{ redirectTo: string | null }> {
  if (everywhere) {
    await api.post('/auth/logout', { body: { everywhere } });
    return { redirectTo: null };
  }
  return api.post('/auth/oidc/logout');
}
