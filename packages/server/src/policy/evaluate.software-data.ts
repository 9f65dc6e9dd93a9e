/**
 * Synthetic software, licences and contracts (issue #15) for the evaluation's tests and bench:
 * deterministic by position, so every reason of the §7 rules occurs at any size, and the register
 * part of every seed stays as it was.
 */
import { addMonths } from './dates.ts';
import type { SnapshotContract, SnapshotSoftware, SnapshotSoftwareRecords, SnapshotSystem } from './snapshot.ts';

const origins = ['commercial', 'commercial', 'self_developed', 'open_source'] as const;

export function generateSoftwareRecords(systems: readonly SnapshotSystem[], today: string): { softwareRecords: SnapshotSoftwareRecords } {
  const software: SnapshotSoftware[] = [];
  const licences: SnapshotSoftwareRecords['licences'] = [];
  const consumption: SnapshotSoftwareRecords['consumption'] = [];
  const contracts: SnapshotContract[] = [];
  // Every third system has no software recorded (ITP-7-GENERIC fails those in production).
  const withSoftware = systems.filter((_system, index) => index % 3 !== 2);
  const count = Math.max(16, Math.ceil(withSoftware.length / 2));
  for (let index = 0; index < count; index += 1) {
    const origin = origins[index % origins.length]!;
    const id = `software-${index}`;
    const systemIds =
      withSoftware.length === 0
        ? []
        : [withSoftware[index % withSoftware.length]!.id, withSoftware[(index * 7 + 1) % withSoftware.length]!.id];
    // The decisions cycle through current, missing, pending, refused and expired.
    const decisionCase = Math.floor(index / origins.length) % 5;
    const decisions: SnapshotSoftware['decisions'] =
      origin === 'commercial'
        ? []
        : [
            [{ status: 'allowed' as const, validUntil: addMonths(today, 12), reviewComplete: true }],
            [],
            [{ status: 'proposed' as const, validUntil: null, reviewComplete: false }],
            [{ status: 'refused' as const, validUntil: null, reviewComplete: false }],
            [{ status: 'allowed' as const, validUntil: addMonths(today, -1), reviewComplete: true }],
          ][decisionCase]!;
    software.push({
      id,
      product: `Produkt ${index}`,
      origin,
      // Every tenth open-source product lacks its SPDX licence.
      licence: origin === 'open_source' ? (index % 40 === 3 ? null : 'MIT') : null,
      systemIds: [...new Set(systemIds)],
      decisions,
    });
    if (origin !== 'commercial') continue;
    // Commercial: covered, exceeded, expired, a site licence.
    const licenceCase = Math.floor(index / origins.length) % 4;
    const quantity = 50 + (index % 7) * 10;
    if (licenceCase === 3) licences.push({ softwareId: id, metric: 'site', quantity: 1, validFrom: null, validUntil: null });
    else
      licences.push({
        softwareId: id,
        metric: 'per_device',
        quantity,
        validFrom: null,
        validUntil: licenceCase === 2 ? addMonths(today, -2) : null,
      });
    consumption.push({ softwareId: id, kind: 'installation', total: licenceCase === 1 ? quantity + 5 : quantity - 5 });
  }
  // Contracts: notice ahead, passed undecided, decided, ended.
  const contractCount = Math.max(8, Math.ceil(systems.length / 4));
  for (let index = 0; index < contractCount; index += 1) {
    const contractCase = index % 4;
    const endsOn = contractCase === 3 ? addMonths(today, -3) : addMonths(today, contractCase === 0 ? 12 : 2);
    contracts.push({
      id: `contract-${index}`,
      title: `Avtal ${index}`,
      startsOn: addMonths(today, -36),
      endsOn,
      noticePeriod: { amount: 6, unit: 'months' },
      automaticRenewal: false,
      renewalMonths: null,
      noticeDecision: contractCase === 2 ? 'continue' : null,
      noticeDecidedOn: contractCase === 2 ? addMonths(today, -5) : null,
      // Past the first few systems, which the tests delete and re-evaluate one by one.
      systemIds: systems.length <= 5 ? [] : [systems[5 + (index % (systems.length - 5))]!.id],
    });
  }
  return { softwareRecords: { software, licences, consumption, contracts } };
}
