import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { apiCall, chooseOption, expect, expectNoSeriousAxeViolations, setLocale, test } from './fixtures.ts';

const screenshots = process.env.SCREENSHOTS;

/**
 * ITP-3-INFORM-NEW end to end: a new employee's first right waits for their acknowledgement of the
 * IT policy and the security guidelines, and becomes active the moment they acknowledge.
 */
test("a new employee's first right: granted, pending, the employee acknowledges the policy and the guidelines, and it is active", async ({
  loginAs,
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const admin = await loginAs('administrator');
  const me = await apiCall<{ personId: string }>(admin, 'GET', '/me');
  const departments = await apiCall<{ items: Array<{ id: string }> }>(admin, 'GET', '/departments?limit=1');
  const suffix = randomUUID().slice(0, 6);
  const system = await apiCall<{ id: string; name: string }>(admin, 'POST', '/systems', {
    data: { name: `Verksamhetssystem ${suffix}`, kind: 'department', ownerDepartmentId: departments.items[0]!.id },
  });
  await apiCall(admin, 'POST', `/systems/${system.id}/assignments`, { data: { personId: me.personId, role: 'manager' } });
  await apiCall(admin, 'POST', `/systems/${system.id}/access-levels`, { data: { name: 'Handläggare' } });
  const email = `forsta-${suffix}@tanum.demo`;
  const lastName = `Nyberg ${suffix}`;
  const employeeRecord = await apiCall<{ id: string }>(admin, 'POST', '/people', {
    data: { firstName: 'Frida', lastName, email, departmentId: departments.items[0]!.id },
  });

  // The new employee gets a login of their own (the invitation accepted through the API) and the employee role.
  const invitation = await apiCall<{ token: string }>(admin, 'POST', `/people/${employeeRecord.id}/login`, { data: {} });
  const employeeContext = await browser.newContext({ baseURL: baseURL!, locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
  const password = `eget-lösenord-${suffix}`;
  const accepted = await employeeContext.request.post('/api/v1/invitations/accept', { data: { token: invitation.token, password } });
  expect(accepted.status(), await accepted.text()).toBe(200);
  await apiCall(admin, 'POST', '/role-assignments', { data: { personId: employeeRecord.id, role: 'employee' } });

  // 1. The manager grants the first right: the gate says it will wait, and it does.
  await admin.goto(`/systems/${system.id}#access`);
  const section = admin.locator('#access');
  await section.getByRole('button', { name: 'Tilldela behörighet' }).click();
  const dialog = admin.getByRole('dialog', { name: `Tilldela behörighet i ${system.name}` });
  await dialog.getByRole('combobox', { name: 'Person' }).fill(lastName);
  await admin.getByRole('option', { name: new RegExp(lastName) }).click();
  await expect(dialog.getByTestId('gate-state')).toContainText('Personen har inte bekräftat IT-policyn');
  await chooseOption(dialog, 'Behörighetsnivå', 'Handläggare');
  await expectNoSeriousAxeViolations(admin, 'the grant dialog, gate closed');
  await dialog.getByRole('button', { name: 'Tilldela', exact: true }).click();
  await expect(dialog).toBeHidden();
  await chooseOption(section, 'Status', 'Väntar på bekräftelse');
  await expect(section.getByTestId('system-access-row').filter({ hasText: lastName })).toContainText('Väntar på bekräftelse');
  await expectNoSeriousAxeViolations(admin, `/systems/${system.id} (a pending right)`);
  if (screenshots) await admin.screenshot({ path: `${screenshots}/access-first-grant-pending-sv.png`, fullPage: true });

  // 2. The employee logs in and finds both documents on their to-do list, and acknowledges each.
  const loggedIn = await employeeContext.request.post('/api/v1/auth/login', { data: { email, password } });
  expect(loggedIn.status(), await loggedIn.text()).toBe(200);
  await setLocale(employeeContext, 'sv');
  const employee = await employeeContext.newPage();
  const documents = await apiCall<{ items: Array<{ kind: string; title: string }> }>(admin, 'GET', '/documents?limit=100');
  const gateTitles = documents.items
    .filter((document) => document.kind === 'it_policy' || document.kind === 'security_guidelines')
    .map((document) => document.title);
  expect(gateTitles).toHaveLength(2);
  for (const title of gateTitles) await acknowledgeFromToDoList(employee, title);

  // 3. The right is active: on the employee's own page, and in the manager's list.
  await employee.goto(`/people/${employeeRecord.id}`);
  const own = employee.locator('#access');
  await expect(own.getByTestId('person-access-row').filter({ hasText: system.name })).toContainText('Aktiv');
  await expectNoSeriousAxeViolations(employee, '/people/:id (own rights, active)');
  if (screenshots) await employee.screenshot({ path: `${screenshots}/access-first-grant-active-sv.png`, fullPage: true });
  // Still on the system's page: a reload reads the list again.
  await admin.reload();
  await expect(admin.locator('#access').getByTestId('system-access-row').filter({ hasText: lastName })).toContainText('Aktiv');

  await setLocale(employeeContext, 'en');
  await employee.goto(`/people/${employeeRecord.id}`);
  await expect(employee.locator('#access').getByTestId('person-access-row').filter({ hasText: system.name })).toContainText('Active');
  await expectNoSeriousAxeViolations(employee, '/people/:id (own rights, English)');
  if (screenshots) await employee.screenshot({ path: `${screenshots}/access-first-grant-active-en.png`, fullPage: true });
  await employeeContext.close();
});

async function acknowledgeFromToDoList(page: Page, title: string) {
  await page.goto('/');
  const task = page.getByTestId('task-acknowledge_document').filter({ hasText: title }).first();
  await expect(task).toBeVisible();
  await task.getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expectNoSeriousAxeViolations(page, `reading ${title}`);
  await page.getByRole('button', { name: 'Jag har läst och förstått' }).click();
  await expect(page.getByTestId('own-acknowledgement')).toContainText(/Bekräftat \d{4}-\d{2}-\d{2}/);
}
