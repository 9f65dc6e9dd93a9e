import type { Role } from '@forvalta/contracts';
import type { AuditEntry } from '../platform/audit.ts';
import type { TransactionHandle } from '../platform/database.ts';
import { swedishSortKey } from '../platform/text.ts';
import { departmentsRepository, type DepartmentValues } from '../modules/organisation/bulk.ts';
import { peopleRepository, type PersonValues } from '../modules/organisation/bulk.ts';
import { roleAssignmentsRepository } from '../modules/organisation/bulk.ts';
import type { Random } from '../demo/random.ts';
import { emailLocalPart, firstNames, lastNames } from '../demo/swedish-names.ts';
import type { AuditChainWriter } from '../platform/bulk-audit.ts';
import type { IdSource } from './deterministic-ids.ts';

/** A förvaltning and the units a municipality of some size has under it; titles for its staff. */
const administrations: ReadonlyArray<{ name: string; shortName: string; units: readonly string[]; titles: readonly string[] }> = [
  {
    name: 'Kommunstyrelseförvaltningen',
    shortName: 'KSF',
    units: [
      'IT-enheten',
      'Ekonomienheten',
      'HR-enheten',
      'Kansliet',
      'Kommunikationsenheten',
      'Upphandlingsenheten',
      'Digitaliseringsenheten',
    ],
    titles: ['Ekonom', 'Controller', 'HR-konsult', 'Kommunsekreterare', 'Registrator', 'IT-tekniker', 'Systemförvaltare'],
  },
  {
    name: 'Barn- och utbildningsförvaltningen',
    shortName: 'BUF',
    units: ['Förskolan', 'Grundskolan', 'Gymnasieskolan', 'Vuxenutbildningen', 'Elevhälsan', 'Fritidshemmen', 'Kulturskolan'],
    titles: ['Förskollärare', 'Barnskötare', 'Lärare', 'Rektor', 'Specialpedagog', 'Skoladministratör'],
  },
  {
    name: 'Vård- och omsorgsförvaltningen',
    shortName: 'VOF',
    units: ['Äldreomsorgen', 'Hemtjänsten', 'Särskilt boende', 'Funktionsstöd', 'Hälso- och sjukvården'],
    titles: ['Undersköterska', 'Sjuksköterska', 'Enhetschef', 'Stödassistent', 'Arbetsterapeut'],
  },
  {
    name: 'Socialförvaltningen',
    shortName: 'SOC',
    units: ['Individ- och familjeomsorgen', 'Ekonomiskt bistånd', 'Barn och unga', 'Missbruk och beroende'],
    titles: ['Socialsekreterare', 'Biståndshandläggare', 'Familjebehandlare'],
  },
  {
    name: 'Samhällsbyggnadsförvaltningen',
    shortName: 'SBF',
    units: ['Bygglovsenheten', 'Planenheten', 'Miljö och hälsoskydd', 'Lantmäteri och GIS'],
    titles: ['Bygglovshandläggare', 'Planarkitekt', 'Miljöinspektör', 'GIS-ingenjör'],
  },
  {
    name: 'Tekniska förvaltningen',
    shortName: 'TF',
    units: ['Vatten och avlopp', 'Gata och park', 'Fastighetsenheten', 'Kostenheten', 'Avfall och återvinning'],
    titles: ['VA-ingenjör', 'Drifttekniker', 'Fastighetsförvaltare', 'Kock'],
  },
  {
    name: 'Kultur- och fritidsförvaltningen',
    shortName: 'KFF',
    units: ['Biblioteken', 'Fritidsgårdarna', 'Idrottsanläggningar', 'Kulturenheten'],
    titles: ['Bibliotekarie', 'Fritidsledare', 'Kulturchef'],
  },
  {
    name: 'Räddningstjänsten',
    shortName: 'RTJ',
    units: ['Räddningsstyrkan', 'Förebyggande enheten'],
    titles: ['Brandman', 'Räddningschef', 'Brandinspektör'],
  },
  {
    name: 'Arbetsmarknadsförvaltningen',
    shortName: 'AMF',
    units: ['Arbetsmarknadsenheten', 'Integrationsenheten'],
    titles: ['Arbetsmarknadskonsulent', 'Jobbcoach'],
  },
  {
    name: 'Serviceförvaltningen',
    shortName: 'SEF',
    units: ['Kontaktcenter', 'Lokalvården', 'Fordonsenheten'],
    titles: ['Kommunvägledare', 'Lokalvårdare', 'Fordonstekniker'],
  },
  { name: 'Miljöförvaltningen', shortName: 'MF', units: ['Livsmedelskontrollen', 'Naturvården'], titles: ['Miljöinspektör', 'Ekolog'] },
  { name: 'Överförmyndarförvaltningen', shortName: 'ÖFF', units: ['Handläggningsenheten'], titles: ['Handläggare'] },
];

export interface GeneratedDepartment {
  id: string;
  name: string;
  topLevel: boolean;
  isItUnit: boolean;
}

export interface GeneratedPerson {
  id: string;
  name: string;
  departmentId: string;
  active: boolean;
  startDate: string;
  endDate: string | null;
}

export interface OrganisationContext {
  transaction: TransactionHandle;
  municipalityId: string;
  emailDomain: string;
  random: Random;
  ids: IdSource;
  now: string;
  /** Collects the audit events of what was written; the caller records them in bulk. */
  audit: AuditEntry[];
  /**
   * The municipality's audit chain, open for the load (openAuditChain). A generator that writes in
   * batches appends each batch's events while it generates and inserts them with the batch's
   * rows, so that on PostgreSQL they are hashed and written while the database works, not all at
   * the end. The chain head stays locked until the commit, so the municipality's other audited
   * writes wait for the whole load (on SQLite the load holds the write lock anyway).
   */
  auditChain: AuditChainWriter;
}

/** A department tree: förvaltningar on top, units under them, and sub-units once the units run out. */
export async function generateDepartments(context: OrganisationContext, count: number): Promise<GeneratedDepartment[]> {
  const { random, ids } = context;
  const topCount = Math.min(administrations.length, Math.max(3, Math.round(Math.sqrt(count) * 1.3)), count);
  const result: GeneratedDepartment[] = [];
  const insert = async (name: string, shortName: string | null, parentId: string | null, isItUnit: boolean) => {
    const id = ids.next();
    const values: DepartmentValues = { name, shortName, parentId, isItUnit, sortKey: swedishSortKey(name) };
    await departmentsRepository.insert(context.transaction, context.municipalityId, id, values, context.now);
    context.audit.push({ action: 'create', entityType: 'department', entityId: id, after: values });
    const department = { id, name, topLevel: parentId === null, isItUnit };
    result.push(department);
    return department;
  };

  const tops: GeneratedDepartment[] = [];
  for (let index = 0; index < topCount; index += 1)
    tops.push(await insert(administrations[index]!.name, administrations[index]!.shortName, null, false));
  // Every municipality has its IT unit under the municipal executive office (ITP-4.3-ORG).
  if (count > topCount) await insert('IT-enheten', null, tops[0]!.id, true);
  const round = new Map<number, number>();
  const units: GeneratedDepartment[] = [];
  for (let index = 0; result.length < count; index += 1) {
    const owner = index % topCount;
    const templates = administrations[owner]!.units.filter((unit) => unit !== 'IT-enheten');
    const taken = round.get(owner) ?? 0;
    round.set(owner, taken + 1);
    const template = templates[taken % templates.length]!;
    const lap = Math.floor(taken / templates.length);
    const name = lap === 0 ? template : `${template} område ${lap + 1}`;
    // Large municipalities nest: after three laps, new units go under an existing unit.
    const parent = lap >= 3 && units.length > 0 ? random.pick(units) : tops[owner]!;
    units.push(await insert(name, null, parent.id, false));
  }
  return result;
}

/** Employees spread over the units (more in care and schools), 4 % of them having left. */
export async function generatePeople(
  context: OrganisationContext,
  count: number,
  departments: GeneratedDepartment[],
): Promise<GeneratedPerson[]> {
  const { random, ids } = context;
  const weighted: GeneratedDepartment[] = departments.flatMap((department) =>
    Array<GeneratedDepartment>(department.topLevel ? 1 : random.integer(2, 8)).fill(department),
  );
  const usedEmails = new Map<string, number>();
  const rows: Array<{ id: string; values: PersonValues }> = [];
  const people: GeneratedPerson[] = [];
  for (let index = 0; index < count; index += 1) {
    const firstName = random.pick(firstNames);
    const lastName = random.pick(lastNames);
    const department = random.pick(weighted);
    const local = emailLocalPart(firstName, lastName);
    const seen = (usedEmails.get(local) ?? 0) + 1;
    usedEmails.set(local, seen);
    const left = random.chance(0.04);
    const startDate = `${random.integer(1990, 2025)}-${String(random.integer(1, 12)).padStart(2, '0')}-01`;
    const endDate = left ? `2026-${String(random.integer(1, 10)).padStart(2, '0')}-28` : null;
    const values: PersonValues = {
      firstName,
      lastName,
      email: `${local}${seen > 1 ? seen : ''}@${context.emailDomain}`,
      departmentId: department.id,
      title: random.pick(titlesOf(department)),
      employmentStatus: left ? 'left' : 'active',
      startDate,
      endDate,
      loginId: null,
    };
    const id = ids.next();
    rows.push({ id, values });
    people.push({ id, name: `${firstName} ${lastName}`, departmentId: department.id, active: !left, startDate, endDate });
    context.audit.push({ action: 'create', entityType: 'person', entityId: id, after: values });
  }
  await peopleRepository.insertMany(context.transaction, context.municipalityId, rows, context.now);
  return people;
}

function titlesOf(department: GeneratedDepartment): readonly string[] {
  const administration =
    administrations.find((candidate) => department.name.startsWith(candidate.name)) ??
    administrations.find((candidate) => candidate.units.some((unit) => department.name.startsWith(unit)));
  return administration?.titles ?? ['Handläggare', 'Samordnare'];
}

/** The roles a working register has besides its administrator: IT chief, IT unit, department heads. */
export async function generateRoles(
  context: OrganisationContext,
  departments: GeneratedDepartment[],
  people: GeneratedPerson[],
): Promise<number> {
  const active = people.filter((person) => person.active);
  const itUnit = departments.find((department) => department.isItUnit);
  const itStaff = itUnit ? active.filter((person) => person.departmentId === itUnit.id) : [];
  const grants: Array<{ person: GeneratedPerson; role: Role; departmentId: string | null }> = [];
  if (itStaff[0]) grants.push({ person: itStaff[0], role: 'it_chief', departmentId: null });
  for (const person of itStaff.slice(1, 4)) grants.push({ person, role: 'it_unit', departmentId: null });
  for (const department of departments.filter((candidate) => candidate.topLevel)) {
    const head = active.find((person) => person.departmentId === department.id);
    if (head) grants.push({ person: head, role: 'department_head', departmentId: department.id });
  }
  for (const { person, role, departmentId } of grants) {
    const id = context.ids.next();
    await roleAssignmentsRepository.insert(
      context.transaction,
      context.municipalityId,
      { id, personId: person.id, role, departmentId },
      context.now,
    );
    context.audit.push({
      action: 'create',
      entityType: 'role_assignment',
      entityId: id,
      after: { personId: person.id, role, departmentId },
    });
  }
  return grants.length;
}
