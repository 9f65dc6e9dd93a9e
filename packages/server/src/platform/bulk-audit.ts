import { randomBytes } from 'node:crypto';
import type { AnyActor } from '../access/actor.ts';
import { currentAuditKey } from './audit-key.ts';
import { auditEventRow, genesisHash, installationChain, type AuditEntry } from './audit.ts';
import type { Clock } from './clock.ts';
import type { AuditEventsTable } from './database-schema.ts';
import { insertRows } from './bulk-insert.ts';
import type { TransactionHandle } from './database.ts';
import { timeOrderedCounterLimit, timeOrderedUuid } from './time-ordered-ids.ts';

/**
 * Audit events for many records at once, on the same hash chain recordAudit() writes (so
 * `forvalta audit verify` checks them like any other). recordAudit costs three statements per
 * event (claim the head, insert, store the hash); a bulk load locks the chain head once (the same
 * row lock on PostgreSQL), hashes the events in memory and inserts them with the repositories'
 * bulk path (insertRows), and stores the new head when it is done. Every record is still audited;
 * only the round trips are saved. See docs/adr/0005-bulk-audit-for-bulk-loads.md; the workload
 * generator and the imports share it (moved here from generate/ when the access-rights import came).
 */

export interface AuditChainWriter {
  /**
   * Numbers and hashes the entries onto the chain, in memory and at once: a generator does it
   * while the database is still writing its previous batch, and inserts the rows after that batch.
   */
  append(entries: AuditEntry[]): AuditEventsTable[];
  insert(rows: AuditEventsTable[]): Promise<void>;
  /** Stores the chain's new head; nothing may be appended after. */
  close(): Promise<void>;
  /** Events appended so far. */
  readonly appended: number;
}

/**
 * Opens the chain of `municipalityId` (the actor's by default) for a bulk write: the update of its
 * head locks the row until the commit, so no other writer can add to the chain in between and
 * the head read here stays the head until close().
 *
 * Event ids are in the UUID version 7 layout: the time of the append, a counter, 48 random bits.
 * Each is larger than the one before, so the events append to the id index (and to the one by
 * time and id) instead of writing to a random page of it for every event; the random tail keeps
 * two loads of the same millisecond apart.
 */
export async function openAuditChain(
  transaction: TransactionHandle,
  actor: AnyActor,
  clock: Clock,
  municipalityId = actor.municipalityId,
): Promise<AuditChainWriter> {
  const chainId = municipalityId ?? installationChain;
  const head = await transaction
    .updateTable('audit_chain_heads')
    .set((eb) => ({ last_sequence: eb.ref('last_sequence') }))
    .where('chain_id', '=', chainId)
    .returning(['last_sequence', 'last_hash'])
    .executeTakeFirst();
  if (!head)
    await transaction
      .insertInto('audit_chain_heads')
      .values({ chain_id: chainId, last_sequence: 0, last_hash: genesisHash, key_id: currentAuditKey().id })
      .execute();
  let sequence = head?.last_sequence ?? 0;
  let previousHash = head?.last_hash ?? genesisHash;
  let appended = 0;
  let idTime = 0;

  return {
    get appended() {
      return appended;
    },
    append(entries) {
      if (appended + entries.length > timeOrderedCounterLimit)
        throw new Error('openAuditChain: at most 2^26 events per writer (the id counter has 26 bits)');
      const now = clock.now();
      const occurredAt = now.toISOString();
      idTime = Math.max(idTime, now.getTime());
      const idTails = randomBytes(6 * entries.length).toString('hex');
      const rows = entries.map((entry, index) => {
        if ((entry.municipalityId !== undefined ? entry.municipalityId : actor.municipalityId) !== municipalityId) {
          throw new Error('openAuditChain: every entry must belong to the chain that was opened');
        }
        sequence += 1;
        const id = timeOrderedUuid(idTime, appended + index, idTails.slice(index * 12, index * 12 + 12));
        const row = auditEventRow({ id, chainId, sequence, municipalityId, occurredAt, previousHash }, actor, entry);
        previousHash = row.hash;
        return row;
      });
      appended += entries.length;
      return rows;
    },
    insert: (rows) => insertRows(transaction, 'audit_events', rows),
    close: async () => {
      await transaction
        .updateTable('audit_chain_heads')
        .set({ last_sequence: sequence, last_hash: previousHash })
        .where('chain_id', '=', chainId)
        .execute();
    },
  };
}

/** One bulk write of events onto their chain: open, append, insert, close. */
export async function recordAuditEvents(
  transaction: TransactionHandle,
  actor: AnyActor,
  clock: Clock,
  entries: AuditEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  const first = entries[0]!;
  const chain = await openAuditChain(
    transaction,
    actor,
    clock,
    first.municipalityId !== undefined ? first.municipalityId : actor.municipalityId,
  );
  await chain.insert(chain.append(entries));
  await chain.close();
}
