import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, type BodyFor, publicApi, type QueryFor, type ResultFor } from '../../api/client.ts';
import { type MutationCallbacks, useApiMutation } from '../../api/mutations.ts';
import { listSearchValidator, type UrlPaging } from '../../components/url-paging.ts';

export const publicKeys = {
  all: ['public'] as const,
  municipalities: ['public', 'municipalities'] as const,
  systems: (query: object) => ['public', 'systems', query] as const,
  settings: ['public-register-settings'] as const,
};

/** The municipalities whose register is published (no login). */
export const publicMunicipalitiesQuery = queryOptions({
  queryKey: publicKeys.municipalities,
  queryFn: ({ signal }) => publicApi.get('/municipalities', { signal }),
  staleTime: 5 * 60_000,
});

export const publicSystemsQuery = (query: QueryFor<'GET /public/v1/systems'>) =>
  queryOptions({
    queryKey: publicKeys.systems(query),
    queryFn: ({ signal }) => publicApi.get('/systems', { query, signal }),
    placeholderData: keepPreviousData,
  });

export const publicRegisterSettingsQuery = (enabled: boolean) =>
  queryOptions({
    queryKey: publicKeys.settings,
    queryFn: ({ signal }) => api.get('/public-register-settings', { signal }),
    enabled,
  });

type SettingsBody = BodyFor<'PUT /api/v1/public-register-settings'>;
/** What is published changes the public pages too. */
export const useSavePublicRegisterSettings = (
  version: number,
  options: MutationCallbacks<SettingsBody, ResultFor<'PUT /api/v1/public-register-settings'>>,
) =>
  useApiMutation(
    (body: SettingsBody) => api.put('/public-register-settings', { version, body }),
    [publicKeys.settings, publicKeys.all],
    options,
  );

/** The public register's search and page live in the address, as on every list. */
export const validatePublicFilters = listSearchValidator<UrlPaging & { q?: string }>({ text: ['q'] });
