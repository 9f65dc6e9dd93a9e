import type { Duty, DutyKey } from '@forvalta/contracts';
import { insertRows } from '../../platform/bulk-insert.ts';
import type { Executor } from '../../platform/database.ts';
import { updateAtVersion } from '../../platform/versioned-rows.ts';

/**
 * A duty of a bulk load. Without status and confirmation it is the row insertAll() writes for a
 * new system (not started); an import may carry a duty already done, with who confirmed it.
 */
export interface BulkDuty {
  systemId: string;
  duty: DutyKey;
  status?: Duty['status'];
  evidence?: string | null;
  confirmedAt?: string | null;
  confirmedByName?: string | null;
}

/** The eight duties of §4.2.3, one row per system and duty, created with the system. */
export const systemDutiesRepository = {
  async insertAll(db: Executor, municipalityId: string, systemId: string, duties: readonly DutyKey[]) {
    await db
      .insertInto('system_duties')
      .values(
        duties.map((duty) => ({
          municipality_id: municipalityId,
          system_id: systemId,
          duty,
          status: 'not_started',
          evidence: null,
          confirmed_at: null,
          confirmed_by_name: null,
          version: 1,
        })),
      )
      .execute();
  },

  /** The duties of many systems at once (imports, the workload generator). */
  async insertMany(db: Executor, municipalityId: string, duties: ReadonlyArray<BulkDuty>) {
    await insertRows(
      db,
      'system_duties',
      duties.map((duty) => ({
        municipality_id: municipalityId,
        system_id: duty.systemId,
        duty: duty.duty,
        status: duty.status ?? 'not_started',
        evidence: duty.evidence ?? null,
        confirmed_at: duty.confirmedAt ?? null,
        confirmed_by_name: duty.confirmedByName ?? null,
        version: 1,
      })),
    );
  },

  async list(db: Executor, municipalityId: string, systemId: string): Promise<Duty[]> {
    const rows = await db
      .selectFrom('system_duties')
      .selectAll()
      .where('municipality_id', '=', municipalityId)
      .where('system_id', '=', systemId)
      .execute();
    return rows.map((row) => ({
      duty: row.duty as DutyKey,
      status: row.status as Duty['status'],
      evidence: row.evidence,
      confirmedAt: row.confirmed_at,
      confirmedByName: row.confirmed_by_name,
      // The service adds what the register knows (system-duties.service.ts).
      registerEvidence: null,
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
    return updateAtVersion(db, 'system_duties', { municipality_id: municipalityId, system_id: systemId, duty }, expectedVersion, {
      status: values.status,
      evidence: values.evidence,
      confirmed_at: values.confirmedAt,
      confirmed_by_name: values.confirmedByName,
    });
  },
};
