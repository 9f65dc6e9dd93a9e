import { describe, expect, it } from 'vitest';
import { systemActor, type Actor } from './actor.ts';
import { observeUseCases, requireSystemActor, useCase } from './use-case.ts';

const head: Actor = {
  kind: 'person',
  loginId: 'login',
  personId: 'person',
  email: 'a@b.se',
  name: 'A B',
  locale: 'sv',
  municipalityId: 'm1',
  authenticatedBy: 'token',
  roles: [{ role: 'department_head', departmentId: 'school', departmentIds: ['school'] }],
};

describe('a use case', () => {
  it('checks the permission it declares, with the subject its body passes', async () => {
    const deleteSystem = useCase('system.delete', async ({ authorise }, departmentId: string) => {
      authorise({ departmentId });
      return 'deleted';
    });
    expect(deleteSystem.permission).toBe('system.delete');
    // A department head may update the school's systems but not delete them: the declared permission decides.
    await expect(deleteSystem(head, 'school')).rejects.toThrowError(/system\.delete/);
    const updateSystem = useCase('system.update', async ({ authorise }, departmentId: string) => {
      authorise({ departmentId });
      return 'updated';
    });
    await expect(updateSystem(head, 'school')).resolves.toBe('updated');
    await expect(updateSystem(head, 'care')).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('words the refusal when the body asks, and says beforehand whether the check would pass', async () => {
    const report = useCase('system.update', async ({ authorise, may }, departmentId: string) => {
      const allowed = may({ departmentId });
      authorise({ departmentId }, 'You may not report changes for Skolsystemet.');
      return allowed;
    });
    await expect(report(head, 'school')).resolves.toBe(true);
    await expect(report(head, 'care')).rejects.toMatchObject({
      code: 'forbidden',
      message: 'You may not report changes for Skolsystemet.',
    });
  });

  it('fails loudly when its body answers without checking', async () => {
    const careless = useCase('system.read', async () => 'data');
    await expect(careless(head)).rejects.toThrowError(/without authorising/);
  });

  it('tells an observer its permission as it is called, even when it then refuses', async () => {
    const seen: string[] = [];
    const stop = observeUseCases((permission) => seen.push(permission));
    const approve = useCase('project.approve', async ({ authorise }) => authorise());
    await expect(approve(head)).rejects.toMatchObject({ code: 'forbidden' });
    stop();
    await expect(approve(head)).rejects.toMatchObject({ code: 'forbidden' });
    expect(seen).toEqual(['project.approve']);
  });
});

describe('the functions that check no permission', () => {
  it('demand the system actor', () => {
    expect(() => requireSystemActor(head)).toThrowError(/system actor/);
    expect(() => requireSystemActor(systemActor('cli init'))).not.toThrow();
  });
});
