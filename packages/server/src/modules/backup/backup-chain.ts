import { genesisHash, hashAuditEvent } from '../../platform/audit.ts';
import type { AuditKey } from '../../platform/audit-key.ts';
import type { AuditEventsTable } from '../../platform/database-schema.ts';
import type { StoredRow } from './backup.repository.ts';

/**
 * The municipality's audit chain inside an archive: checked under the source installation's key
 * on the way in, then carried on under the destination's key (ADR 0034). Pure functions: the rows
 * are the archive's, nothing here touches a database.
 */

export interface ChainHead {
  lastSequence: number;
  lastHash: string;
}

function eventOf(row: StoredRow): AuditEventsTable {
  return row as unknown as AuditEventsTable;
}

/**
 * The first problem of the archived chain, or null when it is intact: every event's HMAC under
 * `key`, the link to the event before, sequence numbers 1, 2, 3 … without a gap, and the last event
 * equal to the head the manifest was signed with.
 */
export function firstChainProblem(rows: readonly StoredRow[], chainId: string, head: ChainHead, key: AuditKey): string | null {
  let previous = genesisHash;
  let expected = 1;
  for (const row of rows) {
    const event = eventOf(row);
    const where = `event #${String(event.sequence)} (id ${String(event.id)})`;
    if (event.chain_id !== chainId) return `${where} is not on the municipality's chain`;
    if (Number(event.sequence) !== expected) return `event #${expected} is missing`;
    if (event.previous_hash !== previous) return `${where} does not link to the event before it`;
    const { hash, ...fields } = event;
    if (hashAuditEvent({ ...fields, sequence: Number(fields.sequence) }, key) !== hash) return `${where} was altered`;
    previous = hash;
    expected += 1;
  }
  if (expected - 1 !== head.lastSequence || previous !== head.lastHash) {
    return `the chain ends at event #${expected - 1}, not at the head the archive was signed with (#${head.lastSequence})`;
  }
  return null;
}

/** The same events hashed anew, in order, under the destination's key: the chain as the destination keeps it. */
export function rehashChain(rows: readonly StoredRow[], key: AuditKey): { rows: StoredRow[]; head: ChainHead } {
  let previous = genesisHash;
  let lastSequence = 0;
  const rehashed: StoredRow[] = [];
  for (const row of rows) {
    const { hash: _sourceHash, ...fields } = eventOf(row);
    const placed = { ...fields, sequence: Number(fields.sequence), previous_hash: previous };
    const hash = hashAuditEvent(placed, key);
    rehashed.push({ ...placed, hash });
    previous = hash;
    lastSequence = placed.sequence;
  }
  return { rows: rehashed, head: { lastSequence, lastHash: previous } };
}
