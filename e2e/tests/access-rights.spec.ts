import { randomUUID } from 'node:crypto';
import { apiCall, chooseOption, expect, expectNoSeriousAxeViolations, setLocale, test } from './fixtures.ts';

const screenshots = process.env.SCREENSHOTS;

test("a system's access rights: the manager grants a new employee a right with the gate shown first, sees it in the system's list and on the person's page", async ({
  loginAs,
}) => {
  const page = await loginAs('administrator');
  const me = await apiCall<{ personId: string }>(page, 'GET', '/me');
  const departments = await apiCall<{ items: Array<{ id: string }> }>(page, 'GET', '/departments?limit=1');
  const suffix = randomUUID().slice(0, 6);
  // Records of the spec's own: a system the administrator manages, its levels and a new employee.
  const system = await apiCall<{ id: string; name: string }>(page, 'POST', '/systems', {
    data: { name: `Journalsystem ${suffix}`, kind: 'department', ownerDepartmentId: departments.items[0]!.id },
  });
  await apiCall(page, 'POST', `/systems/${system.id}/assignments`, { data: { personId: me.personId, role: 'manager' } });
  for (const level of [
    { name: 'Läsare', privileged: false },
    { name: 'Administratör', privileged: true },
  ])
    await apiCall(page, 'POST', `/systems/${system.id}/access-levels`, { data: level });
  const employee = await apiCall<{ id: string; firstName: string; lastName: string; email: string }>(page, 'POST', '/people', {
    data: {
      firstName: 'Nyanställd',
      lastName: `Testsson ${suffix}`,
      email: `ny-${suffix}@tanum.demo`,
      departmentId: departments.items[0]!.id,
    },
  });

  await page.goto(`/systems/${system.id}#access`);
  const section = page.locator('#access');
  await expect(section.getByRole('heading', { name: 'Behörigheter' })).toBeVisible();
  await section.getByRole('button', { name: 'Tilldela behörighet' }).click();
  const dialog = page.getByRole('dialog', { name: `Tilldela behörighet i ${system.name}` });
  await dialog.getByRole('combobox', { name: 'Person' }).fill(`Testsson ${suffix}`);
  await page.getByRole('option', { name: new RegExp(`Testsson ${suffix}`) }).click();
  // The gate before saving: a first right waits for the acknowledgement of the current IT policy, if there is one adopted.
  const gate = await apiCall<{ wouldBePending: boolean }>(page, 'GET', `/systems/${system.id}/access-gate?personId=${employee.id}`);
  await expect(dialog.getByTestId('gate-state')).toContainText(
    gate.wouldBePending ? 'Personen har inte bekräftat IT-policyn' : 'Behörigheten blir aktiv direkt',
  );
  await chooseOption(dialog, 'Behörighetsnivå', 'Läsare');
  await expectNoSeriousAxeViolations(page, 'the grant dialog');
  if (screenshots) await page.screenshot({ path: `${screenshots}/access-grant-sv.png`, fullPage: true });
  await dialog.getByRole('button', { name: 'Tilldela', exact: true }).click();
  await expect(dialog).toBeHidden();

  const state = gate.wouldBePending ? 'Väntar på bekräftelse' : 'Aktiv';
  // The section lists active rights first; a pending one shows under its own status.
  if (gate.wouldBePending) await chooseOption(section, 'Status', 'Väntar på bekräftelse');
  const row = section.getByTestId('system-access-row').filter({ hasText: `Testsson ${suffix}` });
  await expect(row).toContainText(state);
  await expect(row).toContainText('Läsare');
  await expectNoSeriousAxeViolations(page, `/systems/${system.id} (access)`);
  if (screenshots) await page.screenshot({ path: `${screenshots}/access-system-sv.png`, fullPage: true });

  await page.goto(`/people/${employee.id}`);
  const personSection = page.locator('#access');
  if (gate.wouldBePending) await chooseOption(personSection, 'Status', 'Väntar på bekräftelse');
  await expect(personSection.getByTestId('person-access-row').filter({ hasText: system.name })).toContainText(state);
  await expectNoSeriousAxeViolations(page, `/people/${employee.id} (access)`);

  await page.goto('/access-rights/leavers');
  await expect(page.getByRole('heading', { level: 1, name: 'Behörigheter för personer som slutat' })).toBeVisible();
  await expectNoSeriousAxeViolations(page, '/access-rights/leavers');
  await page.goto('/recertifications');
  await expect(page.getByRole('heading', { level: 1, name: 'Återcertifiering av behörigheter' })).toBeVisible();
  await expectNoSeriousAxeViolations(page, '/recertifications');

  await setLocale(page.context(), 'en');
  await page.goto(`/systems/${system.id}#access`);
  await expect(page.locator('#access').getByRole('heading', { name: 'Access rights' })).toBeVisible();
  await expectNoSeriousAxeViolations(page, `/systems/${system.id} (access, English)`);
  if (screenshots) await page.screenshot({ path: `${screenshots}/access-system-en.png`, fullPage: true });
  await setLocale(page.context(), 'sv');
});
