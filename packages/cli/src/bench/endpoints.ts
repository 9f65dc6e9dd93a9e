import { personListQuerySchema, systemListQuerySchema, taskListQuerySchema } from '@forvalta/contracts';
import type { Actor } from '@forvalta/server';
import type { Services } from '@forvalta/server';

/** One measured read: its URL and the service call that answers it (for the raw floor). */
export interface ReadEndpoint {
  name: string;
  path: string;
  /** Whether the register-list targets (p50 ≤ 5 ms, p99 ≤ 25 ms, ≥ 1,500 req/s, ≤ 3× raw) apply. */
  registerList: boolean;
  callService: (services: Services, actor: Actor) => Promise<unknown>;
}

export interface BenchSubjects {
  ownerDepartmentId: string;
  systemId: string;
  deepCursor: string;
  searchTerm: string;
}

const queryOf = (path: string) => Object.fromEntries(new URL(path, 'http://bench').searchParams);

export function readEndpoints(subjects: BenchSubjects): ReadEndpoint[] {
  const list = (name: string, path: string, registerList = true): ReadEndpoint => ({
    name,
    path,
    registerList,
    callService: (services, actor) => services.systems.listSystems(actor, systemListQuerySchema.parse(queryOf(path))),
  });
  const { systemId } = subjects;
  return [
    list('register: in production, by name, first page', '/api/v1/systems?lifecycle=in_production&sort=name&limit=50'),
    list(
      'register: same, deep page (≤ 20 pages in)',
      `/api/v1/systems?lifecycle=in_production&sort=name&limit=50&cursor=${subjects.deepCursor}`,
    ),
    list('register: by owner department', `/api/v1/systems?ownerDepartmentId=${subjects.ownerDepartmentId}&sort=name&limit=50`),
    list('register: search q=', `/api/v1/systems?q=${encodeURIComponent(subjects.searchTerm)}&sort=name&limit=50`),
    list('register: uncovered (coverage rule)', '/api/v1/systems?uncovered=true&sort=name&limit=50', false),
    {
      name: 'system page: the system',
      path: `/api/v1/systems/${systemId}`,
      registerList: false,
      callService: (services, actor) => services.systems.getSystem(actor, systemId),
    },
    {
      name: 'system page: assignments',
      path: `/api/v1/systems/${systemId}/assignments`,
      registerList: false,
      callService: (services, actor) => services.systemAssignments.listAssignments(actor, systemId, false),
    },
    {
      name: 'system page: graph',
      path: `/api/v1/systems/${systemId}/graph`,
      registerList: false,
      callService: (services, actor) => services.integrations.systemGraph(actor, systemId),
    },
    {
      name: 'compliance: summary per clause and department',
      path: '/api/v1/compliance',
      registerList: false,
      callService: (services, actor) => services.compliance.summary(actor),
    },
    {
      name: 'compliance: one system’s results',
      path: `/api/v1/compliance/results?system=${systemId}`,
      registerList: false,
      callService: (services, actor) => services.compliance.results(actor, { system: systemId, limit: 50 }),
    },
    {
      name: 'people list, by name',
      path: '/api/v1/people?limit=50',
      registerList: false,
      callService: (services, actor) => services.people.listPeople(actor, personListQuerySchema.parse({ limit: '50' })),
    },
    {
      // The first page after login (issue #13); the busiest steward's list is timed on the service (tasks-timing.ts).
      name: 'to-do list (the signed-in administrator)',
      path: '/api/v1/me/tasks?limit=50',
      registerList: false,
      callService: (services, actor) => services.tasks.listMyTasks(actor, taskListQuerySchema.parse({ limit: '50' })),
    },
  ];
}
