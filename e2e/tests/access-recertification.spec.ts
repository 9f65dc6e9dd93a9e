import { randomUUID } from 'node:crypto';
import { apiCall, chooseOption, expect, expectNoSeriousAxeViolations, setLocale, test } from './fixtures.ts';

const screenshots = process.env.SCREENSHOTS;

test('a recertification campaign worked through: keep one right, end another in bulk after the confirmation', async ({ loginAs }) => {
  const page = await loginAs('administrator');
  const me = await apiCall<{ personId: string }>(page, 'GET', '/me');
  const departments = await apiCall<{ items: Array<{ id: string }> }>(page, 'GET', '/departments?limit=1');
  const suffix = randomUUID().slice(0, 6);
  // Records of the spec's own: a system the administrator manages, a level and two people holding it.
  const system = await apiCall<{ id: string; name: string }>(page, 'POST', '/systems', {
    data: { name: `Ekonomisystem ${suffix}`, kind: 'department', ownerDepartmentId: departments.items[0]!.id },
  });
  await apiCall(page, 'POST', `/systems/${system.id}/assignments`, { data: { personId: me.personId, role: 'manager' } });
  const level = await apiCall<{ id: string }>(page, 'POST', `/systems/${system.id}/access-levels`, { data: { name: 'Attestant' } });
  const names = ['Kvarstående', 'Avslutande'];
  for (const [index, name] of names.entries()) {
    const person = await apiCall<{ id: string }>(page, 'POST', '/people', {
      data: {
        firstName: name,
        lastName: `Granskad ${suffix}`,
        email: `granskad-${index}-${suffix}@tanum.demo`,
        departmentId: departments.items[0]!.id,
      },
    });
    await apiCall(page, 'POST', '/access-rights', { data: { personId: person.id, systemId: system.id, levelId: level.id } });
  }
  const campaign = await apiCall<{ id: string }>(page, 'POST', '/recertifications', {
    data: { title: `Återcertifiering ${system.name}`, scope: 'system', systemId: system.id, dueDate: '2027-01-31' },
  });

  await page.goto(`/recertifications/${campaign.id}`);
  await expect(page.getByRole('heading', { level: 1, name: `Återcertifiering ${system.name}` })).toBeVisible();
  await expect(page.getByTestId('recertification-row')).toHaveCount(2);
  await expectNoSeriousAxeViolations(page, '/recertifications/:id');
  await page.getByRole('button', { name: `Behåll behörigheten för Kvarstående Granskad ${suffix} i ${system.name}` }).click();
  await expect(page.getByTestId('recertification-progress')).toContainText('1 behålls, 0 avslutas, 1 obeslutade av 2.');
  await page.getByRole('checkbox', { name: `Välj Avslutande Granskad ${suffix} i ${system.name}` }).check();
  await page.getByRole('button', { name: 'Avsluta 1 vald' }).click();
  const confirm = page.getByRole('dialog', { name: 'Bekräfta beslutet' });
  await expect(confirm).toContainText('1 behörighet avslutas i dag.');
  await expectNoSeriousAxeViolations(page, 'the bulk decision confirmation');
  if (screenshots) await page.screenshot({ path: `${screenshots}/access-recertification-sv.png`, fullPage: true });
  await confirm.getByRole('button', { name: 'Avsluta 1 vald' }).click();
  await expect(page.getByTestId('recertification-progress')).toContainText('1 behålls, 1 avslutas, 0 obeslutade av 2.');
  const ended = await apiCall<{ items: Array<{ personName: string }> }>(page, 'GET', `/access-rights?systemId=${system.id}&state=ended`);
  expect(ended.items.map((right) => right.personName)).toEqual([`Avslutande Granskad ${suffix}`]);

  // The system's duty checklist shows the register's proof of "administer access rights" (§4.2.3).
  await page.goto(`/systems/${system.id}`);
  const accessDuty = page.getByTestId('duty-row').filter({ hasText: 'Behörighetsadministration' });
  await expect(accessDuty.getByTestId('duty-register-evidence')).toContainText('1 behörighet · senast omprövad');

  await setLocale(page.context(), 'en');
  await page.goto(`/systems/${system.id}`);
  await expect(
    page.getByTestId('duty-row').filter({ hasText: 'Access rights administration' }).getByTestId('duty-register-evidence'),
  ).toContainText('1 access right · last recertified');
  await page.goto(`/recertifications/${campaign.id}`);
  await chooseOption(page, 'Show', 'Kept');
  await expect(page.getByTestId('recertification-row')).toHaveCount(1);
  await expectNoSeriousAxeViolations(page, '/recertifications/:id (English)');
  if (screenshots) await page.screenshot({ path: `${screenshots}/access-recertification-en.png`, fullPage: true });
  await setLocale(page.context(), 'sv');
});
