import { createHash, createHmac, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectStatus, send } from '../../../test/http.ts';
import { createTestContext, factories, type TestContext, type TestMunicipality } from '../../../test/test-app.ts';
import { auditKeyOf } from '../../platform/audit-key.ts';
import { sealUnkeyedChains } from '../../platform/audit-seal.ts';
import { auditCheckpoints, verifyAuditChains } from '../../platform/audit-verify.ts';
import type { AuditEventsTable } from '../../platform/database-schema.ts';
import type { DatabaseHandle } from '../../platform/database.ts';

/**
 * Issue #12, finding 6: with unkeyed SHA-256 and the head in the same database, someone who can
 * write the database removed an event and recomputed the chain, or deleted a municipality's chain
 * with its head row, and verify still said "intact". These tests are that attacker.
 */
type Fields = Omit<AuditEventsTable, 'hash'>;
const material = (fields: Fields) =>
  JSON.stringify([
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
/** What the chain was hashed with before the fix: public, so anyone can recompute it. */
const sha256 = (fields: Fields) => createHash('sha256').update(material(fields)).digest('hex');

/** Removes one event, renumbers the ones after it and recomputes every hash and the head with `hash`. */
async function rewriteWithout(db: DatabaseHandle, chainId: string, removedId: string, hash: (fields: Fields) => string) {
  await db.deleteFrom('audit_events').where('id', '=', removedId).execute();
  const rows = await db.selectFrom('audit_events').selectAll().where('chain_id', '=', chainId).orderBy('sequence').execute();
  let previous = '0'.repeat(64);
  for (const [index, row] of rows.entries()) {
    const { hash: _old, ...fields } = row;
    const rewritten = { ...fields, sequence: index + 1, previous_hash: previous };
    const newHash = hash(rewritten);
    await db
      .updateTable('audit_events')
      .set({ sequence: index + 1, previous_hash: previous, hash: newHash })
      .where('id', '=', row.id)
      .execute();
    previous = newHash;
  }
  await db
    .updateTable('audit_chain_heads')
    .set({ last_sequence: rows.length, last_hash: previous })
    .where('chain_id', '=', chainId)
    .execute();
}

describe('the audit chain against someone who can write the database', () => {
  let context: TestContext;
  let make: ReturnType<typeof factories>;
  let auditor: { authorization: string };

  beforeAll(async () => {
    context = await createTestContext();
    make = factories(context);
  });
  afterAll(() => context.close());

  const db = () => context.database.db;
  const verification = async (municipality: TestMunicipality) =>
    expectStatus(await send(context, 'GET', '/api/v1/audit-events/verification', { headers: municipality.admin.authorization }), 200);

  async function municipalityWithEvents() {
    const municipality = await make.municipality('Kedja');
    for (const name of ['Ett', 'Två', 'Tre']) await make.department(municipality, name);
    auditor = (await make.user(municipality, 'auditor')).authorization;
    return municipality;
  }

  it('is found rewritten when an event is removed and the chain recomputed with SHA-256, or with a guessed key', async () => {
    for (const attackerHash of [sha256, (fields: Fields) => createHmac('sha256', randomBytes(32)).update(material(fields)).digest('hex')]) {
      const municipality = await municipalityWithEvents();
      expect(await verification(municipality)).toMatchObject({ intact: true, problems: [] });
      const victim = await db()
        .selectFrom('audit_events')
        .select('id')
        .where('chain_id', '=', municipality.id)
        .where('entity_type', '=', 'department')
        .orderBy('sequence')
        .executeTakeFirstOrThrow();
      await rewriteWithout(db(), municipality.id, victim.id, attackerHash);
      const result = await verification(municipality);
      expect(result.intact).toBe(false);
      expect(result.problems.map((problem: { problem: string }) => problem.problem)).toContain('hash_mismatch');
      // The auditor sees the same answer as the administrator.
      expect(expectStatus(await send(context, 'GET', '/api/v1/audit-events/verification', { headers: auditor }), 200).intact).toBe(false);
    }
  });

  it('fails for a municipality whose whole chain was deleted with its head row, or whose head row alone was deleted', async () => {
    const gone = await municipalityWithEvents();
    await db().deleteFrom('audit_events').where('chain_id', '=', gone.id).execute();
    await db().deleteFrom('audit_chain_heads').where('chain_id', '=', gone.id).execute();
    expect(await verification(gone)).toMatchObject({ intact: false, problems: [{ problem: 'missing_chain' }] });
    const everything = await verifyAuditChains(db());
    expect(everything.problems).toContainEqual({ chainId: gone.id, sequence: 0, eventId: null, problem: 'missing_chain' });

    const headless = await municipalityWithEvents();
    await db().deleteFrom('audit_chain_heads').where('chain_id', '=', headless.id).execute();
    expect((await verification(headless)).problems.map((problem: { problem: string }) => problem.problem)).toEqual(['missing_head']);
  });

  it('finds a chain cut back or rewritten with the real key against checkpoints taken before, and a forged checkpoint file', async () => {
    const municipality = await municipalityWithEvents();
    const checkpoints = await auditCheckpoints(db(), context.clock.now());
    expect((await verifyAuditChains(db(), { chainIds: [municipality.id], checkpoints })).problems).toEqual([]);
    await make.department(municipality, 'Efter kontrollpunkten');

    // An insider with the key itself: remove an event before the checkpoint and recompute with the key.
    const { hashAuditEvent } = await import('../../platform/audit.ts');
    const victim = await db()
      .selectFrom('audit_events')
      .select('id')
      .where('chain_id', '=', municipality.id)
      .where('entity_type', '=', 'department')
      .orderBy('sequence')
      .executeTakeFirstOrThrow();
    await rewriteWithout(db(), municipality.id, victim.id, (fields) => hashAuditEvent(fields));
    expect((await verifyAuditChains(db(), { chainIds: [municipality.id] })).problems).toEqual([]);
    const rewritten = await verifyAuditChains(db(), { chainIds: [municipality.id], checkpoints });
    expect(rewritten.problems.map((problem) => problem.problem)).toContain('checkpoint_mismatch');

    // Cut back: every event after the first removed, the head set to match.
    await db().deleteFrom('audit_events').where('chain_id', '=', municipality.id).where('sequence', '>', 1).execute();
    const first = await db().selectFrom('audit_events').select('hash').where('chain_id', '=', municipality.id).executeTakeFirstOrThrow();
    await db()
      .updateTable('audit_chain_heads')
      .set({ last_sequence: 1, last_hash: first.hash })
      .where('chain_id', '=', municipality.id)
      .execute();
    const truncated = await verifyAuditChains(db(), { chainIds: [municipality.id], checkpoints });
    expect(truncated.problems.map((problem) => problem.problem)).toEqual(['checkpoint_missing']);

    // A checkpoint file edited to match the shortened chain no longer carries a valid signature.
    const forged = {
      ...checkpoints,
      chains: checkpoints.chains.map((chain) => (chain.chainId === municipality.id ? { ...chain, sequence: 1, hash: first.hash } : chain)),
    };
    expect(
      (await verifyAuditChains(db(), { chainIds: [municipality.id], checkpoints: forged })).problems.map((problem) => problem.problem),
    ).toEqual(['checkpoint_signature']);
    // Checkpoints signed with another key are not this installation's.
    const foreign = await auditCheckpoints(db(), context.clock.now(), auditKeyOf(randomBytes(32)));
    expect((await verifyAuditChains(db(), { chainIds: [municipality.id], checkpoints: foreign })).problems[0]?.problem).toBe(
      'checkpoint_signature',
    );
  });

  it('runs verification as a scheduled job whose failure administrators see on the jobs list', async () => {
    const municipality = await municipalityWithEvents();
    await db().deleteFrom('audit_chain_heads').where('chain_id', '=', municipality.id).execute();
    const runs = await context.jobRunner!.runDue();
    expect(runs.find((run) => run.name === 'audit-chain-verification')).toMatchObject({ outcome: 'failed' });
    const jobs = expectStatus(await send(context, 'GET', '/api/v1/jobs', { headers: municipality.admin.authorization }), 200);
    const job = jobs.items.find((item: { name: string }) => item.name === 'audit-chain-verification');
    expect(job).toMatchObject({ lastOutcome: 'failed', failureCount: 1 });
    expect(job.lastError).toContain('The audit log does not verify');
    expect(job.lastError).toContain(municipality.code);
  });

  it('seals a chain written before the key once, records the seal on the chain, and names a head set back to unkeyed', async () => {
    const municipality = await municipalityWithEvents();
    // The chain as the code before the fix wrote it: unkeyed SHA-256, a head without a key.
    const rows = await db().selectFrom('audit_events').selectAll().where('chain_id', '=', municipality.id).orderBy('sequence').execute();
    let previous = '0'.repeat(64);
    for (const row of rows) {
      const { hash: _old, ...fields } = row;
      const legacy = sha256({ ...fields, previous_hash: previous });
      await db().updateTable('audit_events').set({ previous_hash: previous, hash: legacy }).where('id', '=', row.id).execute();
      previous = legacy;
    }
    await db()
      .updateTable('audit_chain_heads')
      .set({ last_hash: previous, key_id: null })
      .where('chain_id', '=', municipality.id)
      .execute();
    expect((await verification(municipality)).problems.map((problem: { problem: string }) => problem.problem)).toContain('unsealed_chain');

    const outcomes = await sealUnkeyedChains(db(), context.clock);
    expect(outcomes).toEqual([{ chainId: municipality.id, events: rows.length, problemsBefore: 0 }]);
    expect(await sealUnkeyedChains(db(), context.clock)).toEqual([]);
    expect(await verification(municipality)).toMatchObject({ intact: true, events: rows.length + 1 });
    const seal = await db()
      .selectFrom('audit_events')
      .selectAll()
      .where('chain_id', '=', municipality.id)
      .where('action', '=', 'seal')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(seal.before_json!)).toMatchObject({ hashing: 'sha256', headHash: previous, headSequence: rows.length });
    expect(JSON.parse(seal.after_json!)).toMatchObject({ hashing: 'hmac-sha256', events: rows.length, problemsBefore: 0 });
  });
});
