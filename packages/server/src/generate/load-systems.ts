import { performance } from 'node:perf_hooks';
import { systemActor } from '../access/actor.ts';
import { createRandom } from '../demo/random.ts';
import type { Clock } from '../platform/clock.ts';
import { withTransaction, type DatabaseHandle } from '../platform/database.ts';
import { openAuditChain } from '../platform/bulk-audit.ts';
import { createIdSource } from './deterministic-ids.ts';
import type { GeneratedDepartment, GeneratedPerson, OrganisationContext } from './organisation-generator.ts';
import { generateSystems, type RegisterCounts } from './register-generator.ts';

export interface SystemsLoad {
  counts: RegisterCounts;
  auditEvents: number;
  /** From reading the organisation to the commit: after it every system is visible, nothing runs later. */
  seconds: number;
}

/**
 * Loads `count` systems with owners, classification, duties, managers and deputies into a
 * municipality that already has its departments and people, in one transaction with their audit
 * events: what an import of a register does, and the measure of quality.md's "10,000 systems with
 * owners and assignments ≤ 3 s, visible at once" (the bench runs it).
 */
export async function loadSystems(
  db: DatabaseHandle,
  clock: Clock,
  options: { municipalityId: string; count: number; seed: number },
): Promise<SystemsLoad> {
  const { municipalityId } = options;
  const started = performance.now();
  const departmentRows = await db
    .selectFrom('departments')
    .select(['id', 'name', 'parent_id', 'is_it_unit'])
    .where('municipality_id', '=', municipalityId)
    .orderBy('sort_key')
    .orderBy('id')
    .execute();
  const peopleRows = await db
    .selectFrom('people')
    .select(['id', 'first_name', 'last_name', 'department_id', 'employment_status', 'start_date', 'end_date'])
    .where('municipality_id', '=', municipalityId)
    .where('department_id', 'is not', null)
    .orderBy('sort_key')
    .orderBy('id')
    .execute();
  if (departmentRows.length === 0 || peopleRows.length === 0)
    throw new Error('loadSystems: the municipality needs departments and people first (generate S or M)');
  const departments: GeneratedDepartment[] = departmentRows.map((row) => ({
    id: row.id,
    name: row.name,
    topLevel: row.parent_id === null,
    isItUnit: Boolean(row.is_it_unit),
  }));
  const people: GeneratedPerson[] = peopleRows.map((row) => ({
    id: row.id,
    name: `${row.first_name} ${row.last_name}`,
    departmentId: row.department_id!,
    active: row.employment_status === 'active',
    startDate: row.start_date ?? '1990-01-01',
    endDate: row.end_date,
  }));

  const actor = systemActor('generate', municipalityId);
  return withTransaction(db, async (transaction) => {
    const context: OrganisationContext = {
      transaction,
      municipalityId,
      emailDomain: 'unused.example',
      random: createRandom(options.seed),
      ids: createIdSource(createRandom(options.seed ^ 0x2f6b9a1d)),
      now: clock.now().toISOString(),
      audit: [],
      auditChain: await openAuditChain(transaction, actor, clock),
    };
    const { counts } = await generateSystems(context, options.count, departments, people);
    await context.auditChain.close();
    return { counts, auditEvents: context.auditChain.appended, seconds: 0 };
  }).then((load) => ({ ...load, seconds: (performance.now() - started) / 1000 }));
}
