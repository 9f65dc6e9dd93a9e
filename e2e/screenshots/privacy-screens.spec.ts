import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { apiCall, expect, setLocale, test } from '../tests/fixtures.ts';

// The privacy screens of issue #16 (the record of processing, a record, the DPO's queue and review,
// a system's section, the functional mailboxes) in both languages, at a desktop width and at 390 px,
// for a person to look at (`npm run screenshots`; SCREENSHOTS=<directory>). A tool, not a test.
const directory = process.env.SCREENSHOTS ?? '/tmp/forvalta-screens';
const widths = [
  ['desktop', { width: 1280, height: 900 }],
  ['phone', { width: 390, height: 844 }],
] as const;

async function settle(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /Laddar|Loading/ })).toHaveCount(0);
  await page.waitForTimeout(500);
}

interface Listed {
  items: Array<{ id: string; name?: string; address?: string }>;
}

/** A record of processing with every field filled, and two mailboxes, if the demo has none of its own. */
async function privacyData(admin: Page): Promise<{ systemId: string; activityId: string }> {
  const departments = await apiCall<Listed>(admin, 'GET', '/departments?limit=5');
  const departmentId = departments.items[0]!.id;
  const existing = await apiCall<Listed>(admin, 'GET', '/processing-activities?q=Hemtjänstdokumentation&limit=1');
  let activityId = existing.items[0]?.id;
  let systemId: string;
  if (activityId) {
    const activity = await apiCall<{ systems: Array<{ id: string }> }>(admin, 'GET', `/processing-activities/${activityId}`);
    systemId = activity.systems[0]!.id;
  } else {
    const system = await apiCall<{ id: string }>(admin, 'POST', '/systems', {
      data: { name: 'Hemtjänstplanering', kind: 'department', ownerDepartmentId: departmentId, processesPersonalData: true },
    });
    systemId = system.id;
    const activity = await apiCall<{ id: string }>(admin, 'POST', '/processing-activities', {
      data: {
        name: 'Hemtjänstdokumentation',
        purpose: 'Dokumentation av beviljade insatser inom hemtjänsten enligt socialtjänstlagen och hälso- och sjukvårdslagen.',
        legalBasis: 'legal_obligation',
        legalBasisNote: 'SoL 11 kap. 5 §, HSL',
        specialCategoryBasis: 'health_or_social_care',
        dataSubjectCategories: ['Brukare', 'Anhöriga', 'Personal'],
        personalDataCategories: [
          { name: 'Namn och personnummer', special: false },
          { name: 'Kontaktuppgifter', special: false },
          { name: 'Hälsa', special: true },
        ],
        recipients: ['IVO', 'Region Västra Götaland'],
        thirdCountryTransfers: [{ country: 'USA', safeguard: 'Standardavtalsklausuler (EU) 2021/914' }],
        retention: 'Gallras 5 år efter sista anteckning',
        retentionPlanReference: 'IHP 4.2.1',
        technicalMeasures: 'Behörighetsstyrning per enhet, loggning och logguppföljning, kryptering i vila.',
        controllerDepartmentId: departmentId,
        controllerBoard: 'Omsorgsnämnden',
        systemIds: [systemId],
        processors: [
          { name: 'Omsorgssystem AB', agreementSignedOn: '2024-02-01', agreementExpiresOn: '2027-01-31' },
          { name: 'Driftpartner AB', agreementSignedOn: null, agreementExpiresOn: null },
        ],
        dpiaNeeded: true,
        dpiaDoneOn: null,
      },
    });
    activityId = activity.id;
  }
  const mailboxes = await apiCall<{ total: number }>(admin, 'GET', '/mailboxes?limit=1');
  if (mailboxes.total === 0) {
    const people = await apiCall<Listed>(admin, 'GET', '/people?limit=3');
    const [first, second] = people.items;
    await apiCall(admin, 'POST', '/mailboxes', {
      data: {
        address: 'kommun@tanum.demo',
        departmentId,
        purpose: 'Kommunens officiella adress',
        responsiblePersonId: first!.id,
        deputyPersonIds: [second!.id],
      },
    });
    await apiCall(admin, 'POST', '/mailboxes', {
      data: { address: 'hemtjanst@tanum.demo', departmentId, responsiblePersonId: first!.id, watchFrequency: 'weekly' },
    });
  }
  return { systemId, activityId };
}

for (const locale of ['sv', 'en'] as const) {
  test(`privacy screens in ${locale}, desktop and phone`, async ({ loginAs }) => {
    test.setTimeout(300_000);
    fs.mkdirSync(directory, { recursive: true });
    const admin = await loginAs('administrator');
    const officer = await loginAs('dataProtectionOfficer');
    for (const page of [admin, officer]) await setLocale(page.context(), locale);
    const sv = locale === 'sv';
    const shot = async (page: Page, name: string, path: string, open?: (page: Page) => Promise<void>) => {
      for (const [width, size] of widths) {
        await page.setViewportSize(size);
        await page.goto(path);
        await settle(page);
        if (open) {
          await open(page);
          await page.waitForTimeout(700);
        }
        await page.screenshot({ path: `${directory}/privacy-${name}-${width}-${locale}.png`, fullPage: !open });
      }
    };
    const { systemId, activityId } = await privacyData(admin);
    await shot(admin, 'register', '/processing-activities');
    await shot(admin, 'register-new', '/processing-activities', (page) =>
      page.getByRole('button', { name: sv ? 'Ny behandling' : 'New processing' }).click(),
    );
    await shot(admin, 'record', `/processing-activities/${activityId}`);
    await shot(admin, 'record-edit', `/processing-activities/${activityId}`, (page) =>
      page.getByRole('button', { name: sv ? 'Redigera' : 'Edit' }).click(),
    );
    await shot(admin, 'record-edit-processors', `/processing-activities/${activityId}`, async (page) => {
      await page.getByRole('button', { name: sv ? 'Redigera' : 'Edit' }).click();
      await page
        .getByRole('dialog')
        .getByRole('group', { name: sv ? 'Personuppgiftsbiträden' : 'Processors' })
        .scrollIntoViewIfNeeded();
    });
    await shot(officer, 'queue', '/processing-activities/queue');
    await shot(officer, 'record-review', `/processing-activities/${activityId}`, (page) =>
      page
        .getByRole('button', { name: sv ? 'Granska' : 'Review' })
        .first()
        .click(),
    );
    await shot(admin, 'system-section', `/systems/${systemId}#privacy`, async (page) => {
      await page.locator('#privacy').scrollIntoViewIfNeeded();
    });
    await shot(admin, 'mailboxes', '/mailboxes');
    const watched = await apiCall<{ items: Array<{ responsible: { id: string } | null }> }>(admin, 'GET', '/mailboxes?limit=1');
    await shot(admin, 'person-mailboxes', `/people/${watched.items[0]!.responsible!.id}`, async (page) => {
      await page.locator('#mailboxes').scrollIntoViewIfNeeded();
    });
    await shot(admin, 'mailbox-new', '/mailboxes', (page) =>
      page.getByRole('button', { name: sv ? 'Ny funktionsbrevlåda' : 'New functional mailbox' }).click(),
    );
  });
}
