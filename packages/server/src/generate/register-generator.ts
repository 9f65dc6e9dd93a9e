import { costCategories, dutyKeys, integrationFrequencies, integrationMethods } from '@forvalta/contracts';
import { daysAgo, isoDate, randomLifecycle } from '../demo/random.ts';
import { systemCatalogue } from '../demo/demo-systems-catalogue.ts';
import { integrationsRepository, type IntegrationValues } from '../modules/integrations/bulk.ts';
import { systemAssignmentsRepository, type AssignmentValues } from '../modules/systems/bulk.ts';
import { systemDutiesRepository, type BulkDuty } from '../modules/systems/bulk.ts';
import { systemsRepository, type BulkClassification, type BulkSystem } from '../modules/systems/bulk.ts';
import { columnsOf } from '../modules/systems/bulk.ts';
import type { GeneratedDepartment, GeneratedPerson, OrganisationContext } from './organisation-generator.ts';

/**
 * The register, written through the repositories' bulk paths (insertMany), the ones an import
 * uses: the rows are those of the single-row create (columns built by the module's own columnsOf),
 * with the history a register of some years has (created and confirmed dates, duties done).
 */
/** The identity system comes first: it is the hub of the integration graph and owned by the IT unit. */
const catalogueStart = Math.max(
  0,
  systemCatalogue.findIndex(([name]) => name === 'Active Directory'),
);
/** Systems generated between writes, and between yields to the database connection. */
const writeEvery = 1000;
const yieldEvery = 50;
/** 80,000 duty rows per 10,000 systems share eight evidence texts. */
const evidenceOf = Object.fromEntries(
  dutyKeys.map((duty) => [duty, `Dokumenterat på intranätet (${duty.replaceAll('_', ' ')})`]),
) as Record<(typeof dutyKeys)[number], string>;

export interface RegisterCounts {
  systems: number;
  duties: number;
  classifications: number;
  usingDepartments: number;
  assignments: number;
}

/**
 * Systems with owners, classification, duties and responsibilities, valid by the register's rules:
 * the owner is a department of the municipality; at most one current manager; deputies differ from
 * the manager; a system in production has a manager; nobody is appointed after they left (a few
 * managers left after their appointment, the gap that compliance reports).
 */
export async function generateSystems(
  context: OrganisationContext,
  count: number,
  departments: GeneratedDepartment[],
  people: GeneratedPerson[],
): Promise<{ systemIds: string[]; counts: RegisterCounts }> {
  const { random, ids, transaction, municipalityId } = context;
  const now = new Date(context.now);
  const activeByDepartment = new Map<string, GeneratedPerson[]>();
  for (const person of people.filter((candidate) => candidate.active)) {
    const list = activeByDepartment.get(person.departmentId) ?? [];
    list.push(person);
    activeByDepartment.set(person.departmentId, list);
  }
  const allActive = people.filter((person) => person.active);
  const leavers = people.filter((person) => !person.active);
  const itUnit = departments.find((department) => department.isItUnit) ?? departments[0]!;
  const topLevel = departments.filter((department) => department.topLevel);
  // Draws until the pick is not excluded (at most two are), rather than filtering the department's staff for every pick.
  const pickActive = (departmentId: string, exclude: string[]) => {
    const local = activeByDepartment.get(departmentId) ?? [];
    if (local.some((person) => !exclude.includes(person.id))) {
      for (;;) {
        const candidate = random.pick(local);
        if (!exclude.includes(candidate.id)) return candidate;
      }
    }
    for (;;) {
      const candidate = random.pick(allActive);
      if (!exclude.includes(candidate.id)) return candidate;
    }
  };

  const systems: BulkSystem[] = [];
  const using: Array<{ systemId: string; departmentId: string }> = [];
  const classifications: BulkClassification[] = [];
  const duties: BulkDuty[] = [];
  const assignments: AssignmentValues[] = [];
  const systemIds: string[] = [];
  const counts: RegisterCounts = { systems: 0, duties: 0, classifications: 0, usingDepartments: 0, assignments: 0 };
  let writing: Promise<void> = Promise.resolve();
  /**
   * Writes what was generated so far with its audit events, and goes on generating while the
   * database works: each batch's statements run after the previous batch's, parents before
   * children, and the yields in the loop below let the connection send the next one. On
   * PostgreSQL the database's work and this loop's then overlap (the events' hashing too:
   * recorded at the end they were a second and a half with nothing to overlap); on SQLite, which
   * runs in this thread, nothing changes, except that the events are not all held until the end.
   */
  const flush = () => {
    const batch = {
      systems: systems.splice(0),
      using: using.splice(0),
      classifications: classifications.splice(0),
      duties: duties.splice(0),
      assignments: assignments.splice(0),
      audit: context.auditChain.append(context.audit.splice(0)),
    };
    counts.systems += batch.systems.length;
    counts.usingDepartments += batch.using.length;
    counts.classifications += batch.classifications.length;
    counts.duties += batch.duties.length;
    counts.assignments += batch.assignments.length;
    // In name order, so that the four indexes that lead with the sort key (after the municipality)
    // take the batch in one sweep rather than at a random page per system: the systems insert took
    // half the time on SQLite. The id index still appends, since every id of the batch is above the last.
    batch.systems.sort((left, right) =>
      left.columns.sort_key < right.columns.sort_key ? -1 : left.columns.sort_key > right.columns.sort_key ? 1 : 0,
    );
    writing = writing.then(async () => {
      await systemsRepository.insertMany(transaction, municipalityId, batch.systems, context.now);
      await systemsRepository.insertUsingDepartmentsMany(transaction, municipalityId, batch.using);
      await systemsRepository.insertClassificationsMany(transaction, municipalityId, batch.classifications);
      await systemDutiesRepository.insertMany(transaction, municipalityId, batch.duties);
      await systemAssignmentsRepository.insertMany(transaction, municipalityId, batch.assignments, context.now);
      await context.auditChain.insert(batch.audit);
    });
    // Awaited at the end; marked handled now so that a failure before then is not "unhandled".
    writing.catch(() => {});
  };

  for (let index = 0; index < count; index += 1) {
    if (index > 0 && index % writeEvery === 0) flush();
    if (index % yieldEvery === yieldEvery - 1) await new Promise((resolve) => setImmediate(resolve));
    const [baseName, supplier, product, , kind, scope, personalData, purpose, tags] =
      systemCatalogue[(index + catalogueStart) % systemCatalogue.length]!;
    const id = ids.next();
    systemIds.push(id);
    const owner = index === 0 ? itUnit : random.pick(departments);
    // A large municipality runs several instances of a product: name them by their owner.
    const lap = Math.floor(index / systemCatalogue.length);
    const name = lap === 0 ? baseName : `${baseName} – ${owner.name}${lap > 1 ? ` ${lap}` : ''}`;
    const lifecycle = index === 0 ? 'in_production' : randomLifecycle(random);
    const costsStated = lifecycle !== 'planned' && random.chance(0.9);
    const yearlyCosts = Object.fromEntries(costCategories.map((category) => [category, costsStated ? random.integer(0, 40) * 2500 : null]));
    const columns = columnsOf({
      name,
      supplier,
      product,
      purpose,
      description: `${purpose}. Förvaltas av ${supplier}.`,
      kind: kind === 's' ? 'shared' : 'department',
      scope: scope === 'a' ? 'administrative' : scope === 't' ? 'teaching' : 'public',
      lifecycle,
      hosting: random.pick(['on_premises', 'supplier_hosted', 'cloud'] as const),
      ownerDepartmentId: owner.id,
      yearlyCosts,
      processesPersonalData: personalData === 1,
      continuity: {
        criticality: random.pick(['low', 'medium', 'high', 'critical'] as const),
        recoveryTimeObjectiveHours: random.pick([4, 8, 24, 72]),
        recoveryPointObjectiveHours: random.pick([1, 4, 24]),
        lastRestoreTestOn: random.chance(0.6) ? isoDate(daysAgo(now, random.integer(10, 500))) : null,
        supplierSupportEndsOn: random.chance(0.5) ? `${random.integer(2026, 2031)}-12-31` : null,
      },
      nis2: owner.isItUnit && random.chance(0.5),
      userCount: random.integer(5, 1500),
      tags,
      documentationLinks: [{ title: 'Systemdokumentation', url: `https://intranat.example/system/${id}` }],
    });
    const createdAt = daysAgo(now, random.integer(400, 3000)).toISOString();
    const system: BulkSystem = { id, columns, createdAt };
    systems.push(system);

    const usingIds = kind === 's' ? [...new Set(Array.from({ length: random.integer(2, 5) }, () => random.pick(topLevel).id))] : [];
    for (const departmentId of usingIds) using.push({ systemId: id, departmentId });
    let classification: BulkClassification | null = null;
    if (random.chance(0.6)) {
      classification = {
        id: ids.next(),
        systemId: id,
        confidentiality: personalData ? random.integer(2, 4) : random.integer(0, 2),
        integrity: random.integer(1, 3),
        availability: random.integer(1, 4),
        traceability: random.integer(0, 3),
        classifiedOn: isoDate(daysAgo(now, random.integer(30, 900))),
        recordedAt: context.now,
        recordedByName: 'system: generate',
      };
      classifications.push(classification);
    }
    context.audit.push({
      action: 'create',
      entityType: 'system',
      entityId: id,
      after: { name, lifecycle, ownerDepartmentId: owner.id, usingDepartmentIds: usingIds, classification },
    });

    // Responsibilities: a planned system may have nobody yet; every other one has a manager.
    let managerName: string | null = null;
    if (!(lifecycle === 'planned' && random.chance(0.5))) {
      const managerLeft = leavers.length > 0 && lifecycle !== 'retired' && random.chance(0.03);
      const manager = managerLeft ? random.pick(leavers) : pickActive(owner.id, []);
      managerName = manager.name;
      const chosen = [manager.id];
      const appointments: Array<{ person: GeneratedPerson; role: 'manager' | 'deputy' }> = [{ person: manager, role: 'manager' }];
      if (!random.chance(0.08)) {
        const deputy = pickActive(owner.id, chosen);
        chosen.push(deputy.id);
        appointments.push({ person: deputy, role: 'deputy' });
      }
      if (random.chance(0.25)) appointments.push({ person: pickActive(itUnit.id, chosen), role: 'deputy' });
      for (const { person, role } of appointments) {
        const assignmentId = ids.next();
        // Appointed while employed: never before they started, never after they left.
        let startDate = isoDate(daysAgo(person.endDate ? new Date(`${person.endDate}T00:00:00Z`) : now, random.integer(60, 2500)));
        if (startDate < person.startDate) startDate = person.startDate;
        assignments.push({
          id: assignmentId,
          systemId: id,
          personId: person.id,
          role,
          startDate,
          endDate: null,
          allottedHoursPerWeek: role === 'manager' ? random.pick([2, 4, 8, 16]) : null,
        });
        context.audit.push({
          action: 'create',
          entityType: 'system_assignment',
          entityId: assignmentId,
          after: { systemId: id, personId: person.id, role },
        });
      }
    }

    const roll = random.next();
    const confirmedAt =
      managerName && roll < 0.62
        ? daysAgo(now, random.integer(1, 300))
        : managerName && roll < 0.82
          ? daysAgo(now, random.integer(400, 900))
          : null;
    if (confirmedAt) {
      system.lastConfirmedAt = confirmedAt.toISOString();
      system.lastConfirmedByName = managerName;
    }
    const dutiesDone = confirmedAt !== null && random.chance(0.7);
    const confirmedAtText = system.lastConfirmedAt ?? null;
    for (const duty of dutyKeys) {
      const touched = dutiesDone || (managerName !== null && random.chance(0.4));
      const status = !touched ? 'not_started' : dutiesDone || random.chance(0.6) ? 'done' : 'in_progress';
      duties.push({
        systemId: id,
        duty,
        status,
        evidence: status === 'done' ? evidenceOf[duty] : null,
        confirmedAt: touched ? (confirmedAtText ?? daysAgo(now, random.integer(30, 700)).toISOString()) : null,
        confirmedByName: touched ? managerName : null,
      });
    }
  }

  flush();
  await writing;
  return { systemIds, counts };
}

/** The adjacency graph: the identity system feeds many; the rest are distinct provider → consumer pairs. */
export async function generateIntegrations(context: OrganisationContext, count: number, systemIds: string[]): Promise<number> {
  const { random, ids } = context;
  const pairs = new Set<string>();
  const rows: Array<{ id: string; values: IntegrationValues }> = [];
  const possible = systemIds.length * (systemIds.length - 1);
  const target = Math.min(count, possible);
  const add = (providerSystemId: string, consumerSystemId: string) => {
    if (providerSystemId === consumerSystemId) return;
    const key = `${providerSystemId}>${consumerSystemId}`;
    if (pairs.has(key)) return;
    pairs.add(key);
    const id = ids.next();
    const method = random.pick(integrationMethods);
    rows.push({
      id,
      values: {
        providerSystemId,
        consumerSystemId,
        description: null,
        flow: random.chance(0.85) ? 'data' : 'function',
        method,
        frequency: random.pick(integrationFrequencies),
      },
    });
    context.audit.push({
      action: 'create',
      entityType: 'integration',
      entityId: id,
      after: { providerSystemId, consumerSystemId, method },
    });
  };
  const hub = systemIds[0]!;
  for (const systemId of systemIds) if (rows.length < target / 4 && random.chance(0.3)) add(hub, systemId);
  while (rows.length < target) add(random.pick(systemIds), random.pick(systemIds));
  await integrationsRepository.insertMany(context.transaction, context.municipalityId, rows, context.now);
  return rows.length;
}
