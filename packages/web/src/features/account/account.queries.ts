import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export const accountKeys = {
  secondFactor: ['me', 'second-factor'] as const,
  requirement: ['second-factor-requirement'] as const,
};

/** My second factor: on or off, recovery codes left, whether a role of mine requires it. */
export const secondFactorStatusQuery = queryOptions({
  queryKey: accountKeys.secondFactor,
  queryFn: ({ signal }) => api.get('/me/second-factor', { signal }),
});

/** The roles of the municipality that must use a second factor (the settings page). */
export const secondFactorRequirementQuery = queryOptions({
  queryKey: accountKeys.requirement,
  queryFn: ({ signal }) => api.get('/second-factor-requirement', { signal }),
});
