import { performance } from 'node:perf_hooks';
import type { Actor, Services } from '@forvalta/server';
import type { createServices } from '@forvalta/server';
import { generateTrainingRecords, type TrainingWorkload } from '@forvalta/server/generate';

type Database = Parameters<typeof createServices>[0];
type Clock = Parameters<typeof createServices>[1];

/** The L workload's training records (quality.md: a million at L). */
export const benchTrainingRecords = 1_000_000;

export interface Percentiles {
  samples: number;
  p50Milliseconds: number;
  p99Milliseconds: number;
  maxMilliseconds: number;
}

export interface TrainingTiming {
  workload: TrainingWorkload;
  /** A person's history (first page of 50, latest first): the one with the most records in the municipality. */
  history: Percentiles & { records: number };
  /** The same person's due courses (what the person page and the to-do list ask). */
  due: Percentiles & { courses: number };
  /** The share trained in IT security per department of the municipality. */
  coverage: Percentiles & { departments: number; people: number; trained: number };
}

/** Part of the bench's preparation: the training records, made once and reused with the database. */
export function prepareTrainingRecords(db: Database, clock: Clock, log: (line: string) => void): Promise<TrainingWorkload> {
  log(`training records: ensuring ${benchTrainingRecords.toLocaleString('en-GB')} attendance rows`);
  return generateTrainingRecords(db, clock, { total: benchTrainingRecords, seed: 13 });
}

const percentile = (sorted: number[], share: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))]!;

async function timed(samples: number, run: () => Promise<unknown>): Promise<Percentiles> {
  for (let warmUp = 0; warmUp < 20; warmUp += 1) await run();
  const times: number[] = [];
  for (let index = 0; index < samples; index += 1) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((left, right) => left - right);
  return { samples, p50Milliseconds: percentile(times, 0.5), p99Milliseconds: percentile(times, 0.99), maxMilliseconds: times.at(-1)! };
}

/**
 * The training reads at L, on the service as the server runs them (sequential calls after a
 * warm-up): a person's history and due courses, and the per-department share trained in IT
 * security, in the measured municipality, as its administrator.
 */
export async function timeTraining(
  services: Services,
  db: Database,
  actor: Actor,
  municipalityId: string,
  workload: TrainingWorkload,
  samples = 300,
): Promise<TrainingTiming> {
  const busiest = await db
    .selectFrom('training_attendances')
    .select(['person_id', (eb) => eb.fn.countAll<number>().as('records')])
    .where('municipality_id', '=', municipalityId)
    .groupBy('person_id')
    .orderBy('records', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  const { attendances } = services.training;
  const history = await timed(samples, () => attendances.personHistory(actor, busiest.person_id, { limit: 50 }));
  const dueCourses = await attendances.personDueCourses(actor, busiest.person_id);
  const due = await timed(samples, () => attendances.personDueCourses(actor, busiest.person_id));
  const share = await attendances.coverage(actor, { topic: 'it_security_and_networks' });
  const coverage = await timed(samples, () => attendances.coverage(actor, { topic: 'it_security_and_networks' }));
  return {
    workload,
    history: { ...history, records: Number(busiest.records) },
    due: { ...due, courses: dueCourses.items.length },
    coverage: { ...coverage, departments: share.departments.length, people: share.people, trained: share.trained },
  };
}
