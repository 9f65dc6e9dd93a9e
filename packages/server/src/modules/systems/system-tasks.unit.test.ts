import { describe, expect, it } from 'vitest';
import type { TaskSourceContext } from '../../platform/task-source.ts';
import { tanumPolicyPack } from '../../policy/index.ts';
import { systemRecordTaskSource } from './system-tasks.ts';

const context = (stewardedSystems: TaskSourceContext['stewardedSystems']): TaskSourceContext => ({
  municipalityId: 'municipality',
  personId: 'person',
  roles: ['employee'],
  headsDepartmentIds: [],
  today: '2026-12-02',
  horizon: '2027-01-01',
  parameters: tanumPolicyPack.parameters,
  stewardedSystems,
});

/** The register's asks come from the systems the to-do request read once (TaskSourceContext), not from a query of their own. */
describe('the system record task source', () => {
  // No database: a query of its own would fail.
  const noDatabase = undefined as never;

  it('asks to confirm each kept system once, owed at once when never confirmed, and not before the horizon', async () => {
    const tasks = await systemRecordTaskSource(
      noDatabase,
      context([
        { systemId: 'procapita', name: 'Procapita', lifecycle: 'in_production', lastConfirmedAt: null, role: 'manager' },
        { systemId: 'procapita', name: 'Procapita', lifecycle: 'in_production', lastConfirmedAt: null, role: 'deputy' },
        { systemId: 'visma', name: 'Visma', lifecycle: 'in_production', lastConfirmedAt: '2026-11-01T10:00:00.000Z', role: 'deputy' },
      ]),
    );
    expect(tasks.map((task) => [task.id, task.overdue, task.dueDate])).toEqual([['confirm_system_record:procapita', true, null]]);
  });

  it('asks nothing of a person who keeps no system', async () => {
    expect(await systemRecordTaskSource(noDatabase, context([]))).toEqual([]);
  });
});
