import type { Page } from '@playwright/test';
import { apiCall, expect, expectNoSeriousAxeViolations, setLocale, test } from './fixtures.ts';

/** Screenshots of each training screen in both languages when SCREENSHOTS names a folder (looked at by hand). */
const screenshots = process.env.SCREENSHOTS;

async function shootBothLanguages(page: Page, name: string) {
  if (!screenshots) return;
  await page.screenshot({ path: `${screenshots}/${name}-sv.png`, fullPage: true });
  await setLocale(page.context(), 'en');
  await page.reload();
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `${screenshots}/${name}-en.png`, fullPage: true });
  await setLocale(page.context(), 'sv');
  await page.reload();
  await page.waitForLoadState('networkidle');
}

interface Attendee {
  id: string;
  personName: string;
  status: string;
}

const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());

test('the trainer takes attendance on a phone: a search over the registered, one tap per person', async ({ loginAs }) => {
  const page = await loginAs('itUnit');
  await page.setViewportSize({ width: 390, height: 844 });
  const me = await apiCall<{ personId: string }>(page, 'GET', '/me');
  const sessions = await apiCall<{ items: Array<{ id: string; courseTitle: string }> }>(
    page,
    'GET',
    `/training-sessions?trainerPersonId=${me.personId}&from=${today()}&to=${today()}`,
  );
  const session = sessions.items[0]!;
  const registered = await apiCall<{ items: Attendee[]; total: number }>(
    page,
    'GET',
    `/training-sessions/${session.id}/attendances?limit=200`,
  );
  expect(registered.total, 'the demo registers people for the session today').toBeGreaterThan(2);

  await page.goto(`/training/sessions/${session.id}`);
  await expect(page.getByRole('heading', { level: 1, name: session.courseTitle })).toBeVisible();
  await expect(page.getByTestId('attendance-row')).toHaveCount(registered.total);
  await expectNoSeriousAxeViolations(page, 'session page, phone');
  await shootBothLanguages(page, 'training-session-phone');

  // Search for one of the registered: only they remain, and one tap records them as attended.
  const first = registered.items[0]!;
  await page.getByLabel('Sök bland anmälda').fill(first.personName.split(' ')[1]!);
  await expect(page).toHaveURL(/attendance\.q=/);
  const row = page.getByTestId('attendance-row').filter({ hasText: first.personName }).first();
  const attended = row.getByRole('button', { name: `${first.personName}: närvarande` });
  const box = await attended.boundingBox();
  expect(box!.height, 'a touch target of at least 44 px').toBeGreaterThanOrEqual(44);
  expect(box!.width).toBeGreaterThanOrEqual(44);
  await attended.click();
  await expect(attended).toHaveAttribute('aria-pressed', 'true');
  await expect(row.getByText('Närvarande', { exact: true }).first()).toBeVisible();

  // Another is absent; the filter shows who is still to be marked.
  await page.getByLabel('Sök bland anmälda').fill('');
  const second = registered.items[1]!;
  const absent = page.getByRole('button', { name: `${second.personName}: frånvarande` });
  await absent.click();
  await expect(absent).toHaveAttribute('aria-pressed', 'true');
  await page.getByLabel('Visa', { exact: true }).selectOption({ label: 'Ej markerade' });
  await expect(page.getByTestId('attendance-row')).toHaveCount(registered.total - 2);
  await expectNoSeriousAxeViolations(page, 'session page, phone, attendance taken');

  const after = await apiCall<{ items: Attendee[] }>(page, 'GET', `/training-sessions/${session.id}/attendances?limit=200`);
  expect(after.items.find((item) => item.id === first.id)!.status).toBe('attended');
  expect(after.items.find((item) => item.id === second.id)!.status).toBe('absent');
});

test('the IT unit creates a course, plans a session and registers a person; the chart shows the share trained', async ({ loginAs }) => {
  const page = await loginAs('itUnit');
  await page.goto('/training');
  await expect(page.getByRole('heading', { level: 1, name: 'Utbildning' })).toBeVisible();
  await expect(page.getByTestId('course-row').filter({ hasText: 'IT-säkerhet och grundläggande nätverkskunskap' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Andel utbildade i IT-säkerhet per förvaltning' })).toBeVisible();
  await expectNoSeriousAxeViolations(page, 'courses');
  await shootBothLanguages(page, 'training-courses');

  const title = `Nätfiske och lösenord ${Date.now().toString(36)}`;
  await page.getByRole('button', { name: 'Ny kurs' }).click();
  const dialog = page.getByRole('dialog', { name: 'Ny kurs' });
  await dialog.getByLabel('Kursens namn').fill(title);
  await dialog.getByLabel('Återkommer efter (månader)').fill('12');
  await expectNoSeriousAxeViolations(page, 'new course dialog');
  await dialog.getByRole('button', { name: 'Spara' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText('Var 12:e månad')).toBeVisible();
  await expectNoSeriousAxeViolations(page, 'course page');

  await page.getByRole('button', { name: 'Planera tillfälle' }).click();
  const plan = page.getByRole('dialog', { name: /^Planera tillfälle/ });
  await plan.getByLabel('Datum').fill('2027-02-10');
  await plan.getByLabel('Börjar').fill('09:00');
  await plan.getByLabel('Slutar').fill('11:30');
  await plan.getByLabel('Plats', { exact: true }).fill('Kommunhuset, sal 2');
  await plan.getByLabel('Antal platser').fill('20');
  await plan.getByRole('button', { name: 'Spara' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText('2027-02-10 09:00–11:30')).toBeVisible();

  await chooseOptionBySearch(page, 'Medarbetare', 'Emma Wallin');
  await page.getByRole('button', { name: 'Anmäl', exact: true }).click();
  await expect(page.getByTestId('attendance-row').filter({ hasText: 'Emma Wallin' })).toBeVisible();
  await expect(page.getByText('1 av 20 platser')).toBeVisible();
  await expectNoSeriousAxeViolations(page, 'session page, desktop');
  await shootBothLanguages(page, 'training-session-desktop');
});

/** Types into a server-searched select (the person picker) and takes the first match. */
async function chooseOptionBySearch(page: Page, label: string, search: string) {
  const input = page.getByRole('combobox', { name: label, exact: true });
  await input.fill(search);
  await page
    .getByRole('option', { name: new RegExp(search) })
    .first()
    .click();
}

test('a person page shows their training: the employee sees their own history and what is due', async ({ loginAs }) => {
  const page = await loginAs('employee');
  const me = await apiCall<{ personId: string }>(page, 'GET', '/me');
  await page.goto(`/people/${me.personId}`);
  const section = page.getByRole('region', { name: 'Utbildningar' });
  await expect(section).toBeVisible();
  await expect(section.getByTestId('training-history-row').first()).toBeVisible();
  await expect(section.getByText('IT-säkerhet och grundläggande nätverkskunskap').first()).toBeVisible();
  await expectNoSeriousAxeViolations(page, 'person page with training');
  await shootBothLanguages(page, 'training-person');

  // Another person's history is not theirs to read: the section is not there.
  const other = await apiCall<{ items: Array<{ id: string }> }>(page, 'GET', '/people?limit=5');
  const someoneElse = other.items.find((person) => person.id !== me.personId)!;
  await page.goto(`/people/${someoneElse.id}`);
  await expect(page.getByRole('region', { name: 'Uppgifter' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Utbildningar' })).toHaveCount(0);
});
