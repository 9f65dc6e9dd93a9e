import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { apiCall, expect, setLocale, test } from '../tests/fixtures.ts';

// The equipment screens of issue #15 (the list, an asset, its form, the model catalogue with the
// IT chief's approval, a system's section) in both languages, at a desktop width and at 390 px,
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
  items: Array<{ id: string; name: string }>;
}

/** A model awaiting approval, one approved, and a few assets of each sort, if the demo has none of its own. */
async function assetData(it: Page, chief: Page): Promise<{ assetId: string; systemId: string; modelId: string }> {
  const departments = await apiCall<Listed>(it, 'GET', '/departments?limit=5');
  const departmentId = departments.items[0]!.id;
  const systems = await apiCall<Listed>(it, 'GET', '/systems?limit=1&sort=name');
  const systemId = systems.items[0]!.id;
  const existing = await apiCall<{ items: Array<{ id: string }> }>(it, 'GET', '/assets?q=TK-SKOLA-0001&limit=1');
  const models = await apiCall<{ items: Array<{ id: string; name: string; standard: boolean }> }>(it, 'GET', '/asset-models?limit=200');
  let waiting = models.items.find((model) => !model.standard);
  if (!waiting) waiting = await apiCall(it, 'POST', '/asset-models', { data: { kind: 'printer', maker: 'Brother', model: 'HL-L2350DW' } });
  if (existing.items[0]) return { assetId: existing.items[0].id, systemId, modelId: waiting!.id };
  const approved = await apiCall<{ id: string; version: number }>(it, 'POST', '/asset-models', {
    data: { kind: 'laptop', maker: 'Lenovo', model: 'ThinkPad T14 Gen 5', description: 'Standarddator för skolan och förvaltningarna' },
  });
  await apiCall(chief, 'POST', `/asset-models/${approved.id}/approve`, {
    data: { approvedFrom: '2026-01-01', approvedUntil: '2028-12-31' },
    version: approved.version,
  });
  const asset = await apiCall<{ id: string; version: number }>(it, 'POST', '/assets', {
    data: {
      kind: 'laptop',
      modelId: approved.id,
      serial: 'PF3XK9Q2',
      inventoryNumber: 'TK-SKOLA-0001',
      network: 'town_hall',
      location: 'Kommunhuset, plan 2',
      departmentId,
      purchaseDate: '2026-02-14',
      purchaseCost: 14950,
      warrantyEnd: '2029-02-13',
      systemIds: [systemId],
      note: 'Utlånad till skolans administration.',
    },
  });
  await apiCall(it, 'PATCH', `/assets/${asset.id}`, {
    data: { network: 'school', location: 'Tanumskolan, expeditionen' },
    version: asset.version,
  });
  await apiCall(it, 'POST', '/assets', {
    data: {
      kind: 'printer',
      nonStandardDescription: 'HP LaserJet M404',
      serial: 'VNB3R12345',
      ownerKind: 'department',
      ownerDepartmentId: departmentId,
      ownerReason: 'Köpt av förvaltningen för receptionen 2019, före policyn.',
      departmentId,
      network: 'public',
      systemIds: [systemId],
    },
  });
  await apiCall(it, 'POST', '/assets', {
    data: {
      kind: 'server',
      nonStandardDescription: 'Dell PowerEdge R750',
      serial: 'SRV-KH-01',
      network: 'town_hall',
      confidentialOslParagraph: '18 kap. 8 § OSL',
      lifecycle: 'in_repair',
    },
  });
  return { assetId: asset.id, systemId, modelId: waiting!.id };
}

for (const locale of ['sv', 'en'] as const) {
  test(`equipment screens in ${locale}, desktop and phone`, async ({ loginAs }) => {
    test.setTimeout(300_000);
    fs.mkdirSync(directory, { recursive: true });
    const it = await loginAs('itUnit');
    const chief = await loginAs('itChief');
    for (const page of [it, chief]) await setLocale(page.context(), locale);
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
        await page.screenshot({ path: `${directory}/assets-${name}-${width}-${locale}.png`, fullPage: !open });
      }
    };
    const { assetId, systemId } = await assetData(it, chief);
    await shot(it, 'list', '/assets');
    await shot(it, 'list-new', '/assets', (page) => page.getByRole('button', { name: sv ? 'Ny utrustning' : 'New asset' }).click());
    await shot(it, 'asset', `/assets/${assetId}`);
    await shot(it, 'asset-edit', `/assets/${assetId}`, (page) => page.getByRole('button', { name: sv ? 'Redigera' : 'Edit' }).click());
    await shot(it, 'asset-move', `/assets/${assetId}`, (page) =>
      page.getByRole('button', { name: sv ? 'Flytta till nät' : 'Move to network' }).click(),
    );
    await shot(chief, 'models', '/asset-models');
    await shot(chief, 'models-approve', '/asset-models?standard=false', async (page) => {
      await page.getByTestId('asset-model-row').first().getByRole('button').click();
      await page.getByRole('menuitem', { name: sv ? 'Godkänn' : 'Approve' }).click();
    });
    await shot(it, 'system-section', `/systems/${systemId}#assets`, async (page) => {
      await page.locator('#assets').scrollIntoViewIfNeeded();
    });
  });
}
