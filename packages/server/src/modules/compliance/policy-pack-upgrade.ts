/**
 * The default policy pack's upgrade (ADR 0021): each municipality whose pack derives from an older
 * version of the product's default gets the code's version published, merged three ways with what
 * the municipality changed itself (policy/upgrade-pack.ts), in one transaction per municipality
 * with its audit event. Earlier versions stay as they were. It runs at every start (the CLI's
 * openDatabase, after the migrations) and as `forvalta policy-packs upgrade`; once a municipality
 * holds the code's version it is left alone, so a second run changes nothing.
 */
import { randomUUID } from 'node:crypto';
import { systemActor } from '../../access/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { withTransaction, type DatabaseHandle, type Executor } from '../../platform/database.ts';
import {
  comparePackVersions,
  mergePackUpgrade,
  tanumPolicyPack,
  validatePolicyPack,
  type KeptOwnValues,
  type PolicyPack,
} from '../../policy/index.ts';
import { policyPacksRepository } from './policy-packs.repository.ts';

export interface PolicyPackUpgrade {
  municipality: { id: string; code: string; name: string };
  /** The municipality's current pack before the upgrade. */
  fromVersion: string;
  /** The default version that pack derived from, and the one it now derives from. */
  fromDefaultVersion: string;
  toDefaultVersion: string;
  /** The version published (the default's, unless the municipality already used that name). */
  publishedVersion: string;
  kept: KeptOwnValues;
}

export interface UpgradeOptions {
  /** Report what would be published, write nothing. */
  dryRun?: boolean;
  /** The newer default; the code's pack unless a test passes another. */
  pack?: PolicyPack;
}

/** The version to publish: the default's own, or with +1, +2… when the municipality already used that name. */
async function freeVersion(db: Executor, municipalityId: string, pack: PolicyPack): Promise<string> {
  let candidate = pack.version;
  for (let suffix = 1; await policyPacksRepository.versionExists(db, municipalityId, pack.key, candidate); suffix += 1) {
    candidate = `${pack.version}+${suffix}`;
  }
  return candidate;
}

async function upgradeOne(
  db: Executor,
  municipality: PolicyPackUpgrade['municipality'],
  next: PolicyPack,
): Promise<{ upgrade: PolicyPackUpgrade; pack: PolicyPack } | undefined> {
  const current = await policyPacksRepository.current(db, municipality.id);
  if (!current || current.pack.key !== next.key) return undefined;
  const baselines = await policyPacksRepository.baselines(db, municipality.id, next.key);
  // Migration 091 and the initialisation give every municipality one; without it the first pack is the default as received.
  const base =
    baselines.sort((left, right) => comparePackVersions(right.version, left.version))[0] ??
    (await policyPacksRepository.list(db, municipality.id)).at(-1)!.pack;
  if (comparePackVersions(next.version, base.version) <= 0) return undefined;

  const merged = mergePackUpgrade(base, current.pack, next);
  merged.pack.version = await freeVersion(db, municipality.id, next);
  const problems = validatePolicyPack(merged.pack);
  if (problems.length > 0)
    throw new Error(`The upgraded policy pack of ${municipality.name} (${municipality.code}) is not sound: ${problems.join('; ')}`);
  return {
    pack: merged.pack,
    upgrade: {
      municipality,
      fromVersion: current.pack.version,
      fromDefaultVersion: base.version,
      toDefaultVersion: next.version,
      publishedVersion: merged.pack.version,
      kept: merged.kept,
    },
  };
}

/** Upgrades every municipality on an older default; returns what it published (or would, on a dry run). */
export async function upgradeDefaultPolicyPacks(
  db: DatabaseHandle,
  clock: Clock,
  options: UpgradeOptions = {},
): Promise<PolicyPackUpgrade[]> {
  const next = options.pack ?? tanumPolicyPack;
  const upgrades: PolicyPackUpgrade[] = [];
  for (const municipality of await policyPacksRepository.municipalitiesWithPack(db, next.key)) {
    if (options.dryRun) {
      const planned = await upgradeOne(db, municipality, next);
      if (planned) upgrades.push(planned.upgrade);
      continue;
    }
    // Decided and written in one transaction, so two starts at once cannot both publish.
    const done = await withTransaction(db, async (transaction) => {
      const planned = await upgradeOne(transaction, municipality, next);
      if (!planned) return undefined;
      const { pack, upgrade } = planned;
      const now = clock.now().toISOString();
      const id = randomUUID();
      await policyPacksRepository.insert(transaction, municipality.id, id, pack, now, `Förvalta (standard ${next.version})`);
      await policyPacksRepository.insertBaseline(transaction, municipality.id, next, now);
      await recordAudit(transaction, systemActor('policy pack upgrade', municipality.id), clock, {
        action: 'publish',
        entityType: 'policy_pack',
        entityId: id,
        before: { version: upgrade.fromVersion, defaultVersion: upgrade.fromDefaultVersion },
        after: { version: upgrade.publishedVersion, defaultVersion: upgrade.toDefaultVersion, keptOwn: upgrade.kept },
      });
      return upgrade;
    });
    if (done) upgrades.push(done);
  }
  return upgrades;
}
