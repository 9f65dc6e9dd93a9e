import { randomUUID } from 'node:crypto';
import { dutyKeys } from '@forvalta/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../src/access/actor.ts';
import { recordAuditEvents } from '../src/platform/bulk-audit.ts';
import { generateWorkload } from '../src/generate/generate-workload.ts';
import { loadSystems } from '../src/generate/load-systems.ts';
import { integrationsRepository, type IntegrationValues } from '../src/modules/integrations/bulk.ts';
import { peopleRepository, type PersonValues } from '../src/modules/organisation/bulk.ts';
import { systemAssignmentsRepository, type AssignmentValues } from '../src/modules/systems/bulk.ts';
import { systemDutiesRepository } from '../src/modules/systems/bulk.ts';
import { columnsOf } from '../src/modules/systems/bulk.ts';
import { systemsRepository } from '../src/modules/systems/bulk.ts';
import { recordAudit, type AuditEntry } from '../src/platform/audit.ts';
import { verifyAuditChains } from '../src/platform/audit-verify.ts';
import { withTransaction } from '../src/platform/database.ts';
import { expectStatus, send } from './http.ts';
import { createTestContext, factories, type TestContext, type TestMunicipality } from './test-app.ts';

/**
 * The bulk paths (insertMany, recordAuditEvents) write exactly what the single-row paths write,
 * also for values a driver could mangle on the way (quotes, backslashes, tabs, line breaks, the
 * word NULL, empty strings, decimals, non-ASCII); and the generator's data are valid by the
 * register's rules, audited on an intact chain, and visible through the API at once.
 */
const awkward = 'Lön "Heroma" \\ och\tflik\nrad två, {klammer}, NULL';

describe('bulk loading', () => {
  let context: TestContext;
  let municipality: TestMunicipality;
  let departmentId: string;
  let otherDepartmentId: string;
  let personId: string;
  let deputyId: string;

  beforeAll(async () => {
    context = await createTestContext();
    const make = factories(context);
    municipality = await make.municipality('Bulkköping');
    departmentId = (await make.department(municipality, 'Socialförvaltningen')).id;
    otherDepartmentId = (await make.department(municipality, 'Kultur och fritid')).id;
    personId = (await make.person(municipality, departmentId)).id;
    deputyId = (await make.person(municipality, departmentId)).id;
  });
  afterAll(() => context.close());

  /** The stored row of a table by id, without the columns that name the row itself. */
  async function storedRow(
    table: 'systems' | 'system_classifications' | 'system_assignments' | 'integrations' | 'people',
    id: string,
    without: string[] = [],
  ) {
    const row = (await context.database.db.selectFrom(table).selectAll().where('id', '=', id).executeTakeFirstOrThrow()) as Record<
      string,
      unknown
    >;
    for (const column of ['id', ...without]) delete row[column];
    return row;
  }

  it('writes the same system, classification, using departments and duties as the single-row path', async () => {
    const now = context.clock.now().toISOString();
    const columns = columnsOf({
      name: awkward,
      kind: 'shared',
      scope: 'administrative',
      lifecycle: 'in_production',
      ownerDepartmentId: departmentId,
      supplier: 'NULL',
      purpose: '',
      description: null,
      yearlyCosts: { licence: 1234.5, operation: 0, support: null },
      documentationLinks: [{ title: 'Manual "v2"', url: 'https://intranat.example/a?b=c&d' }],
      processesPersonalData: true,
      continuity: { criticality: 'high', recoveryTimeObjectiveHours: 8, lastRestoreTestOn: '2026-03-01' },
      tags: ['ekonomi', 'åäö', 'med,komma'],
    });
    const single = randomUUID();
    const bulk = randomUUID();
    const classification = {
      confidentiality: 3,
      integrity: 2,
      availability: 1,
      traceability: 0,
      classifiedOn: '2026-10-01',
      recordedAt: now,
      recordedByName: awkward,
    };
    const singleClassification = randomUUID();
    const bulkClassification = randomUUID();
    await withTransaction(context.database.db, async (transaction) => {
      await systemsRepository.insert(transaction, municipality.id, single, columns, now);
      await systemsRepository.replaceUsingDepartments(transaction, municipality.id, single, [otherDepartmentId]);
      await systemsRepository.insertClassification(transaction, {
        id: singleClassification,
        municipalityId: municipality.id,
        systemId: single,
        ...classification,
      });
      await systemDutiesRepository.insertAll(transaction, municipality.id, single, dutyKeys);

      await systemsRepository.insertMany(transaction, municipality.id, [{ id: bulk, columns }], now);
      await systemsRepository.insertUsingDepartmentsMany(transaction, municipality.id, [
        { systemId: bulk, departmentId: otherDepartmentId },
      ]);
      await systemsRepository.insertClassificationsMany(transaction, municipality.id, [
        { id: bulkClassification, systemId: bulk, ...classification },
      ]);
      await systemDutiesRepository.insertMany(
        transaction,
        municipality.id,
        dutyKeys.map((duty) => ({ systemId: bulk, duty })),
      );
    });

    expect(await storedRow('systems', bulk)).toEqual(await storedRow('systems', single));
    expect((await storedRow('systems', bulk)).name).toBe(awkward);
    expect(await storedRow('system_classifications', bulkClassification, ['system_id'])).toEqual(
      await storedRow('system_classifications', singleClassification, ['system_id']),
    );
    const using = await context.database.db
      .selectFrom('system_using_departments')
      .selectAll()
      .where('system_id', 'in', [single, bulk])
      .orderBy('system_id')
      .execute();
    expect(using.map(({ system_id: _system, ...rest }) => rest)).toEqual([
      { municipality_id: municipality.id, department_id: otherDepartmentId },
      { municipality_id: municipality.id, department_id: otherDepartmentId },
    ]);
    const duties = async (systemId: string) =>
      (await context.database.db.selectFrom('system_duties').selectAll().where('system_id', '=', systemId).orderBy('duty').execute()).map(
        ({ system_id: _system, ...rest }) => rest,
      );
    expect(await duties(bulk)).toEqual(await duties(single));
    expect(await duties(bulk)).toHaveLength(dutyKeys.length);

    // Read back through the API: the bulk-loaded system is the same record as the single-row one.
    const read = async (id: string) => {
      const { id: _id, ...system } = expectStatus(
        await send(context, 'GET', `/api/v1/systems/${id}`, { headers: municipality.admin.authorization }),
        200,
      );
      return { ...system, classification: { ...system.classification, id: undefined } };
    };
    expect(await read(bulk)).toEqual(await read(single));
  });

  it('writes the same assignments, integrations and people as the single-row path', async () => {
    const now = context.clock.now().toISOString();
    const [provider, consumer] = [randomUUID(), randomUUID()];
    const columns = columnsOf({
      name: 'Procapita',
      kind: 'department',
      scope: 'administrative',
      lifecycle: 'planned',
      ownerDepartmentId: departmentId,
    });
    const assignment: Omit<AssignmentValues, 'id'> = {
      systemId: provider,
      personId,
      role: 'manager',
      startDate: '2025-01-01',
      endDate: null,
      allottedHoursPerWeek: 7.5,
    };
    const integration: IntegrationValues = {
      providerSystemId: provider,
      consumerSystemId: consumer,
      description: awkward,
      flow: 'data',
      method: 'file',
      frequency: 'daily',
    };
    const person = (email: string): PersonValues => ({
      firstName: 'Åsa',
      lastName: 'Öberg \\ "Tab"\tson',
      email,
      departmentId,
      title: null,
      employmentStatus: 'left',
      startDate: '2001-02-03',
      endDate: '2026-01-31',
      loginId: null,
    });
    const ids = {
      assignment: [randomUUID(), randomUUID()],
      integration: [randomUUID(), randomUUID()],
      person: [randomUUID(), randomUUID()],
    };
    await withTransaction(context.database.db, async (transaction) => {
      await systemsRepository.insertMany(
        transaction,
        municipality.id,
        [
          { id: provider, columns },
          { id: consumer, columns },
        ],
        now,
      );
      await systemAssignmentsRepository.insert(transaction, municipality.id, { id: ids.assignment[0]!, ...assignment }, now);
      await systemAssignmentsRepository.insertMany(
        transaction,
        municipality.id,
        [{ id: ids.assignment[1]!, ...assignment, role: 'deputy', personId: deputyId }],
        now,
      );
      await integrationsRepository.insert(transaction, municipality.id, ids.integration[0]!, integration, now);
      await integrationsRepository.insertMany(
        transaction,
        municipality.id,
        [{ id: ids.integration[1]!, values: { ...integration, providerSystemId: consumer, consumerSystemId: provider } }],
        now,
      );
      await peopleRepository.insert(transaction, municipality.id, ids.person[0]!, person('asa.single@example.se'), now);
      await peopleRepository.insertMany(transaction, municipality.id, [{ id: ids.person[1]!, values: person('asa.bulk@example.se') }], now);
    });

    expect(await storedRow('system_assignments', ids.assignment[1]!, ['person_id', 'role'])).toEqual(
      await storedRow('system_assignments', ids.assignment[0]!, ['person_id', 'role']),
    );
    expect(await storedRow('integrations', ids.integration[1]!, ['provider_system_id', 'consumer_system_id'])).toEqual(
      await storedRow('integrations', ids.integration[0]!, ['provider_system_id', 'consumer_system_id']),
    );
    const single = await storedRow('people', ids.person[0]!);
    const bulk = await storedRow('people', ids.person[1]!);
    expect({ ...bulk, email: '', search_text: String(bulk.search_text).replace('asa.bulk', '') }).toEqual({
      ...single,
      email: '',
      search_text: String(single.search_text).replace('asa.single', ''),
    });
    expect(bulk.last_name).toBe('Öberg \\ "Tab"\tson');
  });

  it('writes the audit events recordAudit writes, on the same chain, which still verifies', async () => {
    const actor = systemActor('generate', municipality.id);
    const entry = (entityId: string): AuditEntry => ({
      action: 'create',
      entityType: 'system',
      entityId,
      after: { zeta: awkward, alpha: [1, { b: 2, a: null }], name: 'Å' },
    });
    const [single, bulkFirst, bulkSecond, after] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    await withTransaction(context.database.db, async (transaction) => {
      await recordAudit(transaction, actor, context.clock, entry(single));
      await recordAuditEvents(transaction, actor, context.clock, [entry(bulkFirst), entry(bulkSecond)]);
      await recordAudit(transaction, actor, context.clock, entry(after));
    });
    const events = await context.database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('entity_id', 'in', [single, bulkFirst, bulkSecond, after])
      .orderBy('sequence')
      .execute();
    expect(events.map((event) => event.entity_id)).toEqual([single, bulkFirst, bulkSecond, after]);
    expect(events.map((event) => event.sequence)).toEqual([0, 1, 2, 3].map((offset) => events[0]!.sequence + offset));
    const comparable = events.map(
      ({ id: _id, sequence: _sequence, previous_hash: _previous, hash: _hash, entity_id: _entity, ...rest }) => rest,
    );
    expect(comparable[1]).toEqual(comparable[0]);
    expect(comparable[2]).toEqual(comparable[0]);
    expect((await verifyAuditChains(context.database.db)).problems).toEqual([]);
  });

  it('generates a workload that is valid by the register rules, fully audited and visible at once', { timeout: 180_000 }, async () => {
    const code = '2999';
    const summary = await generateWorkload(context.database.db, context.services, context.clock, {
      size: 'S',
      seed: 5,
      municipality: { code, name: 'Genererad kommun' },
      adminEmail: 'generated-admin@example.se',
      adminPassword: 'Generated-password-2026',
    });
    const generated = summary.municipalities[0]!;
    // More than one write batch of the generator (1,000 systems), so batches are shown to land in order.
    const load = await loadSystems(context.database.db, context.clock, { municipalityId: generated.id, count: 1100, seed: 6 });
    expect(load.counts.systems).toBe(1100);
    const db = context.database.db;
    const id = generated.id;
    const today = context.clock.now().toISOString().slice(0, 10);
    const count = async (query: { execute(): Promise<unknown[]> }) => (await query.execute()).length;

    const systems = await db.selectFrom('systems').select(['id', 'lifecycle']).where('municipality_id', '=', id).execute();
    expect(systems).toHaveLength(generated.systems + 1100);
    // Every owner is a department of the same municipality.
    expect(
      await count(
        db
          .selectFrom('systems')
          .innerJoin('departments', 'departments.id', 'systems.owner_department_id')
          .select('systems.id')
          .where('systems.municipality_id', '=', id)
          .where('departments.municipality_id', '!=', id),
      ),
    ).toBe(0);
    // Eight duties per system.
    expect(
      await db
        .selectFrom('system_duties')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('municipality_id', '=', id)
        .executeTakeFirstOrThrow(),
    ).toEqual({ n: systems.length * dutyKeys.length });

    const assignments = await db
      .selectFrom('system_assignments')
      .innerJoin('people', 'people.id', 'system_assignments.person_id')
      .select([
        'system_assignments.system_id',
        'system_assignments.person_id',
        'system_assignments.role',
        'system_assignments.start_date',
        'system_assignments.end_date',
        'people.start_date as person_start',
        'people.end_date as person_end',
        'people.municipality_id',
      ])
      .where('system_assignments.municipality_id', '=', id)
      .execute();
    expect(assignments.length).toBe(generated.assignments + load.counts.assignments);
    const current = assignments.filter((row) => row.start_date <= today && (row.end_date === null || row.end_date >= today));
    const managers = new Map<string, string[]>();
    for (const row of current.filter((candidate) => candidate.role === 'manager'))
      managers.set(row.system_id, [...(managers.get(row.system_id) ?? []), row.person_id]);
    // At most one current manager; no deputy who is also the manager; every system in production has a manager.
    expect([...managers.values()].filter((list) => list.length > 1)).toEqual([]);
    expect(current.filter((row) => row.role === 'deputy' && managers.get(row.system_id)?.includes(row.person_id))).toEqual([]);
    expect(systems.filter((system) => system.lifecycle === 'in_production' && !managers.has(system.id))).toEqual([]);
    // Nobody appointed before they started or after they left; every steward from the same municipality.
    expect(
      assignments.filter(
        (row) =>
          (row.person_start !== null && row.start_date < row.person_start) || (row.person_end !== null && row.start_date > row.person_end),
      ),
    ).toEqual([]);
    expect(assignments.filter((row) => row.municipality_id !== id)).toEqual([]);

    // Integrations link two different systems of the same municipality.
    const integrations = await db
      .selectFrom('integrations')
      .innerJoin('systems as provider', 'provider.id', 'integrations.provider_system_id')
      .innerJoin('systems as consumer', 'consumer.id', 'integrations.consumer_system_id')
      .select([
        'integrations.provider_system_id',
        'integrations.consumer_system_id',
        'provider.municipality_id as provider_municipality',
        'consumer.municipality_id as consumer_municipality',
      ])
      .where('integrations.municipality_id', '=', id)
      .execute();
    expect(integrations).toHaveLength(generated.integrations);
    expect(
      integrations.filter(
        (row) => row.provider_system_id === row.consumer_system_id || row.provider_municipality !== id || row.consumer_municipality !== id,
      ),
    ).toEqual([]);

    // One create event per created record, on an intact chain.
    const events = await db
      .selectFrom('audit_events')
      .select(['entity_type', (eb) => eb.fn.countAll<number>().as('n')])
      .where('municipality_id', '=', id)
      .where('action', '=', 'create')
      .where('entity_type', 'in', ['system', 'system_assignment', 'integration'])
      .groupBy('entity_type')
      .orderBy('entity_type')
      .execute();
    expect(events.map((row) => [row.entity_type, Number(row.n)])).toEqual([
      ['integration', generated.integrations],
      ['system', generated.systems + 1100],
      ['system_assignment', generated.assignments + load.counts.assignments],
    ]);
    expect((await verifyAuditChains(db)).problems).toEqual([]);

    // Visible at once: the register list counts every system right after the load returns.
    const loginId = (await db.selectFrom('logins').select('id').where('email', '=', 'generated-admin@example.se').executeTakeFirstOrThrow())
      .id;
    const { token } = await withTransaction(db, (transaction) =>
      context.services.apiTokens.issueToken(transaction, systemActor('test', id), { loginId, municipalityId: id }, { name: 'bulk test' }),
    );
    const page = expectStatus(
      await send(context, 'GET', '/api/v1/systems?limit=5', { headers: { authorization: `Bearer ${token}` } }),
      200,
    );
    expect(page.total).toBe(systems.length);
  });
});
