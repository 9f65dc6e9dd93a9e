import { randomUUID } from 'node:crypto';
import type { AnyActor } from '../access/actor.ts';
import { hashAuditEvent, installationChain, type AuditEntry } from '../platform/audit.ts';
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
 * The same canonical form as recordAudit: keys sorted (localeCompare) so equal content hashes
 * equally. A bulk load repeats a few shapes tens of thousands of times, so each shape's key order
 * is sorted once and remembered.
 */
const sortedKeysByShape = new Map<string, string[]>();
function canonicalJson(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (!inner || typeof inner !== 'object' || Array.isArray(inner)) return inner;
    const record = inner as Record<string, unknown>;
    const keys = Object.keys(record);
    const shape = keys.join('\u0000');
    let sorted = sortedKeysByShape.get(shape);
    if (!sorted) {
      sorted = [...keys].sort((left, right) => left.localeCompare(right));
      sortedKeysByShape.set(shape, sorted);
    }
    return Object.fromEntries(sorted.map((key) => [key, record[key]]));
  });
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

  const occurredAt = clock.now().toISOString();
  const actorLoginId = actor.kind === 'person' ? actor.loginId : null;
  const actorName = actor.kind === 'person' ? `${actor.name} <${actor.email}>` : `system: ${actor.name}`;
  const rows: AuditEventsTable[] = entries.map((entry) => {
    sequence += 1;
    const fields: Omit<AuditEventsTable, 'hash'> = {
      id: randomUUID(),
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
