/**
 * The compliance module's public entry: the policy pack of a municipality, exceptions, the
 * evaluation and its daily snapshots (.dependency-cruiser.cjs).
 */
import { randomUUID } from 'node:crypto';
import type { TransactionHandle } from '../../platform/database.ts';
import { policyPacksRepository } from './policy-packs.repository.ts';

export { createComplianceService, type ComplianceService } from './compliance.service.ts';
export { createPolicyPacksService, type PolicyPacksService } from './policy-packs.service.ts';
export { registerComplianceRoutes } from './compliance.routes.ts';
export { registerPolicyPackRoutes } from './policy-packs.routes.ts';
export { createNis2ReportService, type Nis2ReportService } from './nis2-report.service.ts';
export { registerNis2ReportRoutes } from './nis2-report.routes.ts';
export type { StoredPack } from './policy-packs.repository.ts';
export { upgradeDefaultPolicyPacks, type PolicyPackUpgrade, type UpgradeOptions } from './policy-pack-upgrade.ts';

/** What other modules read of policy packs, in the caller's executor. */
export const policyPackRecords = {
  currentPack: policyPacksRepository.current.bind(policyPacksRepository),
  findPack: policyPacksRepository.findById.bind(policyPacksRepository),
  versionExists: policyPacksRepository.versionExists.bind(policyPacksRepository),
  /** Publishes a pack version (an authored pack's adoption, issue #21), in the caller's transaction. */
  insertPack: policyPacksRepository.insert.bind(policyPacksRepository),
};
export { evaluatePackOnRegister } from './pack-evaluation.ts';

/** A new municipality starts with the default policy pack (Tanum's IT policy); see MunicipalityStarters. */
export async function startWithDefaultPack(transaction: TransactionHandle, municipalityId: string, now: string): Promise<void> {
  await policyPacksRepository.ensureDefault(transaction, municipalityId, randomUUID(), now);
}
