import { sql } from 'kysely';
import type { SnapshotAssetFacts, SnapshotAssetRecords } from '../../policy/index.ts';
import { swedishToday } from '../../platform/calendar.ts';
import { inParallel, type Executor } from '../../platform/database.ts';

/** How many assets that could break a rule the snapshot names; the rules' counts do not depend on it. */
export const assetExceptionLimit = 5_000;

/**
 * The facts §6's rules read of the equipment (issue #15), counted by the database: a municipality
 * has hundreds of thousands of assets, and the rules need per department only how many assets
 * have which facts, plus the names of the few that could break a rule. Two set-based queries.
 * Retired assets are left out: the policy governs the equipment in use.
 */
export async function loadAssetRecords(
  db: Executor,
  municipalityId: string,
  evaluatedAt: string,
): Promise<{ assetRecords: SnapshotAssetRecords }> {
  const today = swedishToday(new Date(evaluatedAt));
  // The same judgement as the catalogue's "standard" flag (asset-models.repository.ts isStandardOn).
  const modelStanding = sql<string>`case
    when assets.model_id is null then 'non_standard'
    when asset_models.approved_from is not null and asset_models.approved_from <= ${today}
      and (asset_models.approved_until is null or asset_models.approved_until >= ${today}) then 'standard'
    else 'not_approved' end`;
  const departmentOf = sql<string | null>`coalesce(assets.department_id, assets.owner_department_id)`;
  const base = () =>
    db
      .selectFrom('assets')
      .leftJoin('asset_models', 'asset_models.id', 'assets.model_id')
      .where('assets.municipality_id', '=', municipalityId)
      .where('assets.lifecycle', '!=', 'retired');
  const factsOf = () =>
    base().select([
      'assets.id',
      'assets.inventory_number',
      'assets.serial',
      'assets.sort_key',
      departmentOf.as('department_id'),
      'assets.kind',
      'assets.owner_kind',
      'assets.ever_on_town_hall',
      'assets.lifecycle',
      modelStanding.as('model_standing'),
    ]);
  const factColumns = ['department_id', 'kind', 'owner_kind', 'ever_on_town_hall', 'lifecycle', 'model_standing'] as const;
  const [groups, exceptions] = await inParallel(
    db,
    // Grouped over a derived table: PostgreSQL does not take a parameterised expression in GROUP BY
    // as the same as the one selected (their placeholders differ).
    () =>
      db
        .selectFrom(factsOf().as('facts'))
        .select([...factColumns, (eb) => eb.fn.countAll<number | string>().as('count')])
        .groupBy([...factColumns])
        .execute(),
    () =>
      db
        .selectFrom(factsOf().as('facts'))
        .selectAll()
        .where((eb) => eb.or([eb('owner_kind', '!=', 'it_unit'), eb('model_standing', '!=', 'standard')]))
        .orderBy('sort_key')
        .orderBy('id')
        .limit(assetExceptionLimit)
        .execute(),
  );
  const facts = (row: {
    department_id: string | null;
    kind: string;
    owner_kind: string;
    ever_on_town_hall: number;
    lifecycle: string;
    model_standing: string;
  }): SnapshotAssetFacts => ({
    departmentId: row.department_id,
    kind: row.kind as SnapshotAssetFacts['kind'],
    ownerKind: row.owner_kind as SnapshotAssetFacts['ownerKind'],
    everOnTownHall: Number(row.ever_on_town_hall) === 1,
    lifecycle: row.lifecycle as SnapshotAssetFacts['lifecycle'],
    modelStanding: row.model_standing as SnapshotAssetFacts['modelStanding'],
  });
  return {
    assetRecords: {
      groups: groups.map((row) => ({ ...facts(row), count: Number(row.count) })),
      exceptions: exceptions.map((row) => ({
        ...facts(row),
        id: row.id,
        label: row.inventory_number ?? row.serial ?? row.id,
      })),
    },
  };
}
