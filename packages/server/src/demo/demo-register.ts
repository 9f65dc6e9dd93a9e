import { randomUUID } from 'node:crypto';
import { costCategories, dutyKeys, integrationFrequencies, integrationMethods } from '@forvalta/contracts';
import type { AnyActor } from '../access/actor.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Clock } from '../platform/clock.ts';
import type { TransactionHandle } from '../platform/database.ts';
import { integrationsRepository } from '../modules/integrations/bulk.ts';
import { systemAssignmentsRepository } from '../modules/systems/bulk.ts';
import { systemDutiesRepository } from '../modules/systems/bulk.ts';
import { columnsOf } from '../modules/systems/bulk.ts';
import { systemsRepository } from '../modules/systems/bulk.ts';
import { systemCatalogue } from './demo-systems-catalogue.ts';
import type { Random } from './random.ts';
import { daysAgo, isoDate, randomLifecycle } from './random.ts';

export interface DemoPerson {
  id: string;
  name: string;
  departmentKey: string;
  active: boolean;
}

/**
 * Loads the demo register: ~120 systems with costs, classification, managers and deputies,
 * duties and integrations, with deliberate gaps (no deputy, a manager who has left, stale or
 * missing confirmations, unstated costs) so that compliance has something true to show.
 */
export async function loadDemoRegister(
  transaction: TransactionHandle,
  actor: AnyActor,
  clock: Clock,
  random: Random,
  municipalityId: string,
  departmentIds: Map<string, string>,
  people: DemoPerson[],
): Promise<void> {
  const now = clock.now();
  const nowIso = now.toISOString();
  const active = people.filter((person) => person.active);
  const leavers = people.filter((person) => !person.active);
  const topLevel = ['ks', 'bou', 'omsorg', 'sbf', 'kultur', 'raddning'].map((key) => departmentIds.get(key)!);
  const pickFrom = (departmentKey: string, exclude: string[] = []) => {
    const local = active.filter((person) => person.departmentKey === departmentKey && !exclude.includes(person.id));
    return random.pick(local.length > 0 ? local : active.filter((person) => !exclude.includes(person.id)));
  };

  const systemIds: string[] = [];
  for (const [index, [name, supplier, product, ownerKey, kind, scope, personalData, purpose, tags]] of systemCatalogue.entries()) {
    const id = randomUUID();
    systemIds.push(id);
    const lifecycle = name.startsWith('Växel') ? 'in_production' : randomLifecycle(random);
    const costsStated = lifecycle !== 'planned' && random.chance(0.9);
    const yearlyCosts = Object.fromEntries(
      costCategories.map((category) => [category, costsStated || random.chance(0.4) ? Math.round(random.integer(0, 40) * 2500) : null]),
    ) as Record<(typeof costCategories)[number], number | null>;
    const ownerDepartmentId = departmentIds.get(ownerKey)!;
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
      ownerDepartmentId,
      yearlyCosts,
      processesPersonalData: personalData === 1,
      continuity: {
        criticality: random.pick(['low', 'medium', 'high', 'critical'] as const),
        recoveryTimeObjectiveHours: random.pick([4, 8, 24, 72]),
        recoveryPointObjectiveHours: random.pick([1, 4, 24]),
        lastRestoreTestOn: random.chance(0.6) ? isoDate(daysAgo(now, random.integer(10, 500))) : null,
        supplierSupportEndsOn: random.chance(0.5) ? `${random.integer(2026, 2031)}-12-31` : null,
      },
      nis2: ['it', 'teknik', 'raddning'].includes(ownerKey) && random.chance(0.5),
      userCount: random.integer(5, 1500),
      tags,
      documentationLinks: [{ title: 'Systemdokumentation', url: `https://intranat.tanum.demo/system/${index + 1}` }],
    });
    await systemsRepository.insert(transaction, municipalityId, id, columns, daysAgo(now, random.integer(400, 3000)).toISOString());
    if (kind === 's') {
      const using = [...new Set(Array.from({ length: random.integer(2, 5) }, () => random.pick(topLevel)))];
      await systemsRepository.replaceUsingDepartments(transaction, municipalityId, id, using);
    }
    if (random.chance(0.6)) {
      await systemsRepository.insertClassification(transaction, {
        id: randomUUID(),
        municipalityId,
        systemId: id,
        confidentiality: personalData ? random.integer(2, 4) : random.integer(0, 2),
        integrity: random.integer(1, 3),
        availability: random.integer(1, 4),
        traceability: random.integer(0, 3),
        classifiedOn: isoDate(daysAgo(now, random.integer(30, 900))),
        recordedAt: nowIso,
        recordedByName: 'system: demo',
      });
    }
    await systemDutiesRepository.insertAll(transaction, municipalityId, id, dutyKeys);
    await recordAudit(transaction, actor, clock, {
      action: 'create',
      entityType: 'system',
      entityId: id,
      after: { name, lifecycle, ownerDepartmentId },
    });

    // Responsibilities, with gaps: a planned system may have nobody yet; some lack a deputy;
    // a few still name a manager who has left the municipality.
    if (lifecycle === 'planned' && random.chance(0.5)) continue;
    const managerIsLeaver = leavers.length > 0 && lifecycle !== 'retired' && random.chance(0.05);
    const manager = managerIsLeaver ? random.pick(leavers) : pickFrom(ownerKey);
    const since = isoDate(daysAgo(now, random.integer(60, 2500)));
    const assignments = [{ person: manager, role: 'manager' }];
    if (!random.chance(0.08)) assignments.push({ person: pickFrom(ownerKey, [manager.id]), role: 'deputy' });
    if (random.chance(0.25))
      assignments.push({ person: pickFrom('it', [manager.id, ...assignments.map((entry) => entry.person.id)]), role: 'deputy' });
    for (const { person, role } of assignments) {
      const assignmentId = randomUUID();
      await systemAssignmentsRepository.insert(
        transaction,
        municipalityId,
        {
          id: assignmentId,
          systemId: id,
          personId: person.id,
          role,
          startDate: since,
          endDate: null,
          allottedHoursPerWeek: role === 'manager' ? random.pick([2, 4, 8, 16]) : null,
        },
        nowIso,
      );
      await recordAudit(transaction, actor, clock, {
        action: 'create',
        entityType: 'system_assignment',
        entityId: assignmentId,
        after: { systemId: id, personId: person.id, role },
      });
    }

    // Confirmations and duties: most current, some stale, some never done.
    const confirmationRoll = random.next();
    const confirmedAt =
      confirmationRoll < 0.62
        ? daysAgo(now, random.integer(1, 300))
        : confirmationRoll < 0.82
          ? daysAgo(now, random.integer(400, 900))
          : null;
    if (confirmedAt) {
      const version = 1;
      await systemsRepository.update(
        transaction,
        municipalityId,
        id,
        version,
        { last_confirmed_at: confirmedAt.toISOString(), last_confirmed_by_name: manager.name },
        confirmedAt.toISOString(),
      );
    }
    const dutiesDone = confirmedAt && random.chance(0.7);
    for (const duty of dutyKeys) {
      if (!dutiesDone && !random.chance(0.4)) continue;
      const status = dutiesDone || random.chance(0.6) ? 'done' : 'in_progress';
      await systemDutiesRepository.update(transaction, municipalityId, id, duty, 1, {
        status,
        evidence: status === 'done' ? `Dokumenterat på intranätet (${duty.replaceAll('_', ' ')})` : null,
        confirmedAt: (confirmedAt ?? daysAgo(now, random.integer(30, 700))).toISOString(),
        confirmedByName: manager.name,
      });
    }
  }

  // The adjacency graph: identity and e-mail feed almost everything; the rest are pairs that
  // exchange data in a real municipality, plus some of every kind.
  const byName = new Map(systemCatalogue.map(([name], index) => [name, systemIds[index]!]));
  const fixed: Array<[string, string, string]> = [
    ['Heroma', 'Raindance Ekonomi', 'file'],
    ['Proceedo E-handel', 'Raindance Ekonomi', 'api'],
    ['Public 360', 'E-arkiv', 'file'],
    ['Meetings Plus', 'Netpublicator', 'api'],
    ['Procapita Vård och omsorg', 'Pulsen Combine', 'api'],
    ['Pulsen Combine', 'TES Hemtjänst', 'api'],
    ['Skolplattformen Tieto Edu', 'Skola24 Schema', 'file'],
    ['IST Förskola', 'Tempus', 'api'],
    ['Geosecma GIS', 'Kartportal', 'database'],
    ['Lantmäteriets Fastighetsregister', 'Geosecma GIS', 'api'],
    ['ByggR', 'Geosecma GIS', 'api'],
    ['E-tjänsteplattform Open ePlatform', 'Public 360', 'api'],
    ['Viva Ekonomiskt bistånd', 'Raindance Ekonomi', 'file'],
    ['SSBTEK Ekonomiskt bistånd', 'Viva Ekonomiskt bistånd', 'api'],
  ];
  const links = new Set<string>();
  const addLink = async (providerSystemId: string | undefined, consumerSystemId: string | undefined, method: string) => {
    if (!providerSystemId || !consumerSystemId || providerSystemId === consumerSystemId) return;
    const key = `${providerSystemId}>${consumerSystemId}`;
    if (links.has(key)) return;
    links.add(key);
    const id = randomUUID();
    await integrationsRepository.insert(
      transaction,
      municipalityId,
      id,
      {
        providerSystemId,
        consumerSystemId,
        description: null,
        flow: random.chance(0.85) ? 'data' : 'function',
        method,
        frequency: random.pick(integrationFrequencies),
      },
      nowIso,
    );
    await recordAudit(transaction, actor, clock, {
      action: 'create',
      entityType: 'integration',
      entityId: id,
      after: { providerSystemId, consumerSystemId, method },
    });
  };
  for (const [provider, consumer, method] of fixed) await addLink(byName.get(provider), byName.get(consumer), method);
  const directory = byName.get('Active Directory');
  for (const systemId of systemIds.filter(() => random.chance(0.3))) await addLink(directory, systemId, 'api');
  for (let count = 0; count < 60; count += 1)
    await addLink(random.pick(systemIds), random.pick(systemIds), random.pick(integrationMethods));
}
