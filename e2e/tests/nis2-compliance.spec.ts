import { expect, expectNoSeriousAxeViolations, setLocale, test } from './fixtures.ts';

// Issue #19: the compliance view switches framework fully. The auditor turns the overview to the
// Cybersecurity Act (?framework=nis2 in the address): its measures in the clause table with the IT
// policy's clauses they rest on, linked (one piece of evidence shown once), the heat map's columns
// and the clause pages under the Act. Axe on each, in Swedish and in English.

test('the compliance view switches to the Cybersecurity Act and back', async ({ loginAs }) => {
  test.setTimeout(120_000);
  const auditor = await loginAs('auditor');
  await auditor.goto('/compliance');
  await expect(auditor.getByRole('heading', { level: 1, name: 'Efterlevnadsöversikt' })).toBeVisible();
  await auditor.getByTestId('framework-switch').getByText('Cybersäkerhetslagen (NIS2)').click();
  await expect(auditor).toHaveURL(/framework=nis2/);
  await expect(auditor.getByRole('heading', { level: 1, name: 'Efterlevnad: cybersäkerhetslagen' })).toBeVisible();

  const rows = auditor.getByTestId('compliance-clause-row');
  await expect(rows).toHaveCount(10);
  const risk = rows.filter({ hasText: 'NIS2-21-2-A' });
  await expect(risk.getByRole('link', { name: 'ITP-4.2.1-RISK-CURRENT' })).toBeVisible();
  // Incident handling rests on a rule of its own; cryptography has no evidence in the register.
  await expect(rows.filter({ hasText: 'NIS2-21-2-B' })).toContainText('En egen regel över registret');
  await expect(rows.filter({ hasText: 'NIS2-21-2-H' })).toContainText('Ej kontrollerat');
  // The heat map's columns are the Act's measures, linked to their pages under the Act.
  await expect(auditor.getByTestId('heat-map').getByRole('link', { name: '21-2-A', exact: true })).toHaveAttribute(
    'href',
    /framework=nis2/,
  );
  await expectNoSeriousAxeViolations(auditor, 'the compliance overview under the Act');

  await rows.filter({ hasText: 'NIS2-21-2-C' }).getByRole('link', { name: 'NIS2-21-2-C' }).click();
  await expect(auditor).toHaveURL(/\/compliance\/clauses\/NIS2-21-2-C\?.*framework=nis2/);
  await expect(auditor.getByRole('heading', { level: 1, name: 'Kontinuitet och krishantering' })).toBeVisible();
  await expect(auditor.getByText('Cybersäkerhetslagen, NIS2 artikel 21.2.c')).toBeVisible();
  await expect(auditor.getByText(/en återställning från säkerhetskopia testad under de senaste 12 månaderna/)).toBeVisible();
  await expectNoSeriousAxeViolations(auditor, 'a measure of the Act');

  await auditor.goto('/compliance/clauses/NIS2-21-2-A?framework=nis2');
  await expect(auditor.getByTestId('clause-evidence').getByRole('link', { name: 'ITP-4.2.1-RISK-CURRENT' })).toBeVisible();

  await setLocale(auditor.context(), 'en');
  await auditor.goto('/compliance?framework=nis2');
  await expect(auditor.getByRole('heading', { level: 1, name: 'Compliance: the Cybersecurity Act' })).toBeVisible();
  await expect(auditor.getByTestId('compliance-clause-row').filter({ hasText: 'NIS2-21-2-B' })).toContainText('A rule of its own');
  await expectNoSeriousAxeViolations(auditor, 'the compliance overview under the Act in English');
  await auditor.getByTestId('framework-switch').getByText('The IT policy').click();
  await expect(auditor).not.toHaveURL(/framework=/);
  await expect(auditor.getByRole('heading', { level: 1, name: 'Compliance overview' })).toBeVisible();
  await setLocale(auditor.context(), 'sv');
});
