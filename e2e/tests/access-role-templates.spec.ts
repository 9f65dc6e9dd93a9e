import { randomUUID } from 'node:crypto';
import { apiCall, chooseOption, expect, expectNoSeriousAxeViolations, setLocale, test } from './fixtures.ts';

const screenshots = process.env.SCREENSHOTS;

test('role templates: the IT unit creates and edits one, a department head requests its rights for a new employee', async ({ loginAs }) => {
  test.setTimeout(150_000);
  const admin = await loginAs('administrator');
  const me = await apiCall<{ personId: string }>(admin, 'GET', '/me');
  const school = (await apiCall<{ items: Array<{ id: string; name: string }> }>(admin, 'GET', '/departments?limit=100')).items.find(
    (department) => department.name === 'Barn- och utbildningsförvaltningen',
  )!;
  const suffix = randomUUID().slice(0, 6);
  const systemName = `Lärplattform ${suffix}`;
  const system = await apiCall<{ id: string }>(admin, 'POST', '/systems', {
    data: { name: systemName, kind: 'department', ownerDepartmentId: school.id },
  });
  await apiCall(admin, 'POST', `/systems/${system.id}/assignments`, { data: { personId: me.personId, role: 'manager' } });
  await apiCall(admin, 'POST', `/systems/${system.id}/access-levels`, { data: { name: 'Lärare' } });
  const lastName = `Mallsson ${suffix}`;
  await apiCall(admin, 'POST', '/people', {
    data: { firstName: 'Tove', lastName, email: `mall-${suffix}@tanum.demo`, departmentId: school.id },
  });

  // 1. Create: a name, and a level chosen by system then level.
  await admin.goto('/role-templates');
  await expect(admin.getByRole('heading', { level: 1, name: 'Rollmallar' })).toBeVisible();
  await expectNoSeriousAxeViolations(admin, '/role-templates');
  await admin.getByRole('button', { name: 'Ny rollmall' }).click();
  const create = admin.getByRole('dialog', { name: 'Ny rollmall' });
  const templateName = `Lärare ${suffix}`;
  await create.getByRole('textbox', { name: 'Namn' }).fill(templateName);
  await create.getByRole('button', { name: 'Skapa rollmall' }).click();
  await expect(create.getByText('Välj minst en behörighetsnivå.')).toBeVisible();
  await create.getByRole('combobox', { name: 'System' }).fill(systemName);
  await admin.getByRole('option', { name: systemName }).click();
  await chooseOption(create, 'Nivå', 'Lärare');
  await create.getByRole('button', { name: 'Lägg till nivå' }).click();
  await expect(create.getByTestId('template-levels')).toContainText(`${systemName}: Lärare`);
  await expectNoSeriousAxeViolations(admin, 'the role template dialog');
  if (screenshots) await admin.screenshot({ path: `${screenshots}/access-role-template-dialog-sv.png`, fullPage: true });
  await create.getByRole('button', { name: 'Skapa rollmall' }).click();
  await expect(create).toBeHidden();
  const row = admin.getByTestId('role-template-row').filter({ hasText: templateName });
  await expect(row).toContainText(`${systemName}: Lärare`);

  // 2. Edit: a description added.
  await row.getByRole('button', { name: `Ändra rollmallen ${templateName}` }).click();
  const edit = admin.getByRole('dialog', { name: `Ändra rollmallen ${templateName}` });
  await edit.getByRole('textbox', { name: 'Beskrivning' }).fill('Ny lärare i grundskolan');
  await edit.getByRole('button', { name: 'Spara' }).click();
  await expect(edit).toBeHidden();
  await expect(row).toContainText('Ny lärare i grundskolan');

  // 3. The department head requests the template's rights for a new employee of the department.
  const head = await loginAs('departmentHead');
  await head.goto('/role-templates');
  const headRow = head.getByTestId('role-template-row').filter({ hasText: templateName });
  await expect(headRow.getByRole('button', { name: `Ändra rollmallen ${templateName}` })).toHaveCount(0);
  await headRow.getByRole('button', { name: `Begär behörigheter enligt ${templateName}` }).click();
  const apply = head.getByRole('dialog', { name: `Begär behörigheter enligt ${templateName}` });
  await expect(apply.getByTestId('apply-levels')).toContainText(`${systemName}: Lärare`);
  await apply.getByRole('combobox', { name: 'Person' }).fill(lastName);
  await head.getByRole('option', { name: new RegExp(lastName) }).click();
  // The head sees the person's gate before asking (ITP-3-INFORM-NEW): the new employee has acknowledged nothing yet.
  await expect(apply.getByTestId('gate-state')).toContainText('Personen har inte bekräftat IT-policyn');
  await expectNoSeriousAxeViolations(head, 'the apply dialog');
  if (screenshots) await head.screenshot({ path: `${screenshots}/access-role-template-apply-sv.png`, fullPage: true });
  await apply.getByRole('button', { name: 'Begär behörigheterna' }).click();
  await expect(apply).toBeHidden();
  await expect(head.getByText('1 behörighet är begärd och väntar på att personen bekräftar IT-policyn och riktlinjerna.')).toBeVisible();
  const rights = await apiCall<{ items: Array<{ personName: string; state: string }> }>(
    admin,
    'GET',
    `/access-rights?systemId=${system.id}&state=pending_acknowledgement`,
  );
  expect(rights.items).toEqual([expect.objectContaining({ personName: `Tove ${lastName}`, state: 'pending_acknowledgement' })]);

  // English, and the template deleted by the IT unit.
  await setLocale(admin.context(), 'en');
  await admin.goto('/role-templates');
  await expect(admin.getByRole('heading', { level: 1, name: 'Role templates' })).toBeVisible();
  await expectNoSeriousAxeViolations(admin, '/role-templates (English)');
  if (screenshots) await admin.screenshot({ path: `${screenshots}/access-role-templates-en.png`, fullPage: true });
  await admin
    .getByTestId('role-template-row')
    .filter({ hasText: templateName })
    .getByRole('button', { name: `Delete the role template ${templateName}` })
    .click();
  await admin.getByRole('dialog', { name: 'Delete the role template?' }).getByRole('button', { name: 'Delete' }).click();
  await expect(admin.getByTestId('role-template-row').filter({ hasText: templateName })).toHaveCount(0);
  await setLocale(admin.context(), 'sv');
});
