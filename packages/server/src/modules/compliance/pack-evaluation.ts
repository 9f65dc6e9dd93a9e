/**
 * A pack that is not (yet) the municipality's current one, evaluated on its live register: a draft's
 * preview before adoption (issue #21). The same snapshot, rules and exceptions as the compliance
 * view; it only reads.
 */
import type { Executor } from '../../platform/database.ts';
import { evaluate, type PolicyPack } from '../../policy/index.ts';
import { loadComplianceSnapshot } from './compliance-snapshot.repository.ts';
import { policyPacksRepository } from './policy-packs.repository.ts';

export async function evaluatePackOnRegister(executor: Executor, municipalityId: string, pack: PolicyPack, evaluatedAt: string) {
  const [snapshot, exceptions] = await Promise.all([
    loadComplianceSnapshot(executor, municipalityId, evaluatedAt),
    policyPacksRepository.listExceptions(executor, municipalityId),
  ]);
  return { snapshot, results: evaluate(snapshot, pack, { exceptions }) };
}
