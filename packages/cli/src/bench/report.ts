import os from 'node:os';
import type { ColdStart, MemoryUnderLoad } from './process-probes.ts';
import type { LoadResult } from './load-runner.ts';
import type { PreparedDatabase, SystemsLoadMeasure } from './prepare-database.ts';
import type { RawTiming } from './raw-floor.ts';
import type { WriteResult } from './write-loop.ts';
import type { ComplianceTiming } from './compliance-timing.ts';
import type { PageTimingOutcome } from './page-timing.ts';
import type { TaskListTiming } from './tasks-timing.ts';
import type { TrainingTiming } from './training-timing.ts';
import type { ImportTiming } from './import-timing.ts';
import { accessRightsTargets, describeAccessRights, type AccessRightsTiming } from './access-rights-timing.ts';
import { describePrivacy, privacyTargets, type PrivacyTiming } from './privacy-timing.ts';
import type { AcknowledgementScale } from '@forvalta/server/generate';
import type { DocumentReadTiming } from './documents-timing.ts';

export interface ReadMeasurement {
  name: string;
  path: string;
  registerList: boolean;
  /** Statements the service runs for this request, and the statements authentication adds. */
  queries: number;
  authenticationQueries: number;
  /** The first timed request of the URL, before any warm-up: with the read caches, what a miss costs. */
  firstMilliseconds: number;
  concurrent: LoadResult;
  single: LoadResult;
  raw: RawTiming;
  /** Application p50 with one connection (its own time) over the raw p50. */
  ratioSingle: number;
  /** Application p50 at full concurrency (with queueing) over the raw p50. */
  ratioConcurrent: number;
}

/** A register-list read at full concurrency on a server with this many workers. */
export interface WorkerComparison {
  name: string;
  workers: number;
  /** false: the server ran with READ_CACHE=false, so every request missed (what a first or changed query costs). */
  readCache: boolean;
  concurrent: LoadResult;
}

/** The web pages must be usable this soon after navigation start (quality.md). */
const pageTargetMilliseconds = 1500;

export interface BenchReport {
  startedAt: string;
  machine: { cpus: number; cpuModel: string; memoryGigabytes: number; node: string; platform: string; loadAverageAtEnd: number[] };
  options: {
    size: string;
    seed: number;
    dialect: string;
    database: string;
    connections: number;
    durationSeconds: number;
    workers: number[];
  };
  municipality: { code: string; systems: number; people: number };
  generation: PreparedDatabase['generation'] & { generatedNow: boolean; generatedAt: string };
  /** 10,000 systems loaded into a scratch database in one transaction, as an import would. */
  systemsLoad: SystemsLoadMeasure;
  /** The main table, measured on a server with the last of options.workers. */
  reads: ReadMeasurement[];
  byWorkers: WorkerComparison[];
  write: WriteResult;
  compliance: ComplianceTiming;
  /** A person's to-do list on the service: the busiest steward, as an employee and as the IT unit. */
  taskLists: TaskListTiming[];
  /** A person's training history and due courses, and the share trained per department, over a million records (issue #13). */
  training: TrainingTiming;
  /** 100,000 access rights imported from CSV into a scratch database (issue #14). */
  accessRightImport: ImportTiming;
  /** Issue #14 at the size: a system's and a person's rights, the leavers' flagging (1.5 million rights at L). */
  accessRights: AccessRightsTiming;
  /** Issue #16: the processing list, the mailbox list and the article 30 exports (5,000 records, 2,000 mailboxes). */
  privacy: PrivacyTiming;
  /** Issue #13: a document adopted for 100,000 employees of one municipality, and its coverage view. */
  acknowledgements?: AcknowledgementScale;
  /** The policy documents' list and one document with its versions (issue #13; no target, recorded). */
  documentReads: DocumentReadTiming[];
  web: PageTimingOutcome;
  /** One per server started (per worker count), the main one first. */
  coldStarts: ColdStart[];
  memory: MemoryUnderLoad[];
  targets: Array<{ target: string; measured: string; met: boolean }>;
}

export function describeMachine(): BenchReport['machine'] {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGigabytes: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    // The machines are shared: a load average above the core count means the figures are pessimistic.
    loadAverageAtEnd: os.loadavg().map((value) => Math.round(value * 10) / 10),
  };
}

const milliseconds = (value: number) => value.toFixed(2);

/** Issue #13's targets, when the bench measured them (--acknowledgements). */
function addAcknowledgementTargets(scale: AcknowledgementScale, targets: BenchReport['targets']) {
  for (const adoption of scale.adoptions) {
    targets.push({
      target: `adopting a version for 100,000 employees ≤ 2 s (${adoption.renewal})`,
      measured: `${adoption.seconds.toFixed(2)} s, ${adoption.asked.toLocaleString('en-GB')} requests, ${adoption.carriedOver.toLocaleString('en-GB')} carried over`,
      met: adoption.seconds <= 2,
    });
  }
  targets.push({
    target: 'coverage view of a municipality p99 ≤ 50 ms (100,000 employees)',
    measured: `p50 ${milliseconds(scale.coverage.p50Milliseconds)} ms, p99 ${milliseconds(scale.coverage.p99Milliseconds)} ms (every call a miss: p99 ${milliseconds(scale.uncachedCoverage.p99Milliseconds)} ms)`,
    met: scale.coverage.p99Milliseconds <= 50,
  });
}

export function evaluateTargets(report: Omit<BenchReport, 'targets'>): BenchReport['targets'] {
  const targets: BenchReport['targets'] = [];
  const workers = report.options.workers[report.options.workers.length - 1];
  for (const read of report.reads.filter((candidate) => candidate.registerList)) {
    const { concurrent } = read;
    targets.push({
      target: `${read.name}: p50 ≤ 5 ms, p99 ≤ 25 ms @${concurrent.connections}, ≥ 1,500 req/s, ≤ 3× raw`,
      measured: `${workers} worker(s): p50 ${milliseconds(concurrent.p50Milliseconds)} ms, p99 ${milliseconds(concurrent.p99Milliseconds)} ms, ${concurrent.requestsPerSecond} req/s, ${read.ratioSingle.toFixed(1)}× raw (1 conn), ${read.ratioConcurrent.toFixed(1)}× raw (@${concurrent.connections})`,
      met:
        concurrent.p50Milliseconds <= 5 &&
        concurrent.p99Milliseconds <= 25 &&
        concurrent.requestsPerSecond >= 1500 &&
        read.ratioSingle <= 3,
    });
  }
  for (const read of report.reads.filter((candidate) => !candidate.registerList && candidate.path.includes('?'))) {
    targets.push({
      target: `${read.name}: any list p99 ≤ 50 ms`,
      measured: `p99 ${milliseconds(read.concurrent.p99Milliseconds)} ms`,
      met: read.concurrent.p99Milliseconds <= 50,
    });
  }
  const { compliance } = report;
  const fullTarget = report.options.size === 'S' ? 100 : undefined;
  if (fullTarget !== undefined) {
    targets.push({
      target: 'compliance: full evaluation of one municipality (S) ≤ 100 ms',
      measured: `${milliseconds(compliance.fullMilliseconds)} ms (${compliance.results} results)`,
      met: compliance.fullMilliseconds <= fullTarget,
    });
  }
  if (report.options.size === 'L') {
    targets.push({
      target: 'compliance: every municipality of L ≤ 5 s',
      measured: `${milliseconds(compliance.allMunicipalitiesMilliseconds)} ms for ${compliance.municipalities}`,
      met: compliance.allMunicipalitiesMilliseconds <= 5000,
    });
  }
  targets.push({
    target: 'compliance: one changed system re-evaluated ≤ 20 ms',
    measured: `${milliseconds(compliance.incrementalMilliseconds)} ms`,
    met: compliance.incrementalMilliseconds <= 20,
  });
  for (const timing of report.taskLists) {
    targets.push({
      target: `a person's to-do list p99 ≤ 20 ms (${timing.roles.join(' + ')}, ${timing.assignments} assignments, cache ${timing.readCache ? 'on' : 'off'})`,
      measured: `p50 ${milliseconds(timing.p50Milliseconds)} ms, p99 ${milliseconds(timing.p99Milliseconds)} ms over ${timing.samples} calls, ${timing.tasks} tasks`,
      met: timing.p99Milliseconds <= 20,
    });
  }
  const { training } = report;
  for (const [name, timing] of [
    [`a person's training history (${training.history.records} records)`, training.history],
    ['the share trained in IT security per department', training.coverage],
  ] as const) {
    targets.push({
      target: `${name} p99 ≤ 50 ms at ${training.workload.attendances.toLocaleString('en-GB')} training records`,
      measured: `p50 ${milliseconds(timing.p50Milliseconds)} ms, p99 ${milliseconds(timing.p99Milliseconds)} ms over ${timing.samples} calls`,
      met: timing.p99Milliseconds <= 50,
    });
  }
  const { accessRightImport } = report;
  targets.push({
    target: 'import 100,000 access rights from CSV ≤ 10 s, validated and audited',
    measured: `apply ${accessRightImport.applySeconds.toFixed(2)} s for ${accessRightImport.created.toLocaleString('en-GB')} rights (dry run ${accessRightImport.dryRunSeconds.toFixed(2)} s, the same file again ${accessRightImport.againSeconds.toFixed(2)} s; audit ${accessRightImport.auditIntact ? 'intact' : 'BROKEN'})`,
    met: accessRightImport.applySeconds * (100_000 / accessRightImport.rows) <= 10 && accessRightImport.auditIntact,
  });
  targets.push(...accessRightsTargets(report.accessRights));
  targets.push(...privacyTargets(report.privacy));
  if (report.acknowledgements) addAcknowledgementTargets(report.acknowledgements, targets);
  // The load itself, not the generator's rate over a whole workload (which also builds departments and people).
  const { systemsLoad } = report;
  targets.push({
    target: 'load 10,000 systems with owners and assignments ≤ 3 s',
    measured: `${systemsLoad.seconds.toFixed(2)} s for ${systemsLoad.systems.toLocaleString('en-GB')} (with classification, duties, audit)`,
    met: systemsLoad.seconds * (10_000 / systemsLoad.systems) <= 3,
  });
  if ('failed' in report.web)
    targets.push({ target: 'web pages interactive ≤ 1.5 s', measured: `failed: ${report.web.failed}`, met: false });
  if ('measured' in report.web) {
    for (const page of report.web.measured) {
      targets.push({
        target: `${page.name} interactive ≤ 1.5 s`,
        measured: `median ${page.medianMilliseconds} ms of ${page.samplesMilliseconds.length} cold loads`,
        met: page.medianMilliseconds <= pageTargetMilliseconds,
      });
    }
  }
  // The target is for one server process; with workers every process is held to it.
  for (const memory of report.memory) {
    targets.push({
      target: `server RSS ≤ 250 MB under load (${memory.workers} worker(s), each process, after ${memory.load})`,
      measured: `${memory.peakMegabytes} MB peak of one process (VmHWM); all processes ${memory.totalPeakMegabytes} MB`,
      met: memory.peakMegabytes <= 250,
    });
  }
  for (const coldStart of report.coldStarts) {
    targets.push({
      target: `cold start to first 200 ≤ 2 s (${coldStart.workers} worker(s))`,
      measured: `${coldStart.milliseconds} ms`,
      met: coldStart.milliseconds <= 2000,
    });
  }
  return targets;
}

export function printReport(report: BenchReport, print: (line: string) => void): void {
  const { options, machine } = report;
  print('');
  print(
    `Förvalta bench — size ${options.size}, ${options.dialect}, ${options.connections} connections × ${options.durationSeconds} s, forvalta serve --workers ${options.workers.join(' and ')}; ${machine.cpus} cores, ${machine.memoryGigabytes} GB, Node ${machine.node}, load average ${machine.loadAverageAtEnd.join(' ')}`,
  );
  print(
    `measured in municipality ${report.municipality.code}: ${report.municipality.systems.toLocaleString('en-GB')} systems, ${report.municipality.people.toLocaleString('en-GB')} people`,
  );
  print('');
  const header = ['read', 'req/s', 'p50', 'p99', 'p50 1c', 'first', 'raw p50', 'app/raw', 'q+auth'];
  const rows = report.reads.map((read) => [
    read.name,
    String(read.concurrent.requestsPerSecond),
    milliseconds(read.concurrent.p50Milliseconds),
    milliseconds(read.concurrent.p99Milliseconds),
    milliseconds(read.single.p50Milliseconds),
    milliseconds(read.firstMilliseconds),
    milliseconds(read.raw.p50Milliseconds),
    `${read.ratioSingle.toFixed(1)}×`,
    `${read.queries}+${read.authenticationQueries}`,
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) =>
    cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  print(line(header));
  for (const row of rows) print(line(row));
  print(
    `(ms; ${options.workers[options.workers.length - 1]} worker(s); p50/p99 at full concurrency; "p50 1c" with one connection; "first" the first timed request of the URL (a cache miss unless the bench asked it before); app/raw = p50 1c ÷ raw p50 of the same statements on the driver)`,
  );
  print('');
  print('register list by number of workers, and every list with READ_CACHE=false (every request a miss)');
  for (const row of report.byWorkers) {
    const cache = row.readCache ? 'cache on ' : 'cache off';
    print(
      `  ${row.name.padEnd(widths[0]!)}  ${String(row.workers).padStart(2)} worker(s)  ${cache}  ${String(row.concurrent.requestsPerSecond).padStart(6)} req/s  p50 ${milliseconds(row.concurrent.p50Milliseconds).padStart(8)}  p99 ${milliseconds(row.concurrent.p99Milliseconds).padStart(8)}`,
    );
  }
  print('');
  if ('measured' in report.web) {
    for (const page of report.web.measured) {
      print(
        `${page.name}  ${page.path.length > 30 ? `${page.path.slice(0, 30)}…` : page.path}: median ${page.medianMilliseconds} ms navigation start → usable (cold loads: ${page.samplesMilliseconds.join(', ')} ms; ${page.transferredKilobytes} kB transferred)`,
      );
    }
  } else {
    print(`web page timing: ${'failed' in report.web ? `FAILED — ${report.web.failed}` : `not measured — ${report.web.skipped}`}`);
  }
  print('');
  for (const timing of report.taskLists) {
    print(
      `to-do list  ${timing.person} (${timing.roles.join(' + ')}, ${timing.assignments} assignments, ${timing.tasks} tasks, cache ${timing.readCache ? 'on ' : 'off'}): p50 ${milliseconds(timing.p50Milliseconds)} ms, p99 ${milliseconds(timing.p99Milliseconds)} ms, max ${milliseconds(timing.maxMilliseconds)} ms (service, ${timing.samples} sequential calls)`,
    );
  }
  const { training: trained } = report;
  const trainingLine = (timing: { p50Milliseconds: number; p99Milliseconds: number; maxMilliseconds: number; samples: number }) =>
    `p50 ${milliseconds(timing.p50Milliseconds)} ms, p99 ${milliseconds(timing.p99Milliseconds)} ms, max ${milliseconds(timing.maxMilliseconds)} ms (service, ${timing.samples} sequential calls)`;
  print(
    `training  ${trained.workload.attendances.toLocaleString('en-GB')} attendance rows, ${trained.workload.sessions.toLocaleString('en-GB')} sessions, ${trained.workload.courses} courses${trained.workload.generatedNow ? ` (generated in ${trained.workload.seconds.toFixed(1)} s)` : ''}`,
  );
  print(`training history  ${trained.history.records} records, first page: ${trainingLine(trained.history)}`);
  print(`due courses  ${trained.due.courses} due: ${trainingLine(trained.due)}`);
  print(
    `share trained in IT security  ${trained.coverage.departments} departments, ${trained.coverage.trained.toLocaleString('en-GB')} of ${trained.coverage.people.toLocaleString('en-GB')} people: ${trainingLine(trained.coverage)}`,
  );
  const { accessRightImport: imported } = report;
  print(
    `access-rights import  ${imported.rows.toLocaleString('en-GB')} rows of CSV (${imported.fileMegabytes} MB): dry run ${imported.dryRunSeconds.toFixed(2)} s, apply ${imported.applySeconds.toFixed(2)} s (CPU ${imported.applyCpuSeconds.toFixed(2)} s; one transaction, ${imported.created.toLocaleString('en-GB')} rights and audit events), again ${imported.againSeconds.toFixed(2)} s (nothing to change)`,
  );
  for (const line of describeAccessRights(report.accessRights)) print(line);
  for (const line of describePrivacy(report.privacy)) print(line);
  for (const timing of report.documentReads) {
    print(
      `${timing.name} (${timing.items} items): p50 ${milliseconds(timing.p50Milliseconds)} ms, p99 ${milliseconds(timing.p99Milliseconds)} ms (service, ${timing.samples} sequential calls)`,
    );
  }
  const { write, generation } = report;
  print(
    `write  PATCH /api/v1/systems/:id with If-Match, sequential: p50 ${milliseconds(write.p50Milliseconds)} ms, p99 ${milliseconds(write.p99Milliseconds)} ms, ${write.updatesPerSecond}/s, ${write.failures} failed`,
  );
  print(
    `generate  ${generation.size}: ${(generation.rows + generation.auditEvents).toLocaleString('en-GB')} rows incl. audit in ${generation.seconds.toFixed(1)} s = ${generation.rowsPerSecond.toLocaleString('en-GB')} rows/s${generation.generatedNow ? '' : ` (generated ${generation.generatedAt})`}`,
  );
  for (const coldStart of report.coldStarts)
    print(
      `cold start  ${coldStart.milliseconds} ms to first 200 on /api/v1/health (forvalta serve --workers ${coldStart.workers} as a child process)`,
    );
  for (const memory of report.memory) {
    print(
      `memory  ${memory.workers} worker(s), after ${memory.load} at ${options.connections} connections: largest process ${memory.peakMegabytes} MB peak (VmHWM), all processes ${memory.totalPeakMegabytes} MB (sum of peaks), ${memory.sampledMaximumMegabytes} MB sampled at most`,
    );
  }
  print('');
  for (const target of report.targets) print(`${target.met ? 'met   ' : 'MISSED'}  ${target.target} — ${target.measured}`);
}
