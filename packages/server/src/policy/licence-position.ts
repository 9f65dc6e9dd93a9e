/**
 * The licence position (licensläge), pure: per product and kind of consumption, what the current
 * licences entitle against what is consumed (ITP-7-LICENCE). Entitlements are counts, so
 * overlapping licences of a product add up; a site or unlimited licence covers any consumption.
 * The policy rule and the API's position read this one function.
 */
import {
  consumptionOfMetric,
  type ConsumptionKind,
  type LicenceMetric,
  type LicencePositionRow,
  type PositionStatus,
  type SoftwareOrigin,
} from '@forvalta/contracts';

export interface PositionLicence {
  softwareId: string;
  metric: LicenceMetric;
  quantity: number | null;
  validFrom: string | null;
  validUntil: string | null;
}

export interface PositionConsumption {
  softwareId: string;
  kind: ConsumptionKind;
  total: number;
}

export interface PositionSoftware {
  id: string;
  product: string;
  origin: SoftwareOrigin;
}

const kindOrder: Record<ConsumptionKind, number> = { installation: 0, assignment: 1, core: 2 };

export function licencePosition(
  software: readonly PositionSoftware[],
  licences: readonly PositionLicence[],
  consumption: readonly PositionConsumption[],
  today: string,
): LicencePositionRow[] {
  interface Tally {
    entitled: Map<ConsumptionKind, number>;
    expired: Map<ConsumptionKind, number>;
    consumed: Map<ConsumptionKind, number>;
    coversAll: boolean;
    licensed: boolean;
  }
  const tallies = new Map<string, Tally>();
  const tallyOf = (softwareId: string) => {
    let tally = tallies.get(softwareId);
    if (!tally) {
      tally = { entitled: new Map(), expired: new Map(), consumed: new Map(), coversAll: false, licensed: false };
      tallies.set(softwareId, tally);
    }
    return tally;
  };
  const add = (map: Map<ConsumptionKind, number>, kind: ConsumptionKind, amount: number) => map.set(kind, (map.get(kind) ?? 0) + amount);

  for (const licence of licences) {
    const tally = tallyOf(licence.softwareId);
    tally.licensed = true;
    const started = licence.validFrom === null || licence.validFrom <= today;
    const expired = licence.validUntil !== null && licence.validUntil < today;
    if (!started) continue;
    if (licence.metric === 'site' || licence.metric === 'unlimited') {
      if (!expired) tally.coversAll = true;
      continue;
    }
    const kind = consumptionOfMetric[licence.metric];
    add(expired ? tally.expired : tally.entitled, kind, licence.quantity ?? 0);
    if (!expired && !tally.entitled.has(kind)) tally.entitled.set(kind, 0);
  }
  for (const row of consumption) add(tallyOf(row.softwareId).consumed, row.kind, row.total);

  const rows: LicencePositionRow[] = [];
  for (const product of software) {
    const tally = tallies.get(product.id);
    if (!tally) continue;
    // Self-developed and open-source software is used under its own terms: counted only where it has licences.
    if (!tally.licensed && product.origin !== 'commercial') continue;
    const kinds = new Set<ConsumptionKind>([...tally.entitled.keys(), ...tally.expired.keys(), ...tally.consumed.keys()]);
    if (kinds.size === 0) kinds.add('installation');
    for (const kind of [...kinds].sort((a, b) => kindOrder[a] - kindOrder[b])) {
      const consumed = tally.consumed.get(kind) ?? 0;
      const entitled = tally.coversAll ? null : (tally.entitled.get(kind) ?? 0);
      const expiredEntitled = tally.expired.get(kind) ?? 0;
      let status: PositionStatus;
      if (entitled === null) status = 'unlimited';
      else if (consumed <= entitled) status = 'covered';
      else status = expiredEntitled > 0 ? 'expired_consumed' : 'over_consumed';
      rows.push({ softwareId: product.id, softwareProduct: product.product, kind, entitled, consumed, expiredEntitled, status });
    }
  }
  return rows;
}

export const positionFails = (row: Pick<LicencePositionRow, 'status'>) =>
  row.status === 'over_consumed' || row.status === 'expired_consumed';
