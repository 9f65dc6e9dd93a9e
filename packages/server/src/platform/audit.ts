import { createHash, randomUUID } from 'node:crypto';
import type { AnyActor } from '../access/actor.ts';
import type { AuditEventsTable } from './database-schema.ts';
import type { Executor, TransactionHandle } from './database.ts';
import type { Clock } from './clock.ts';

/**
 * The audit log: append-only and hash-chained. Each municipality has its own chain (so a
 * municipality can be moved or sharded with its history); installation-wide events (logins
 * without a municipality, new municipalities) use the chain `installation`.
 *
 * Each event's hash covers the previous event's hash and every stored field, so altering,
 * deleting or reordering a row breaks the chain at that row, which `verifyAuditChains` names.
 */
export const installationChain = 'installation';
/** The previous hash of a chain's first event. */
export const genesisHash = '0'.repeat(64);

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
  /** Defaults to the actor's municipality. */
  municipalityId?: string | null;
}

type HashedFields = Omit<AuditEventsTable, 'hash'>;

/**
 * The stored form of an event's before and after: JSON with every object's keys sorted
 * (localeCompare), so that equal content hashes equally. Its bytes are part of every hash in the
 * chain, so it must never change: it is exactly what `JSON.stringify` gives with a replacer that
 * rebuilds each object from its sorted entries (audit.unit.test.ts compares the two), written
 * directly because a bulk load canonicalises tens of thousands of values and the replacer rebuilt
 * every object. Used by recordAudit and by the bulk path (generate/bulk-audit.ts).
 */
export function canonicalJson(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return writeJson(value, '') as string;
}

/**
 * One value as JSON.stringify writes it, objects with sorted keys; undefined where JSON.stringify
 * leaves the value out (undefined, functions, symbols).
 */
function writeJson(value: unknown, key: string): string | undefined {
  // JSON.stringify calls toJSON (Date's, for one) before anything else looks at the value.
  if ((typeof value === 'object' && value !== null) || typeof value === 'bigint') {
    const toJson = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJson === 'function') value = toJson.call(value, key);
  }
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  if (Array.isArray(value)) {
    let text = '[';
    for (let index = 0; index < value.length; index += 1) {
      if (index > 0) text += ',';
      text += writeJson(value[index], String(index)) ?? 'null';
    }
    return `${text}]`;
  }
  // Any other object, a Map or a boxed number too, became a plain object of its own enumerable keys.
  const record = value as Record<string, unknown>;
  const shape = shapeOf(Object.keys(record));
  let text = '{';
  for (let index = 0; index < shape.sorted.length; index += 1) {
    const written = writeJson(record[shape.sorted[index]!], shape.sorted[index]!);
    if (written === undefined) continue;
    if (text.length > 1) text += ',';
    text += shape.quoted[index]! + written;
  }
  return `${text}}`;
}

/**
 * Key orders by shape, with each key already written as `"key":`: a bulk load repeats a few
 * shapes tens of thousands of times. The order is that of an object built from the entries sorted
 * with localeCompare, where integer-like keys still come first. Bounded, since recordAudit runs for
 * the life of the server.
 */
interface Shape {
  keys: string[];
  sorted: string[];
  quoted: string[];
}
const shapesByJoinedKeys = new Map<string, Shape>();
const shapesRemembered = 1000;

function shapeOf(keys: string[]): Shape {
  const joined = keys.join('\u0000');
  const known = shapesByJoinedKeys.get(joined);
  // Keys that themselves contain \u0000 could join alike: the keys are compared, not only the joined text.
  if (known && known.keys.length === keys.length && known.keys.every((key, index) => key === keys[index])) return known;
  const byLocale = [...keys].sort((left, right) => left.localeCompare(right));
  const sorted = Object.keys(Object.fromEntries(byLocale.map((name) => [name, true])));
  const shape = { keys, sorted, quoted: sorted.map((name) => `${JSON.stringify(name)}:`) };
  if (shapesByJoinedKeys.size >= shapesRemembered) shapesByJoinedKeys.delete(shapesByJoinedKeys.keys().next().value!);
  shapesByJoinedKeys.set(joined, shape);
  return shape;
}

export function hashAuditEvent(fields: HashedFields): string {
  const material = JSON.stringify([
    fields.previous_hash,
    fields.id,
    fields.chain_id,
    fields.sequence,
    fields.municipality_id,
    fields.occurred_at,
    fields.actor_login_id,
    fields.actor_name,
    fields.action,
    fields.entity_type,
    fields.entity_id,
    fields.before_json,
    fields.after_json,
  ]);
  return createHash('sha256').update(material).digest('hex');
}

/** Where an event goes in its chain: its id, its place, and the hash of the event before it. */
export interface AuditEventPlacement {
  id: string;
  chainId: string;
  sequence: number;
  municipalityId: string | null;
  occurredAt: string;
  previousHash: string;
}

/** The event's row with its hash: the one shape recordAudit and the bulk path (generate/bulk-audit.ts) write. */
export function auditEventRow(placement: AuditEventPlacement, actor: AnyActor, entry: AuditEntry): AuditEventsTable {
  const fields: HashedFields = {
    id: placement.id,
    chain_id: placement.chainId,
    sequence: placement.sequence,
    municipality_id: placement.municipalityId,
    occurred_at: placement.occurredAt,
    actor_login_id: actor.kind === 'person' ? actor.loginId : null,
    actor_name: actor.kind === 'person' ? `${actor.name} <${actor.email}>` : `system: ${actor.name}`,
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId,
    before_json: canonicalJson(entry.before),
    after_json: canonicalJson(entry.after),
    previous_hash: placement.previousHash,
  };
  return { ...fields, hash: hashAuditEvent(fields) };
}

/**
 * Records one event inside the caller's transaction. Updating the chain head row first takes a
 * row lock on PostgreSQL (SQLite serialises writers anyway), so concurrent writers cannot fork
 * the chain.
 */
export async function recordAudit(transaction: TransactionHandle, actor: AnyActor, clock: Clock, entry: AuditEntry): Promise<void> {
  const municipalityId = entry.municipalityId !== undefined ? entry.municipalityId : actor.municipalityId;
  const chainId = municipalityId ?? installationChain;

  const head = await transaction
    .updateTable('audit_chain_heads')
    .set((eb) => ({ last_sequence: eb('last_sequence', '+', 1) }))
    .where('chain_id', '=', chainId)
    .returning(['last_sequence', 'last_hash'])
    .executeTakeFirst();

  let sequence: number;
  let previousHash: string;
  if (head) {
    sequence = head.last_sequence;
    previousHash = head.last_hash;
  } else {
    sequence = 1;
    previousHash = genesisHash;
    await transaction.insertInto('audit_chain_heads').values({ chain_id: chainId, last_sequence: 1, last_hash: genesisHash }).execute();
  }

  const row = auditEventRow(
    { id: randomUUID(), chainId, sequence, municipalityId, occurredAt: clock.now().toISOString(), previousHash },
    actor,
    entry,
  );
  await transaction.insertInto('audit_events').values(row).execute();
  await transaction.updateTable('audit_chain_heads').set({ last_hash: row.hash }).where('chain_id', '=', chainId).execute();
}

export interface AuditChainProblem {
  chainId: string;
  sequence: number;
  eventId: string | null;
  problem: 'hash_mismatch' | 'broken_link' | 'missing_event' | 'head_mismatch';
}

export interface AuditVerification {
  chains: number;
  events: number;
  problems: AuditChainProblem[];
}

/** Walks every chain in order and names each row whose content or link does not hold. */
export async function verifyAuditChains(db: Executor, batchSize = 5000): Promise<AuditVerification> {
  const heads = await db.selectFrom('audit_chain_heads').selectAll().orderBy('chain_id').execute();
  const problems: AuditChainProblem[] = [];
  let events = 0;

  for (const head of heads) {
    let previousHash = genesisHash;
    let expectedSequence = 1;
    for (;;) {
      const rows = await db
        .selectFrom('audit_events')
        .selectAll()
        .where('chain_id', '=', head.chain_id)
        .where('sequence', '>=', expectedSequence)
        .orderBy('sequence')
        .limit(batchSize)
        .execute();
      for (const row of rows) {
        events += 1;
        while (row.sequence > expectedSequence) {
          problems.push({ chainId: head.chain_id, sequence: expectedSequence, eventId: null, problem: 'missing_event' });
          expectedSequence += 1;
        }
        const { hash, ...fields } = row;
        if (row.previous_hash !== previousHash) {
          problems.push({ chainId: head.chain_id, sequence: row.sequence, eventId: row.id, problem: 'broken_link' });
        } else if (hashAuditEvent(fields) !== hash) {
          problems.push({ chainId: head.chain_id, sequence: row.sequence, eventId: row.id, problem: 'hash_mismatch' });
        }
        previousHash = hash;
        expectedSequence = row.sequence + 1;
      }
      if (rows.length < batchSize) break;
    }
    // Events cut off the end of the chain: the head still remembers how long it was.
    const truncated = expectedSequence <= head.last_sequence;
    for (; expectedSequence <= head.last_sequence; expectedSequence += 1) {
      problems.push({ chainId: head.chain_id, sequence: expectedSequence, eventId: null, problem: 'missing_event' });
    }
    if (!truncated && (expectedSequence - 1 !== head.last_sequence || previousHash !== head.last_hash)) {
      problems.push({ chainId: head.chain_id, sequence: head.last_sequence, eventId: null, problem: 'head_mismatch' });
    }
  }
  return { chains: heads.length, events, problems };
}
