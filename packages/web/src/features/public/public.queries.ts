import { listSearchValidator, type UrlPaging } from '../../components/url-paging.ts';

export const publicKeys = {
  municipalities: ['public', 'municipalities'] as const,
  systems: (query: object) => ['public', 'systems', query] as const,
};

/** The public register's search and page live in the address, as on every list. */
export const validatePublicFilters = listSearchValidator<UrlPaging & { q?: string }>({ text: ['q'] });
