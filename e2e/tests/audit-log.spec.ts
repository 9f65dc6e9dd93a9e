import { readFile } from 'node:fs/promises';
import Database from 'better-sqlite3';
import { apiCall, chooseOption, expect, expectNoSeriousAxeViolations, setLocale, test } from './fixtures.ts';

const screenshots = process.env.SCREENSHOTS ?? '/tmp';

test('an auditor finds failed logins in the audit log, exports them with the verification, in both languages', async ({
  loginAs,
  browser,
  baseURL,
}) => {
  // A wrong password for the employee: the audit log records it (issue #12, finding 4).
  const stranger = await browser.newContext({ baseURL });
  expect(
    (await stranger.request.post('/api/v1/auth/login', { data: { email: 'medarbetare@tanum.demo', password: 'fel-lösenord' } })).status(),
  ).toBe(401);
  await stranger.close();

  const page = await loginAs('auditor');
  await page.goto('/audit-log');
  await expect(page.getByRole('heading', { level: 1, name: 'Händelselogg' })).toBeVisible();
  await chooseOption(page, 'Händelse', 'Misslyckad inloggning');
  await expect(page).toHaveURL(/action=login_failed/);
  const rows = page.getByTestId('audit-row');
  await expect(rows.first()).toContainText('Misslyckad inloggning');
  expect(await rows.count()).toBeGreaterThan(0);
  for (const text of await rows.allTextContents()) expect(text).toContain('Misslyckad inloggning');
  await expectNoSeriousAxeViolations(page, '/audit-log filtered (sv)');
  await page.screenshot({ path: `${screenshots}/audit-log-sv.png`, fullPage: true });

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exportera CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^handelselogg-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile(await download.path(), 'utf8');
  expect(csv.startsWith('\uFEFF')).toBe(true);
  expect(csv).toContain('Kedjans kontroll;Obruten');
  expect(csv).toContain('Urval;action=login_failed');
  expect(csv).toContain(';login_failed;login;');
  // The export is in the log itself.
  await chooseOption(page, 'Händelse', 'Händelseloggen exporterad');
  await expect(rows.first()).toContainText('Händelseloggen exporterad');

  await setLocale(page.context(), 'en');
  await page.goto('/audit-log?action=login_failed');
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  await expect(rows.first()).toContainText('Failed login');
  await expect(page.getByRole('button', { name: 'Export Excel (XLSX)' })).toBeVisible();
  await expectNoSeriousAxeViolations(page, '/audit-log filtered (en)');
  await page.screenshot({ path: `${screenshots}/audit-log-en.png`, fullPage: true });
  await setLocale(page.context(), 'sv');
});

test('a broken chain found by the nightly verification is a banner for the audit roles, linking to the log', async ({
  loginAs,
  workerServer,
}) => {
  const administrator = await loginAs('administrator');
  const latest = () => apiCall<{ latest: { intact: boolean } | null }>(administrator, 'GET', '/audit-events/verification/latest');
  // The server runs the verification soon after it starts.
  await expect.poll(async () => (await latest()).latest?.intact, { timeout: 60_000 }).toBe(true);

  // Someone with the database file rewrites an event, and the verification comes round again.
  const database = new Database(workerServer.databaseFile);
  const rerunVerification = () =>
    database.prepare(`update scheduled_jobs set next_run_at = ? where name = 'audit-chain-verification'`).run(new Date(0).toISOString());
  const victim = database.prepare(`select id, actor_name from audit_events where action = 'create' order by sequence limit 1`).get() as {
    id: string;
    actor_name: string;
  };
  try {
    database.prepare('update audit_events set actor_name = ? where id = ?').run('Ingen alls', victim.id);
    rerunVerification();
    await expect.poll(async () => (await latest()).latest?.intact, { timeout: 60_000 }).toBe(false);

    await administrator.goto('/');
    const banner = administrator.getByTestId('audit-verification-banner');
    await expect(banner).toContainText('Händelseloggens kedja är bruten');
    await expectNoSeriousAxeViolations(administrator, '/ with the broken-chain banner (sv)');
    await administrator.screenshot({ path: `${screenshots}/audit-banner-sv.png` });
    await setLocale(administrator.context(), 'en');
    await administrator.reload();
    await expect(banner).toContainText('The audit log chain is broken');
    await administrator.screenshot({ path: `${screenshots}/audit-banner-en.png` });
    await banner.getByRole('link', { name: 'Open the audit log' }).click();
    await expect(administrator).toHaveURL(/\/audit-log$/);
    // The login's language is stored: the next specs in this worker log in as administrator in Swedish.
    await setLocale(administrator.context(), 'sv');

    const auditor = await loginAs('auditor');
    await auditor.goto('/');
    await expect(auditor.getByTestId('audit-verification-banner')).toBeVisible();
    const employee = await loginAs('employee');
    await employee.goto('/');
    await expect(employee.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(employee.getByTestId('audit-verification-banner')).toHaveCount(0);
  } finally {
    // The next specs in this worker find the chain as it was.
    database.prepare('update audit_events set actor_name = ? where id = ?').run(victim.actor_name, victim.id);
    rerunVerification();
    await expect.poll(async () => (await latest()).latest?.intact, { timeout: 60_000 }).toBe(true);
    database.close();
  }
});
