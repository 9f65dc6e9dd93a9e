import { performance } from 'node:perf_hooks';
import type { Role } from '@forvalta/contracts';
import type { Actor, Services } from '@forvalta/server';
import type { createServices } from '@forvalta/server';

type Database = Parameters<typeof createServices>[0];

export interface TaskListTiming {
  /** Who was asked: the municipality's busiest steward, as an employee and again with the IT unit's role. */
  person: string;
  roles: Role[];
  /** false: every call ran the sources (READ_CACHE=false), as the first visit after a write does. */
  readCache: boolean;
  /** The person's current manager and deputy assignments. */
  assignments: number;
  /** The tasks the list answered (all kinds), and the page asked for. */
  tasks: number;
  samples: number;
  p50Milliseconds: number;
  p99Milliseconds: number;
  maxMilliseconds: number;
}

const percentile = (sorted: number[], share: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))]!;

/**
 * A person's to-do list (issue #13: p99 ≤ 20 ms at L), timed on the service as the server runs
 * it: every source's queries, merged, sorted and paged. The person is the measured municipality's
 * busiest steward (the most systems to confirm and review), once with no other role and once as
 * the IT unit (every open change notice and submitted project besides), the worst cases a person
 * of the register can be; each with the read cache (a visit at an unchanged data version) and
 * without it (every call runs the sources). Sequential calls after a warm-up: the list's own time.
 */
export async function timeTaskLists(
  services: { cached: Services; uncached: Services },
  db: Database,
  municipalityId: string,
  samples = 300,
): Promise<TaskListTiming[]> {
  const today = new Date().toISOString().slice(0, 10);
  const busiest = await db
    .selectFrom('system_assignments')
    .innerJoin('people', 'people.id', 'system_assignments.person_id')
    .select(['people.id', 'people.first_name', 'people.last_name', 'people.email', (eb) => eb.fn.countAll<number>().as('assignments')])
    .where('system_assignments.municipality_id', '=', municipalityId)
    .where('system_assignments.start_date', '<=', today)
    .where((eb) => eb.or([eb('system_assignments.end_date', 'is', null), eb('system_assignments.end_date', '>=', today)]))
    .groupBy(['people.id', 'people.first_name', 'people.last_name', 'people.email'])
    .orderBy('assignments', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  const timings: TaskListTiming[] = [];
  for (const roles of [['employee'], ['employee', 'it_unit']] as Role[][]) {
    // The actor as the authentication layer builds it for this person's session in the municipality.
    const actor: Actor = {
      kind: 'person',
      loginId: 'bench',
      personId: busiest.id,
      email: busiest.email,
      name: `${busiest.first_name} ${busiest.last_name}`,
      locale: 'sv',
      municipalityId,
      authenticatedBy: 'token',
      roles: roles.map((role) => ({ role, departmentId: null, departmentIds: [] })),
    };
    for (const readCache of [true, false]) {
      const tasksService = (readCache ? services.cached : services.uncached).tasks;
      let tasks = 0;
      for (let warmUp = 0; warmUp < 20; warmUp += 1) tasks = (await tasksService.listMyTasks(actor, { limit: 50 })).total;
      const times: number[] = [];
      for (let run = 0; run < samples; run += 1) {
        const started = performance.now();
        await tasksService.listMyTasks(actor, { limit: 50 });
        times.push(performance.now() - started);
      }
      times.sort((left, right) => left - right);
      timings.push({
        person: actor.name,
        roles,
        readCache,
        assignments: Number(busiest.assignments),
        tasks,
        samples,
        p50Milliseconds: percentile(times, 0.5),
        p99Milliseconds: percentile(times, 0.99),
        maxMilliseconds: times.at(-1)!,
      });
    }
  }
  return timings;
}
