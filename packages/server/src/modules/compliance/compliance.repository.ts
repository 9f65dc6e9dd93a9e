import type { Executor } from '../../platform/database.ts';

/**
 * The compliance module's own records: one stored snapshot of the evaluation a day per
 * municipality, for the trend. The register the rules read is read by compliance-snapshot.repository.ts
 * (and lifecycle-snapshot.repository.ts), the packs and exceptions by policy-packs.repository.ts.
 */
export const complianceRepository = {
  async hasSnapshot(db: Executor, municipalityId: string, day: string) {
    const row = await db
      .selectFrom('compliance_snapshots')
      .select('id')
      .where('municipality_id', '=', municipalityId)
      .where('taken_on', '=', day)
      .executeTakeFirst();
    return row !== undefined;
  },

  /** One snapshot a day; a second writer the same day (another instance) changes nothing and hears false. */
  async insertSnapshot(
    db: Executor,
    values: {
      id: string;
      municipalityId: string;
      day: string;
      packId: string;
      score: number | null;
      passed: number;
      failed: number;
      summary: unknown;
    },
    now: string,
  ) {
    const result = await db
      .insertInto('compliance_snapshots')
      .values({
        id: values.id,
        municipality_id: values.municipalityId,
        taken_on: values.day,
        pack_id: values.packId,
        score: values.score,
        passed: values.passed,
        failed: values.failed,
        summary_json: JSON.stringify(values.summary),
        created_at: now,
      })
      .onConflict((conflict) => conflict.columns(['municipality_id', 'taken_on']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  },

  async trend(db: Executor, municipalityId: string, days: number) {
    const rows = await db
      .selectFrom('compliance_snapshots')
      .select(['taken_on', 'score', 'passed', 'failed'])
      .where('municipality_id', '=', municipalityId)
      .orderBy('taken_on', 'desc')
      .limit(days)
      .execute();
    return rows.reverse().map((row) => ({ date: row.taken_on, score: row.score, passed: row.passed, failed: row.failed }));
  },
};
