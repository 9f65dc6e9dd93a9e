import { apiCall, chooseOption, expect, expectNoSeriousAxeViolations, setLocale, test } from './fixtures.ts';

// Issue #19's incident log: the IT unit records a significant incident and sees its three clocks
// start; the early warning recorded as sent turns its clock to "sent in time". The list with the
// open incidents' timeline, the form, the incident page; axe on each, and the pages in English.

/** The `datetime-local` value of an instant on Stockholm's clock. */
const stockholmLocal = (instant: Date) =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
    .format(instant)
    .replace(' ', 'T');

test('the IT unit records an incident and sees its clock run', async ({ loginAs }) => {
  test.setTimeout(120_000);
  const itUnit = await loginAs('itUnit');
  const systems = await apiCall<{ items: Array<{ name: string }> }>(itUnit, 'GET', '/systems?limit=1&sort=name');
  const systemName = systems.items[0]!.name;

  await itUnit.goto('/incidents');
  await expect(itUnit.getByRole('heading', { level: 1, name: 'Incidenter' })).toBeVisible();
  // The demo's open incident is on the timeline.
  await expect(itUnit.getByTestId('incident-timeline')).toBeVisible();
  await expect(itUnit.getByTestId('incident-row').filter({ hasText: 'Misstänkt intrång via fjärråtkomst' })).toBeVisible();
  await expectNoSeriousAxeViolations(itUnit, 'the incident list');

  await itUnit.getByRole('button', { name: 'Registrera incident' }).click();
  const dialog = itUnit.getByRole('dialog', { name: 'Registrera incident' });
  await dialog.getByRole('textbox', { name: 'Rubrik' }).fill('Överbelastningsattack mot webbplatsen');
  // Detected two hours ago: 22 hours are left to the early warning.
  await dialog.getByLabel('Upptäckt (svensk tid)').fill(stockholmLocal(new Date(Date.now() - 2 * 3_600_000)));
  await chooseOption(dialog, 'Drabbade system', systemName);
  // A multiple choice stays open after a choice; a click on the title above it closes it.
  await dialog.getByRole('textbox', { name: 'Rubrik' }).click();
  await dialog.getByRole('checkbox', { name: 'Betydande incident enligt cybersäkerhetslagen' }).check();
  await expectNoSeriousAxeViolations(itUnit, 'the incident form');
  await dialog.getByRole('button', { name: 'Registrera', exact: true }).click();
  await expect(dialog).toBeHidden();

  await expect(itUnit.getByRole('heading', { level: 1, name: 'Överbelastningsattack mot webbplatsen' })).toBeVisible();
  const earlyWarning = itUnit.getByTestId('clock-early_warning');
  await expect(earlyWarning).toContainText('Pågår');
  await expect(earlyWarning.getByTestId('clock-hours')).toHaveText(/^(21|22) timmar kvar$/);
  await expect(itUnit.getByTestId('clock-notification').getByTestId('clock-hours')).toHaveText(/^(69|70) timmar kvar$/);
  await expect(itUnit.getByTestId('clock-final_report')).toContainText('anmälan är inte skickad');
  // The final report's month is counted in days: 72 hours and a month from now is 30 to 34 days.
  await expect(itUnit.getByTestId('clock-final_report').getByTestId('clock-hours')).toHaveText(/^3[0-4] dagar kvar$/);
  await expectNoSeriousAxeViolations(itUnit, 'an incident with its clocks');

  await itUnit.getByRole('button', { name: 'Registrera som skickad: Tidig varning' }).click();
  const report = itUnit.getByRole('dialog', { name: 'Registrera tidig varning som skickad' });
  await report.getByRole('textbox', { name: 'Innehåll som skickades' }).fill('Tidig varning: överbelastning, misstänkt antagonistisk.');
  await expectNoSeriousAxeViolations(itUnit, 'the report form');
  await report.getByRole('button', { name: 'Registrera som skickad' }).click();
  await expect(report).toBeHidden();
  await expect(earlyWarning).toContainText('Skickad i tid');
  await expect(itUnit.getByTestId('report-early_warning')).toContainText('Tidig varning: överbelastning');

  // The same page in English.
  await setLocale(itUnit.context(), 'en');
  await itUnit.reload();
  await expect(itUnit.getByTestId('clock-early_warning')).toContainText('Sent in time');
  await expect(itUnit.getByTestId('clock-notification').getByTestId('clock-hours')).toHaveText(/hours left$/);
  await expect(itUnit.getByTestId('clock-final_report').getByTestId('clock-hours')).toHaveText(/^3[0-4] days left$/);
  await expectNoSeriousAxeViolations(itUnit, 'an incident in English');
  await itUnit.goto('/incidents');
  await expect(itUnit.getByRole('heading', { level: 1, name: 'Incidents' })).toBeVisible();
  await expectNoSeriousAxeViolations(itUnit, 'the incident list in English');
  await setLocale(itUnit.context(), 'sv');
});
