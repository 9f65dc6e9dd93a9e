import type { ApiToken, ApiTokenCreate, MunicipalityApiToken } from '@forvalta/contracts';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { UseMutationOptions } from '@tanstack/react-query';
import { useApiMutation } from '../../api/mutations.ts';
import { listSearchValidator, type UrlPaging } from '../../components/url-paging.ts';

export const tokenKeys = {
  all: ['api-tokens'] as const,
  list: (query: object) => ['api-tokens', 'list', query] as const,
};

export type TokenFilters = UrlPaging;
export const validateTokenFilters = listSearchValidator<TokenFilters>({});

export const tokenListQuery = (query: { cursor?: string | undefined; limit?: number }) =>
  queryOptions({
    queryKey: tokenKeys.list(query),
    queryFn: ({ signal }) => api.get('/api-tokens', { query: { ...query, sort: '-createdAt' }, signal }),
    placeholderData: keepPreviousData,
  });

export const useCreateToken = () => useApiMutation((body: ApiTokenCreate) => api.post('/api-tokens', { body }), [tokenKeys.all]);

export const useRevokeToken = (options: Omit<UseMutationOptions<undefined, Error, ApiToken>, 'mutationFn'>) =>
  useApiMutation(
    (token: ApiToken) => api.delete('/api-tokens/:id', { params: { id: token.id }, version: token.version }),
    [tokenKeys.all],
    options,
  );

/** The municipality's tokens, whoever holds them (administrators). */
export const municipalityTokenListQuery = (query: { cursor?: string | undefined; limit?: number }) =>
  queryOptions({
    queryKey: [...tokenKeys.all, 'municipality', query] as const,
    queryFn: ({ signal }) => api.get('/municipality-api-tokens', { query: { ...query, sort: '-createdAt' }, signal }),
    placeholderData: keepPreviousData,
  });

export const useRevokeMunicipalityToken = (options: Omit<UseMutationOptions<undefined, Error, MunicipalityApiToken>, 'mutationFn'>) =>
  useApiMutation(
    (token: MunicipalityApiToken) => api.delete('/municipality-api-tokens/:id', { params: { id: token.id }, version: token.version }),
    [tokenKeys.all],
    options,
  );
