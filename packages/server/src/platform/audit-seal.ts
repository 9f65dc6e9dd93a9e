import { systemActor } from '../access/actor.ts';
import { currentAuditKey, type AuditKey } from './audit-key.ts';
import { genesisHash, hashAuditEvent, installationChain, recordAudit, unkeyedHashAuditEvent } from './audit.ts';
import type { Clock } from './clock.ts';
import { withTransaction, type DatabaseHandle, type TransactionHandle } from './database.ts';

type HashOf = Parameters<typeof unkeyedHashAuditEvent>[0];

export interface SealOutcome {
  chainId: string;
  events: number;
  /** Events whose old hash or link did not hold before the seal: recorded in the seal event, never hidden. */
  problemsBefore: number;
}

/**
 * Re-hashes every event of one chain under the current key, in sequence, and records the seal as
 * an event on the chain itself: how many events, the old head hash, and whether the old chain was
 * intact. `oldHash` recomputes an event's hash as it was written (unkeyed SHA-256, or the previous
 * key when rotating). Runs in the caller's transaction with the head row claimed first, so two
 * instances starting together seal a chain once.
 */
async function sealChain(
  transaction: TransactionHandle,
  clock: Clock,
  chainId: string,
  fromKeyId: string | null,
  oldHash: (fields: HashOf) => string,
): Promise<SealOutcome | null> {
  const key = currentAuditKey();
  let claim = transaction.updateTable('audit_chain_heads').set({ key_id: key.id }).where('chain_id', '=', chainId);
  claim = fromKeyId === null ? claim.where('key_id', 'is', null) : claim.where('key_id', '=', fromKeyId);
  const head = await claim.returning(['last_sequence', 'last_hash']).executeTakeFirst();
  if (!head) return null;

  let oldPrevious = genesisHash;
  let newPrevious = genesisHash;
  let expectedSequence = 1;
  let problemsBefore = 0;
  let events = 0;
  for (;;) {
    const rows = await transaction
      .selectFrom('audit_events')
      .selectAll()
      .where('chain_id', '=', chainId)
      .where('sequence', '>=', expectedSequence)
      .orderBy('sequence')
      .limit(2000)
      .execute();
    for (const row of rows) {
      const { hash, ...fields } = row;
      if (row.sequence !== expectedSequence || row.previous_hash !== oldPrevious || oldHash(fields) !== hash) problemsBefore += 1;
      oldPrevious = hash;
      const resealed = hashAuditEvent({ ...fields, previous_hash: newPrevious }, key);
      await transaction.updateTable('audit_events').set({ previous_hash: newPrevious, hash: resealed }).where('id', '=', row.id).execute();
      newPrevious = resealed;
      expectedSequence = row.sequence + 1;
      events += 1;
    }
    if (rows.length < 2000) break;
  }
  if (expectedSequence - 1 !== head.last_sequence || oldPrevious !== head.last_hash) problemsBefore += 1;
  await transaction
    .updateTable('audit_chain_heads')
    .set({ last_sequence: expectedSequence - 1, last_hash: newPrevious })
    .where('chain_id', '=', chainId)
    .execute();
  await recordAudit(transaction, systemActor('audit seal'), clock, {
    action: fromKeyId === null ? 'seal' : 'rotate_key',
    entityType: 'audit_chain',
    entityId: chainId,
    municipalityId: chainId === installationChain ? null : chainId,
    before: {
      hashing: fromKeyId === null ? 'sha256' : 'hmac-sha256',
      keyId: fromKeyId,
      headSequence: head.last_sequence,
      headHash: head.last_hash,
    },
    after: { hashing: 'hmac-sha256', keyId: key.id, events, problemsBefore },
  });
  return { chainId, events, problemsBefore };
}

/**
 * The one-time move of chains written before ADR 0012 to the keyed hash: every chain whose head has
 * no key is sealed under the current key, one transaction per chain. Runs at every start (server and
 * commands), and does nothing once every chain is sealed.
 */
export async function sealUnkeyedChains(db: DatabaseHandle, clock: Clock): Promise<SealOutcome[]> {
  const chains = await db.selectFrom('audit_chain_heads').select('chain_id').where('key_id', 'is', null).orderBy('chain_id').execute();
  const outcomes: SealOutcome[] = [];
  for (const { chain_id } of chains) {
    const outcome = await withTransaction(db, (transaction) => sealChain(transaction, clock, chain_id, null, unkeyedHashAuditEvent));
    if (outcome) outcomes.push(outcome);
  }
  return outcomes;
}

/**
 * Key rotation (`forvalta audit rotate-key`): every chain sealed under `previous` is re-hashed under
 * the current key. Resumable: a chain already under the current key is left alone.
 */
export async function rotateAuditKey(db: DatabaseHandle, clock: Clock, previous: AuditKey): Promise<SealOutcome[]> {
  const chains = await db
    .selectFrom('audit_chain_heads')
    .select('chain_id')
    .where('key_id', '=', previous.id)
    .orderBy('chain_id')
    .execute();
  const outcomes: SealOutcome[] = [];
  for (const { chain_id } of chains) {
    const outcome = await withTransaction(db, (transaction) =>
      sealChain(transaction, clock, chain_id, previous.id, (fields) => hashAuditEvent(fields, previous)),
    );
    if (outcome) outcomes.push(outcome);
  }
  return outcomes;
}
