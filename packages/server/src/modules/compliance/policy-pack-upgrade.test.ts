import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../access/actor.ts';
import * as policyPackBaselines from '../../migrations/2026-12-02-091-policy-pack-baselines.ts';
import { findClause, tanumPolicyPack, type PolicyPack } from '../../policy/index.ts';
import { createTestContext, factories, type TestContext, type TestMunicipality } from '../../../test/test-app.ts';
import { expectStatus, send } from '../../../test/http.ts';
import { upgradeDefaultPolicyPacks } from './policy-pack-upgrade.ts';

/** The clauses issue #13 gave rules: in the default as databases hold it (1.0.0) they were records and notices only. */
const rulesAddedSince100 = [
  'ITP-1-DOCS',
  'ITP-4.2-REGISTER',
  'ITP-4.2-TRAIN-OTHERS',
  'ITP-4.2.1-TRAIN-ADMINS',
  'ITP-5-ADEQUATE',
  'ITP-8-INFO',
  'ITP-9-AS-MAIL',
  'ITP-10-OWN-USE',
  'ITP-11-GUIDELINES',
  'ITP-12-CHANGE-INFORM',
];

function defaultAsShippedIn100(): PolicyPack {
  const pack = structuredClone(tanumPolicyPack) as PolicyPack;
  pack.version = '1.0.0';
  for (const id of rulesAddedSince100) {
    const clause = findClause(pack, id)!;
    clause.kind = clause.kind.replace('+rule', '') as PolicyPack['clauses'][number]['kind'];
    delete clause.ruleDescriptionSv;
    delete clause.ruleDescriptionEn;
  }
  delete pack.parameters.trainingCoverageThresholdPercent;
  return pack;
}

/**
 * The default pack's upgrade (ADR 0021) on a database as it stands before migration 091: two
 * municipalities hold the default 1.0.0, one of them with a version of its own on top. After the
 * upgrade both evaluate the rules added since, the own values survive, earlier versions are as
 * they were, each publication is audited, and a second run changes nothing.
 */
describe('the default policy pack upgrade', () => {
  let context: TestContext;
  let untouched: TestMunicipality;
  let edited: TestMunicipality;
  let current: TestMunicipality;

  const packRowsOf = (municipalityId: string) =>
    context.database.db
      .selectFrom('policy_packs')
      .select(['id', 'pack_version', 'content_json', 'published_by_name'])
      .where('municipality_id', '=', municipalityId)
      .orderBy('pack_version')
      .execute();
  const countOf = async (table: 'policy_packs' | 'policy_pack_baselines' | 'audit_events') =>
    Number(
      (
        await context.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('count'))
          .executeTakeFirstOrThrow()
      ).count,
    );
  const clauseIdsEvaluated = async (municipalityId: string) => {
    const { results } = await context.services.compliance.evaluateMunicipality(systemActor('test', municipalityId), municipalityId);
    return new Set(results.map((result) => result.clauseId));
  };

  beforeAll(async () => {
    context = await createTestContext();
    const make = factories(context);
    untouched = await make.municipality('Sotenäs');
    edited = await make.municipality('Strömstad');
    current = await make.municipality('Tanum');
    // The 1.0.0 the older databases hold, as initialisation gave it.
    for (const municipality of [untouched, edited]) {
      await context.database.db
        .updateTable('policy_packs')
        .set({ pack_version: '1.0.0', content_json: JSON.stringify(defaultAsShippedIn100()) })
        .where('municipality_id', '=', municipality.id)
        .execute();
    }
    // Strömstad published its own version while the code still shipped 1.0.0 (today the API refuses to
    // publish from a 1.0.0 pack: the rules added since make it unsound, one more reason for the upgrade).
    const own = defaultAsShippedIn100();
    own.version = '1.0.1';
    own.document.decisionReference = 'KS 2025/88';
    own.parameters.reviewIntervalMonths!.value = 24;
    findClause(own, 'ITP-4.2-DEPUTY')!.textSv = 'Varje system i Strömstad har en ersättare.';
    context.clock.advanceMinutes(10);
    await context.database.db
      .insertInto('policy_packs')
      .values({
        id: randomUUID(),
        municipality_id: edited.id,
        pack_key: own.key,
        pack_version: own.version,
        content_json: JSON.stringify(own),
        published_at: context.clock.now().toISOString(),
        published_by_name: 'Ada Administratör',
      })
      .execute();
    // The database as it was before migration 091, then the migration as it runs there.
    await policyPackBaselines.down(context.database.db as never);
    await policyPackBaselines.up(context.database.db as never);
    context.clock.advanceMinutes(10);
  });
  afterAll(() => context.close());

  it('backfills each municipality’s first pack as the default it received', async () => {
    const baselines = await context.database.db.selectFrom('policy_pack_baselines').select(['municipality_id', 'pack_version']).execute();
    expect(baselines.map((row) => [row.municipality_id, row.pack_version]).sort()).toEqual(
      [
        [untouched.id, '1.0.0'],
        [edited.id, '1.0.0'],
        [current.id, tanumPolicyPack.version],
      ].sort(),
    );
  });

  it('reports on a dry run what it would publish and writes nothing', async () => {
    const counts = [await countOf('policy_packs'), await countOf('policy_pack_baselines'), await countOf('audit_events')];
    const planned = await upgradeDefaultPolicyPacks(context.database.db, context.clock, { dryRun: true });
    expect(planned.map((upgrade) => upgrade.municipality.id).sort()).toEqual([untouched.id, edited.id].sort());
    expect([await countOf('policy_packs'), await countOf('policy_pack_baselines'), await countOf('audit_events')]).toEqual(counts);
  });

  it('publishes the code’s version, keeping each municipality’s own values, so the new rules run', async () => {
    expect(await clauseIdsEvaluated(untouched.id)).not.toContain('ITP-11-GUIDELINES');
    const earlierRows = [...(await packRowsOf(untouched.id)), ...(await packRowsOf(edited.id))];

    const upgrades = await upgradeDefaultPolicyPacks(context.database.db, context.clock);

    expect(upgrades.map((upgrade) => [upgrade.municipality.id, upgrade.fromVersion, upgrade.publishedVersion]).sort()).toEqual(
      [
        [untouched.id, '1.0.0', tanumPolicyPack.version],
        [edited.id, '1.0.1', tanumPolicyPack.version],
      ].sort(),
    );
    expect(upgrades.find((upgrade) => upgrade.municipality.id === edited.id)!.kept).toEqual({
      document: ['decisionReference'],
      parameters: ['reviewIntervalMonths'],
      clauses: [{ id: 'ITP-4.2-DEPUTY', fields: ['textSv'] }],
      droppedClauses: [],
    });
    for (const municipality of [untouched, edited]) {
      const evaluated = await clauseIdsEvaluated(municipality.id);
      for (const clauseId of ['ITP-11-GUIDELINES', 'ITP-1-DOCS', 'ITP-9-AS-MAIL']) expect(evaluated).toContain(clauseId);
    }

    const packs = expectStatus(await send(context, 'GET', '/api/v1/policy-packs', { headers: edited.admin.authorization }), 200);
    expect(packs.items.map((pack: { version: string; current: boolean }) => [pack.version, pack.current])).toEqual([
      [tanumPolicyPack.version, true],
      ['1.0.1', false],
      ['1.0.0', false],
    ]);
    expect(packs.items[0].publishedByName).toBe(`Förvalta (standard ${tanumPolicyPack.version})`);
    const upgraded = expectStatus(
      await send(context, 'GET', `/api/v1/policy-packs/${packs.items[0].id}`, { headers: edited.admin.authorization }),
      200,
    );
    const parameter = (key: string) => upgraded.parameters.find((candidate: { key: string }) => candidate.key === key)?.value;
    expect(parameter('reviewIntervalMonths')).toBe(24);
    expect(parameter('trainingCoverageThresholdPercent')).toBe(90);
    expect(upgraded.document.decisionReference).toBe('KS 2025/88');
    const clause = (id: string) => upgraded.clauses.find((candidate: { id: string }) => candidate.id === id);
    expect(clause('ITP-4.2-DEPUTY').textSv).toBe('Varje system i Strömstad har en ersättare.');
    expect(clause('ITP-11-GUIDELINES')).toMatchObject({ kind: 'record+rule', hasRule: true });

    // Earlier versions are untouched; each publication is audited in its municipality's chain.
    const laterRows = [...(await packRowsOf(untouched.id)), ...(await packRowsOf(edited.id))];
    expect(laterRows.filter((row) => earlierRows.some((earlier) => earlier.id === row.id))).toEqual(earlierRows);
    const audited = await context.database.db
      .selectFrom('audit_events')
      .select(['municipality_id', 'actor_name', 'entity_id'])
      .where('action', '=', 'publish')
      .where('actor_name', '=', 'system: policy pack upgrade')
      .execute();
    expect(audited.map((event) => event.municipality_id).sort()).toEqual([untouched.id, edited.id].sort());
    expect(audited.find((event) => event.municipality_id === edited.id)!.entity_id).toBe(packs.items[0].id);
  });

  it('changes nothing when it runs again', async () => {
    const counts = [await countOf('policy_packs'), await countOf('policy_pack_baselines'), await countOf('audit_events')];
    context.clock.advanceMinutes(10);
    expect(await upgradeDefaultPolicyPacks(context.database.db, context.clock)).toEqual([]);
    expect([await countOf('policy_packs'), await countOf('policy_pack_baselines'), await countOf('audit_events')]).toEqual(counts);
  });

  it('upgrades again once the code’s default is newer, from the default it last received', async () => {
    const later = structuredClone(tanumPolicyPack) as PolicyPack;
    later.version = '9.0.0';
    later.parameters.riskAnalysisIntervalMonths!.value = 18;
    const upgrades = await upgradeDefaultPolicyPacks(context.database.db, context.clock, { pack: later });
    expect(upgrades.map((upgrade) => upgrade.municipality.id).sort()).toEqual([untouched.id, edited.id, current.id].sort());
    const ofEdited = upgrades.find((upgrade) => upgrade.municipality.id === edited.id)!;
    // Still Strömstad's own, measured against 1.1.0 as received, not against its own 1.1.0 publication.
    expect(ofEdited).toMatchObject({ fromDefaultVersion: tanumPolicyPack.version, publishedVersion: '9.0.0' });
    expect(ofEdited.kept.parameters).toEqual(['reviewIntervalMonths']);
  });
});
