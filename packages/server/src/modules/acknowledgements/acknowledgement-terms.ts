import { departmentSubtree } from '../../access/department-tree.ts';
import type { Executor } from '../../platform/database.ts';
import { swedishHolidays } from '../../platform/swedish-holidays.ts';
import { readParameter, tanumPolicyPack } from '../../policy/index.ts';
import { addWorkingDays } from '../../policy/working-days.ts';
import { policyPackRecords } from '../compliance/index.ts';
import { acknowledgementCoverageRepository } from './acknowledgement-coverage.repository.ts';
import type { Audience } from './acknowledgement-queries.ts';

/** The pack's default, for a municipality whose stored pack predates the parameter. */
const defaultWorkingDays = 10;

/** Within how many working days a request is due (ITP-12-CHANGE-INFORM, a parameter of the municipality's pack). */
export async function acknowledgeWithinWorkingDays(executor: Executor, municipalityId: string): Promise<number> {
  const stored = await policyPackRecords.currentPack(executor, municipalityId);
  const parameters = (stored?.pack ?? tanumPolicyPack).parameters;
  return parameters.documentAcknowledgementWorkingDays
    ? readParameter(parameters, 'documentAcknowledgementWorkingDays')
    : defaultWorkingDays;
}

/** The due date of a request made on `today`: the pack's working days on, Swedish public holidays excluded. */
export async function dueDateFrom(executor: Executor, municipalityId: string, today: string): Promise<string> {
  const year = Number(today.slice(0, 4));
  const holidays = new Set(swedishHolidays(year, year + 1));
  return addWorkingDays(today, await acknowledgeWithinWorkingDays(executor, municipalityId), holidays);
}

/**
 * A document's audience as the set-based statements take it: its departments with every
 * sub-unit, or null for the whole municipality (no audience departments).
 */
export async function resolveAudience(
  executor: Executor,
  municipalityId: string,
  audienceDepartmentIds: readonly string[],
): Promise<Audience> {
  if (audienceDepartmentIds.length === 0) return null;
  const departments = await acknowledgementCoverageRepository.departments(executor, municipalityId);
  const tree = departments.map((department) => ({ id: department.id, parent_id: department.parentId }));
  const known = new Set(departments.map((department) => department.id));
  return [...new Set(audienceDepartmentIds.filter((id) => known.has(id)).flatMap((id) => departmentSubtree(tree, id)))];
}
