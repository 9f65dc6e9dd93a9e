import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { assetListQuerySchema, licencePositionQuerySchema } from '@forvalta/contracts';
import {
  connectDatabase,
  createServices,
  installAuditKey,
  isPostgresUrl,
  loadAuditKey,
  migrateToLatest,
  systemActor,
  systemClock,
  verifyAuditChains,
} from '@forvalta/server';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { runGenerate } from '../commands/generate.ts';
import { cliConfig } from '../context.ts';
import { benchDirectory, benchMunicipalityCode, dropPostgresDatabase, recreatePostgresDatabase, redact } from './prepare-database.ts';

/** Issue #15's scale: L is 250,000 assets, of which the two timed imports bring 100,000 each. */
export const equipmentSizes = {
  S: { assets: 25_000, imported: 10_000 },
  M: { assets: 100_000, imported: 40_000 },
  L: { assets: 250_000, imported: 100_000 },
};

const kinds = ['laptop', 'pc', 'phone', 'printer', 'network', 'server'] as const;
const networks = ['town_hall', 'school', 'public', 'none'] as const;
/** Most equipment is in use; one in ten retired, one in ten in repair. */
const lifecycles = ['in_use', 'in_use', 'in_use', 'retired', 'in_use', 'in_use', 'in_repair', 'in_use', 'in_use', 'in_use'] as const;

/** Products with licences and consumption for the licence position's timing. */
const licencedProducts = 400;

const percentile = (sorted: number[], share: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))]!;
async function timedCalls(samples: number, run: () => Promise<unknown>) {
  for (let warmUp = 0; warmUp < 20; warmUp += 1) await run();
  const times: number[] = [];
  for (let index = 0; index < samples; index += 1) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((left, right) => left - right);
  return { p50: percentile(times, 0.5), p99: percentile(times, 0.99) };
}

/**
 * `--equipment-only`: on a scratch database with the S workload (its departments and people), a
 * catalogue of six models, then 100,000 assets imported from a semicolon CSV (dry run, apply, the
 * same file again) and 100,000 from an XLSX written by exceljs, filled to 250,000 with a third file;
 * then the filtered asset list (50 rows), the licence position and the compliance evaluation of
 * the municipality timed on the services as the server runs them.
 */
export async function benchEquipmentOnly(
  databaseOption: string | undefined,
  size: keyof typeof equipmentSizes,
  log: (line: string) => void,
  keepDatabase = false,
): Promise<number> {
  const { assets: total, imported } = equipmentSizes[size];
  const postgres = databaseOption !== undefined && isPostgresUrl(databaseOption);
  let url: string;
  if (postgres) {
    const parsed = new URL(databaseOption);
    parsed.pathname = '/forvalta_bench_equipment';
    url = parsed.toString();
    await recreatePostgresDatabase(url);
  } else {
    fs.mkdirSync(benchDirectory, { recursive: true });
    url = path.join(benchDirectory, 'equipment.db');
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${url}${suffix}`, { force: true });
  }
  const config = cliConfig(url, { logLevel: 'silent', port: 0 });
  installAuditKey(loadAuditKey(config.auditKeyFile));
  const database = connectDatabase(url);
  try {
    await migrateToLatest(database.db);
    await runGenerate(database.db, config, 'S', 1, benchMunicipalityCode, () => {});
    const db = database.db;
    const municipality = await db
      .selectFrom('municipalities')
      .select('id')
      .where('code', '=', benchMunicipalityCode)
      .executeTakeFirstOrThrow();
    const departments = (await db.selectFrom('departments').select('name').where('municipality_id', '=', municipality.id).execute())
      .map((row) => row.name)
      .filter((name, index, all) => all.indexOf(name) === index);
    const services = createServices(db, systemClock, config);
    const actor = systemActor('bench equipment', municipality.id);
    const models = {
      laptop: 'Lenovo ThinkPad T14',
      pc: 'Lenovo ThinkCentre M70q',
      phone: 'Apple iPhone 14',
      printer: 'HP LaserJet M404',
      network: 'Cisco Catalyst 9200',
      server: 'Dell PowerEdge R650',
    };
    for (const [kind, name] of Object.entries(models)) {
      const [maker, ...model] = name.split(' ');
      await services.assets.models.createAssetModel(actor, { kind: kind as 'pc', maker: maker!, model: model.join(' ') });
    }
    const header = ['serial', 'inventoryNumber', 'kind', 'model', 'network', 'department', 'lifecycle', 'purchaseDate', 'purchaseCost'];
    const row = (prefix: string, index: number) => {
      const kind = kinds[index % kinds.length]!;
      return [
        `${prefix}${String(index).padStart(7, '0')}`,
        `INV-${prefix}${index}`,
        kind,
        index % 50 === 0 ? '' : models[kind],
        // Network and lifecycle cycle independently of the kind, so every filtered list has rows
        // (a network taken from index % 4 beside a kind from index % 6 left laptops on the school
        // network empty, and the list's figure was the cost of finding nothing).
        index % 50 === 0 ? 'town_hall' : networks[Math.floor(index / kinds.length) % networks.length]!,
        departments[index % departments.length]!,
        lifecycles[Math.floor(index / (kinds.length * networks.length)) % lifecycles.length]!,
        `202${index % 6}-0${1 + (index % 9)}-1${index % 10}`,
        String(4000 + (index % 9000)),
      ];
    };
    const withDescription = (cells: string[]) => [...cells, cells[3] === '' ? 'Icke-standard' : ''];
    const csv = (prefix: string, count: number) => {
      const lines = [[...header, 'nonStandardDescription'].join(';')];
      for (let index = 0; index < count; index += 1) lines.push(withDescription(row(prefix, index)).join(';'));
      return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
    };
    const timed = async (file: Buffer, mode: 'dry_run' | 'apply') => {
      const started = performance.now();
      const report = await services.assetImport.importAssets(actor, file, { mode });
      return { seconds: (performance.now() - started) / 1000, report };
    };

    const csvFile = csv('A', imported);
    log(
      `equipment: importing ${imported.toLocaleString('en-GB')} assets from CSV (${(csvFile.length / 1e6).toFixed(1)} MB) into ${redact(url)}`,
    );
    const dryRun = await timed(csvFile, 'dry_run');
    const apply = await timed(csvFile, 'apply');
    const again = await timed(csvFile, 'apply');
    if (apply.report.summary.create !== imported || again.report.summary.unchanged !== imported)
      throw new Error('the CSV did not import cleanly');

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Inventarier');
    sheet.addRow([...header, 'nonStandardDescription']);
    for (let index = 0; index < imported; index += 1) sheet.addRow(withDescription(row('B', index)));
    const xlsxFile = Buffer.from(await workbook.xlsx.writeBuffer());
    log(`equipment: importing ${imported.toLocaleString('en-GB')} assets from XLSX (${(xlsxFile.length / 1e6).toFixed(1)} MB)`);
    const xlsx = await timed(xlsxFile, 'apply');
    if (xlsx.report.summary.create !== imported) throw new Error('the XLSX did not import cleanly');
    log(`equipment: filling to ${total.toLocaleString('en-GB')} assets`);
    await timed(csv('C', total - 2 * imported), 'apply');

    // The statistics a running database has by then (PostgreSQL's autovacuum analyses and sets the
    // visibility map after a load of this size; SQLite has none unless asked): measured without
    // this, PostgreSQL's planner took the 250,000 fresh rows for a handful.
    if (postgres) await sql`vacuum analyze assets`.execute(db);
    const listOf = (filters: Record<string, string>) => {
      const query = assetListQuerySchema.parse({ limit: 50, ...filters });
      return () => services.assets.assets.listAssets(actor, query);
    };
    const list = await timedCalls(300, listOf({ kind: 'laptop', network: 'school', lifecycle: 'in_use' }));
    const otherLists: Array<{ name: string; filters: Record<string, string> }> = [
      { name: 'unfiltered', filters: {} },
      { name: 'laptops', filters: { kind: 'laptop' } },
      { name: 'school network, in repair', filters: { network: 'school', lifecycle: 'in_repair' } },
      { name: 'printers, public network', filters: { kind: 'printer', network: 'public' } },
    ];
    const otherTimes = [];
    for (const other of otherLists) otherTimes.push({ name: other.name, ...(await timedCalls(100, listOf(other.filters))) });
    // The licence position over a municipality's real shape: 400 products with 800 licences
    // (overlapping periods, some expired, some unlimited) and an inventory's 1,200 counts, a
    // tenth of the products over their entitlement. Without them it timed an empty list.
    const { software: products, licences: entitlements } = services.software;
    const productIds: string[] = [];
    for (let index = 0; index < licencedProducts; index += 1) {
      const created = await products.createSoftware(actor, {
        product: `Programvara ${String(index).padStart(3, '0')}`,
        origin: 'commercial',
      });
      productIds.push(created.id);
      const perUser = index % 7 === 0 ? 'unlimited' : 'per_user';
      await entitlements.createLicence(actor, {
        softwareId: created.id,
        metric: perUser,
        ...(perUser === 'unlimited' ? {} : { quantity: 100 + (index % 50) * 10 }),
        validFrom: '2025-01-01',
        validUntil: index % 5 === 0 ? '2025-12-31' : null,
      });
      await entitlements.createLicence(actor, { softwareId: created.id, metric: 'per_device', quantity: 50, validFrom: '2026-01-01' });
    }
    await entitlements.importConsumption(actor, {
      inventory: 'bench SCCM',
      rows: productIds.flatMap((softwareId, index) => [
        { softwareId, kind: 'assignment' as const, count: 80 + (index % 50) * 10 + (index % 10 === 0 ? 500 : 0) },
        { softwareId, kind: 'installation' as const, count: 40 },
        { softwareId, kind: 'core' as const, count: 4 },
      ]),
    });
    const position = await timedCalls(300, () =>
      services.software.licences.position(actor, licencePositionQuerySchema.parse({ limit: 50 })),
    );
    const compliance: number[] = [];
    for (let run = 0; run < 3; run += 1) {
      const started = performance.now();
      await services.compliance.evaluateMunicipality(actor, municipality.id);
      compliance.push(performance.now() - started);
    }
    compliance.sort((left, right) => left - right);
    const audit = await verifyAuditChains(db);
    const seconds = (value: number) => `${value.toFixed(2)} s`;
    const scale = 100_000 / imported;
    const lines = [
      `equipment  ${total.toLocaleString('en-GB')} assets in the municipality (${postgres ? 'PostgreSQL' : 'SQLite'}); audit ${audit.problems.length === 0 ? 'intact' : 'BROKEN'}`,
      `${apply.seconds * scale <= 10 ? 'met   ' : 'MISSED'}  import ${imported.toLocaleString('en-GB')} from CSV ≤ 10 s per 100,000 — apply ${seconds(apply.seconds)} (dry run ${seconds(dryRun.seconds)}, the same file again ${seconds(again.seconds)}, ${(csvFile.length / 1e6).toFixed(1)} MB)`,
      `${xlsx.seconds * scale <= 10 ? 'met   ' : 'MISSED'}  import ${imported.toLocaleString('en-GB')} from XLSX ≤ 10 s per 100,000 — apply ${seconds(xlsx.seconds)} (${(xlsxFile.length / 1e6).toFixed(1)} MB)`,
      `${list.p99 <= 50 ? 'met   ' : 'MISSED'}  the asset list, filtered (laptop, school network, in use), 50 rows, p99 ≤ 50 ms — p50 ${list.p50.toFixed(1)} ms, p99 ${list.p99.toFixed(1)} ms over 300 calls`,
      ...otherTimes.map(
        (other) =>
          `        the asset list, ${other.name}, 50 rows — p50 ${other.p50.toFixed(1)} ms, p99 ${other.p99.toFixed(1)} ms over 100 calls`,
      ),
      `${position.p99 <= 50 ? 'met   ' : 'MISSED'}  the licence position (${licencedProducts} products, ${licencedProducts * 2} licences, ${licencedProducts * 3} counts), first 50, p99 ≤ 50 ms — p50 ${position.p50.toFixed(1)} ms, p99 ${position.p99.toFixed(1)} ms over 300 calls`,
      `${compliance[1]! <= 5000 ? 'met   ' : 'MISSED'}  the compliance evaluation of the municipality ≤ 5 s — median ${seconds(compliance[1]! / 1000)} of 3`,
    ];
    for (const line of lines) console.log(line);
    return 0;
  } finally {
    await database.destroy();
    if (keepDatabase) log(`equipment: kept ${redact(url)}`);
    else if (postgres) await dropPostgresDatabase(url);
    else for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${url}${suffix}`, { force: true });
  }
}
