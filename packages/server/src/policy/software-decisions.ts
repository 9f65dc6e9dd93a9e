/**
 * Where the IT chief's decision on a product stands (§7), pure: shared by the software module (its
 * records and the production gate) and the rules ITP-7-SELF-DEVELOPED and ITP-7-OPEN-SOURCE.
 */
import { decidedOrigins, type DecisionStanding, type SoftwareOrigin } from '@forvalta/contracts';

/** Allowed, and today on or before its last day (none: until revoked). */
export const decisionCurrent = (decision: { status: string; validUntil: string | null }, today: string): boolean =>
  decision.status === 'allowed' && (decision.validUntil === null || decision.validUntil >= today);

/**
 * Where the IT chief's decision stands for a product, from its newest decision: a current
 * allowance anywhere among its decisions counts first, a newer pending proposal does not undo it.
 */
export function decisionStanding(
  origin: SoftwareOrigin,
  decisions: ReadonlyArray<{ status: string; validUntil: string | null }>,
  today: string,
): DecisionStanding {
  if (!decidedOrigins.includes(origin)) return 'not_needed';
  if (decisions.some((decision) => decisionCurrent(decision, today))) return 'allowed';
  const newest = decisions[0];
  if (!newest) return 'none';
  if (newest.status === 'allowed') return 'expired';
  return newest.status === 'proposed' ? 'proposed' : 'refused';
}
