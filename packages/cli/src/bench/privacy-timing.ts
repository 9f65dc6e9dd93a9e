import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { mailboxListQuerySchema, processingActivityExportQuerySchema, processingActivityListQuerySchema } from '@forvalta/contracts';
import { connectDatabase, createServices, migrateToLatest, systemActor, systemClock, type Actor, type Services } from '@forvalta/server';
import { generatePrivacyRecords, type PrivacyWorkload } from '@forvalta/server/generate';
import { benchAdministrator } from '../commands/generate.ts';
import { cliConfig } from '../context.ts';
import { benchMunicipalityCode } from './prepare-database.ts';
import type { Percentiles } from './training-timing.ts';

type Database = Parameters<typeof createServices>[0];
type Clock = Parameters<typeof createServices>[1];

/**
 * Issue #16 at L: 5,000 records of processing over the 15,000 systems and 2,000 functional
 * mailboxes for its 1,000 departments; the other sizes in the same proportions (one record per
 * three systems, two mailboxes per department: 100 and 24 at S).
 */
export const systemsPerRecord = 3;
export const mailboxesPerDepartment = 2;

export interface PrivacyTiming {
  workload: PrivacyWorkload;
  /** The municipality's own records and mailboxes (the bench's, the largest of L). */
  municipalityActivities: number;
  municipalityMailboxes: number;
  /** The register's first page of 50 by name, and filtered: missing a current review. */
  list: Percentiles;
  listMissingReview: Percentiles & { total: number };
  mailboxes: Percentiles;
  /** The article 30 export of the whole municipality (median of the runs, and the slowest). */
  exportXlsx: Percentiles & { bytes: number };
  exportPdf: Percentiles & { bytes: number };
  /** The event loop's longest stall while the PDFs were drawn: how long another request on that worker waited at most. */
  pdfLongestStallMilliseconds: number;
}

/** Part of the bench's preparation: the records, made once and reused with the database. */
export async function preparePrivacy(db: Database, clock: Clock, log: (line: string) => void): Promise<PrivacyWorkload> {
  const count = async (table: 'systems' | 'departments') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const activities = Math.round((await count('systems')) / systemsPerRecord);
  const mailboxes = (await count('departments')) * mailboxesPerDepartment;
  log(`privacy: ensuring ${activities} records of processing and ${mailboxes} mailboxes`);
  return generatePrivacyRecords(db, clock, { activities, mailboxes, seed: 16 });
}

const percentile = (sorted: number[], share: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))]!;

async function timed(samples: number, warmUps: number, run: () => Promise<unknown>): Promise<Percentiles> {
  for (let warmUp = 0; warmUp < warmUps; warmUp += 1) await run();
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
 * The privacy reads at L on the service as the server runs them, as the municipality's
 * administrator (who sees every record, as the DPO does): sequential calls after a warm-up; the
 * exports a few times each, as they are files a person asks for, not a page.
 */
export async function timePrivacy(
  services: Services,
  db: Database,
  actor: Actor,
  municipalityId: string,
  workload: PrivacyWorkload,
  samples = 300,
): Promise<PrivacyTiming> {
  const { activities, mailboxes, article30 } = services.privacy;
  const listQuery = processingActivityListQuerySchema.parse({ limit: 50 });
  const missingQuery = processingActivityListQuerySchema.parse({ limit: 50, missingReview: 'true' });
  const mailboxQuery = mailboxListQuerySchema.parse({ limit: 50 });
  const list = await timed(samples, 20, () => activities.listProcessingActivities(actor, listQuery));
  const listMissingReview = await timed(samples, 20, () => activities.listProcessingActivities(actor, missingQuery));
  const mailboxList = await timed(samples, 20, () => mailboxes.listMailboxes(actor, mailboxQuery));
  let xlsxBytes = 0;
  let pdfBytes = 0;
  const exportXlsx = await timed(7, 1, async () => {
    xlsxBytes = (await article30.exportProcessingActivities(actor, processingActivityExportQuerySchema.parse({}))).body.length;
  });
  const exportPdfOnce = async () => {
    pdfBytes = (await article30.exportProcessingActivities(actor, processingActivityExportQuerySchema.parse({ format: 'pdf' }))).body
      .length;
  };
  // The warm-up loads pdfkit and parses the font once per process; the stalls are those of the timed runs.
  await exportPdfOnce();
  const stalls = monitorEventLoopDelay({ resolution: 5 });
  stalls.enable();
  const exportPdf = await timed(7, 0, exportPdfOnce);
  stalls.disable();
  const count = async (table: 'processing_activities' | 'mailboxes') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('municipality_id', '=', municipalityId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    workload,
    municipalityActivities: await count('processing_activities'),
    municipalityMailboxes: await count('mailboxes'),
    list,
    listMissingReview: { ...listMissingReview, total: (await activities.listProcessingActivities(actor, missingQuery)).total },
    mailboxes: mailboxList,
    exportXlsx: { ...exportXlsx, bytes: xlsxBytes },
    exportPdf: { ...exportPdf, bytes: pdfBytes },
    pdfLongestStallMilliseconds: stalls.max / 1e6,
  };
}

const milliseconds = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(1));
const percentiles = (timing: Percentiles) =>
  `p50 ${milliseconds(timing.p50Milliseconds)} ms, p99 ${milliseconds(timing.p99Milliseconds)} ms over ${timing.samples} calls`;
const runs = (timing: Percentiles) =>
  `median ${milliseconds(timing.p50Milliseconds)} ms, slowest ${milliseconds(timing.maxMilliseconds)} ms of ${timing.samples}`;

/** The issue's targets at L: the processing list p99 ≤ 50 ms, the export of a municipality ≤ 2 s. */
export function privacyTargets(timing: PrivacyTiming): Array<{ target: string; measured: string; met: boolean }> {
  const records = `${timing.municipalityActivities.toLocaleString('en-GB')} records`;
  return [
    {
      target: `the processing list, 50 rows, p99 ≤ 50 ms (${records} in the municipality, ${timing.workload.activities.toLocaleString('en-GB')} in all)`,
      measured: `${percentiles(timing.list)}; missing review (${timing.listMissingReview.total}): ${percentiles(timing.listMissingReview)}`,
      met: timing.list.p99Milliseconds <= 50 && timing.listMissingReview.p99Milliseconds <= 50,
    },
    {
      target: `the article 30 export of the municipality ≤ 2 s, XLSX and PDF (${records})`,
      measured: `XLSX ${runs(timing.exportXlsx)} (${Math.round(timing.exportXlsx.bytes / 1024)} KiB); PDF ${runs(timing.exportPdf)} (${Math.round(timing.exportPdf.bytes / 1024)} KiB)`,
      met: timing.exportXlsx.p50Milliseconds <= 2000 && timing.exportPdf.p50Milliseconds <= 2000,
    },
  ];
}

export function describePrivacy(timing: PrivacyTiming): string[] {
  const { workload } = timing;
  return [
    `privacy  ${workload.activities.toLocaleString('en-GB')} records of processing (${workload.reviews.toLocaleString('en-GB')} reviews, ${workload.processors.toLocaleString('en-GB')} processors), ${workload.mailboxes.toLocaleString('en-GB')} mailboxes${workload.generatedNow ? ` (generated in ${workload.seconds.toFixed(1)} s)` : ''}`,
    `the processing list  ${timing.municipalityActivities.toLocaleString('en-GB')} records, first page of 50: ${percentiles(timing.list)}`,
    `missing review  ${timing.listMissingReview.total} records, first page: ${percentiles(timing.listMissingReview)}`,
    `functional mailboxes  ${timing.municipalityMailboxes.toLocaleString('en-GB')}, first page of 50 with the covered count: ${percentiles(timing.mailboxes)}`,
    `article 30 export XLSX  ${runs(timing.exportXlsx)}, ${Math.round(timing.exportXlsx.bytes / 1024)} KiB`,
    `article 30 export PDF  ${runs(timing.exportPdf)}, ${Math.round(timing.exportPdf.bytes / 1024)} KiB; the event loop stalled at most ${milliseconds(timing.pdfLongestStallMilliseconds)} ms while it was drawn`,
  ];
}

/**
 * `--privacy-only`: issue #16's scale on the prepared database, without the HTTP reads: the
 * records of processing and mailboxes generated (once), the list and the exports timed on the
 * service in the largest municipality, printed with the targets.
 */
export async function benchPrivacyOnly(url: string, log: (line: string) => void): Promise<number> {
  const database = connectDatabase(url);
  try {
    await migrateToLatest(database.db);
    const services = createServices(database.db, systemClock, cliConfig(url, { logLevel: 'silent', port: 0 }));
    const workload = await preparePrivacy(database.db, systemClock, log);
    const { created, municipality } = await services.apiTokens.issueTokenForLogin(
      systemActor('bench'),
      benchAdministrator.email,
      benchMunicipalityCode,
      { name: `bench privacy ${new Date().toISOString()}` },
    );
    const actor = await services.auth.resolveApiToken(created.token);
    if (!actor) throw new Error('the bench token did not authenticate');
    log('measuring records of processing and mailboxes');
    const timing = await timePrivacy(services, database.db, actor, municipality.id, workload);
    for (const line of describePrivacy(timing)) console.log(line);
    for (const target of privacyTargets(timing)) console.log(`${target.met ? 'met   ' : 'MISSED'}  ${target.target} — ${target.measured}`);
    return 0;
  } finally {
    await database.destroy();
  }
}
