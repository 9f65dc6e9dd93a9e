import type { AnyActor } from '../access/actor.ts';
import { openAuditChain } from '../platform/bulk-audit.ts';
import { insertRows } from '../platform/bulk-insert.ts';
import { swedishToday } from '../platform/calendar.ts';
import type { Clock } from '../platform/clock.ts';
import type { AssetModelsTable, AssetNetworkPeriodsTable, AssetsTable } from '../platform/database-schema.ts';
import type { TransactionHandle } from '../platform/database.ts';
import { swedishSortKey } from '../platform/text.ts';
import { timeOrderedIds } from '../platform/time-ordered-ids.ts';
import type { DemoPerson } from './demo-register.ts';
import { createRandom, daysAgo, isoDate } from './random.ts';

/** The demo's equipment in numbers; the demo test holds it to them. */
export const demoEquipment = { assets: 5000, nonStandard: 12, schoolOnTownHall: 6 } as const;

type Kind = 'network' | 'communication' | 'server' | 'pc' | 'laptop' | 'printer' | 'phone';

/** The IT chief's standard catalogue: one model whose approval has ended (still in use here and there: ITP-6-STANDARD). */
const catalogue: ReadonlyArray<{ kind: Kind; maker: string; model: string; share: number; expired?: true }> = [
  { kind: 'laptop', maker: 'Lenovo', model: 'ThinkPad T14 Gen 4', share: 20 },
  { kind: 'laptop', maker: 'Lenovo', model: 'ThinkPad L13 Yoga', share: 12 },
  { kind: 'laptop', maker: 'HP', model: 'EliteBook 840 G9', share: 8 },
  { kind: 'laptop', maker: 'Apple', model: 'MacBook Air M2', share: 3 },
  { kind: 'laptop', maker: 'Lenovo', model: 'ThinkPad T480', share: 2, expired: true },
  { kind: 'pc', maker: 'Lenovo', model: 'ThinkCentre M70q', share: 10 },
  { kind: 'pc', maker: 'HP', model: 'EliteDesk 800 G8 Mini', share: 5 },
  { kind: 'printer', maker: 'HP', model: 'Color LaserJet Pro M454dw', share: 4 },
  { kind: 'printer', maker: 'Canon', model: 'imageRUNNER ADVANCE C3826i', share: 2 },
  { kind: 'network', maker: 'Cisco', model: 'Catalyst 9200L-48P', share: 2 },
  { kind: 'network', maker: 'Aruba', model: 'AP-515', share: 4 },
  { kind: 'communication', maker: 'Cisco', model: 'ISR 1100', share: 1 },
  { kind: 'server', maker: 'Dell', model: 'PowerEdge R650', share: 1 },
  { kind: 'phone', maker: 'Apple', model: 'iPhone 14', share: 18 },
  { kind: 'phone', maker: 'Samsung', model: 'Galaxy XCover 6 Pro', share: 8 },
];

const nonStandard: ReadonlyArray<{ kind: Kind; description: string }> = [
  { kind: 'laptop', description: 'Asus ZenBook (inköpt av förvaltningen)' },
  { kind: 'pc', description: 'Egenbyggd dator för ritning' },
  { kind: 'printer', description: 'Brother HL-L2350DW (hemkontor)' },
  { kind: 'network', description: 'TP-Link Archer (okänd router)' },
];

const schoolDepartments = ['grundskola', 'gymnasium', 'forskola', 'bou'];

/**
 * Equipment for Tanum (issue #15, §6): the standard catalogue (15 models, one no longer
 * approved), 5,000 assets (computers, phones, printers, network and servers) spread over the
 * departments, a dozen non-standard ones, a few school computers that were once on the town-hall
 * network (the IT unit's, ITP-6-SCHOOL-NET) and one printer a department owns with a reason.
 * Written with bulk inserts and the bulk audit chain (ADR 0005), so the demo starts fast; its
 * own random stream, so the other demo parts stay as they were.
 */
export async function loadDemoEquipment(
  transaction: TransactionHandle,
  actor: AnyActor,
  clock: Clock,
  municipalityId: string,
  departmentIds: ReadonlyMap<string, string>,
  people: readonly DemoPerson[],
) {
  const random = createRandom(1515);
  const now = clock.now();
  const stamp = now.toISOString();
  const today = swedishToday(now);
  const nextId = timeOrderedIds(now.getTime());
  const chief = await transaction
    .selectFrom('role_assignments')
    .innerJoin('people', 'people.id', 'role_assignments.person_id')
    .select(['people.id', 'people.first_name', 'people.last_name'])
    .where('role_assignments.municipality_id', '=', municipalityId)
    .where('role_assignments.role', '=', 'it_chief')
    .executeTakeFirst();
  const chiefName = chief ? `${chief.first_name} ${chief.last_name}` : 'IT-chefen';

  const models: AssetModelsTable[] = catalogue.map((entry) => ({
    id: nextId(),
    municipality_id: municipalityId,
    kind: entry.kind,
    maker: entry.maker,
    model: entry.model,
    sort_key: swedishSortKey(`${entry.maker} ${entry.model}`),
    description: null,
    approved_from: '2021-01-01',
    approved_until: entry.expired ? '2024-12-31' : null,
    approved_at: '2021-01-01T09:00:00.000Z',
    approved_by_person_id: chief?.id ?? null,
    approved_by_name: chiefName,
    created_at: stamp,
    updated_at: stamp,
    version: 1,
  }));
  const weighted = catalogue.flatMap((entry, index) => Array<number>(entry.share).fill(index));
  const departmentKeys = [...departmentIds.keys()];
  const peopleByDepartment = new Map<string, DemoPerson[]>();
  for (const person of people.filter((candidate) => candidate.active))
    peopleByDepartment.set(person.departmentKey, [...(peopleByDepartment.get(person.departmentKey) ?? []), person]);

  const assets: Array<Omit<AssetsTable, 'confidential_osl_paragraph'>> = [];
  const periods: AssetNetworkPeriodsTable[] = [];
  for (let index = 0; index < demoEquipment.assets; index += 1) {
    const number = `TAN-${String(10001 + index)}`;
    const isNonStandard = index % Math.floor(demoEquipment.assets / demoEquipment.nonStandard) === 7 && index < demoEquipment.assets - 10;
    const other = nonStandard[index % nonStandard.length]!;
    const modelIndex = random.pick(weighted);
    const entry = catalogue[modelIndex]!;
    const kind = isNonStandard ? other.kind : entry.kind;
    const departmentKey = random.pick(departmentKeys);
    const shared = kind === 'network' || kind === 'communication' || kind === 'server';
    const school = schoolDepartments.includes(departmentKey);
    const network = shared ? 'town_hall' : kind === 'phone' ? 'none' : school ? 'school' : random.chance(0.1) ? 'public' : 'town_hall';
    const holder = kind === 'laptop' || kind === 'phone' ? random.pick(peopleByDepartment.get(departmentKey) ?? [undefined]) : undefined;
    const bought = daysAgo(now, random.integer(30, 6 * 365));
    const roll = random.next();
    assets.push({
      id: nextId(),
      municipality_id: municipalityId,
      kind,
      model_id: isNonStandard ? null : models[modelIndex]!.id,
      non_standard_description: isNonStandard ? other.description : null,
      serial: `${(isNonStandard ? 'X' : entry.maker.slice(0, 2)).toUpperCase()}${String(random.integer(1e7, 9e7))}${index}`,
      inventory_number: number,
      sort_key: swedishSortKey(number),
      owner_kind: 'it_unit',
      owner_department_id: null,
      owner_name: null,
      owner_reason: null,
      network,
      ever_on_town_hall: network === 'town_hall' ? 1 : 0,
      location: shared ? random.pick(['Kommunhuset, serverrum', 'Kommunhuset, kopplingsskåp plan 1', 'Hamburgsunds skola']) : null,
      department_id: shared ? (departmentIds.get('it') ?? null) : (departmentIds.get(departmentKey) ?? null),
      person_id: holder?.id ?? null,
      lifecycle: roll < 0.9 ? 'in_use' : roll < 0.94 ? 'in_repair' : roll < 0.97 ? 'ordered' : 'retired',
      purchase_date: isoDate(bought),
      purchase_cost: kind === 'server' ? 68000 : kind === 'laptop' ? 11500 : kind === 'phone' ? 7900 : 4500,
      warranty_end: isoDate(daysAgo(bought, -3 * 365)),
      note: null,
      created_at: stamp,
      updated_at: stamp,
      version: 1,
    });
  }

  // School computers that were moved from the town-hall network to the school's: still the IT unit's.
  const schoolComputers = assets.filter((asset) => (asset.kind === 'pc' || asset.kind === 'laptop') && asset.network === 'school');
  const moved = new Set(schoolComputers.slice(0, demoEquipment.schoolOnTownHall).map((asset) => asset.id));
  for (const asset of assets) {
    const first = asset.purchase_date!;
    if (moved.has(asset.id)) {
      asset.ever_on_town_hall = 1;
      asset.note = 'Flyttad från kommunhusets nät till skolans nät.';
      const movedOn = isoDate(daysAgo(now, 200));
      periods.push(period(asset.id, 'town_hall', first < movedOn ? first : isoDate(daysAgo(now, 400)), movedOn, 1));
      periods.push(period(asset.id, 'school', movedOn, null, 2));
    } else periods.push(period(asset.id, asset.network, first, null, 1));
  }
  // One printer a department owns, with the reason it gives (a non-town-hall one: ITP-6-SCHOOL-NET would refuse it).
  const ownPrinter = assets.find((asset) => asset.kind === 'printer' && asset.network !== 'town_hall' && asset.department_id !== null);
  if (ownPrinter) {
    ownPrinter.owner_kind = 'department';
    ownPrinter.owner_department_id = ownPrinter.department_id;
    ownPrinter.owner_reason = 'Bekostad av förvaltningens projektmedel för elevtidningen; förvaltningen sköter den själv.';
  }

  function period(assetId: string, network: string, startedOn: string, endedOn: string | null, position: number): AssetNetworkPeriodsTable {
    return {
      id: nextId(),
      municipality_id: municipalityId,
      asset_id: assetId,
      network,
      started_on: startedOn > today ? today : startedOn,
      ended_on: endedOn,
      recorded_at: stamp,
      recorded_by_name: 'IT-enheten',
      position,
    };
  }

  await insertRows(transaction, 'asset_models', models);
  const chain = await openAuditChain(transaction, actor, clock, municipalityId);
  await chain.insert(
    chain.append(models.map((model) => ({ action: 'create', entityType: 'asset_model', entityId: model.id, after: { ...model } }))),
  );
  for (let start = 0; start < assets.length; start += 1000) {
    const batch = assets.slice(start, start + 1000);
    await insertRows(transaction, 'assets', batch);
    await chain.insert(chain.append(batch.map((asset) => ({ action: 'import', entityType: 'asset', entityId: asset.id, after: asset }))));
  }
  for (let start = 0; start < periods.length; start += 2000)
    await insertRows(transaction, 'asset_network_periods', periods.slice(start, start + 2000));
  await chain.close();
  return { models: models.length, assets: assets.length };
}
