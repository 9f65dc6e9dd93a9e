import { taskKinds, type Role, type Task, type TaskCounts, type TaskList, type TaskListQuery } from '@forvalta/contracts';
import type { AnyActor } from '../../access/actor.ts';
import { municipalityOf } from '../../access/authorise.ts';
import { useCase } from '../../access/use-case.ts';
import { swedishToday } from '../../platform/calendar.ts';
import type { Clock } from '../../platform/clock.ts';
import type { DatabaseHandle } from '../../platform/database.ts';
import { decodeCursor, encodeCursor } from '../../platform/paging.ts';
import { taskHorizonDays, type TaskSource, type TaskSourceContext } from '../../platform/task-source.ts';
import { createVersionedCache, type ReadCacheSettings } from '../../platform/versioned-cache.ts';
import { tanumPolicyPack } from '../../policy/index.ts';
import { policyPackRecords } from '../compliance/index.ts';
import { systemReads } from '../systems/index.ts';

/**
 * Where a task stands in the list: overdue first, then by due date; an overdue task without a date
 * (owed since it existed) leads, a task without a date that is not overdue comes last; the id
 * breaks ties, so the order, and a cursor into it, is the same on every request.
 */
export function taskSortKey(task: Pick<Task, 'overdue' | 'dueDate'>): string {
  return task.overdue ? `0${task.dueDate ?? '0000-00-00'}` : `1${task.dueDate ?? '9999-12-31'}`;
}

function compareTasks(left: Task, right: Task): number {
  const leftKey = taskSortKey(left);
  const rightKey = taskSortKey(right);
  if (leftKey !== rightKey) return leftKey < rightKey ? -1 : 1;
  return left.id < right.id ? -1 : left.id > right.id ? 1 : 0;
}

function countByKind(tasks: readonly Task[]): TaskCounts {
  const counts = Object.fromEntries(taskKinds.map((kind) => [kind, 0])) as TaskCounts;
  for (const task of tasks) counts[task.kind] += 1;
  return counts;
}

/** The day `days` after `day` (YYYY-MM-DD). */
function daysAfter(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

type PersonContext = Omit<TaskSourceContext, 'parameters' | 'stewardedSystems'>;

/** The signed-in person's part of the context every source is asked with (the pack's parameters and their systems come with the load). */
function personContext(clock: Clock, actor: AnyActor): PersonContext | null {
  // The list is a person's own; the system actor (CLI, jobs) has none.
  if (actor.kind !== 'person') return null;
  const today = swedishToday(clock.now());
  return {
    municipalityId: municipalityOf(actor),
    personId: actor.personId,
    roles: [...new Set<Role>(actor.roles.map((grant) => grant.role))].sort(),
    headsDepartmentIds: actor.roles
      .filter((grant) => grant.role === 'department_head')
      .flatMap((grant) => grant.departmentIds)
      .sort(),
    today,
    horizon: daysAfter(today, taskHorizonDays),
  };
}

/**
 * Every person's own to-do list (issue #13): what the product asks of the signed-in person,
 * gathered from the modules that own each ask (the sources the composition hands in), merged,
 * sorted, counted and paged here. A person has tens of tasks and an IT-unit person perhaps a few
 * hundred, so the sources answer every task and the page is cut from the sorted whole: the counts
 * are exact and a cursor stays valid while the list is unchanged. Reads only.
 *
 * The whole sorted list is kept per person at the municipality's data version (every write moves
 * it, ADR 0008) and day: the next page, a kind filter and the menu's count after a visit cost no
 * query of the sources. Every ask derives from the municipality's data and the day, nothing else.
 */
export function createTasksService(db: DatabaseHandle, clock: Clock, sources: readonly TaskSource[], cacheSettings?: ReadCacheSettings) {
  // One entry per person who looked at their list since the municipality's last write.
  const listCache = createVersionedCache<readonly Task[]>(2000, cacheSettings);

  async function tasksOf(person: PersonContext): Promise<readonly Task[]> {
    // Read once for every source: several start from the systems the person keeps.
    const [stored, stewardedSystems] = await Promise.all([
      policyPackRecords.currentPack(db, person.municipalityId),
      systemReads.stewardedSystemsOf(db, person.municipalityId, person.personId, person.today),
    ]);
    const context: TaskSourceContext = { ...person, parameters: (stored?.pack ?? tanumPolicyPack).parameters, stewardedSystems };
    const tasks = (await Promise.all(sources.map((source) => source(db, context)))).flat();
    return tasks.sort(compareTasks);
  }

  return {
    listMyTasks: useCase('task.read', async ({ actor, authorise }, query: TaskListQuery): Promise<TaskList> => {
      authorise();
      const person = personContext(clock, actor);
      const tasks = person
        ? await listCache.readAtVersion(
            db,
            actor,
            person.municipalityId,
            [person.today, person.personId, person.roles, person.headsDepartmentIds],
            () => tasksOf(person),
          )
        : [];
      const matching = query.kind ? tasks.filter((task) => task.kind === query.kind) : tasks;
      let start = 0;
      if (query.cursor) {
        const [key, id] = decodeCursor(query.cursor);
        const after = matching.findIndex((task) => {
          const taskKey = taskSortKey(task);
          return taskKey > String(key) || (taskKey === String(key) && task.id > id);
        });
        start = after === -1 ? matching.length : after;
      }
      const items = matching.slice(start, start + query.limit);
      const last = items.at(-1);
      const more = start + items.length < matching.length;
      return {
        items,
        total: matching.length,
        nextCursor: more && last ? encodeCursor(taskSortKey(last), last.id) : null,
        counts: countByKind(tasks),
        overdueCount: tasks.filter((task) => task.overdue).length,
      };
    }),
  };
}

export type TasksService = ReturnType<typeof createTasksService>;
