import { randomUUID } from 'node:crypto';
import { budgetCategories, sharedResources } from '@forvalta/contracts';
import type { AnyActor } from '../access/actor.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Clock } from '../platform/clock.ts';
import type { TransactionHandle } from '../platform/database.ts';
import { tanumPolicyPack } from '../policy/index.ts';
import { changeNoticesRepository } from '../modules/change-notices/bulk.ts';
import { clauseItemKey, guidelineItemKey, systemClauseIds } from '../modules/projects/bulk.ts';
import { evaluateBudget } from '../modules/projects/bulk.ts';
import { projectsRepository } from '../modules/projects/bulk.ts';
import { defaultRiskMatrix, riskAnalysesRepository } from '../modules/risks/bulk.ts';
import { reviewsRepository } from '../modules/reviews/bulk.ts';
import { swedishSortKey } from '../platform/text.ts';
import type { DemoPerson } from './demo-register.ts';
import type { Random } from './random.ts';

const day = (now: Date, daysAgo: number) => new Date(now.getTime() - daysAgo * 86_400_000).toISOString().slice(0, 10);

const scenarios = [
  {
    threat: 'Obehörig åtkomst via delade konton',
    vulnerability: 'Gemensamma inloggningar på enheten',
    affectedInformation: 'Personuppgifter om brukare',
    consequenceDescription: 'Integritetsintrång; anmälan till IMY och förtroendeskada.',
    likelihood: 3,
    consequence: 4,
    treatment: 'reduce',
  },
  {
    threat: 'Driftavbrott hos leverantören',
    vulnerability: 'Ingen reservrutin på papper',
    affectedInformation: 'Planering och dokumentation',
    consequenceDescription: 'Verksamheten kan inte dokumentera under avbrottet; risk för felaktiga beslut.',
    likelihood: 2,
    consequence: 3,
    treatment: 'accept',
  },
  {
    threat: 'Utpressningsprogram',
    vulnerability: 'Ej testad återläsning',
    affectedInformation: 'Hela databasen',
    consequenceDescription: 'Förlust av data sedan senaste fungerande säkerhetskopia.',
    likelihood: 2,
    consequence: 4,
    treatment: 'reduce',
  },
];

/**
 * The lifecycle half of the demo (§3, §4.2, §4.2.1, §4.2.2): risk
 * analyses for about half the systems in production (some stale), reviews (some overdue, some
 * without the three evaluations), change notices (some open for weeks) and four projects, one
 * submitted with a budget gap and one approved. Written through the repositories: fast.
 */
export async function loadDemoLifecycle(
  transaction: TransactionHandle,
  actor: AnyActor,
  clock: Clock,
  random: Random,
  municipalityId: string,
  people: DemoPerson[],
  /** The sections of the security guidelines' current version (demo-documents.ts), which the projects judge. */
  guidelineSectionIds: readonly string[],
): Promise<void> {
  const now = clock.now();
  const nowIso = now.toISOString();
  const active = people.filter((person) => person.active);
  const itPeople = active.filter((person) => person.departmentKey === 'it');
  const audit = (entityType: string, entityId: string, after: unknown) =>
    recordAudit(transaction, actor, clock, { action: 'create', entityType, entityId, after });

  const sectionIds = [...guidelineSectionIds];

  const systems = await transaction
    .selectFrom('systems')
    .select(['id', 'name', 'lifecycle', 'owner_department_id', 'scope'])
    .where('municipality_id', '=', municipalityId)
    .orderBy('sort_key')
    .execute();
  const inProduction = systems.filter((system) => system.lifecycle === 'in_production' && system.scope === 'administrative');

  for (const system of inProduction) {
    if (random.chance(0.5)) {
      const id = randomUUID();
      const analysedOn = day(now, random.chance(0.3) ? random.integer(400, 900) : random.integer(20, 330));
      const chosen = scenarios.filter(() => random.chance(0.7));
      const stored = (chosen.length > 0 ? chosen : [scenarios[0]!]).map((scenario) => ({
        ...scenario,
        adjacentSystemIds: [],
        existingControls: 'Rutiner enligt riktlinjerna',
        measures:
          scenario.treatment === 'reduce'
            ? [{ description: 'Inför åtgärd enligt plan', ownerPersonId: null, dueDate: day(now, -90), status: 'planned' }]
            : [],
        residualLikelihood: 1,
        residualConsequence: scenario.consequence,
        riskOwnerPersonId: null,
        acceptance:
          scenario.treatment === 'accept'
            ? { byName: 'Förvaltningschef', reason: 'Låg sannolikhet, kostsam åtgärd', until: day(now, -365) }
            : null,
        riskLevel: scenario.likelihood * scenario.consequence,
        residualRiskLevel: scenario.consequence,
      }));
      await riskAnalysesRepository.insert(transaction, {
        id,
        municipality_id: municipalityId,
        system_id: system.id,
        revision: 1,
        previous_id: null,
        superseded: 0,
        scope: `${system.name}: hela systemet`,
        analysed_on: analysedOn,
        participants_json: JSON.stringify(['Systemansvarig', 'IT-enheten', 'Förvaltningschef']),
        classification_json: null,
        matrix_json: JSON.stringify(defaultRiskMatrix),
        scenarios_json: JSON.stringify(stored),
        scenario_count: stored.length,
        described_scenario_count: stored.length,
        recorded_by_name: 'system: demo',
        created_at: nowIso,
        updated_at: nowIso,
        version: 1,
      });
      await audit('risk_analysis', id, { systemId: system.id, analysedOn });
    }
    const roll = random.next();
    if (roll < 0.7) {
      const id = randomUUID();
      const held = roll < 0.55;
      const heldOn = held ? day(now, random.chance(0.25) ? random.integer(380, 700) : random.integer(10, 340)) : null;
      const adjacent = await reviewsRepository.adjacentSystemIds(transaction, municipalityId, system.id);
      const full = random.chance(0.8);
      await reviewsRepository.insert(transaction, {
        id,
        municipality_id: municipalityId,
        system_id: system.id,
        status: held ? 'held' : 'planned',
        planned_on: heldOn ?? day(now, random.integer(-60, 45)),
        held_on: heldOn,
        participants_json: JSON.stringify([
          { personId: null, name: 'Systemansvarig', itUnit: false },
          ...(itPeople[0] ? [{ personId: itPeople[0].id, name: itPeople[0].name, itUnit: true }] : []),
        ]),
        adjacent_json: JSON.stringify(adjacent.map((systemId) => ({ systemId, considered: held, note: null }))),
        evaluation_use: held ? 'Systemet används för avsett ändamål; fler moduler kan användas.' : null,
        evaluation_coordination: held && full ? 'Samordning med angränsande system har diskuterats.' : null,
        evaluation_efficiency: held && full ? 'E-tjänst kan ersätta pappersblankett.' : null,
        findings: held ? 'Behörigheter behöver omprövas.' : null,
        actions_json: held
          ? JSON.stringify([
              { description: 'Omprövning av behörigheter', ownerPersonId: null, dueDate: day(now, -60), status: 'in_progress' },
            ])
          : '[]',
        next_review_on: heldOn ? day(new Date(`${heldOn}T12:00:00Z`), -365) : null,
        created_at: nowIso,
        updated_at: nowIso,
        version: 1,
      });
      await audit('review', id, { systemId: system.id, heldOn });
    }
  }

  // Change notices: some acknowledged, some open for weeks (overdue), one fresh.
  for (const [index, system] of inProduction.slice(0, 7).entries()) {
    const id = randomUUID();
    const createdAt = new Date(now.getTime() - [3, 12, 20, 35, 45, 60, 90][index]! * 86_400_000).toISOString();
    const operation = index % 2 === 0;
    await changeNoticesRepository.insert(transaction, {
      id,
      municipalityId,
      kind: operation ? 'operation' : 'responsibility',
      title: operation ? `Byte av server för ${system.name}` : `Ny systemansvarig för ${system.name}`,
      description: operation ? 'Flytt till ny virtuell server i kommunens datorhall.' : 'Tidigare systemansvarig har gått i pension.',
      plannedOn: createdAt.slice(0, 10),
      source: 'manual',
      sourceEventId: null,
      recipientPersonIds: [],
      createdByName: 'system: demo',
      systemIds: [system.id],
      now: createdAt,
    });
    if (index >= 4 && itPeople[0])
      await changeNoticesRepository.acknowledge(transaction, municipalityId, id, 1, {
        personId: itPeople[0].id,
        name: itPeople[0].name,
        note: 'Noterat',
        now: nowIso,
      });
    await audit('change_notice', id, { systemId: system.id });
  }

  await loadDemoProjects(transaction, clock, random, municipalityId, systems, sectionIds, active, itPeople, audit);
}

async function loadDemoProjects(
  transaction: TransactionHandle,
  clock: Clock,
  random: Random,
  municipalityId: string,
  systems: Array<{ id: string; name: string; lifecycle: string; owner_department_id: string }>,
  sectionIds: string[],
  active: DemoPerson[],
  itPeople: DemoPerson[],
  audit: (entityType: string, entityId: string, after: unknown) => Promise<void>,
) {
  const nowIso = clock.now().toISOString();
  const candidates = systems.filter((system) => system.lifecycle === 'planned' || system.lifecycle === 'introducing');
  const judgements = Object.fromEntries(
    [
      ...systemClauseIds.filter((id) => tanumPolicyPack.clauses.some((clause) => clause.id === id)).map(clauseItemKey),
      ...sectionIds.map(guidelineItemKey),
    ].map((key) => [key, { judgement: 'meets', motivation: null, judgedAt: nowIso, judgedByName: 'system: demo' }]),
  );
  const plans: Array<{ state: string; title: string; complete: boolean; approved: boolean }> = [
    { state: 'approved', title: 'Införande av', complete: true, approved: true },
    { state: 'submitted', title: 'Uppgradering av', complete: false, approved: false },
    { state: 'in_preparation', title: 'Införande av', complete: false, approved: false },
    { state: 'draft', title: 'Införande av', complete: false, approved: false },
  ];
  for (const [index, plan] of plans.entries()) {
    const system = candidates[index];
    if (!system) break;
    const id = randomUUID();
    const lead = random.pick(active);
    const title = `${plan.title} ${system.name}`;
    const prepared = plan.state !== 'draft';
    await projectsRepository.insert(
      transaction,
      municipalityId,
      id,
      {
        kind: plan.title.startsWith('Uppgradering') ? 'upgrade' : 'introduction',
        title,
        sort_key: swedishSortKey(title),
        state: plan.state,
        system_id: system.id,
        department_id: system.owner_department_id,
        project_lead_person_id: lead.id,
        it_contact_person_id: itPeople[0]?.id ?? null,
        description: prepared ? `Projektet ersätter manuella rutiner med ${system.name}.` : null,
        specification: prepared ? 'Kravspecifikation version 1.0 (bilaga)' : null,
        training_plan_json: JSON.stringify({
          text: prepared ? 'Utbildning sker före driftstart.' : null,
          entries: prepared
            ? [
                { audience: 'system_managers', description: 'Administratörsutbildning', byDate: null },
                { audience: 'it_unit', description: 'Drift och säkerhetskopiering', byDate: null },
                { audience: 'users', description: 'Användarutbildning', byDate: null },
              ]
            : [],
        }),
        timeline_json: JSON.stringify(
          prepared
            ? [
                { title: 'Upphandling klar', date: '2026-09-01' },
                { title: 'Driftstart', date: '2027-03-01' },
              ]
            : [],
        ),
        links_json: JSON.stringify([]),
        compliance_json: JSON.stringify(plan.state === 'in_preparation' ? {} : prepared ? judgements : {}),
        submitted_at: plan.state === 'submitted' || plan.approved ? nowIso : null,
        approved_at: plan.approved ? nowIso : null,
      },
      nowIso,
    );
    if (prepared) {
      const budget = {
        categories: Object.fromEntries(
          budgetCategories.map((category) => [
            category,
            { oneOff: random.integer(0, 20) * 5000, yearly: category === 'software' ? random.integer(2, 10) * 10000 : 0 },
          ]),
        ) as Record<string, { oneOff: number | null; yearly: number | null }>,
        sharedReinforcements: Object.fromEntries(sharedResources.map((resource) => [resource, { oneOff: 0, yearly: 0 }])) as Record<
          string,
          { oneOff: number | null; yearly: number | null }
        >,
        note: null,
      };
      // The submitted upgrade left communication unstated: ITP-4.2.1-BUDGET shows the gap.
      if (!plan.complete) budget.categories.communication = { oneOff: null, yearly: null };
      const evaluation = evaluateBudget(budget as never);
      await projectsRepository.insertBudgetRevision(transaction, {
        id: randomUUID(),
        municipalityId,
        projectId: id,
        revision: 1,
        budgetJson: JSON.stringify(budget),
        totalOneOff: evaluation.totals.project.oneOff,
        totalYearly: evaluation.totals.project.yearly,
        complete: evaluation.complete,
        recordedAt: nowIso,
        recordedByName: 'system: demo',
      });
    }
    if (plan.approved && itPeople[0]) {
      await projectsRepository.insertApproval(transaction, {
        id: randomUUID(),
        municipality_id: municipalityId,
        project_id: id,
        system_id: system.id,
        decision: 'approved_with_conditions',
        conditions_json: JSON.stringify([{ text: 'Återläsning av säkerhetskopia testad före driftstart', deadline: '2027-02-15' }]),
        approver_person_id: itPeople[0].id,
        approver_name: itPeople[0].name,
        decided_on: nowIso.slice(0, 10),
        approved_version: null,
        scope: 'Hela verksamheten',
        case_reference: 'KS 2026/412',
        reason: null,
        recorded_at: nowIso,
      });
    }
    await audit('project', id, { title, state: plan.state });
  }
}
