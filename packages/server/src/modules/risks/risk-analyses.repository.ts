import type { RiskAnalysis, RiskMatrix } from '@forvalta/contracts';
import type { Insertable, Selectable } from 'kysely';
import type { RiskAnalysesTable } from '../../platform/database-schema.ts';
import type { Executor } from '../../platform/database.ts';
import { parseJson } from '../../platform/json.ts';

/** Sannolikhet and konsekvens, low to high: the matrix a municipality starts with. */
export const defaultRiskMatrix: RiskMatrix = {
  likelihoodLabels: ['Osannolik', 'Möjlig', 'Sannolik', 'Mycket sannolik'],
  consequenceLabels: ['Försumbar', 'Måttlig', 'Betydande', 'Allvarlig'],
};

export function toRiskAnalysis(row: Selectable<RiskAnalysesTable>): RiskAnalysis {
  return {
    id: row.id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    systemId: row.system_id,
    revision: row.revision,
    previousId: row.previous_id,
    superseded: Boolean(row.superseded),
    scope: row.scope,
    analysedOn: row.analysed_on,
    participants: parseJson(row.participants_json, []),
    classification: row.classification_json ? parseJson(row.classification_json, null) : null,
    matrix: parseJson(row.matrix_json, defaultRiskMatrix),
    scenarios: parseJson(row.scenarios_json, []),
    recordedByName: row.recorded_by_name,
    recordedAt: row.created_at,
  };
}

/** Risk analyses of systems; a revision is a new row, the old one is kept and marked superseded. */
export const riskAnalysesRepository = {
  async listForSystem(db: Executor, municipalityId: string, systemId: string) {
    const rows = await db
      .selectFrom('risk_analyses')
      .selectAll()
      .where('municipality_id', '=', municipalityId)
      .where('system_id', '=', systemId)
      .orderBy('analysed_on', 'desc')
      .orderBy('revision', 'desc')
      .orderBy('created_at', 'desc')
      .execute();
    return rows.map(toRiskAnalysis);
  },

  async findById(db: Executor, municipalityId: string, systemId: string, id: string) {
    const row = await db.selectFrom('risk_analyses').selectAll().where('municipality_id', '=', municipalityId).where('system_id', '=', systemId).where('id', '=', id).executeTakeFirst();
    return row ? toRiskAnalysis(row) : undefined;
  },

  /** The system's newest analysis that is not superseded: what a project's gate looks at. */
  async latestForSystem(db: Executor, municipalityId: string, systemId: string) {
    const row = await db
      .selectFrom('risk_analyses')
      .selectAll()
      .where('municipality_id', '=', municipalityId)
      .where('system_id', '=', systemId)
      .where('superseded', '=', 0)
      .orderBy('analysed_on', 'desc')
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ? toRiskAnalysis(row) : undefined;
  },

  async insert(db: Executor, values: Insertable<RiskAnalysesTable>) {
    await db.insertInto('risk_analyses').values(values).execute();
  },

  async markSuperseded(db: Executor, municipalityId: string, id: string, expectedVersion: number, now: string) {
    const result = await db
      .updateTable('risk_analyses')
      .set({ superseded: 1, updated_at: now, version: expectedVersion + 1 })
      .where('municipality_id', '=', municipalityId)
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .where('superseded', '=', 0)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  async matrixSetting(db: Executor, municipalityId: string) {
    const row = await db.selectFrom('risk_matrix_settings').selectAll().where('municipality_id', '=', municipalityId).executeTakeFirst();
    return row ? { ...parseJson<RiskMatrix>(row.matrix_json, defaultRiskMatrix), version: row.version } : { ...defaultRiskMatrix, version: 1 };
  },

  async saveMatrixSetting(db: Executor, municipalityId: string, matrix: RiskMatrix, expectedVersion: number, now: string) {
    const existing = await db.selectFrom('risk_matrix_settings').select('version').where('municipality_id', '=', municipalityId).executeTakeFirst();
    if (!existing) {
      if (expectedVersion !== 1) return false;
      await db.insertInto('risk_matrix_settings').values({ municipality_id: municipalityId, matrix_json: JSON.stringify(matrix), updated_at: now, version: 2 }).execute();
      return true;
    }
    const result = await db
      .updateTable('risk_matrix_settings')
      .set({ matrix_json: JSON.stringify(matrix), updated_at: now, version: expectedVersion + 1 })
      .where('municipality_id', '=', municipalityId)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },
};
