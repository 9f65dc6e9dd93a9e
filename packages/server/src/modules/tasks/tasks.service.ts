import { taskKinds, type Role, type Task, type TaskCounts, type TaskList, type TaskListQuery } from '@forvalta/contracts';
import type { AnyActor } from '../../access/actor.ts';
import { municipalityOf } from '../../access/authorise.ts';
import { useCase } from '../../access/use-case.ts';
import { swedishToday } from '../../platform/calendar.ts';
import type { Clock } from '../../platform/clock.ts';
import type { DatabaseHandle } from '../../platform/database.ts';
import { decodeCursor, encodeCursor } from '../../platform/paging.ts';
import { taskHorizonDays, type TaskSource, type TaskSourceContext } from '../../platform/task-source.ts';
import { tanumPolicyPack } from '../../policy/index.ts';
import { policyPackRecords } from '../compliance/index.ts';

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

/** The signed-in person's part: the context every source is asked with. */
async function sourceContext(db: DatabaseHandle, clock: Clock, actor: AnyActor): Promise<TaskSourceContext | null> {
  // The list is a person's own; the system actor (CLI, jobs) has none.
  if (actor.kind !== 'person') return null;
  const municipalityId = municipalityOf(actor);
  const today = swedishToday(clock.now());
  const stored = await policyPackRecords.currentPack(db, municipalityId);
  return {
    municipalityId,
    personId: actor.personId,
    roles: [...new Set<Role>(actor.roles.map((grant) => grant.role))],
    headsDepartmentIds: actor.roles.filter((grant) => grant.role === 'department_head').flatMap((grant) => grant.departmentIds),
    today,
    horizon: daysAfter(today, taskHorizonDays),
    parameters: (stored?.pack ?? tanumPolicyPack).parameters,
  };
}

/**
 * Every person's own to-do list (issue #13): what the product asks of the signed-in person,
 * gathered from the modules that own each ask (the sources the composition hands in), merged,
 * sorted, counted and paged here. A person has tens of tasks and an IT-unit person perhaps a few
 * hundred, so the sources answer every task and the page is cut from the sorted whole: the counts
 * are exact and a cursor stays valid while the list is unchanged. Reads only.
 */
export function createTasksService(db: DatabaseHandle, clock: Clock, sources: readonly TaskSource[]) {
  return {
    listMyTasks: useCase('task.read', async ({ actor, authorise }, query: TaskListQuery): Promise<TaskList> => {
      authorise();
      const context = await sourceContext(db, clock, actor);
      const tasks = context ? (await Promise.all(sources.map((source) => source(db, context)))).flat() : [];
      tasks.sort(compareTasks);
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
