import { randomUUID } from 'node:crypto';
import type { AnyActor } from '../access/actor.ts';
import { recordAudit } from '../platform/audit.ts';
import { swedishToday } from '../platform/calendar.ts';
import type { Clock } from '../platform/clock.ts';
import type { TransactionHandle } from '../platform/database.ts';
import { swedishHolidays } from '../platform/swedish-holidays.ts';
import { swedishSortKey } from '../platform/text.ts';
import { addMonths, noticeStanding } from '../policy/index.ts';

/** A valid Swedish organisation number from its first nine digits (the tenth is the Luhn check digit). */
function organisationNumber(nine: string): string {
  let sum = 0;
  for (let index = 0; index < 9; index += 1) {
    let value = Number(nine[index]) * (index % 2 === 0 ? 2 : 1);
    if (value > 9) value -= 9;
    sum += value;
  }
  return `${nine.slice(0, 6)}-${nine.slice(6)}${(10 - (sum % 10)) % 10}`;
}

/**
 * Software, licences and contracts for Tanum (issue #15): a self-developed application waiting
 * for the IT chief, two open-source products reviewed and allowed, licences with one product
 * over-consumed (Acrobat: 52 installations on 40 licences), and a contract whose last day to
 * give notice falls next month (so its owner's head sees it on the to-do list).
 */
export async function loadDemoSoftware(transaction: TransactionHandle, actor: AnyActor, clock: Clock, municipalityId: string) {
  const now = clock.now().toISOString();
  const today = swedishToday(clock.now());
  const stamps = { created_at: now, updated_at: now, version: 1 };
  const systems = await transaction
    .selectFrom('systems')
    .select(['id', 'name'])
    .where('municipality_id', '=', municipalityId)
    .where('lifecycle', '<>', 'retired')
    .orderBy('sort_key')
    .limit(8)
    .execute();
  const people = await transaction
    .selectFrom('role_assignments')
    .innerJoin('people', 'people.id', 'role_assignments.person_id')
    .select(['people.id', 'people.first_name', 'people.last_name', 'role_assignments.role'])
    .where('role_assignments.municipality_id', '=', municipalityId)
    .where('role_assignments.role', 'in', ['it_chief', 'it_unit'])
    .execute();
  const chief = people.find((person) => person.role === 'it_chief');
  const itUnit = people.find((person) => person.role === 'it_unit') ?? chief;
  const nameOf = (person: typeof chief) => (person ? `${person.first_name} ${person.last_name}` : 'IT-enheten');
  const systemAt = (index: number) => (systems.length === 0 ? [] : [systems[index % systems.length]!.id]);

  const products = [
    { key: 'm365', product: 'Microsoft 365 E3', maker: 'Microsoft', origin: 'commercial', licence: null, systems: systemAt(0) },
    { key: 'acrobat', product: 'Adobe Acrobat Pro', maker: 'Adobe', origin: 'commercial', licence: null, systems: systemAt(1) },
    { key: 'autocad', product: 'AutoCAD LT', maker: 'Autodesk', origin: 'commercial', licence: null, systems: systemAt(2) },
    {
      key: 'booking',
      product: 'Lokalbokningen',
      maker: 'Tanums kommun, IT-enheten',
      origin: 'self_developed',
      licence: null,
      systems: systemAt(3),
    },
    {
      key: 'libreoffice',
      product: 'LibreOffice',
      maker: 'The Document Foundation',
      origin: 'open_source',
      licence: 'MPL-2.0',
      systems: systemAt(4),
    },
    {
      key: 'nextcloud',
      product: 'Nextcloud',
      maker: 'Nextcloud GmbH',
      origin: 'open_source',
      licence: 'AGPL-3.0-only',
      systems: systemAt(5),
    },
  ] as const;
  const ids = new Map<string, string>();
  for (const item of products) {
    const id = randomUUID();
    ids.set(item.key, id);
    await transaction
      .insertInto('software')
      .values({
        id,
        municipality_id: municipalityId,
        product: item.product,
        sort_key: swedishSortKey(item.product),
        maker: item.maker,
        origin: item.origin,
        licence: item.licence,
        description: null,
        ...stamps,
      })
      .execute();
    if (item.systems.length > 0)
      await transaction
        .insertInto('software_systems')
        .values(item.systems.map((systemId) => ({ municipality_id: municipalityId, software_id: id, system_id: systemId })))
        .execute();
    await recordAudit(transaction, actor, clock, { action: 'create', entityType: 'software', entityId: id, after: item });
  }

  const decision = (softwareKey: string, status: 'proposed' | 'allowed', review: boolean, purpose: string) => ({
    id: randomUUID(),
    municipality_id: municipalityId,
    software_id: ids.get(softwareKey)!,
    status,
    purpose,
    valid_until: status === 'allowed' ? addMonths(today, 24) : null,
    conditions_json: JSON.stringify(status === 'allowed' ? ['Uppdateras inom 30 dagar efter säkerhetsrelease'] : []),
    stability_assessment: review ? 'good' : null,
    stability_evidence: review ? 'Stabil utgivning två gånger om året sedan 2011; används i flera kommuner.' : null,
    security_assessment: review ? 'acceptable' : null,
    security_evidence: review ? 'Säkerhetsgranskning av IT-enheten 2026-09; CVE:er åtgärdas inom veckor.' : null,
    future_assessment: review ? 'good' : null,
    future_evidence: review ? 'Stiftelse med bred finansiering; öppet filformat (ODF).' : null,
    proposed_by_person_id: itUnit?.id ?? null,
    proposed_by_name: nameOf(itUnit),
    proposed_on: addMonths(today, status === 'allowed' ? -3 : 0),
    decided_by_person_id: status === 'allowed' ? (chief?.id ?? null) : null,
    decided_by_name: status === 'allowed' ? nameOf(chief) : null,
    decided_on: status === 'allowed' ? addMonths(today, -2) : null,
    reason: null,
    ...stamps,
  });
  const decisions = [
    decision('booking', 'proposed', false, 'Bokning av kommunens lokaler för föreningar'),
    decision('libreoffice', 'allowed', true, 'Kontorsprogram på skolans och bibliotekets datorer'),
    decision('nextcloud', 'allowed', true, 'Fildelning inom kommunen'),
  ];
  await transaction.insertInto('software_decisions').values(decisions).execute();

  const suppliers = [
    { key: 'atea', name: 'Atea Sverige AB', number: organisationNumber('556448028') },
    { key: 'adobe', name: 'Adobe Systems Nordic AB', number: organisationNumber('556556171') },
  ];
  const supplierIds = new Map<string, string>();
  for (const supplier of suppliers) {
    const id = randomUUID();
    supplierIds.set(supplier.key, id);
    await transaction
      .insertInto('suppliers')
      .values({
        id,
        municipality_id: municipalityId,
        name: supplier.name,
        sort_key: swedishSortKey(supplier.name),
        organisation_number: supplier.number,
        contact: null,
        ...stamps,
      })
      .execute();
  }

  const holidays = new Set(swedishHolidays(Number(today.slice(0, 4)), Number(today.slice(0, 4)) + 3));
  const contract = async (
    title: string,
    supplierKey: string,
    endsOn: string,
    noticeMonths: number,
    yearlyCost: number,
    systemIds: string[],
  ) => {
    const id = randomUUID();
    const terms = {
      startsOn: addMonths(today, -24),
      endsOn,
      noticePeriod: { amount: noticeMonths, unit: 'months' as const },
      automaticRenewal: true,
      renewalMonths: 12,
      noticeDecision: null,
      noticeDecidedOn: null,
    };
    await transaction
      .insertInto('contracts')
      .values({
        id,
        municipality_id: municipalityId,
        supplier_id: supplierIds.get(supplierKey)!,
        title,
        sort_key: swedishSortKey(title),
        reference: null,
        starts_on: terms.startsOn,
        ends_on: endsOn,
        notice_amount: noticeMonths,
        notice_unit: 'months',
        automatic_renewal: 1,
        renewal_months: 12,
        yearly_cost: yearlyCost,
        reminder_days: 90,
        notice_date: noticeStanding(terms, today, holidays).noticeDate,
        notice_decision: null,
        notice_decided_on: null,
        notes: null,
        ...stamps,
      })
      .execute();
    if (systemIds.length > 0)
      await transaction
        .insertInto('contract_systems')
        .values(systemIds.map((systemId) => ({ municipality_id: municipalityId, contract_id: id, system_id: systemId })))
        .execute();
    return id;
  };
  // The Microsoft agreement's notice date falls next month: ends in four months, three months' notice.
  const m365Contract = await contract('Microsoft-avtal (licenser och support)', 'atea', addMonths(today, 4), 3, 1_250_000, systemAt(0));
  const adobeContract = await contract('Adobe-avtal', 'adobe', addMonths(today, 20), 6, 180_000, systemAt(1));

  const licences = [
    { software: 'm365', metric: 'per_user', quantity: 450, contract: m365Contract, validUntil: null },
    { software: 'm365', metric: 'per_user', quantity: 30, contract: m365Contract, validUntil: addMonths(today, 6) },
    { software: 'acrobat', metric: 'per_device', quantity: 40, contract: adobeContract, validUntil: null },
    { software: 'autocad', metric: 'per_device', quantity: 10, contract: null, validUntil: null },
  ];
  await transaction
    .insertInto('licences')
    .values(
      licences.map((licence) => ({
        id: randomUUID(),
        municipality_id: municipalityId,
        software_id: ids.get(licence.software)!,
        metric: licence.metric,
        quantity: licence.quantity,
        valid_from: null,
        valid_until: licence.validUntil,
        contract_id: licence.contract,
        notes: null,
        ...stamps,
      })),
    )
    .execute();
  const consumption = [
    { software: 'm365', kind: 'assignment', count: 462 },
    { software: 'acrobat', kind: 'installation', count: 52 },
    { software: 'autocad', kind: 'installation', count: 8 },
    { software: 'libreoffice', kind: 'installation', count: 140 },
  ];
  await transaction
    .insertInto('licence_consumption')
    .values(
      consumption.map((row) => ({
        id: randomUUID(),
        municipality_id: municipalityId,
        software_id: ids.get(row.software)!,
        kind: row.kind,
        count: row.count,
        source: 'inventory',
        asset_id: null,
        inventory: 'Intune',
        counted_on: today,
        ...stamps,
      })),
    )
    .execute();
  await transaction
    .insertInto('licence_consumption_totals')
    .values(
      consumption.map((row) => ({
        municipality_id: municipalityId,
        software_id: ids.get(row.software)!,
        kind: row.kind,
        total: row.count,
      })),
    )
    .execute();
  await recordAudit(transaction, actor, clock, {
    action: 'import',
    entityType: 'licence_consumption',
    entityId: municipalityId,
    after: { inventory: 'Intune', recorded: consumption.length, countedOn: today },
  });
}
