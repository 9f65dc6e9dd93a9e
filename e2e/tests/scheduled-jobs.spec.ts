import { expect, expectNoSeriousAxeViolations, test } from './fixtures.ts';

test('an administrator sees the scheduled jobs run; other roles are not shown them', async ({ loginAs }) => {
  const page = await loginAs('administrator');
  await page.goto('/settings');
  const card = page.getByRole('region', { name: 'Schemalagda jobb' });
  await expect(card).toBeVisible();
  const outbox = card.getByTestId('job-row').filter({ hasText: 'Ändringsanmälningar till IT-enhetens inkorg' });
  const snapshot = card.getByTestId('job-row').filter({ hasText: 'Daglig ögonblicksbild av efterlevnaden' });
  // The server runs both soon after it starts (the outbox every 30 s); the page polls, a reload is quicker.
  await expect(async () => {
    await page.reload();
    await expect(outbox).toContainText('Lyckades', { timeout: 2_000 });
    await expect(snapshot).toContainText('Lyckades', { timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await expect(outbox).toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  await expectNoSeriousAxeViolations(page, '/settings with scheduled jobs');
  if (process.env.SCREENSHOTS) await card.screenshot({ path: `${process.env.SCREENSHOTS}/scheduled-jobs.png` });

  const employee = await loginAs('employee');
  await employee.goto('/settings');
  await expect(employee.getByRole('heading', { level: 1, name: 'Inställningar' })).toBeVisible();
  await expect(employee.getByRole('region', { name: 'Schemalagda jobb' })).toHaveCount(0);
});
