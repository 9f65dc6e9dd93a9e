import type { Duty, DutyKey } from '@forvalta/contracts';
import type { Executor } from '../../platform/database.ts';

/** The eight duties of §4.2.3, one row per system and duty, created with the system. */
export const systemDutiesRepository = {
  async insertAll(db: Executor, municipalityId: string, systemId: string, duties: readonly DutyKey[]) {
    await db
      .insertInto('system_duties')
      .values(duties.map((duty) => ({ municipality_id: municipalityId, system_id: systemId, duty, status: 'not_started', evidence: null, confirmed_at: null, confirmed_by_name: null, version: 1 })))
      .execute();
  },

  async list(db: Executor, municipalityId: string, systemId: string): Promise<Duty[]> {
    const rows = await db.selectFrom('system_duties').selectAll().where('municipality_id', '=', municipalityId).where('system_id', '=', systemId).execute();
    return rows.map((row) => ({
      duty: row.duty as DutyKey,
      status: row.status as Duty['status'],
      evidence: row.evidence,
      confirmedAt: row.confirmed_at,
      confirmedByName: row.confirmed_by_name,
      version: row.version,
    }));
  },

  async update(
    db: Executor,
    municipalityId: string,
    systemId: string,
    duty: DutyKey,
    expectedVersion: number,
    values: { status: string; evidence: string | null; confirmedAt: string; confirmedByName: string },
  ) {
    const result = await db
      .updateTable('system_duties')
      .set({ status: values.status, evidence: values.evidence, confirmed_at: values.confirmedAt, confirmed_by_name: values.confirmedByName, version: expectedVersion + 1 })
      .where('municipality_id', '=', municipalityId)
      .where('system_id', '=', systemId)
      .where('duty', '=', duty)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },
};
