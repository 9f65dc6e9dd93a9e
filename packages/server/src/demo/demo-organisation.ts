import { randomUUID } from 'node:crypto';
import type { Role } from '@forvalta/contracts';
import { systemActor } from '../access/actor.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Clock } from '../platform/clock.ts';
import { withTransaction, type DatabaseHandle } from '../platform/database.ts';
import { hashPassword } from '../platform/passwords.ts';
import { swedishSortKey } from '../platform/text.ts';
import { departmentsRepository } from '../modules/organisation/bulk.ts';
import { municipalitiesRepository } from '../modules/organisation/bulk.ts';
import { peopleRepository, type PersonValues } from '../modules/organisation/bulk.ts';
import { roleAssignmentsRepository } from '../modules/organisation/bulk.ts';
import { loadDemoRegister, type DemoPerson } from './demo-register.ts';
import { loadDemoDocuments } from './demo-documents.ts';
import { loadDemoLifecycle } from './demo-lifecycle.ts';
import { loadDemoTraining } from './demo-training.ts';
import { loadDemoAcknowledgements } from './demo-acknowledgements.ts';
import { loadDemoAccessRights } from './demo-access-rights.ts';
import { loadDemoSoftware } from './demo-software.ts';
import { loadDemoEquipment } from './demo-equipment.ts';
import { loadDemoPrivacy } from './demo-privacy.ts';
import { loadDemoMailboxes } from './demo-mailboxes.ts';
import { loadDemoIncidents } from './demo-incidents.ts';
import { createRandom } from './random.ts';
import { policyPacksRepository } from '../modules/compliance/bulk.ts';
import { publicRegisterRepository } from '../modules/public-register/bulk.ts';
import { defaultPublicFields, defaultPublicLifecycles } from '@forvalta/contracts';
import { emailLocalPart, firstNames, lastNames } from './swedish-names.ts';

export const demoMunicipality = { code: '1435', name: 'Tanums kommun (demo)' } as const;
/** Demo only: printed on every start so anyone trying the product can log in. Never used outside the demo. */
export const demoPassword = 'Tanum-demo-2026';

interface DemoDepartment {
  key: string;
  name: string;
  shortName?: string;
  parent?: string;
  isItUnit?: boolean;
  /** Share of the generated employees who work here. */
  weight: number;
  titles: readonly string[];
}

/** Tanum's organisation, simplified: förvaltningar and the units under them (ITP-4.3-ORG). */
const departments: readonly DemoDepartment[] = [
  {
    key: 'ks',
    name: 'Kommunstyrelseförvaltningen',
    shortName: 'KSF',
    weight: 2,
    titles: ['Kommundirektör', 'Utvecklingsstrateg', 'Kommunikatör'],
  },
  { key: 'ekonomi', name: 'Ekonomikontoret', parent: 'ks', weight: 2, titles: ['Ekonom', 'Controller', 'Redovisningsekonom'] },
  {
    key: 'it',
    name: 'IT-enheten',
    parent: 'ekonomi',
    isItUnit: true,
    weight: 2,
    titles: ['IT-tekniker', 'Systemförvaltare', 'Nätverkstekniker'],
  },
  { key: 'kansli', name: 'Kommunkansliet', parent: 'ks', weight: 1, titles: ['Kommunsekreterare', 'Registrator', 'Nämndsekreterare'] },
  { key: 'personal', name: 'Personalkontoret', parent: 'ks', weight: 1, titles: ['HR-konsult', 'Lönehandläggare'] },
  { key: 'bou', name: 'Barn- och utbildningsförvaltningen', shortName: 'BUF', weight: 3, titles: ['Utbildningschef', 'Skoladministratör'] },
  { key: 'forskola', name: 'Förskoleverksamheten', parent: 'bou', weight: 6, titles: ['Förskollärare', 'Barnskötare', 'Förskolechef'] },
  { key: 'grundskola', name: 'Grundskolan', parent: 'bou', weight: 8, titles: ['Lärare', 'Rektor', 'Specialpedagog'] },
  {
    key: 'gymnasium',
    name: 'Gymnasie- och vuxenutbildning',
    parent: 'bou',
    weight: 3,
    titles: ['Gymnasielärare', 'Studie- och yrkesvägledare'],
  },
  {
    key: 'omsorg',
    name: 'Sektor omsorg/Socialförvaltningen',
    shortName: 'SOC',
    weight: 3,
    titles: ['Socialchef', 'Verksamhetsutvecklare'],
  },
  { key: 'aldreomsorg', name: 'Äldreomsorgen', parent: 'omsorg', weight: 9, titles: ['Undersköterska', 'Sjuksköterska', 'Enhetschef'] },
  { key: 'ifo', name: 'Individ- och familjeomsorgen', parent: 'omsorg', weight: 3, titles: ['Socialsekreterare', 'Biståndshandläggare'] },
  { key: 'funktionsstod', name: 'Funktionsstöd', parent: 'omsorg', weight: 3, titles: ['Stödassistent', 'Boendestödjare'] },
  { key: 'sbf', name: 'Samhällsbyggnadsförvaltningen', shortName: 'SBF', weight: 2, titles: ['Samhällsbyggnadschef', 'Planarkitekt'] },
  { key: 'bygg', name: 'Bygg och miljö', parent: 'sbf', weight: 2, titles: ['Bygglovshandläggare', 'Miljöinspektör'] },
  { key: 'teknik', name: 'Teknik och VA', parent: 'sbf', weight: 2, titles: ['VA-ingenjör', 'Drifttekniker', 'GIS-ingenjör'] },
  { key: 'kultur', name: 'Kultur och fritid', weight: 1, titles: ['Kulturchef', 'Fritidsledare'] },
  { key: 'bibliotek', name: 'Biblioteken', parent: 'kultur', weight: 1, titles: ['Bibliotekarie', 'Biblioteksassistent'] },
  { key: 'raddning', name: 'Räddningstjänsten', weight: 1, titles: ['Brandman', 'Räddningschef'] },
];

/** People who can log in to the demo, one per role, so every view can be tried. */
const demoLogins: ReadonlyArray<{
  email: string;
  firstName: string;
  lastName: string;
  department: string;
  title: string;
  role: Role;
  scope?: string;
}> = [
  {
    email: 'admin@tanum.demo',
    firstName: 'Agneta',
    lastName: 'Strömberg',
    department: 'it',
    title: 'Systemadministratör',
    role: 'administrator',
  },
  { email: 'it-chef@tanum.demo', firstName: 'Göran', lastName: 'Åkesson', department: 'it', title: 'IT-chef', role: 'it_chief' },
  { email: 'it@tanum.demo', firstName: 'Petra', lastName: 'Lind', department: 'it', title: 'IT-tekniker', role: 'it_unit' },
  {
    email: 'bou-chef@tanum.demo',
    firstName: 'Maria',
    lastName: 'Ek',
    department: 'bou',
    title: 'Förvaltningschef',
    role: 'department_head',
    scope: 'bou',
  },
  {
    email: 'dataskydd@tanum.demo',
    firstName: 'Sven',
    lastName: 'Dahl',
    department: 'kansli',
    title: 'Dataskyddsombud',
    role: 'data_protection_officer',
  },
  {
    email: 'kansli@tanum.demo',
    firstName: 'Lisa',
    lastName: 'Norén',
    department: 'kansli',
    title: 'Kommunsekreterare',
    role: 'secretariat',
  },
  {
    email: 'revisor@tanum.demo',
    firstName: 'Rolf',
    lastName: 'Hedlund',
    department: 'ekonomi',
    title: 'Förtroendevald revisor',
    role: 'auditor',
  },
  {
    email: 'medarbetare@tanum.demo',
    firstName: 'Emma',
    lastName: 'Wallin',
    department: 'aldreomsorg',
    title: 'Undersköterska',
    role: 'employee',
  },
];

export interface DemoResult {
  created: boolean;
  municipalityId: string;
  logins: Array<{ email: string; role: Role }>;
}

/** Loads "Tanums kommun (demo)" once; a second call finds it and changes nothing. */
export async function loadDemoOrganisation(db: DatabaseHandle, clock: Clock, employeeCount = 300): Promise<DemoResult> {
  const logins = demoLogins.map(({ email, role }) => ({ email, role }));
  const existing = await municipalitiesRepository.findByCode(db, demoMunicipality.code);
  if (existing) return { created: false, municipalityId: existing.id, logins };

  const random = createRandom(1435);
  // Who has a personal mailbox (as a directory import says) draws from its own stream: the people drawn from `random` stay as they were.
  const mailboxRandom = createRandom(1632);
  const passwordHash = await hashPassword(demoPassword);
  const now = clock.now().toISOString();
  const municipalityId = randomUUID();
  const actor = systemActor('demo', municipalityId);

  await withTransaction(db, async (transaction) => {
    await municipalitiesRepository.insert(transaction, { id: municipalityId, ...demoMunicipality }, now);
    await recordAudit(transaction, actor, clock, {
      action: 'create',
      entityType: 'municipality',
      entityId: municipalityId,
      after: demoMunicipality,
    });
    await policyPacksRepository.ensureDefault(transaction, municipalityId, randomUUID(), now);
    // A new municipality publishes nothing until its administrator chooses to; the demo shows the register.
    const publicRegister = { enabled: true, fields: [...defaultPublicFields], lifecycles: [...defaultPublicLifecycles] };
    await publicRegisterRepository.saveSettings(transaction, municipalityId, 1, publicRegister, now);
    await recordAudit(transaction, actor, clock, {
      action: 'update',
      entityType: 'public_register_settings',
      entityId: municipalityId,
      after: publicRegister,
    });

    const departmentIds = new Map<string, string>();
    for (const department of departments) {
      const id = randomUUID();
      departmentIds.set(department.key, id);
      const values = {
        name: department.name,
        shortName: department.shortName ?? null,
        parentId: department.parent ? departmentIds.get(department.parent)! : null,
        isItUnit: department.isItUnit ?? false,
        sortKey: swedishSortKey(department.name),
      };
      await departmentsRepository.insert(transaction, municipalityId, id, values, now);
      await recordAudit(transaction, actor, clock, { action: 'create', entityType: 'department', entityId: id, after: values });
    }

    const usedEmails = new Set<string>();
    const people: Array<{ id: string; values: PersonValues }> = [];
    const demoPeople: DemoPerson[] = [];
    const addPerson = (values: PersonValues, departmentKey: string) => {
      const id = randomUUID();
      usedEmails.add(values.email);
      people.push({ id, values });
      demoPeople.push({ id, name: `${values.firstName} ${values.lastName}`, departmentKey, active: values.employmentStatus === 'active' });
      return id;
    };

    const loginPeople: Array<{ personId: string; role: Role; scope?: string }> = [];
    for (const login of demoLogins) {
      const loginId = randomUUID();
      await municipalitiesRepository.insertLogin(transaction, { id: loginId, email: login.email, passwordHash }, now);
      const personId = addPerson(
        {
          firstName: login.firstName,
          lastName: login.lastName,
          email: login.email,
          departmentId: departmentIds.get(login.department)!,
          title: login.title,
          employmentStatus: 'active',
          startDate: '2015-08-17',
          endDate: null,
          loginId,
          hasPersonalMailbox: true,
        },
        login.department,
      );
      loginPeople.push({ personId, role: login.role, scope: login.scope });
    }

    const weighted = departments.flatMap((department) => Array<DemoDepartment>(department.weight).fill(department));
    while (people.length < employeeCount) {
      const firstName = random.pick(firstNames);
      const lastName = random.pick(lastNames);
      const department = random.pick(weighted);
      let email = `${emailLocalPart(firstName, lastName)}@tanum.demo`;
      for (let suffix = 2; usedEmails.has(email); suffix += 1) email = `${emailLocalPart(firstName, lastName)}${suffix}@tanum.demo`;
      const left = random.chance(0.04);
      const startYear = random.integer(1995, 2025);
      addPerson(
        {
          firstName,
          lastName,
          email,
          departmentId: departmentIds.get(department.key)!,
          title: random.pick(department.titles),
          employmentStatus: left ? 'left' : 'active',
          startDate: `${startYear}-${String(random.integer(1, 12)).padStart(2, '0')}-01`,
          endDate: left ? `2026-${String(random.integer(1, 10)).padStart(2, '0')}-28` : null,
          loginId: null,
          // Most staff have one; many in the care homes share a unit's computer and have none (ITP-8-OFFICIAL-DOC counts the rest).
          hasPersonalMailbox: !left && mailboxRandom.chance(['aldreomsorg', 'funktionsstod'].includes(department.key) ? 0.7 : 0.97),
        },
        department.key,
      );
    }
    await peopleRepository.insertMany(transaction, municipalityId, people, now);
    for (const person of people) {
      await recordAudit(transaction, actor, clock, { action: 'create', entityType: 'person', entityId: person.id, after: person.values });
    }

    for (const { personId, role, scope } of loginPeople) {
      const id = randomUUID();
      const departmentId = scope ? departmentIds.get(scope)! : null;
      await roleAssignmentsRepository.insert(transaction, municipalityId, { id, personId, role, departmentId }, now);
      await recordAudit(transaction, actor, clock, {
        action: 'create',
        entityType: 'role_assignment',
        entityId: id,
        after: { personId, role, departmentId },
      });
    }

    await loadDemoRegister(transaction, actor, clock, random, municipalityId, departmentIds, demoPeople);
    const documents = await loadDemoDocuments(transaction, actor, clock, municipalityId);
    await loadDemoLifecycle(transaction, actor, clock, random, municipalityId, demoPeople, documents.guidelineSectionIds);
    await loadDemoTraining(transaction, actor, clock, random, municipalityId, demoPeople);
    // After the documents (and training) demo: the acknowledgements of their current versions.
    await loadDemoAcknowledgements(transaction, actor, clock, random, municipalityId, departmentIds);
    // After the acknowledgements: who had acknowledged decides which rights pass the first-grant gate.
    await loadDemoAccessRights(transaction, actor, clock, random, municipalityId, demoPeople);
    // Software, licences and contracts (issue #15).
    await loadDemoSoftware(transaction, actor, clock, municipalityId);
    // Equipment (issue #15): the catalogue and 5,000 assets, in bulk and from its own random stream.
    await loadDemoEquipment(transaction, actor, clock, municipalityId, departmentIds, demoPeople);
    // Records of processing with the DPO's reviews, and functional mailboxes (issue #16); each its own random stream.
    await loadDemoPrivacy(transaction, actor, clock, municipalityId, departmentIds);
    await loadDemoMailboxes(transaction, actor, clock, municipalityId, departmentIds);
    // The incident log (issue #19): one open incident with a running clock, one reported and closed.
    await loadDemoIncidents(transaction, actor, clock, municipalityId);
  });
  return { created: true, municipalityId, logins };
}
