import { randomUUID } from 'node:crypto';
import type { ExpectedVersion } from '../../platform/http/versioning.ts';
import type { RiskAnalysis, RiskAnalysisCreate, RiskMatrix, SystemRecord } from '@forvalta/contracts';
import { actorName, type AnyActor } from '../../access/actor.ts';
import { can, municipalityOf } from '../../access/authorise.ts';
import { useCase } from '../../access/use-case.ts';
import { recordAudit, type AuditEntry } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { inParallel, withTransaction, type DatabaseHandle, type Executor, type TransactionHandle } from '../../platform/database.ts';
import { existingIds } from '../../platform/references.ts';
import { versionedWrites } from '../../platform/versioned-write.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { systemActions, type SystemsService } from '../systems/index.ts';
import { riskAnalysesRepository, type StoredRiskScenario } from './risk-analyses.repository.ts';

/** A scenario as stored: every optional field present, and the risk levels computed. */
function normaliseScenarios(input: RiskAnalysisCreate['scenarios']): StoredRiskScenario[] {
  return input.map((scenario) => {
    const residualLikelihood = scenario.residualLikelihood ?? null;
    const residualConsequence = scenario.residualConsequence ?? null;
    return {
      threat: scenario.threat,
      vulnerability: scenario.vulnerability ?? null,
      affectedInformation: scenario.affectedInformation ?? null,
      adjacentSystemIds: [...new Set(scenario.adjacentSystemIds ?? [])],
      consequenceDescription: scenario.consequenceDescription ?? null,
      likelihood: scenario.likelihood,
      consequence: scenario.consequence,
      existingControls: scenario.existingControls ?? null,
      treatment: scenario.treatment,
      measures: (scenario.measures ?? []).map((measure) => ({
        description: measure.description,
        ownerPersonId: measure.ownerPersonId ?? null,
        dueDate: measure.dueDate ?? null,
        status: measure.status,
      })),
      residualLikelihood,
      residualConsequence,
      riskOwnerPersonId: scenario.riskOwnerPersonId ?? null,
      acceptance: scenario.acceptance
        ? { byName: scenario.acceptance.byName, reason: scenario.acceptance.reason, until: scenario.acceptance.until ?? null }
        : null,
      riskLevel: scenario.likelihood * scenario.consequence,
      residualRiskLevel: residualLikelihood !== null && residualConsequence !== null ? residualLikelihood * residualConsequence : null,
    };
  });
}

/**
 * Risk analyses with consequence descriptions (ITP-4.2.1-RISK), kept per system so they outlive
 * the project that required them, and revised as new versions (ITP-4.2.1-RISK-CURRENT).
 */
/**
 * A confidential analysis as a caller who may not see its content reads it (ADR 0030): that it
 * exists, for which system, its revision, date and marking stay (the register and the compliance
 * rules count it); what it analysed (scope, participants, classification, scenarios) is left out.
 */
export function withConfidentialContent(analysis: RiskAnalysis, mayReadConfidential: boolean): RiskAnalysis {
  if (!analysis.confidentialOslParagraph || mayReadConfidential) return analysis;
  return { ...analysis, scope: '', participants: [], classification: null, scenarios: [], contentWithheld: true };
}

export function createRiskAnalysesService(db: DatabaseHandle, clock: Clock, systems: SystemsService) {
  const versioned = versionedWrites(db, clock);

  /** Adjacent systems and named people must exist in this municipality; a refusal names the field. */
  async function validateReferences(executor: Executor, municipalityId: string, systemId: string, scenarios: StoredRiskScenario[]) {
    const systemIds = [...new Set(scenarios.flatMap((scenario) => scenario.adjacentSystemIds))];
    const personIds = [
      ...new Set(
        scenarios
          .flatMap((scenario) => [scenario.riskOwnerPersonId, ...scenario.measures.map((measure) => measure.ownerPersonId)])
          .filter((id): id is string => id !== null),
      ),
    ];
    const [knownSystems, knownPeople] = await inParallel(
      executor,
      () => existingIds(executor, 'systems', municipalityId, systemIds),
      () => existingIds(executor, 'people', municipalityId, personIds),
    );
    for (const [index, scenario] of scenarios.entries()) {
      const system = scenario.adjacentSystemIds.findIndex((id) => id === systemId || !knownSystems.has(id));
      if (system >= 0)
        throw invalid(
          `scenarios.${index}.adjacentSystemIds.${system}`,
          scenario.adjacentSystemIds[system] === systemId
            ? 'A system is not adjacent to itself.'
            : 'The adjacent system does not exist in this municipality.',
        );
      if (scenario.riskOwnerPersonId !== null && !knownPeople.has(scenario.riskOwnerPersonId))
        throw invalid(`scenarios.${index}.riskOwnerPersonId`, 'The risk owner does not exist in this municipality.');
      const measure = scenario.measures.findIndex(
        (candidate) => candidate.ownerPersonId !== null && !knownPeople.has(candidate.ownerPersonId),
      );
      if (measure >= 0)
        throw invalid(`scenarios.${index}.measures.${measure}.ownerPersonId`, "The measure's owner does not exist in this municipality.");
    }
  }

  async function insertAnalysis(
    transaction: TransactionHandle,
    actor: AnyActor,
    municipalityId: string,
    system: SystemRecord,
    input: RiskAnalysisCreate,
    previous: RiskAnalysis | null,
  ) {
    const scenarios = normaliseScenarios(input.scenarios);
    await validateReferences(transaction, municipalityId, system.id, scenarios);
    const matrix = await riskAnalysesRepository.matrixSetting(transaction, municipalityId);
    const classification = system.classification
      ? {
          confidentiality: system.classification.confidentiality,
          integrity: system.classification.integrity,
          availability: system.classification.availability,
          traceability: system.classification.traceability,
          classifiedOn: system.classification.classifiedOn,
        }
      : null;
    const id = randomUUID();
    const now = clock.now().toISOString();
    await riskAnalysesRepository.insert(transaction, {
      id,
      municipality_id: municipalityId,
      system_id: system.id,
      revision: previous ? previous.revision + 1 : 1,
      previous_id: previous?.id ?? null,
      superseded: 0,
      scope: input.scope,
      analysed_on: input.analysedOn,
      participants_json: JSON.stringify(input.participants),
      classification_json: classification ? JSON.stringify(classification) : null,
      matrix_json: JSON.stringify({ likelihoodLabels: matrix.likelihoodLabels, consequenceLabels: matrix.consequenceLabels }),
      scenarios_json: JSON.stringify(scenarios),
      scenario_count: scenarios.length,
      described_scenario_count: scenarios.filter((scenario) => scenario.consequenceDescription?.trim()).length,
      recorded_by_name: actorName(actor),
      confidential_osl_paragraph: input.confidentialOslParagraph || null,
      created_at: now,
      updated_at: now,
      version: 1,
    });
    return (await riskAnalysesRepository.findById(transaction, municipalityId, system.id, id))!;
  }

  /** The event of a new analysis or revision: what it is of, not its scenarios (they are in the record). */
  function analysisEvent(created: RiskAnalysis, previous: RiskAnalysis | null): AuditEntry {
    return {
      action: previous ? 'revise' : 'create',
      entityType: 'risk_analysis',
      entityId: created.id,
      after: {
        systemId: created.systemId,
        revision: created.revision,
        previousId: created.previousId,
        analysedOn: created.analysedOn,
        scenarioCount: created.scenarios.length,
        confidentialOslParagraph: created.confidentialOslParagraph,
      },
    };
  }

  return {
    listRiskAnalyses: useCase(systemActions.readRiskAnalyses, async ({ actor, authorise }, systemId: string) => {
      const municipalityId = municipalityOf(actor);
      let mayReadConfidential = false;
      await systems.authorisedSystem(db, municipalityId, systemId, (subject) => {
        authorise(subject);
        mayReadConfidential = can(actor, 'confidential.read', subject);
      });
      const items = (await riskAnalysesRepository.listForSystem(db, municipalityId, systemId)).map((analysis) =>
        withConfidentialContent(analysis, mayReadConfidential),
      );
      return { items, total: items.length, nextCursor: null };
    }),

    getRiskAnalysis: useCase(systemActions.readRiskAnalyses, async ({ actor, authorise }, systemId: string, analysisId: string) => {
      const municipalityId = municipalityOf(actor);
      let mayReadConfidential = false;
      await systems.authorisedSystem(db, municipalityId, systemId, (subject) => {
        authorise(subject);
        mayReadConfidential = can(actor, 'confidential.read', subject);
      });
      const analysis = await riskAnalysesRepository.findById(db, municipalityId, systemId, analysisId);
      if (!analysis) throw notFound('Risk analysis');
      return withConfidentialContent(analysis, mayReadConfidential);
    }),

    createRiskAnalysis: useCase(
      systemActions.writeRiskAnalyses,
      async ({ actor, authorise }, systemId: string, input: RiskAnalysisCreate) => {
        const municipalityId = municipalityOf(actor);
        return withTransaction(db, async (transaction) => {
          const system = await systems.authorisedSystem(transaction, municipalityId, systemId, (subject) => authorise(subject));
          const created = await insertAnalysis(transaction, actor, municipalityId, system, input, null);
          await recordAudit(transaction, actor, clock, analysisEvent(created, null));
          return created;
        });
      },
    ),

    /** A revision is a new analysis; the one it revises is kept, read-only, as history. */
    reviseRiskAnalysis: useCase(
      'riskAnalysis.write',
      async ({ actor, authorise }, systemId: string, analysisId: string, expectedVersion: ExpectedVersion, input: RiskAnalysisCreate) => {
        const municipalityId = municipalityOf(actor);
        let system: SystemRecord | undefined;
        return versioned.update<RiskAnalysis>(actor, {
          entity: 'Risk analysis',
          expectedVersion,
          load: (transaction) => riskAnalysesRepository.findById(transaction, municipalityId, systemId, analysisId),
          authorise: async (previous, transaction) => {
            system = await systems.authorisedSystem(transaction, municipalityId, systemId, (subject) => {
              authorise(subject);
              // Nobody revises what they may not read: a confidential analysis is revised by those who see it (ADR 0030).
              if (previous.confidentialOslParagraph && !can(actor, 'confidential.read', subject))
                throw new AppError('forbidden', 'This risk analysis is confidential; its content is not shown to you.');
            });
          },
          apply: async (transaction, previous, version) => {
            if (previous.superseded)
              throw new AppError('conflict', 'This analysis has already been revised; revise its newest version.', {
                reason: 'analysis_already_revised',
              });
            return riskAnalysesRepository.markSuperseded(transaction, municipalityId, analysisId, version, clock.now().toISOString());
          },
          // What the revision leaves is the new analysis; the one it revises is now history.
          reload: (transaction, previous) => insertAnalysis(transaction, actor, municipalityId, system!, input, previous),
          audit: (previous, created) => analysisEvent(created, previous),
        });
      },
    ),

    getRiskMatrix: useCase('system.read', async ({ actor, authorise }) => {
      authorise();
      return riskAnalysesRepository.matrixSetting(db, municipalityOf(actor));
    }),

    updateRiskMatrix: useCase('riskMatrix.manage', async ({ actor, authorise }, expectedVersion: ExpectedVersion, matrix: RiskMatrix) => {
      const municipalityId = municipalityOf(actor);
      return versioned.update(actor, {
        entity: 'Risk matrix',
        expectedVersion,
        load: (transaction) => riskAnalysesRepository.matrixSetting(transaction, municipalityId),
        authorise: () => authorise(),
        apply: (transaction, _before, version) =>
          riskAnalysesRepository.saveMatrixSetting(transaction, municipalityId, matrix, version, clock.now().toISOString()),
        audit: (before, after) => ({ action: 'update', entityType: 'risk_matrix', entityId: municipalityId, before, after }),
      });
    }),
  };
}

export type RiskAnalysesService = ReturnType<typeof createRiskAnalysesService>;
