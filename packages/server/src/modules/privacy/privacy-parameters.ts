import { readParameter, subtractMonths, tanumPolicyPack } from '../../policy/index.ts';
import type { Executor } from '../../platform/database.ts';
import { policyPackRecords } from '../compliance/index.ts';

/** The pack parameter of the DPO's review interval (ITP-8-PERSONAL-DATA). */
export const privacyReviewIntervalKey = 'privacyReviewIntervalMonths';

/**
 * How long a DPO review stays current, from the municipality's pack; a pack of an older version
 * without the parameter (one not yet upgraded, ADR 0021) reads the default pack's value.
 */
export async function privacyReviewIntervalMonths(executor: Executor, municipalityId: string): Promise<number> {
  const parameters = (await policyPackRecords.currentPack(executor, municipalityId))?.pack.parameters;
  return parameters?.[privacyReviewIntervalKey]
    ? readParameter(parameters, privacyReviewIntervalKey)
    : readParameter(tanumPolicyPack.parameters, privacyReviewIntervalKey);
}

/** The first review date that is still current today. */
export async function reviewCutOff(executor: Executor, municipalityId: string, today: string): Promise<string> {
  return subtractMonths(today, await privacyReviewIntervalMonths(executor, municipalityId));
}
