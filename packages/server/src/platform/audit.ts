import { createHash, randomUUID } from 'node:crypto';
import type { AuditAction } from '@forvalta/contracts';
import type { AnyActor } from '../access/actor.ts';
import { currentAuditKey, hmacHex, type AuditKey } from './audit-key.ts';
import type { AuditEventsTable } from './database-schema.ts';
import type { TransactionHandle } from './database.ts';
import type { Clock } from './clock.ts';

/**
 * The audit log: append-only and hash-chained. Each municipality has its own chain (so a
 * municipality can be moved or sharded with its history); installation-wide events (logins
 * without a municipality, new municipalities) use the chain `installation`.
 *
 * Each event's hash covers the previous event's hash and every stored field, so altering,
 * deleting or reordering a row breaks the chain at that row, which `verifyAuditChains` names.
 * The hash is an HMAC-SHA-256 under the installation's audit key, which is not in the database
 * (ADR 0012): without the key nobody can recompute a chain they shortened or rewrote.
 */
export const installationChain = 'installation';
/** The previous hash of a chain's first event. */
export const genesisHash = '0'.repeat(64);

export interface AuditEntry {
  /** One of the contracts' audit actions: the log's filter and its names in both languages know every one. */
  action: AuditAction;
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
 * every object. Used by recordAudit and by the bulk path (platform/bulk-audit.ts).
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

function hashMaterial(fields: HashedFields): string {
  return JSON.stringify([
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
}

/** The event's hash: HMAC-SHA-256 of every stored field and the previous hash, under the audit key. */
export function hashAuditEvent(fields: HashedFields, key: AuditKey = currentAuditKey()): string {
  return hmacHex(key, hashMaterial(fields));
}

/** The unkeyed SHA-256 that chains were written with before ADR 0012; only the one-time seal reads it. */
export function unkeyedHashAuditEvent(fields: HashedFields): string {
  return createHash('sha256').update(hashMaterial(fields)).digest('hex');
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

/** The event's row with its hash: the one shape recordAudit and the bulk path (platform/bulk-audit.ts) write. */
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
    await transaction
      .insertInto('audit_chain_heads')
      .values({ chain_id: chainId, last_sequence: 1, last_hash: genesisHash, key_id: currentAuditKey().id })
      .execute();
  }

  const row = auditEventRow(
    { id: randomUUID(), chainId, sequence, municipalityId, occurredAt: clock.now().toISOString(), previousHash },
    actor,
    entry,
  );
  await transaction.insertInto('audit_events').values(row).execute();
  await transaction.updateTable('audit_chain_heads').set({ last_hash: row.hash }).where('chain_id', '=', chainId).execute();
}
