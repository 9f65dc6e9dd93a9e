import type { RiskAnalysis, RiskMatrix, RiskScenario } from '@forvalta/contracts';
import type { Insertable, Selectable } from 'kysely';
import type { RiskAnalysesTable } from '../../platform/database-schema.ts';
import { inParallel, type Executor } from '../../platform/database.ts';
import { parseJson } from '../../platform/json.ts';
import { saveSettingAtVersion, updateAtVersion } from '../../platform/versioned-rows.ts';

/** Sannolikhet and konsekvens, low to high: the matrix a municipality starts with. */
export const defaultRiskMatrix: RiskMatrix = {
  likelihoodLabels: ['Osannolik', 'Möjlig', 'Sannolik', 'Mycket sannolik'],
  consequenceLabels: ['Försumbar', 'Måttlig', 'Betydande', 'Allvarlig'],
};

/** A scenario as stored in scenarios_json: ids only; names are looked up when read, so a renamed system or person shows its current name. */
export type StoredRiskScenario = Omit<RiskScenario, 'adjacentSystems' | 'riskOwnerName' | 'measures'> & {
  measures: Array<Omit<RiskScenario['measures'][number], 'ownerName'>>;
};
export type StoredRiskAnalysis = Omit<RiskAnalysis, 'scenarios'> & { scenarios: StoredRiskScenario[] };

export function toRiskAnalysis(row: Selectable<RiskAnalysesTable>): StoredRiskAnalysis {
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
    confidentialOslParagraph: row.confidential_osl_paragraph ?? null,
    // As stored: the service withholds the content from a caller who may not see it (ADR 0030).
    contentWithheld: false,
  };
}

/** Resolves the adjacent systems' and named people's names of the analyses, two queries in all. */
async function withNames(db: Executor, municipalityId: string, analyses: StoredRiskAnalysis[]): Promise<RiskAnalysis[]> {
  const scenarios = analyses.flatMap((analysis) => analysis.scenarios);
  const systemIds = [...new Set(scenarios.flatMap((scenario) => scenario.adjacentSystemIds ?? []))];
  const personIds = [
    ...new Set(
      scenarios
        .flatMap((scenario) => [scenario.riskOwnerPersonId, ...(scenario.measures ?? []).map((measure) => measure.ownerPersonId)])
        .filter((id): id is string => Boolean(id)),
    ),
  ];
  const [systems, people] = await inParallel(
    db,
    () =>
      systemIds.length
        ? db
            .selectFrom('systems')
            .select(['id', 'name'])
            .where('municipality_id', '=', municipalityId)
            .where('id', 'in', systemIds)
            .execute()
        : Promise.resolve([]),
    () =>
      personIds.length
        ? db
            .selectFrom('people')
            .select(['id', 'first_name', 'last_name'])
            .where('municipality_id', '=', municipalityId)
            .where('id', 'in', personIds)
            .execute()
        : Promise.resolve([]),
  );
  const systemNames = new Map(systems.map((system) => [system.id, system.name]));
  const personNames = new Map(people.map((person) => [person.id, `${person.first_name} ${person.last_name}`]));
  const nameOf = (id: string | null | undefined) => (id ? (personNames.get(id) ?? null) : null);
  return analyses.map((analysis) => ({
    ...analysis,
    scenarios: analysis.scenarios.map((scenario) => ({
      ...scenario,
      // Analyses stored before these fields existed lack them; the API always has them.
      adjacentSystemIds: scenario.adjacentSystemIds ?? [],
      adjacentSystems: (scenario.adjacentSystemIds ?? []).map((id) => ({ id, name: systemNames.get(id) ?? id })),
      riskOwnerPersonId: scenario.riskOwnerPersonId ?? null,
      riskOwnerName: nameOf(scenario.riskOwnerPersonId),
      measures: (scenario.measures ?? []).map((measure) => ({
        ...measure,
        ownerPersonId: measure.ownerPersonId ?? null,
        dueDate: measure.dueDate ?? null,
        ownerName: nameOf(measure.ownerPersonId),
      })),
    })),
  }));
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
    return withNames(db, municipalityId, rows.map(toRiskAnalysis));
  },

  async findById(db: Executor, municipalityId: string, systemId: string, id: string): Promise<RiskAnalysis | undefined> {
    const row = await db
      .selectFrom('risk_analyses')
      .selectAll()
      .where('municipality_id', '=', municipalityId)
      .where('system_id', '=', systemId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? (await withNames(db, municipalityId, [toRiskAnalysis(row)]))[0] : undefined;
  },

  /** The system's newest analysis that is not superseded: what a project's gate looks at (names not resolved). */
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
    return updateAtVersion(db, 'risk_analyses', { municipality_id: municipalityId, id, superseded: 0 }, expectedVersion, {
      superseded: 1,
      updated_at: now,
    });
  },

  async matrixSetting(db: Executor, municipalityId: string) {
    const row = await db.selectFrom('risk_matrix_settings').selectAll().where('municipality_id', '=', municipalityId).executeTakeFirst();
    return row
      ? { ...parseJson<RiskMatrix>(row.matrix_json, defaultRiskMatrix), version: row.version }
      : { ...defaultRiskMatrix, version: 1 };
  },

  async saveMatrixSetting(db: Executor, municipalityId: string, matrix: RiskMatrix, expectedVersion: number, now: string) {
    return saveSettingAtVersion(db, 'risk_matrix_settings', municipalityId, expectedVersion, {
      matrix_json: JSON.stringify(matrix),
      updated_at: now,
    });
  },
};
