import { currentAuditKey, hmacHex, type AuditKey } from './audit-key.ts';
import { genesisHash, hashAuditEvent, installationChain } from './audit.ts';
import type { Executor } from './database.ts';

export type AuditChainProblemKind =
  | 'hash_mismatch'
  | 'broken_link'
  | 'missing_event'
  | 'head_mismatch'
  /** Events of the chain exist, its head row does not (it was deleted). */
  | 'missing_head'
  /** A municipality has no chain at all: its events and head were deleted together. */
  | 'missing_chain'
  /** The head says the chain is still unkeyed SHA-256 (sealing it is the start-up's job; a head set back to that is tampering). */
  | 'unsealed_chain'
  /** The chain was sealed under another key than this installation's. */
  | 'unknown_key'
  /** A checkpoint names an event that is no longer there: the chain was cut back. */
  | 'checkpoint_missing'
  /** The event a checkpoint names has another hash now: the chain was rewritten, even if recomputed. */
  | 'checkpoint_mismatch'
  /** The checkpoint file was altered, or signed with another key. */
  | 'checkpoint_signature';

export interface AuditChainProblem {
  chainId: string;
  sequence: number;
  eventId: string | null;
  problem: AuditChainProblemKind;
}

export interface AuditVerification {
  chains: number;
  events: number;
  /** Events checked per chain, so one run over every chain gives each municipality its own result. */
  eventsByChain: Record<string, number>;
  problems: AuditChainProblem[];
  /** The id of the key the chains were recomputed with. */
  keyId: string;
}

/** A signed list of chain heads, exported by `forvalta audit checkpoint` and kept outside the database. */
export interface AuditCheckpointFile {
  format: 'forvalta-audit-checkpoints/1';
  createdAt: string;
  keyId: string;
  chains: Array<{ chainId: string; sequence: number; hash: string }>;
  signature: string;
}

const checkpointSignature = (key: AuditKey, file: Omit<AuditCheckpointFile, 'signature'>) =>
  hmacHex(key, `forvalta-audit-checkpoints\n${JSON.stringify([file.format, file.createdAt, file.keyId, file.chains])}`);

/** Every chain's head now, signed with the audit key. */
export async function auditCheckpoints(db: Executor, now: Date, key: AuditKey = currentAuditKey()): Promise<AuditCheckpointFile> {
  const heads = await db.selectFrom('audit_chain_heads').select(['chain_id', 'last_sequence', 'last_hash']).orderBy('chain_id').execute();
  const body = {
    format: 'forvalta-audit-checkpoints/1' as const,
    createdAt: now.toISOString(),
    keyId: key.id,
    chains: heads.map((head) => ({ chainId: head.chain_id, sequence: head.last_sequence, hash: head.last_hash })),
  };
  return { ...body, signature: checkpointSignature(key, body) };
}

export interface VerifyOptions {
  key?: AuditKey;
  /** Only these chains (a municipality's id, or `installation`); by default every chain and every municipality. */
  chainIds?: string[];
  /** Checkpoints exported earlier: each chain must still pass through the event each one names. */
  checkpoints?: AuditCheckpointFile;
  batchSize?: number;
}

/**
 * Walks every chain in order and names each row whose content or link does not hold, every
 * municipality without a chain or a head, and every checkpoint the chain no longer passes through.
 */
export async function verifyAuditChains(db: Executor, options: VerifyOptions = {}): Promise<AuditVerification> {
  const key = options.key ?? currentAuditKey();
  const batchSize = options.batchSize ?? 5000;
  const only = options.chainIds ? new Set(options.chainIds) : undefined;
  const [heads, eventChains, municipalities] = await Promise.all([
    db.selectFrom('audit_chain_heads').selectAll().execute(),
    db.selectFrom('audit_events').select('chain_id').distinct().execute(),
    db.selectFrom('municipalities').select('id').execute(),
  ]);
  const headOf = new Map(heads.map((head) => [head.chain_id, head]));
  const chainIds = new Set([
    ...heads.map((head) => head.chain_id),
    ...eventChains.map((row) => row.chain_id),
    ...municipalities.map((row) => row.id),
  ]);
  for (const checkpoint of options.checkpoints?.chains ?? []) chainIds.add(checkpoint.chainId);
  if (only) for (const id of only) chainIds.add(id);
  const problems: AuditChainProblem[] = [];
  let events = 0;
  const eventsByChain: Record<string, number> = {};

  if (options.checkpoints) {
    const { signature, ...body } = options.checkpoints;
    if (body.keyId !== key.id || checkpointSignature(key, body) !== signature) {
      problems.push({ chainId: '*', sequence: 0, eventId: null, problem: 'checkpoint_signature' });
    }
  }
  const checkpointsOf = new Map<string, Array<{ sequence: number; hash: string }>>();
  for (const checkpoint of options.checkpoints?.chains ?? []) {
    checkpointsOf.set(checkpoint.chainId, [...(checkpointsOf.get(checkpoint.chainId) ?? []), checkpoint]);
  }

  const ordered = [...chainIds].filter((id) => !only || only.has(id)).sort();
  for (const chainId of ordered) {
    const head = headOf.get(chainId);
    const checkpoints = new Map((checkpointsOf.get(chainId) ?? []).map((checkpoint) => [checkpoint.sequence, checkpoint.hash]));
    if (head && head.key_id === null) problems.push({ chainId, sequence: 0, eventId: null, problem: 'unsealed_chain' });
    else if (head && head.key_id !== key.id) problems.push({ chainId, sequence: 0, eventId: null, problem: 'unknown_key' });

    let previousHash = genesisHash;
    let expectedSequence = 1;
    let seen = 0;
    for (;;) {
      const rows = await db
        .selectFrom('audit_events')
        .selectAll()
        .where('chain_id', '=', chainId)
        .where('sequence', '>=', expectedSequence)
        .orderBy('sequence')
        .limit(batchSize)
        .execute();
      for (const row of rows) {
        events += 1;
        seen += 1;
        while (row.sequence > expectedSequence) {
          problems.push({ chainId, sequence: expectedSequence, eventId: null, problem: 'missing_event' });
          expectedSequence += 1;
        }
        const { hash, ...fields } = row;
        if (row.previous_hash !== previousHash) {
          problems.push({ chainId, sequence: row.sequence, eventId: row.id, problem: 'broken_link' });
        } else if (hashAuditEvent(fields, key) !== hash) {
          problems.push({ chainId, sequence: row.sequence, eventId: row.id, problem: 'hash_mismatch' });
        }
        const checkpointHash = checkpoints.get(row.sequence);
        if (checkpointHash !== undefined) {
          if (checkpointHash !== hash) problems.push({ chainId, sequence: row.sequence, eventId: row.id, problem: 'checkpoint_mismatch' });
          checkpoints.delete(row.sequence);
        }
        previousHash = hash;
        expectedSequence = row.sequence + 1;
      }
      if (rows.length < batchSize) break;
    }
    for (const [sequence] of checkpoints) problems.push({ chainId, sequence, eventId: null, problem: 'checkpoint_missing' });
    eventsByChain[chainId] = seen;

    if (!head) {
      // A municipality's chain begins with its creation, so no events and no head means both were deleted.
      const isInstallation = chainId === installationChain;
      if (seen > 0) problems.push({ chainId, sequence: expectedSequence - 1, eventId: null, problem: 'missing_head' });
      else if (!isInstallation || checkpointsOf.has(chainId))
        problems.push({ chainId, sequence: 0, eventId: null, problem: 'missing_chain' });
      continue;
    }
    // Events cut off the end of the chain: the head still remembers how long it was.
    const truncated = expectedSequence <= head.last_sequence;
    for (; expectedSequence <= head.last_sequence; expectedSequence += 1) {
      problems.push({ chainId, sequence: expectedSequence, eventId: null, problem: 'missing_event' });
    }
    if (!truncated && (expectedSequence - 1 !== head.last_sequence || previousHash !== head.last_hash)) {
      problems.push({ chainId, sequence: head.last_sequence, eventId: null, problem: 'head_mismatch' });
    }
  }
  return { chains: ordered.length, events, eventsByChain, problems, keyId: key.id };
}
