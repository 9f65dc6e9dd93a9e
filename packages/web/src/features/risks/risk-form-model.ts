import type { RiskScenario, RiskScenarioInput } from '@forvalta/contracts';

export const treatments = ['reduce', 'accept', 'avoid', 'transfer'] as const;
export const measureStatuses = ['planned', 'in_progress', 'done'] as const;

/**
 * A person chosen in a picker: the picker only knows the people it has found, so the person the
 * server last returned (id and name) is kept beside what is chosen now.
 */
export interface PersonDraft {
  personId: string | null;
  savedPersonId: string | null;
  savedName: string | null;
}

export interface MeasureDraft {
  description: string;
  owner: PersonDraft;
  dueDate: string | null;
  status: (typeof measureStatuses)[number];
}

export interface ScenarioDraft {
  threat: string;
  vulnerability: string;
  affectedInformation: string;
  adjacentSystemIds: string[];
  /** Names of the adjacent systems already recorded, for those that are no longer integration neighbours. */
  knownSystems: Array<{ id: string; name: string }>;
  consequenceDescription: string;
  likelihood: string;
  consequence: string;
  existingControls: string;
  treatment: (typeof treatments)[number];
  measures: MeasureDraft[];
  residualLikelihood: string;
  residualConsequence: string;
  riskOwner: PersonDraft;
  acceptedBy: string;
  acceptanceReason: string;
  acceptedUntil: string | null;
}

export const noPerson = (): PersonDraft => ({ personId: null, savedPersonId: null, savedName: null });
const personOf = (id: string | null, name: string | null): PersonDraft => ({ personId: id, savedPersonId: id, savedName: name });

export const emptyMeasure = (): MeasureDraft => ({ description: '', owner: noPerson(), dueDate: null, status: 'planned' });

/** A new scenario starts with one empty measure row, so the first measure is typed, not added. */
export const emptyScenario = (): ScenarioDraft => ({
  threat: '',
  vulnerability: '',
  affectedInformation: '',
  adjacentSystemIds: [],
  knownSystems: [],
  consequenceDescription: '',
  likelihood: '2',
  consequence: '2',
  existingControls: '',
  treatment: 'reduce',
  measures: [emptyMeasure()],
  residualLikelihood: '',
  residualConsequence: '',
  riskOwner: noPerson(),
  acceptedBy: '',
  acceptanceReason: '',
  acceptedUntil: null,
});

/** A stored scenario as the form edits it: every field of the contract, nothing carried over unseen. */
export function draftOf(scenario: RiskScenario): ScenarioDraft {
  return {
    threat: scenario.threat,
    vulnerability: scenario.vulnerability ?? '',
    affectedInformation: scenario.affectedInformation ?? '',
    adjacentSystemIds: scenario.adjacentSystemIds,
    knownSystems: scenario.adjacentSystems,
    consequenceDescription: scenario.consequenceDescription ?? '',
    likelihood: String(scenario.likelihood),
    consequence: String(scenario.consequence),
    existingControls: scenario.existingControls ?? '',
    treatment: scenario.treatment,
    measures: scenario.measures.map((measure) => ({
      description: measure.description,
      owner: personOf(measure.ownerPersonId, measure.ownerName),
      dueDate: measure.dueDate,
      status: measure.status,
    })),
    residualLikelihood: scenario.residualLikelihood === null ? '' : String(scenario.residualLikelihood),
    residualConsequence: scenario.residualConsequence === null ? '' : String(scenario.residualConsequence),
    riskOwner: personOf(scenario.riskOwnerPersonId, scenario.riskOwnerName),
    acceptedBy: scenario.acceptance?.byName ?? '',
    acceptanceReason: scenario.acceptance?.reason ?? '',
    acceptedUntil: scenario.acceptance?.until ?? null,
  };
}

/** The request body's scenario: blank texts as null, measures without a description dropped. */
export function scenarioOf(draft: ScenarioDraft): RiskScenarioInput {
  const text = (value: string) => value.trim() || null;
  return {
    threat: draft.threat.trim(),
    vulnerability: text(draft.vulnerability),
    affectedInformation: text(draft.affectedInformation),
    adjacentSystemIds: draft.adjacentSystemIds,
    consequenceDescription: text(draft.consequenceDescription),
    likelihood: Number(draft.likelihood),
    consequence: Number(draft.consequence),
    existingControls: text(draft.existingControls),
    treatment: draft.treatment,
    measures: draft.measures
      .filter((measure) => measure.description.trim())
      .map((measure) => ({
        description: measure.description.trim(),
        ownerPersonId: measure.owner.personId,
        dueDate: measure.dueDate,
        status: measure.status,
      })),
    residualLikelihood: draft.residualLikelihood ? Number(draft.residualLikelihood) : null,
    residualConsequence: draft.residualConsequence ? Number(draft.residualConsequence) : null,
    riskOwnerPersonId: draft.riskOwner.personId,
    acceptance:
      draft.acceptedBy.trim() && draft.acceptanceReason.trim()
        ? { byName: draft.acceptedBy.trim(), reason: draft.acceptanceReason.trim(), until: draft.acceptedUntil }
        : null,
  };
}

/** An acceptance needs both who and why; one without the other would be dropped silently. */
export const acceptanceIncomplete = (draft: ScenarioDraft) => Boolean(draft.acceptedBy.trim()) !== Boolean(draft.acceptanceReason.trim());
