import { roles, type Role } from '@forvalta/contracts';
import { describe, expect, it } from 'vitest';
import { systemActor, type Actor } from './actor.ts';
import { can, departmentScope, permissionsOf, requirePermission } from './authorise.ts';
import { departmentSubtree, wouldCreateCycle } from './department-tree.ts';
import { actions } from './permissions.ts';

function actorWith(...grants: Array<{ role: Role; departmentId?: string; departmentIds?: string[] }>): Actor {
  return {
    kind: 'person',
    loginId: 'login',
    personId: 'person',
    email: 'a@b.se',
    name: 'A B',
    locale: 'sv',
    municipalityId: 'm1',
    authenticatedBy: 'token',
    roles: grants.map((grant) => ({
      role: grant.role,
      departmentId: grant.departmentId ?? null,
      departmentIds: grant.departmentIds ?? [],
    })),
  };
}

describe('the permission table', () => {
  it('is the reviewed one (a change here is a permission change)', async () => {
    const matrix = roles
      .map((role) => `${role.padEnd(24)} ${actions.filter((action) => can(actorWith({ role }), action)).join(', ')}`)
      .join('\n');
    await expect(`${matrix}\n`).toMatchFileSnapshot('./__snapshots__/permission-matrix.txt');
  });

  it('denies by default: a person without roles may do nothing', () => {
    expect(permissionsOf(actorWith())).toEqual([]);
    expect(() => requirePermission(actorWith(), 'department.read')).toThrowError(/permission/);
  });

  it('keeps auditors and employees read-only, but for their own tokens, acknowledgements and e-mail settings', () => {
    const own = ['apiToken.manageOwn', 'acknowledgement.acknowledge', 'notificationSettings.manageOwn'];
    for (const role of ['auditor', 'employee'] as const) {
      expect(permissionsOf(actorWith({ role })).filter((action) => !action.endsWith('.read') && !own.includes(action))).toEqual([]);
    }
  });

  it('limits department-scoped grants to their subtree', () => {
    const head = actorWith({ role: 'department_head', departmentId: 'school', departmentIds: ['school', 'preschool'] });
    expect(can(head, 'department.read', { departmentId: 'preschool' })).toBe(true);
    expect(can(head, 'department.read', { departmentId: 'care' })).toBe(false);
    expect(can(head, 'department.read', { departmentId: null })).toBe(false);
    expect(departmentScope(head, 'department.read')).toEqual(['school', 'preschool']);
    const both = actorWith({ role: 'department_head', departmentId: 'school', departmentIds: ['school'] }, { role: 'employee' });
    expect(departmentScope(both, 'department.read')).toBeUndefined();
  });

  it('lets the system actor (CLI, demo loader) do everything', () => {
    expect(permissionsOf(systemActor('test', 'm1'))).toEqual(actions);
  });
});

describe('the department tree', () => {
  const tree = [
    { id: 'ks', parent_id: null },
    { id: 'economy', parent_id: 'ks' },
    { id: 'it', parent_id: 'economy' },
    { id: 'school', parent_id: null },
  ];

  it('finds a subtree', () => {
    expect(departmentSubtree(tree, 'ks').sort()).toEqual(['economy', 'it', 'ks']);
    expect(departmentSubtree(tree, 'it')).toEqual(['it']);
  });

  it('detects a move that would make a cycle', () => {
    expect(wouldCreateCycle(tree, 'ks', 'it')).toBe(true);
    expect(wouldCreateCycle(tree, 'ks', 'ks')).toBe(true);
    expect(wouldCreateCycle(tree, 'it', 'school')).toBe(false);
  });

  it('survives a cycle already in the data', () => {
    expect(
      departmentSubtree(
        [
          { id: 'a', parent_id: 'b' },
          { id: 'b', parent_id: 'a' },
        ],
        'a',
      ).sort(),
    ).toEqual(['a', 'b']);
  });
});
