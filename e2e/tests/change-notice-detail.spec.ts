import { apiCall, expect, expectNoSeriousAxeViolations, setLocale, systemIdByName, test } from './fixtures.ts';

const screenshots = process.env.SCREENSHOTS;

interface Integration {
  providerSystemId: string;
  consumerSystemId: string;
}

test('the IT unit opens a change notice from its inbox, sees whom it went to and by when, and acknowledges it there', async ({
  loginAs,
}) => {
  // A notice that touches an integration of a system with neighbours, so it goes beyond the IT unit's queue.
  const admin = await loginAs('administrator');
  const systemId = await systemIdByName(admin, 'Procapita Vård och omsorg');
  const links = await apiCall<{ items: Integration[] }>(admin, 'GET', `/integrations?systemId=${systemId}&limit=50`);
  expect(links.items.length, 'Procapita Vård och omsorg has integrations in the demo').toBeGreaterThan(0);
  const title = `Byte av databasserver för Procapita ${Date.now()}`;
  const created = await apiCall<{ id: string; recipientPersonIds: string[] }>(admin, 'POST', '/change-notices', {
    data: {
      kind: 'operation',
      title,
      description: 'Databasen flyttas till en ny server.',
      plannedOn: '2026-12-15',
      systemIds: [systemId],
      touchesIntegrations: true,
    },
  });

  const page = await loginAs('itUnit');
  await page.goto('/change-notices');
  await page.getByRole('searchbox', { name: 'Sök' }).fill(title);
  // The search stands in the address, so the inbox view can be bookmarked.
  await expect(page).toHaveURL(/q=Byte/);
  await page.getByRole('link', { name: title }).click();
  await expect(page).toHaveURL(new RegExp(`/change-notices/${created.id}$`));
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Procapita Vård och omsorg', exact: true }).first()).toBeVisible();

  const routing = page.getByTestId('notice-routing');
  await expect(routing).toContainText('IT-enhetens kö');
  // Pulsen Combine, linked to Procapita, has a manager in the demo: they are told too.
  expect(created.recipientPersonIds.length).toBeGreaterThan(0);
  await expect(routing).toContainText('systemansvarig för Pulsen Combine');
  await expect(page.getByTestId('notice-deadline')).toContainText(
    /Bekräftas senast \d{4}-\d{2}-\d{2} \(5 arbetsdagar, helgdagar undantagna\)/,
  );
  await expect(page.getByText('Väntar på att IT-enheten bekräftar.')).toBeVisible();
  await expectNoSeriousAxeViolations(page, '/change-notices/:id (open)');
  if (screenshots) await page.screenshot({ path: `${screenshots}/change-notice-sv.png`, fullPage: true });

  await page.getByRole('textbox', { name: 'Anteckning (frivillig)' }).fill('Planerat med leverantören.');
  await page.getByRole('button', { name: 'Bekräfta', exact: true }).click();
  const acknowledged = page.getByTestId('notice-acknowledged');
  await expect(acknowledged).toContainText(/Bekräftad \d{4}-\d{2}-\d{2} \d{2}:\d{2} av /);
  await expect(acknowledged).toContainText('Anteckning: Planerat med leverantören.');
  await expect(page.getByRole('button', { name: 'Bekräfta', exact: true })).toHaveCount(0);
  await expectNoSeriousAxeViolations(page, '/change-notices/:id (acknowledged)');

  // Back in the inbox, filtered to the acknowledged ones: the notice is there, marked.
  await page.getByRole('link', { name: 'Tillbaka till ändringsanmälningarna' }).click();
  await page.goto(`/change-notices?status=acknowledged&q=${encodeURIComponent(title)}`);
  await expect(page.getByRole('combobox', { name: 'Status' })).toHaveValue('Bekräftad');
  await expect(page.getByTestId('notice-row').filter({ hasText: title })).toContainText('Bekräftad');
});

test('an automatic notice shows who held the role before and after, in English', async ({ loginAs }) => {
  const admin = await loginAs('administrator');
  const systemId = await systemIdByName(admin, 'Procapita Vård och omsorg');
  const people = await apiCall<{ items: Array<{ id: string; firstName: string; lastName: string }> }>(
    admin,
    'GET',
    '/people?employmentStatus=active&limit=40&sort=name',
  );
  const system = await apiCall<{ deputies: Array<{ personId: string }>; manager: { personId: string } | null }>(
    admin,
    'GET',
    `/systems/${systemId}`,
  );
  const taken = new Set([system.manager?.personId, ...system.deputies.map((deputy) => deputy.personId)]);
  const deputy = people.items.find((person) => !taken.has(person.id))!;
  await apiCall(admin, 'POST', `/systems/${systemId}/assignments`, { data: { personId: deputy.id, role: 'deputy' } });
  const name = `${deputy.firstName} ${deputy.lastName}`;

  const page = await loginAs('itUnit');
  await setLocale(page.context(), 'en');
  await page.goto(`/change-notices?source=automatic&q=${encodeURIComponent(`Ny ersättare för Procapita Vård och omsorg: ${name}`)}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Change notices' })).toBeVisible();
  await page
    .getByRole('link', { name: `Ny ersättare för Procapita Vård och omsorg: ${name}` })
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 2, name: 'Change of responsibility' })).toBeVisible();
  const change = page.getByTestId('responsibility-change');
  await expect(change).toContainText('Deputy');
  await expect(change).toContainText('New assignment');
  // After the change the new deputy is among the deputies; before, they were not.
  await expect(change.locator('dd').nth(3)).not.toContainText(name);
  await expect(change.locator('dd').nth(4)).toContainText(name);
  await expect(page.getByTestId('notice-deadline')).toContainText('working days, public holidays excluded');
  await expect(page.getByRole('button', { name: 'Acknowledge', exact: true })).toBeVisible();
  await expectNoSeriousAxeViolations(page, '/change-notices/:id (English, automatic)');
  if (screenshots) await page.screenshot({ path: `${screenshots}/change-notice-automatic-en.png`, fullPage: true });
  await setLocale(page.context(), 'sv');
});
