import fs from 'node:fs';
import { apiCall, expect, expectNoSeriousAxeViolations, setLocale, test } from './fixtures.ts';

const screenshots = process.env.SCREENSHOTS;

/**
 * The data protection officer takes a person's subject access extract (GDPR art. 15) from the
 * person's page (issue #16): the button is there for the officer only, the file downloads, and the
 * extract is in the audit log.
 */
test('the data protection officer downloads a person’s subject access extract; the administrator has no such button', async ({
  loginAs,
}) => {
  test.setTimeout(90_000);
  const page = await loginAs('dataProtectionOfficer');
  const people = await apiCall<{ items: Array<{ id: string; firstName: string; lastName: string }> }>(
    page,
    'GET',
    '/people?q=medarbetare%40tanum.demo',
  );
  const person = people.items[0]!;
  await page.goto(`/people/${person.id}`);
  await expect(page.getByRole('heading', { name: `${person.firstName} ${person.lastName}`, level: 1 })).toBeVisible();
  const button = page.getByRole('button', { name: 'Registerutdrag (GDPR)' });
  await expect(button).toBeVisible();
  await expectNoSeriousAxeViolations(page, 'person page with the subject access button');
  if (screenshots) await page.screenshot({ path: `${screenshots}/subject-access-sv-desktop.png`, fullPage: false });

  const downloading = page.waitForEvent('download');
  await button.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^registerutdrag-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const file = await download.path();
  // An XLSX is a zip: it starts with PK.
  expect(fs.readFileSync(file).subarray(0, 2).toString()).toBe('PK');
  await expect(page.getByText('Registerutdraget är hämtat. Det är antecknat i händelseloggen.')).toBeVisible();

  await setLocale(page.context(), 'en');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(page.getByRole('button', { name: 'Subject access extract (GDPR)' })).toBeVisible();
  await expectNoSeriousAxeViolations(page, 'person page with the subject access button, English, 390 px');
  if (screenshots) await page.screenshot({ path: `${screenshots}/subject-access-en-390.png`, fullPage: false });
  await setLocale(page.context(), 'sv');

  const admin = await loginAs('administrator');
  await admin.goto(`/people/${person.id}`);
  await expect(admin.getByRole('heading', { name: `${person.firstName} ${person.lastName}`, level: 1 })).toBeVisible();
  await expect(admin.getByRole('button', { name: 'Registerutdrag (GDPR)' })).toHaveCount(0);
  const events = await apiCall<{ items: unknown[] }>(admin, 'GET', `/audit-events?action=subject_access_exported&entityId=${person.id}`);
  expect(events.items.length).toBeGreaterThan(0);
});
