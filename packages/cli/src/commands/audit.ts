import fs from 'node:fs';
import {
  auditCheckpoints,
  loadAuditKey,
  rotateAuditKey,
  systemClock,
  verifyAuditChains,
  type AuditCheckpointFile,
  type AuditVerification,
} from '@forvalta/server';
import { parseOptions, printHelp, requireOption, UsageError } from '../arguments.ts';
import { cliConfig, openDatabase } from '../context.ts';

export const auditHelp = `forvalta audit verify [--checkpoints FILE] [--database URL]
forvalta audit checkpoint --out FILE [--database URL]
forvalta audit rotate-key --previous-key-file FILE [--database URL]

verify      Recomputes every audit chain with the audit key (AUDIT_KEY_FILE) and names every event
            that was altered, removed or reordered, and every municipality whose chain or chain head
            is missing. With --checkpoints, each chain must still pass through the signed heads
            exported earlier, which finds a chain cut back or rewritten even if it was recomputed.
            Exit code 0 when intact, 1 when tampering is found.
checkpoint  Writes every chain's head, signed with the audit key, to FILE (keep it outside the
            database server: a write-once store, another machine, printed).
rotate-key  After AUDIT_KEY_FILE was replaced by a new key: re-hashes every chain sealed with the
            previous key (kept in FILE) under the new one, and records that on each chain.`;

function printVerification(result: AuditVerification): number {
  if (result.problems.length === 0) {
    console.log(`Audit log intact: ${result.events} events in ${result.chains} chain(s).`);
    return 0;
  }
  console.log(`Audit log TAMPERED: ${result.problems.length} problem(s) in ${result.events} events.`);
  for (const problem of result.problems) {
    console.log(
      `  chain ${problem.chainId} event #${problem.sequence}${problem.eventId ? ` (id ${problem.eventId})` : ''}: ${problem.problem.replaceAll('_', ' ')}`,
    );
  }
  return 1;
}

function readCheckpoints(file: string): AuditCheckpointFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`--checkpoints: cannot read ${file} (${(error as Error).message.split('\n')[0]})`);
  }
  const candidate = parsed as Partial<AuditCheckpointFile>;
  if (candidate?.format !== 'forvalta-audit-checkpoints/1' || !Array.isArray(candidate.chains) || typeof candidate.signature !== 'string') {
    throw new UsageError(`--checkpoints: ${file} is not a file written by forvalta audit checkpoint`);
  }
  return candidate as AuditCheckpointFile;
}

export async function audit(argv: string[]): Promise<number> {
  const [subcommand, ...rest] = argv;
  if (subcommand === '--help' || subcommand === '-h' || subcommand === undefined) return printHelp(auditHelp, subcommand ? 0 : 2);
  if (!['verify', 'checkpoint', 'rotate-key'].includes(subcommand)) {
    throw new UsageError(`unknown audit command "${subcommand}" (try: forvalta audit verify, checkpoint or rotate-key)`);
  }
  const options = parseOptions(rest, {
    checkpoints: { type: 'string' },
    out: { type: 'string' },
    'previous-key-file': { type: 'string' },
  });
  if (options.help) return printHelp(auditHelp);
  const config = cliConfig(options.database);

  if (subcommand === 'verify') {
    const checkpoints = options.checkpoints ? readCheckpoints(options.checkpoints) : undefined;
    // A check must not change what it checks: no sealing of unkeyed chains here (verify names them).
    const database = await openDatabase(config, { seal: false });
    try {
      return printVerification(await verifyAuditChains(database.db, { checkpoints }));
    } finally {
      await database.destroy();
    }
  }

  if (subcommand === 'checkpoint') {
    const out = requireOption(options.out, 'out');
    const database = await openDatabase(config, { seal: false });
    try {
      // Only an intact log is worth a signature: a checkpoint of a tampered chain would vouch for it.
      const result = await verifyAuditChains(database.db);
      if (result.problems.length > 0) {
        console.error('forvalta: the audit log does not verify; no checkpoint written');
        return printVerification(result);
      }
      const file = await auditCheckpoints(database.db, systemClock.now());
      fs.writeFileSync(out, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
      console.log(`Checkpoint of ${file.chains.length} chain(s) written to ${out}.`);
      return 0;
    } finally {
      await database.destroy();
    }
  }

  const previousFile = requireOption(options['previous-key-file'], 'previous-key-file');
  const previous = loadAuditKey(previousFile);
  const database = await openDatabase(config);
  try {
    const outcomes = await rotateAuditKey(database.db, systemClock, previous);
    const events = outcomes.reduce((sum, outcome) => sum + outcome.events, 0);
    console.log(`Re-hashed ${outcomes.length} chain(s), ${events} events, under the new audit key.`);
    const failedBefore = outcomes.filter((outcome) => outcome.problemsBefore > 0);
    for (const outcome of failedBefore) {
      console.log(
        `  chain ${outcome.chainId}: ${outcome.problemsBefore} event(s) did not verify under the previous key (recorded in its rotate_key event)`,
      );
    }
    return failedBefore.length > 0 ? 1 : 0;
  } finally {
    await database.destroy();
  }
}
