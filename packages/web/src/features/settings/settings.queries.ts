import type { Municipality, ProvisioningToken, ProvisioningTokenCreated } from '@forvalta/contracts';
import { queryOptions } from '@tanstack/react-query';
import { api, type BodyFor } from '../../api/client.ts';
import { type MutationCallbacks, useApiMutation } from '../../api/mutations.ts';
import { sessionKeys } from '../../app/session.ts';

export const jobKeys = { all: ['jobs'] as const };

/** The scheduled jobs' state, refreshed every 30 s while the settings page is open. */
export const scheduledJobsQuery = (enabled: boolean) =>
  queryOptions({
    queryKey: jobKeys.all,
    queryFn: ({ signal }) => api.get('/jobs', { signal }),
    enabled,
    refetchInterval: 30_000,
  });

/** SMTP and this municipality's outbox (administrators): refreshed like the jobs card. */
export const mailStatusQuery = (enabled: boolean) =>
  queryOptions({
    queryKey: ['mail', 'status'] as const,
    queryFn: ({ signal }) => api.get('/mail/status', { signal }),
    enabled,
    refetchInterval: 30_000,
  });

export const municipalityKeys = { all: ['municipalities'] as const, mine: ['municipalities', 'mine'] as const };

/** The municipalities the user belongs to (a handful; the API pages at 200). */
export const myMunicipalitiesQuery = queryOptions({
  queryKey: municipalityKeys.mine,
  queryFn: ({ signal }) => api.get('/municipalities', { query: { limit: 200 }, signal }),
});

/** The session carries the municipality's name, so it is read again too. */
export const useRenameMunicipality = (municipality: Municipality, options: MutationCallbacks<string, Municipality>) =>
  useApiMutation(
    (name: string) => api.patch('/municipalities/:id', { params: { id: municipality.id }, version: municipality.version, body: { name } }),
    [municipalityKeys.all, sessionKeys.me],
    options,
  );

/** The municipality's OpenID provider (administrators; never the secret). */
export const singleSignOnKeys = { settings: ['single-sign-on'] as const, status: ['single-sign-on', 'status'] as const };
export const singleSignOnSettingsQuery = (enabled: boolean) =>
  queryOptions({
    queryKey: singleSignOnKeys.settings,
    queryFn: ({ signal }) => api.get('/single-sign-on', { signal }),
    enabled,
  });
/** The provider's discovery, checked by the server when asked: on opening the page and after a save. */
export const singleSignOnStatusQuery = (enabled: boolean) =>
  queryOptions({
    queryKey: singleSignOnKeys.status,
    queryFn: ({ signal }) => api.get('/single-sign-on/status', { signal }),
    enabled,
    retry: false,
  });
/** Removes the provider (refused by the server while password login is off: it would be the only way in). */
export const useRemoveSingleSignOn = (options: MutationCallbacks<number, undefined>) =>
  useApiMutation(
    (version: number) => api.delete('/single-sign-on', { version }),
    [singleSignOnKeys.settings, singleSignOnKeys.status],
    options,
  );
export const saveSingleSignOn = (body: BodyFor<'PUT /api/v1/single-sign-on'>, version: number | undefined) =>
  api.put('/single-sign-on', { body, ...(version === undefined ? {} : { version }) });

/** Provisioning from the directory (SCIM, ADR 0038): the endpoint and the municipality's token (administrators). */
export const provisioningKeys = { status: ['provisioning'] as const };
export const provisioningStatusQuery = (enabled: boolean) =>
  queryOptions({
    queryKey: provisioningKeys.status,
    queryFn: ({ signal }) => api.get('/provisioning', { signal }),
    enabled,
  });
/** Creates the token, or a new one in place of the live one (the old one stops working at once). */
export const useCreateProvisioningToken = (options: MutationCallbacks<void, ProvisioningTokenCreated>) =>
  useApiMutation(() => api.post('/provisioning/token', {}), [provisioningKeys.status], options);
export const useRevokeProvisioningToken = (options: MutationCallbacks<ProvisioningToken, undefined>) =>
  useApiMutation(
    (token: ProvisioningToken) => api.delete('/provisioning/token', { version: token.version }),
    [provisioningKeys.status],
    options,
  );
