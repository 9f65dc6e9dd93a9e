/**
 * Measures the compliance evaluation against the targets of issue 4 (a benchmark, not a timed
 * test: timings vary by machine). Run: npx tsx packages/server/src/policy/measure-evaluation.ts
 */
import os from 'node:os';
import { generateSyntheticSnapshot } from './evaluate.bench-data.ts';
import { evaluate } from './evaluate.ts';
import { summarise } from './summarise.ts';
import { tanumPolicyPack } from './tanum-pack.ts';

function median(values: number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Runs `work` a few times unmeasured (so the JIT has compiled it), then `runs` times measured. */
function measure(runs: number, work: () => unknown): number {
  for (let warmup = 0; warmup < 10; warmup += 1) work();
  const timings: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    work();
    timings.push(performance.now() - start);
  }
  return median(timings);
}

function report(label: string, milliseconds: number, targetMilliseconds: number): void {
  const verdict = milliseconds < targetMilliseconds ? 'ok' : 'OVER TARGET';
  console.log(`${label.padEnd(64)} ${milliseconds.toFixed(2).padStart(9)} ms   (target < ${targetMilliseconds} ms: ${verdict})`);
}

const municipality = generateSyntheticSnapshot({ seed: 1, systemCount: 300, peopleCount: 2000 });
const municipalities = Array.from({ length: 50 }, (_, index) =>
  generateSyntheticSnapshot({ seed: 100 + index, systemCount: 300, peopleCount: 2000 }),
);
const changedSystemId = municipality.systems[137]!.id;

console.log(`Node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'}); medians`);
report(
  'full evaluation, 300 systems / 2,000 people',
  measure(31, () => evaluate(municipality, tanumPolicyPack)),
  100,
);
report(
  'full evaluation + summary, 300 systems / 2,000 people',
  measure(31, () => summarise(evaluate(municipality, tanumPolicyPack), municipality, { pack: tanumPolicyPack })),
  100,
);
report(
  '50 municipalities one after another, 15,000 systems / 100,000 people',
  measure(7, () => {
    for (const snapshot of municipalities) evaluate(snapshot, tanumPolicyPack);
  }),
  5000,
);
report(
  'incremental: one system in a 300-system snapshot',
  measure(101, () => evaluate(municipality, tanumPolicyPack, { systemIds: [changedSystemId] })),
  20,
);
const resultCount = evaluate(municipality, tanumPolicyPack).length;
console.log(`(${resultCount} results per 300-system municipality)`);
