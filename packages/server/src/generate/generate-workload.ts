import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { systemActor } from '../access/actor.ts';
import { createRandom } from '../demo/random.ts';
import type { Clock } from '../platform/clock.ts';
import { isPostgres, withTransaction, type DatabaseHandle, type TransactionHandle } from '../platform/database.ts';
import type { Services } from '../services.ts';
import { openAuditChain } from '../platform/bulk-audit.ts';
import { createIdSource, seedFor } from './deterministic-ids.ts';
import { generateDepartments, generatePeople, generateRoles, type OrganisationContext } from './organisation-generator.ts';
import { generateIntegrations, generateSystems } from './register-generator.ts';
import { planWorkload, type MunicipalityPlan, type WorkloadSize } from './workload-sizes.ts';

export interface GenerateOptions {
  size: WorkloadSize;
  seed: number;
  /** S and M: the municipality to fill (created when missing). L ignores it and creates 2000–2049. */
  municipality: { code: string; name: string };
  /** The first administrator of every generated municipality (one login for all of them). */
  adminEmail: string;
  adminPassword: string;
  /** One line per phase (one municipality) or per municipality (L); the CLI sends it to stderr. */
  progress?: (line: string) => void;
}

export type PhaseName = 'organisation' | 'register' | 'integrations' | 'commit';

export interface PhaseTotals {
  rows: number;
  auditEvents: number;
  seconds: number;
}

export interface GeneratedMunicipality {
  id: string;
  code: string;
  name: string;
  departments: number;
  people: number;
  roleAssignments: number;
  systems: number;
  assignments: number;
  duties: number;
  classifications: number;
  integrations: number;
}

export interface GenerationSummary {
  size: WorkloadSize;
  seed: number;
  municipalities: GeneratedMunicipality[];
  phases: Record<PhaseName, PhaseTotals>;
  rows: number;
  auditEvents: number;
  seconds: number;
  /** Rows and audit events per second over the whole run. */
  rowsPerSecond: number;
  /** The register phase (systems, owners, classification, duties, assignments, their audit) scaled to 10,000 systems. */
  secondsPer10000Systems: number;
}

const count = (value: number) => value.toLocaleString('en-GB');
const rate = (rows: number, seconds: number) => count(Math.round(rows / Math.max(seconds, 1e-6)));

export async function generateWorkload(
  db: DatabaseHandle,
  services: Services,
  clock: Clock,
  options: GenerateOptions,
): Promise<GenerationSummary> {
  const plans = planWorkload(options.size, options.seed, options.municipality);
  const progress = options.progress ?? (() => {});
  const phases: Record<PhaseName, PhaseTotals> = {
    organisation: { rows: 0, auditEvents: 0, seconds: 0 },
    register: { rows: 0, auditEvents: 0, seconds: 0 },
    integrations: { rows: 0, auditEvents: 0, seconds: 0 },
    commit: { rows: 0, auditEvents: 0, seconds: 0 },
  };
  const municipalities: GeneratedMunicipality[] = [];
  const started = performance.now();
  const verbose = plans.length === 1;
  let phaseSeconds = 0;

  for (const [index, plan] of plans.entries()) {
    const municipalityStarted = performance.now();
    // The administrator's password is hashed once (argon2 is slow on purpose); later municipalities reuse the login.
    const initialised = await services.municipalities.initialiseMunicipality(systemActor('generate'), {
      code: plan.code,
      name: plan.name,
      adminEmail: options.adminEmail,
      adminPassword: index === 0 ? options.adminPassword : undefined,
      adminFirstName: 'Bench',
      adminLastName: 'Administratör',
      // A municipality generated into before is reused (the check below refuses one with systems).
      addAdministrator: true,
    });
    const municipalityId = initialised.municipality.id;
    const existing = await db
      .selectFrom('systems')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('municipality_id', '=', municipalityId)
      .executeTakeFirstOrThrow();
    if (Number(existing.n) > 0) {
      throw new Error(
        `municipality ${plan.code} already has ${Number(existing.n)} systems; generate into a fresh database or another --municipality`,
      );
    }
    phaseSeconds = 0;
    const transactionStarted = performance.now();
    const generated = await withTransaction(db, (transaction) => fillMunicipality(transaction, municipalityId, plan));
    // What the transaction took beyond its phases: the commit (and on SQLite the WAL write).
    phases.commit.seconds += (performance.now() - transactionStarted) / 1000 - phaseSeconds;
    municipalities.push(generated);
    if (!verbose) {
      const seconds = (performance.now() - municipalityStarted) / 1000;
      const rows =
        generated.departments + generated.people + generated.systems + generated.assignments + generated.duties + generated.integrations;
      progress(
        `[${String(index + 1).padStart(2)}/${plans.length}] ${plan.code} ${plan.name}: ${count(generated.departments)} departments, ${count(generated.people)} people, ` +
          `${count(generated.systems)} systems, ${count(generated.integrations)} integrations in ${seconds.toFixed(2)} s (${rate(rows, seconds)} rows/s)`,
      );
    }
  }

  async function fillMunicipality(
    transaction: TransactionHandle,
    municipalityId: string,
    plan: MunicipalityPlan,
  ): Promise<GeneratedMunicipality> {
    const municipalitySeed = seedFor(options.seed, plan.code);
    const actor = systemActor('generate', municipalityId);
    const context: OrganisationContext = {
      transaction,
      municipalityId,
      emailDomain: `k${plan.code}.example`,
      random: createRandom(municipalitySeed),
      ids: createIdSource(createRandom(municipalitySeed ^ 0x5bd1e995)),
      now: clock.now().toISOString(),
      audit: [],
      auditChain: await openAuditChain(transaction, actor, clock),
    };
    const runPhase = async <Result>(
      name: PhaseName,
      work: () => Promise<Result>,
      rowsOf: (result: Result) => number,
      describe: (result: Result) => string,
    ) => {
      const phaseStarted = performance.now();
      const appendedBefore = context.auditChain.appended;
      const result = await work();
      // What the phase's generators left unrecorded (those that write in one go leave all of it).
      await context.auditChain.insert(context.auditChain.append(context.audit.splice(0)));
      const auditEvents = context.auditChain.appended - appendedBefore;
      const seconds = (performance.now() - phaseStarted) / 1000;
      const rows = rowsOf(result);
      phases[name].rows += rows;
      phases[name].auditEvents += auditEvents;
      phases[name].seconds += seconds;
      phaseSeconds += seconds;
      if (verbose)
        progress(
          `${name.padEnd(13)} ${describe(result)} + ${count(auditEvents)} audit events in ${seconds.toFixed(2)} s (${rate(rows + auditEvents, seconds)} rows/s)`,
        );
      return result;
    };

    const organisation = await runPhase(
      'organisation',
      async () => {
        const departments = await generateDepartments(context, plan.departments);
        const people = await generatePeople(context, plan.people, departments);
        const roles = await generateRoles(context, departments, people);
        return { departments, people, roles };
      },
      (result) => result.departments.length + result.people.length + result.roles,
      (result) =>
        `${count(result.departments.length)} departments, ${count(result.people.length)} people, ${count(result.roles)} role assignments`,
    );
    const register = await runPhase(
      'register',
      () => generateSystems(context, plan.systems, organisation.departments, organisation.people),
      ({ counts }) => counts.systems + counts.duties + counts.classifications + counts.usingDepartments + counts.assignments,
      ({ counts }) =>
        `${count(counts.systems)} systems, ${count(counts.assignments)} assignments, ${count(counts.duties)} duties, ${count(counts.classifications)} classifications`,
    );
    const integrations = await runPhase(
      'integrations',
      () => generateIntegrations(context, plan.integrations, register.systemIds),
      (result) => result,
      (result) => `${count(result)} integrations`,
    );
    await context.auditChain.close();
    return {
      id: municipalityId,
      code: plan.code,
      name: plan.name,
      departments: organisation.departments.length,
      people: organisation.people.length,
      roleAssignments: organisation.roles,
      systems: register.counts.systems,
      assignments: register.counts.assignments,
      duties: register.counts.duties,
      classifications: register.counts.classifications,
      integrations,
    };
  }

  const seconds = (performance.now() - started) / 1000;
  // PostgreSQL plans from table statistics that a bulk load leaves stale until autovacuum comes
  // round; plans made on them were 3× slower (the coverage filter at L). Not part of the timing.
  if (isPostgres(db)) {
    await sql`analyze`.execute(db);
    progress("analyzed the tables for PostgreSQL's planner");
  }
  const rows = phases.organisation.rows + phases.register.rows + phases.integrations.rows;
  const auditEvents = phases.organisation.auditEvents + phases.register.auditEvents + phases.integrations.auditEvents;
  const systems = municipalities.reduce((sum, municipality) => sum + municipality.systems, 0);
  return {
    size: options.size,
    seed: options.seed,
    municipalities,
    phases,
    rows,
    auditEvents,
    seconds,
    rowsPerSecond: Math.round((rows + auditEvents) / seconds),
    secondsPer10000Systems: systems > 0 ? (phases.register.seconds / systems) * 10_000 : 0,
  };
}
