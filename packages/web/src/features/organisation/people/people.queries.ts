import type { EmploymentStatus, Person, PersonCreate, PersonListQuery, PersonUpdate } from '@forvalta/contracts';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { listSearchValidator, type UrlPaging } from '../../../components/url-paging.ts';
import { departmentKeys } from '../departments/departments.queries.ts';
import { useApiMutation } from '../../../api/mutations.ts';
import { roleAssignmentKeys } from '../roles/roles.queries.ts';

/** The cache keys of people; a person's change also moves the departments' head counts. */
export const peopleKeys = {
  all: ['people'] as const,
  list: (query: object) => ['people', 'list', query] as const,
  detail: (id: string) => ['people', 'detail', id] as const,
};
export const personChangeInvalidates = [peopleKeys.all, departmentKeys.all] as const;

// Repeated from the contracts as types only (a value import would pull zod into the first bundle).
const employmentStatuses = ['active', 'left'] as const satisfies readonly EmploymentStatus[];
const personSorts = ['name', '-name', 'email', '-email', 'createdAt', '-createdAt'] as const;

export interface PeopleFilters extends UrlPaging {
  q?: string;
  departmentId?: string;
  employmentStatus?: (typeof employmentStatuses)[number];
  sort?: string;
}

export const validatePeopleFilters = listSearchValidator<PeopleFilters>({
  text: ['q'],
  ids: ['departmentId'],
  choices: { employmentStatus: employmentStatuses },
  sorts: personSorts,
});

export const peopleListQuery = (query: Partial<PersonListQuery>) =>
  queryOptions({
    queryKey: peopleKeys.list(query),
    queryFn: ({ signal }) => api.get('/people', { query, signal }),
    // Keep the rows on screen while the next page loads, so the table does not jump.
    placeholderData: keepPreviousData,
  });

export const personQuery = (id: string) =>
  queryOptions({ queryKey: peopleKeys.detail(id), queryFn: ({ signal }) => api.get('/people/:id', { params: { id }, signal }) });

export const loadPerson = (person: Person) => api.get('/people/:id', { params: { id: person.id } });

export const savePerson = (body: PersonCreate, person: Person | null, version: number | undefined) =>
  person ? api.patch('/people/:id', { params: { id: person.id }, version, body }) : api.post('/people', { body });

export const updatePerson = (person: Person, body: PersonUpdate) =>
  api.patch('/people/:id', { params: { id: person.id }, version: person.version, body });

/** The first 20 active people matching a search, for choosing one (a municipality has thousands). */
export const personPickerQuery = (search: string) =>
  queryOptions({
    queryKey: [...peopleKeys.all, 'picker', search] as const,
    queryFn: ({ signal }) => api.get('/people', { query: { q: search, employmentStatus: 'active', limit: 20, sort: 'name' }, signal }),
    placeholderData: keepPreviousData,
  });

/* ---------- A person's login: invitation, reset link, removal (administrators, login.manage) ---------- */

export const personLoginKeys = {
  detail: (personId: string) => ['people', 'login', personId] as const,
};

export const personLoginQuery = (personId: string) =>
  queryOptions({
    queryKey: personLoginKeys.detail(personId),
    queryFn: ({ signal }) => api.get('/people/:id/login', { params: { id: personId }, signal }),
  });

/** A one-time link, shown once: the invitation's secret goes after `#`, which browsers never send to a server. */
export const invitationLink = (token: string) => `${window.location.origin}/invitation#${token}`;
export const resetLink = (path: string) => `${window.location.origin}${path}`;

/** What changes with a person's login: the login state and the person (version, hasLogin), and the roles list. */
const loginChangeInvalidates = [peopleKeys.all, roleAssignmentKeys.all] as const;

export const useInvitePerson = () =>
  useApiMutation((person: Person) => api.post('/people/:id/login', { params: { id: person.id }, body: {} }), loginChangeInvalidates);

export const useRevokeInvitation = () =>
  useApiMutation(
    (invitation: { id: string; version: number }) =>
      api.delete('/login-invitations/:id', { params: { id: invitation.id }, version: invitation.version }),
    loginChangeInvalidates,
  );

export const useIssueResetLink = () =>
  useApiMutation((person: Person) => api.post('/people/:id/password-reset-links', { params: { id: person.id } }), loginChangeInvalidates);

export const useRemoveLogin = () =>
  useApiMutation(
    (person: Person) => api.delete('/people/:id/login', { params: { id: person.id }, version: person.version }),
    loginChangeInvalidates,
  );
