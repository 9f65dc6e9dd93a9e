import type { AuditVerificationResult } from '@forvalta/contracts';
import { verifyAuditChains } from '../../platform/audit-verify.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Executor } from '../../platform/database.ts';

/** One municipality's chain recomputed now with the installation's key: for the verification route and every export. */
export async function verifyMunicipalityChain(db: Executor, clock: Clock, municipalityId: string): Promise<AuditVerificationResult> {
  const checkedAt = clock.now().toISOString();
  const result = await verifyAuditChains(db, { chainIds: [municipalityId] });
  return {
    intact: result.problems.length === 0,
    checkedAt,
    events: result.events,
    keyId: result.keyId,
    problems: result.problems.map(({ sequence, eventId, problem }) => ({ sequence, eventId, problem })),
  };
}
