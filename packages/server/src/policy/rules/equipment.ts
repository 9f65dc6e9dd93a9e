/**
 * §6 IT-utrustning (issue #15): the IT unit owns the equipment, standard models are the means, and
 * a computer ever let onto the town-hall network is the IT unit's. Judged per department, as the
 * compliance view counts them and as a department's equipment is bought and kept: a department
 * passes when none of its assets breaks the clause. The counts are the database's
 * (snapshot.assetRecords.groups); the evidence names the first assets that break it.
 */
import type { ComplianceRule, RuleContext, RuleResult } from '../rule.ts';
import type { ComplianceSnapshot, SnapshotAssetFacts } from '../snapshot.ts';

/** How many assets a result's evidence names; the linked list has them all. */
export const assetEvidenceLimit = 10;

/** The kinds §6 names: "nät, kommunikationsutrustning, servrar, PCar, skrivare" (a laptop is a PC). */
export const ownedKinds: ReadonlySet<SnapshotAssetFacts['kind']> = new Set([
  'network',
  'communication',
  'server',
  'pc',
  'laptop',
  'printer',
]);

interface AssetClause {
  clauseId: 'ITP-6-OWNED' | 'ITP-6-STANDARD' | 'ITP-6-SCHOOL-NET';
  /** Which assets the clause speaks of. */
  judged: (asset: SnapshotAssetFacts) => boolean;
  /** Of those, which break it. */
  breaks: (asset: SnapshotAssetFacts) => boolean;
  reasons: { pass: string; fail: string };
  /** The asset list's filter that shows the department's assets in question. */
  listFilter: string;
}

/**
 * The department an asset counts for: its own, else the IT unit's, which owns what no department
 * was given. Null only when the municipality has marked no IT unit (ITP-4.3-ORG fails then).
 */
function countedDepartment(departmentId: string | null, itUnitId: string | null): string | null {
  return departmentId ?? itUnitId;
}

function assetRule({ clauseId, judged, breaks, reasons, listFilter }: AssetClause): ComplianceRule {
  return {
    clauseId,
    subjectType: 'department',
    parameterKeys: [],
    reasonCodes: [reasons.pass, reasons.fail],
    evaluate(snapshot: ComplianceSnapshot, _parameters, context: RuleContext): RuleResult[] {
      const records = snapshot.assetRecords;
      if (!records) return [];
      const itUnitId = snapshot.departments.find((department) => department.isItUnit)?.id ?? null;
      const counts = new Map<string | null, { judged: number; breaking: number }>();
      for (const group of records.groups) {
        if (!judged(group)) continue;
        const key = countedDepartment(group.departmentId, itUnitId);
        const count = counts.get(key) ?? { judged: 0, breaking: 0 };
        count.judged += group.count;
        if (breaks(group)) count.breaking += group.count;
        counts.set(key, count);
      }
      const named = new Map<string | null, string[]>();
      for (const asset of records.exceptions) {
        if (!judged(asset) || !breaks(asset)) continue;
        const key = countedDepartment(asset.departmentId, itUnitId);
        const names = named.get(key) ?? [];
        if (names.length < assetEvidenceLimit) names.push(asset.label);
        named.set(key, names);
      }
      return [...counts.entries()].map(([departmentId, count]): RuleResult => {
        const department = departmentId === null ? undefined : context.departmentsById.get(departmentId);
        const filter = departmentId === null ? listFilter : `departmentId=${encodeURIComponent(departmentId)}&${listFilter}`;
        return {
          clauseId,
          subjectType: 'department',
          subjectId: departmentId ?? snapshot.municipalityId,
          subjectName: department?.name ?? '',
          departmentId,
          status: count.breaking > 0 ? 'fail' : 'pass',
          reason: count.breaking > 0 ? reasons.fail : reasons.pass,
          evidence: { assets: count.judged, breaking: count.breaking, examples: named.get(departmentId) ?? [] },
          fixPath: `/assets?${filter}`,
        };
      });
    },
  };
}

/** ITP-6-OWNED: every network, communication, server, computer and printer asset is the IT unit's. */
export const ownedEquipmentRule = assetRule({
  clauseId: 'ITP-6-OWNED',
  judged: (asset) => ownedKinds.has(asset.kind),
  breaks: (asset) => asset.ownerKind !== 'it_unit',
  reasons: { pass: 'equipment_owned_by_it_unit', fail: 'equipment_owned_elsewhere' },
  listFilter: 'ownerKind=department',
});

/**
 * ITP-6-STANDARD: equipment in service is of a catalogue model approved today; an asset without a
 * model, or of a model outside its approval, breaks it. Ordered assets are judged when delivered.
 */
export const standardEquipmentRule = assetRule({
  clauseId: 'ITP-6-STANDARD',
  judged: (asset) => asset.lifecycle !== 'ordered',
  breaks: (asset) => asset.modelStanding !== 'standard',
  reasons: { pass: 'equipment_standard', fail: 'equipment_not_standard' },
  // The list flags each asset's model as standard or not; its filter knows only "no model".
  listFilter: 'lifecycle=in_use',
});

/** ITP-6-SCHOOL-NET: a computer ever let onto the town-hall network is the IT unit's, school computers included. */
export const schoolNetworkRule = assetRule({
  clauseId: 'ITP-6-SCHOOL-NET',
  judged: (asset) => asset.everOnTownHall,
  breaks: (asset) => asset.ownerKind !== 'it_unit',
  reasons: { pass: 'town_hall_assets_owned', fail: 'town_hall_asset_owned_elsewhere' },
  listFilter: 'network=town_hall',
});
