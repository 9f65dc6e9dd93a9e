/**
 * The production gate of §7 (beside the operational approval, ITP-4.2.1-APPROVAL): a system whose
 * software is self-developed or open source enters production only with a current decision of the
 * IT chief for each such product. Answers the first product without one, or null.
 */
import type { SoftwareOrigin } from '@forvalta/contracts';
import type { Executor } from '../../platform/database.ts';
import { decisionStanding } from '../../policy/index.ts';

export interface SoftwareDecisionGap {
  softwareId: string;
  product: string;
  origin: 'self_developed' | 'open_source';
  /** ITP-7-SELF-DEVELOPED or ITP-7-OPEN-SOURCE. */
  clauseId: string;
}

export async function softwareDecisionGap(
  executor: Executor,
  municipalityId: string,
  systemId: string,
  today: string,
): Promise<SoftwareDecisionGap | null> {
  const products = await executor
    .selectFrom('software_systems')
    .innerJoin('software', 'software.id', 'software_systems.software_id')
    .select(['software.id', 'software.product', 'software.origin', 'software.sort_key'])
    .where('software_systems.municipality_id', '=', municipalityId)
    .where('software_systems.system_id', '=', systemId)
    .where('software.origin', 'in', ['self_developed', 'open_source'])
    .orderBy('software.sort_key')
    .execute();
  if (products.length === 0) return null;
  const decisions = await executor
    .selectFrom('software_decisions')
    .select(['software_id', 'status', 'valid_until'])
    .where('municipality_id', '=', municipalityId)
    .where(
      'software_id',
      'in',
      products.map((product) => product.id),
    )
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  for (const product of products) {
    const own = decisions
      .filter((decision) => decision.software_id === product.id)
      .map((decision) => ({ status: decision.status, validUntil: decision.valid_until }));
    if (decisionStanding(product.origin as SoftwareOrigin, own, today) !== 'allowed') {
      const origin = product.origin as SoftwareDecisionGap['origin'];
      return {
        softwareId: product.id,
        product: product.product,
        origin,
        clauseId: origin === 'self_developed' ? 'ITP-7-SELF-DEVELOPED' : 'ITP-7-OPEN-SOURCE',
      };
    }
  }
  return null;
}
