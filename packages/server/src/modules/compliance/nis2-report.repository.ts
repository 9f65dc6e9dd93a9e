/**
 * What the NIS2 status report reads besides the evaluation: the municipality's name and the
 * systems in the Act's scope (flagged nis2, not retired) with their owner, supplier, continuity and
 * current classification. Three queries whatever the register's size.
 */
import type { Nis2ReportSystem } from '@forvalta/contracts';
import type { Executor } from '../../platform/database.ts';

export type Nis2ScopeSystem = Omit<Nis2ReportSystem, 'continuityStatus' | 'continuityReason'>;

export const nis2ReportRepository = {
  async municipalityName(db: Executor, municipalityId: string): Promise<string> {
    const row = await db.selectFrom('municipalities').select('name').where('id', '=', municipalityId).executeTakeFirstOrThrow();
    return row.name;
  },

  async systemsInScope(db: Executor, municipalityId: string): Promise<Nis2ScopeSystem[]> {
    const [systems, classifications] = await Promise.all([
      db
        .selectFrom('systems')
        .innerJoin('departments', (join) =>
          join
            .onRef('departments.id', '=', 'systems.owner_department_id')
            .onRef('departments.municipality_id', '=', 'systems.municipality_id'),
        )
        .select([
          'systems.id',
          'systems.name',
          'systems.lifecycle',
          'systems.supplier',
          'systems.criticality',
          'systems.recovery_time_objective_hours',
          'systems.last_restore_test_on',
          'departments.name as owner_department_name',
        ])
        .where('systems.municipality_id', '=', municipalityId)
        .where('systems.nis2', '=', 1)
        .where('systems.lifecycle', '<>', 'retired')
        .orderBy('systems.sort_key')
        .orderBy('systems.id')
        .execute(),
      // Newest first: the first row per system is its current classification.
      db
        .selectFrom('system_classifications')
        .innerJoin('systems', (join) =>
          join
            .onRef('systems.id', '=', 'system_classifications.system_id')
            .onRef('systems.municipality_id', '=', 'system_classifications.municipality_id'),
        )
        .select([
          'system_classifications.system_id',
          'system_classifications.confidentiality',
          'system_classifications.integrity',
          'system_classifications.availability',
          'system_classifications.traceability',
          'system_classifications.classified_on',
        ])
        .where('system_classifications.municipality_id', '=', municipalityId)
        .where('systems.nis2', '=', 1)
        .orderBy('system_classifications.classified_on', 'desc')
        .orderBy('system_classifications.recorded_at', 'desc')
        .execute(),
    ]);
    const current = new Map<string, Nis2ScopeSystem['classification']>();
    for (const row of classifications) {
      if (current.has(row.system_id)) continue;
      current.set(row.system_id, {
        confidentiality: row.confidentiality,
        integrity: row.integrity,
        availability: row.availability,
        traceability: row.traceability,
        classifiedOn: row.classified_on,
      });
    }
    return systems.map((row) => ({
      id: row.id,
      name: row.name,
      ownerDepartmentName: row.owner_department_name,
      lifecycle: row.lifecycle,
      supplier: row.supplier,
      classification: current.get(row.id) ?? null,
      criticality: row.criticality,
      recoveryTimeObjectiveHours: row.recovery_time_objective_hours,
      lastRestoreTestOn: row.last_restore_test_on,
    }));
  },
};
