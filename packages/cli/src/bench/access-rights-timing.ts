import { performance } from 'node:perf_hooks';
import { accessRightListQuerySchema } from '@forvalta/contracts';
import { systemActor, withTransaction, type Actor, type createServices, type Services } from '@forvalta/server';
import { generateAccessRights, type AccessRightsWorkload } from '@forvalta/server/generate';
import type { Percentiles } from './training-timing.ts';

type Database = Parameters<typeof createServices>[0];
type Clock = Parameters<typeof createServices>[1];

/** Rights per person: 100,050 people at L hold 1,500,750 (issue #14: 1,500,000 at L). */
export const benchRightsPerPerson = 15;
/** The leavers flagged at once (issue #14: every right of 1,000 leavers ≤ 1 s). */
const benchLeavers = 1000;

export interface AccessRightsTiming {
  workload: AccessRightsWorkload;
  /** The busiest system's active rights, first page of 50 by holder's name (the system's access page). */
  systemList: Percentiles & { systemRights: number; returned: number };
  /** The same, searched by a part of the holder's name. */
  systemSearch: Percentiles & { term: string; returned: number };
  /** One person's rights across systems (the person's page). */
  personRights: Percentiles & { returned: number };
  /** Every open right of 1,000 people who left, flagged in one transaction (rolled back after). */
  leavers: { people: number; flagged: number; milliseconds: number };
}

/** Part of the bench's preparation: the rights, made once and reused with the database. */
export function prepareAccessRights(db: Database, clock: Clock, log: (line: string) => void): Promise<AccessRightsWorkload> {
  log(`access rights: ensuring ${benchRightsPerPerson} rights per person`);
  return generateAccessRights(db, clock, { perPerson: benchRightsPerPerson, seed: 14 });
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

class RolledBack extends Error {}

/**
 * The access-rights reads at L on the service as the server runs them (sequential calls after a
 * warm-up, as the municipality's administrator), and the leavers' flagging: 1,000 active people
 * holding rights are marked left and the service flags all their open rights, timed, in a
 * transaction that is then rolled back, so the reused bench database stays as generated.
 */
export async function timeAccessRights(
  services: Services,
  db: Database,
  actor: Actor,
  municipalityId: string,
  workload: AccessRightsWorkload,
  samples = 300,
): Promise<AccessRightsTiming> {
  const busiest = await db
    .selectFrom('access_rights')
    .select(['system_id', (eb) => eb.fn.countAll<number>().as('rights')])
    .where('municipality_id', '=', municipalityId)
    .where('state', '=', 'active')
    .groupBy('system_id')
    .orderBy('rights', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  const holder = await db
    .selectFrom('access_rights')
    .select(['person_id', (eb) => eb.fn.countAll<number>().as('rights')])
    .where('municipality_id', '=', municipalityId)
    .groupBy('person_id')
    .orderBy('rights', 'desc')
    .orderBy('person_id')
    .limit(1)
    .executeTakeFirstOrThrow();
  const { rights } = services.accessRights;
  const list = (query: Record<string, unknown>) =>
    rights.listAccessRights(actor, accessRightListQuerySchema.parse({ limit: 50, ...query }));
  const systemQuery = { systemId: busiest.system_id, state: 'active' };
  const term = 'berg';
  const searchQuery = { ...systemQuery, q: term };
  const personQuery = { personId: holder.person_id };
  const systemList = await timed(samples, () => list(systemQuery));
  const systemSearch = await timed(samples, () => list(searchQuery));
  const personRights = await timed(samples, () => list(personQuery));
  return {
    workload,
    systemList: { ...systemList, systemRights: Number(busiest.rights), returned: (await list(systemQuery)).items.length },
    systemSearch: { ...systemSearch, term, returned: (await list(searchQuery)).items.length },
    personRights: { ...personRights, returned: (await list(personQuery)).items.length },
    leavers: await timeLeavers(services, db, municipalityId),
  };
}

async function timeLeavers(services: Services, db: Database, municipalityId: string): Promise<AccessRightsTiming['leavers']> {
  const people = await db
    .selectFrom('people')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where('employment_status', '=', 'active')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('access_rights')
          .select('access_rights.id')
          .whereRef('access_rights.person_id', '=', 'people.id')
          .where('access_rights.municipality_id', '=', municipalityId)
          .where('access_rights.state', '<>', 'ended'),
      ),
    )
    .orderBy('id')
    .limit(benchLeavers)
    .execute();
  const personIds = people.map((person) => person.id);
  let outcome: AccessRightsTiming['leavers'] = { people: personIds.length, flagged: 0, milliseconds: 0 };
  try {
    await withTransaction(db, async (transaction) => {
      for (let start = 0; start < personIds.length; start += 500)
        await transaction
          .updateTable('people')
          .set({ employment_status: 'left' })
          .where('municipality_id', '=', municipalityId)
          .where('id', 'in', personIds.slice(start, start + 500))
          .execute();
      const started = performance.now();
      const flagged = await services.accessRights.rights.flagRightsOfLeavers(transaction, systemActor('bench'), municipalityId, personIds);
      outcome = { people: personIds.length, flagged, milliseconds: performance.now() - started };
      throw new RolledBack();
    });
  } catch (error) {
    if (!(error instanceof RolledBack)) throw error;
  }
  return outcome;
}

const milliseconds = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(1));
const percentiles = (timing: Percentiles) =>
  `p50 ${milliseconds(timing.p50Milliseconds)} ms, p99 ${milliseconds(timing.p99Milliseconds)} ms over ${timing.samples} calls`;

/** The issue's targets for the rights at L (the import's is the import bench's). */
export function accessRightsTargets(timing: AccessRightsTiming): Array<{ target: string; measured: string; met: boolean }> {
  const rights = timing.workload.rights.toLocaleString('en-GB');
  return [
    {
      target: `a system's rights list, filtered, 50 rows, p99 ≤ 50 ms at ${rights} rights`,
      measured: `${percentiles(timing.systemList)} (${timing.systemList.systemRights.toLocaleString('en-GB')} active rights in the system); searched "${timing.systemSearch.term}": ${percentiles(timing.systemSearch)}`,
      met: timing.systemList.p99Milliseconds <= 50 && timing.systemSearch.p99Milliseconds <= 50,
    },
    {
      target: `a person's rights p99 ≤ 20 ms at ${rights} rights`,
      measured: `${percentiles(timing.personRights)} (${timing.personRights.returned} rights)`,
      met: timing.personRights.p99Milliseconds <= 20,
    },
    {
      target: 'flagging every right of 1,000 leavers ≤ 1 s',
      measured: `${milliseconds(timing.leavers.milliseconds)} ms for ${timing.leavers.flagged.toLocaleString('en-GB')} rights of ${timing.leavers.people} people (one statement, one audit event)`,
      met: timing.leavers.people === benchLeavers && timing.leavers.milliseconds <= 1000,
    },
  ];
}

export function describeAccessRights(timing: AccessRightsTiming): string[] {
  const { workload } = timing;
  return [
    `access rights  ${workload.rights.toLocaleString('en-GB')} rights at ${workload.levels.toLocaleString('en-GB')} levels${workload.generatedNow ? ` (generated in ${workload.seconds.toFixed(1)} s)` : ''}`,
    `a system's rights  ${timing.systemList.systemRights.toLocaleString('en-GB')} active, first page of ${timing.systemList.returned}: ${percentiles(timing.systemList)}`,
    `a system's rights searched "${timing.systemSearch.term}"  ${timing.systemSearch.returned} on the first page: ${percentiles(timing.systemSearch)}`,
    `a person's rights  ${timing.personRights.returned}: ${percentiles(timing.personRights)}`,
    `leavers flagged  ${timing.leavers.flagged.toLocaleString('en-GB')} rights of ${timing.leavers.people} people in ${milliseconds(timing.leavers.milliseconds)} ms`,
  ];
}
