import { randomBytes } from 'node:crypto';
import type { AnyActor } from '../access/actor.ts';
import { canonicalJson, hashAuditEvent, installationChain, type AuditEntry } from '../platform/audit.ts';
import type { Clock } from '../platform/clock.ts';
import type { AuditEventsTable } from '../platform/database-schema.ts';
import { insertRows } from '../platform/bulk-insert.ts';
import type { TransactionHandle } from '../platform/database.ts';

/**
 * Audit events for many records at once, on the same hash chain recordAudit() writes (so
 * `forvalta audit verify` checks them like any other). recordAudit costs three statements per
 * event (claim the head, insert, store the hash); a bulk load claims a whole range of sequence
 * numbers with one update of the chain head (which takes the same row lock on PostgreSQL),
 * hashes the events in memory and inserts them with the repositories' bulk path (insertRows).
 * Every record is still audited; only the round trips are saved. See
 * docs/adr/0005-bulk-audit-for-bulk-loads.md.
 */
const genesisHash = '0'.repeat(64);

/**
 * Event ids in the UUID version 7 layout: the load's time, a counter, 48 random bits. Each is
 * larger than the one before, so the events append to the id index (and to the one by time and
 * id) instead of writing to a random page of it for every event; the random tail keeps two loads
 * of the same millisecond apart.
 */
function timeOrderedIds(time: number, count: number): string[] {
  if (count > 2 ** 26) throw new Error('recordAuditEvents: at most 2^26 events per call (the id counter has 26 bits)');
  const timeHex = time.toString(16).padStart(12, '0');
  const prefix = `${timeHex.slice(0, 8)}-${timeHex.slice(8)}-`;
  const tail = randomBytes(6 * count).toString('hex');
  const ids: string[] = [];
  for (let counter = 0; counter < count; counter += 1) {
    // Version 7, then the counter's top 12 bits; the variant (10), then its low 14 bits.
    const versioned = (0x7000 | (counter >>> 14)).toString(16);
    const variant = (0x8000 | (counter & 0x3fff)).toString(16);
    ids.push(`${prefix}${versioned}-${variant}-${tail.slice(counter * 12, counter * 12 + 12)}`);
  }
  return ids;
}

export async function recordAuditEvents(
  transaction: TransactionHandle,
  actor: AnyActor,
  clock: Clock,
  entries: AuditEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  const municipalityId = entries[0]!.municipalityId !== undefined ? entries[0]!.municipalityId : actor.municipalityId;
  if (entries.some((entry) => (entry.municipalityId !== undefined ? entry.municipalityId : actor.municipalityId) !== municipalityId)) {
    throw new Error('recordAuditEvents: all entries of one call must belong to one chain');
  }
  const chainId = municipalityId ?? installationChain;

  // Claim sequence numbers (last+1 … last+n) in one statement; the row stays locked until commit.
  const head = await transaction
    .updateTable('audit_chain_heads')
    .set((eb) => ({ last_sequence: eb('last_sequence', '+', entries.length) }))
    .where('chain_id', '=', chainId)
    .returning(['last_sequence', 'last_hash'])
    .executeTakeFirst();
  let sequence: number;
  let previousHash: string;
  if (head) {
    sequence = head.last_sequence - entries.length;
    previousHash = head.last_hash;
  } else {
    sequence = 0;
    previousHash = genesisHash;
    await transaction.insertInto('audit_chain_heads').values({ chain_id: chainId, last_sequence: entries.length, last_hash: genesisHash }).execute();
  }

  const now = clock.now();
  const occurredAt = now.toISOString();
  const ids = timeOrderedIds(now.getTime(), entries.length);
  const actorLoginId = actor.kind === 'person' ? actor.loginId : null;
  const actorName = actor.kind === 'person' ? `${actor.name} <${actor.email}>` : `system: ${actor.name}`;
  const rows: AuditEventsTable[] = entries.map((entry, index) => {
    sequence += 1;
    const fields: Omit<AuditEventsTable, 'hash'> = {
      id: ids[index]!,
      chain_id: chainId,
      sequence,
      municipality_id: municipalityId,
      occurred_at: occurredAt,
      actor_login_id: actorLoginId,
      actor_name: actorName,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      before_json: canonicalJson(entry.before),
      after_json: canonicalJson(entry.after),
      previous_hash: previousHash,
    };
    const hash = hashAuditEvent(fields);
    previousHash = hash;
    return { ...fields, hash };
  });

  await insertRows(transaction, 'audit_events', rows);
  await transaction.updateTable('audit_chain_heads').set({ last_hash: previousHash }).where('chain_id', '=', chainId).execute();
}
