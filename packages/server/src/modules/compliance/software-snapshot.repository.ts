import type { SnapshotSoftwareRecords } from '../../policy/index.ts';
import { inParallel, type Executor } from '../../platform/database.ts';

/**
 * The facts issue #15's rules read of the software module's tables (read-only, as the other
 * loaders read theirs): products with their systems and decisions, licences, the consumption
 * totals (one row per product and kind, never the installations) and contracts. Six set-based
 * queries whatever the size.
 */
export async function loadSoftwareRecords(db: Executor, municipalityId: string): Promise<{ softwareRecords: SnapshotSoftwareRecords }> {
  const [software, uses, decisions, licences, totals, contracts, covered] = await inParallel(
    db,
    () =>
      db
        .selectFrom('software')
        .select(['id', 'product', 'origin', 'licence'])
        .where('municipality_id', '=', municipalityId)
        .orderBy('id')
        .execute(),
    () =>
      db
        .selectFrom('software_systems')
        .innerJoin('systems', 'systems.id', 'software_systems.system_id')
        .select(['software_systems.software_id', 'software_systems.system_id'])
        .where('software_systems.municipality_id', '=', municipalityId)
        .execute(),
    () =>
      db
        .selectFrom('software_decisions')
        .select([
          'software_id',
          'status',
          'valid_until',
          'stability_assessment',
          'stability_evidence',
          'security_assessment',
          'security_evidence',
          'future_assessment',
          'future_evidence',
        ])
        .where('municipality_id', '=', municipalityId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .execute(),
    () =>
      db
        .selectFrom('licences')
        .select(['software_id', 'metric', 'quantity', 'valid_from', 'valid_until'])
        .where('municipality_id', '=', municipalityId)
        .execute(),
    () =>
      db
        .selectFrom('licence_consumption_totals')
        .select(['software_id', 'kind', 'total'])
        .where('municipality_id', '=', municipalityId)
        .execute(),
    () => db.selectFrom('contracts').selectAll().where('municipality_id', '=', municipalityId).orderBy('id').execute(),
    () =>
      db
        .selectFrom('contract_systems')
        .innerJoin('systems', 'systems.id', 'contract_systems.system_id')
        .select(['contract_systems.contract_id', 'contract_systems.system_id'])
        .where('contract_systems.municipality_id', '=', municipalityId)
        .execute(),
  );
  const group = <Row, Value>(rows: Row[], key: (row: Row) => string, value: (row: Row) => Value) => {
    const grouped = new Map<string, Value[]>();
    for (const row of rows) grouped.set(key(row), [...(grouped.get(key(row)) ?? []), value(row)]);
    return grouped;
  };
  const systemsOf = group(
    uses,
    (row) => row.software_id,
    (row) => row.system_id,
  );
  const decisionsOf = group(
    decisions,
    (row) => row.software_id,
    (row) => ({
      status: row.status as 'proposed' | 'allowed' | 'refused',
      validUntil: row.valid_until,
      reviewComplete: [
        [row.stability_assessment, row.stability_evidence],
        [row.security_assessment, row.security_evidence],
        [row.future_assessment, row.future_evidence],
      ].every(([assessment, evidence]) => Boolean(assessment) && Boolean(evidence?.trim())),
    }),
  );
  const contractSystems = group(
    covered,
    (row) => row.contract_id,
    (row) => row.system_id,
  );
  return {
    softwareRecords: {
      software: software.map((row) => ({
        id: row.id,
        product: row.product,
        origin: row.origin as 'commercial' | 'self_developed' | 'open_source',
        licence: row.licence,
        systemIds: systemsOf.get(row.id) ?? [],
        decisions: decisionsOf.get(row.id) ?? [],
      })),
      licences: licences.map((row) => ({
        softwareId: row.software_id,
        metric: row.metric as SnapshotSoftwareRecords['licences'][number]['metric'],
        quantity: row.quantity,
        validFrom: row.valid_from,
        validUntil: row.valid_until,
      })),
      consumption: totals.map((row) => ({
        softwareId: row.software_id,
        kind: row.kind as 'installation' | 'assignment' | 'core',
        total: Number(row.total),
      })),
      contracts: contracts.map((row) => ({
        id: row.id,
        title: row.title,
        startsOn: row.starts_on,
        endsOn: row.ends_on,
        noticePeriod: { amount: row.notice_amount, unit: row.notice_unit as 'days' | 'weeks' | 'months' },
        automaticRenewal: row.automatic_renewal === 1,
        renewalMonths: row.renewal_months,
        noticeDecision: row.notice_decision as 'terminate' | 'continue' | null,
        noticeDecidedOn: row.notice_decided_on,
        systemIds: contractSystems.get(row.id) ?? [],
      })),
    },
  };
}
