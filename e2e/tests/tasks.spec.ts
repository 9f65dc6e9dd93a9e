import { apiCall, demoLogins, demoPassword, expect, expectNoSeriousAxeViolations, setLocale, test } from './fixtures.ts';

/** Each row's due cell says "Försenad" when the task is overdue; the list keeps those first. */
async function overdueFlags(page: import('@playwright/test').Page): Promise<boolean[]> {
  const rows = page.locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  return rows.evaluateAll((elements) => elements.map((row) => /Försenad|Overdue/.test(row.textContent ?? '')));
}

test.describe('the to-do list (Att göra)', () => {
  test('is the first page after logging in, with the count in the navigation, overdue first, each row a link', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('E-postadress').fill(demoLogins.itUnit);
    await page.getByLabel(/^Lösenord/).fill(demoPassword);
    await page.getByRole('button', { name: 'Logga in' }).click();

    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Att göra' })).toBeVisible();
    const navigation = page.getByRole('navigation', { name: 'Huvudmeny' });
    // The link's name starts with the page's and says the count in words; the badge shows the number.
    const tasksLink = navigation.getByRole('link', { name: /^Att göra, \d+ uppgifter, \d+ försenade$/ });
    await expect(tasksLink).toHaveAttribute('aria-current', 'page');
    await expect(navigation.getByRole('link', { name: 'Översikt' })).toBeVisible();

    // The IT unit acknowledges the demo's open change notices and decides on the submitted project.
    await expect(page.getByRole('radio', { name: /^Ändringsanmälan \(\d+\)$/ })).toBeAttached();
    const flags = await overdueFlags(page);
    expect(flags.some(Boolean)).toBe(true);
    expect(flags).toEqual([...flags].sort((a, b) => Number(b) - Number(a)));
    await expectNoSeriousAxeViolations(page, 'to-do list (IT unit)');

    // One kind at a time, kept in the address.
    await page.getByText(/^Ändringsanmälan \(\d+\)$/).click();
    await expect(page).toHaveURL(/kind=acknowledge_change_notice/);
    await expect(page.getByTestId('task-project_gate')).toHaveCount(0);
    const notice = page.getByTestId('task-acknowledge_change_notice').first();
    const title = (await notice.getByRole('link').textContent())!;
    await notice.getByRole('link').click();
    await expect(page).toHaveURL(/\/change-notices\/[0-9a-f-]+$/);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();

    // The project waiting for the IT unit's decision links to the project.
    await page.goto('/');
    const gate = page.getByTestId('task-project_gate').first();
    await expect(gate).toContainText('Besluta om driftgodkännande');
    await gate.getByRole('link').click();
    await expect(page).toHaveURL(/\/projects\/[0-9a-f-]+$/);
  });

  test('says that everything is done to an employee with nothing to do, and the overview is one step away', async ({ loginAs }) => {
    const page = await loginAs('auditor');
    // The demo's auditor has read everything, but a journey earlier in this worker may have adopted a
    // new version asking everyone (documents-journey.spec.ts): what is open is read first.
    const me = await apiCall<{ personId: string }>(page, 'GET', '/me');
    const own = await apiCall<{ items: Array<{ id: string; state: string; version: number }> }>(
      page,
      'GET',
      `/acknowledgements?personId=${me.personId}&limit=100`,
    );
    for (const request of own.items.filter((item) => item.state !== 'acknowledged')) {
      await apiCall(page, 'POST', `/acknowledgements/${request.id}/acknowledge`, { data: {}, version: request.version });
    }
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Att göra' })).toBeVisible();
    await expect(page.getByText('Allt är klart')).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Att göra', exact: true })).toBeVisible();
    await expectNoSeriousAxeViolations(page, 'to-do list, empty');

    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Översikt' }).click();
    await expect(page).toHaveURL(/\/overview$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Översikt' })).toBeVisible();
  });

  test('is complete in English', async ({ loginAs }) => {
    const page = await loginAs('itChief');
    await setLocale(page.context(), 'en');
    try {
      await page.goto('/');
      await expect(page.getByRole('heading', { level: 1, name: 'To do' })).toBeVisible();
      await expect(
        page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: /^To do, \d+ tasks, \d+ overdue$/ }),
      ).toBeVisible();
      await expect(page.getByRole('columnheader', { name: 'Due' })).toBeVisible();
      await expect(page.getByText('Overdue').first()).toBeVisible();
      await expect(page.getByRole('radio', { name: /^Change notice \(\d+\)$/ })).toBeAttached();
      await expectNoSeriousAxeViolations(page, 'to-do list in English');
    } finally {
      await setLocale(page.context(), 'sv');
    }
  });
});
