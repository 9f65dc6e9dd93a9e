import type { RiskScenario } from '@forvalta/contracts';
import { describe, expect, it } from 'vitest';
import { acceptanceIncomplete, draftOf, emptyScenario, scenarioOf } from './risk-form-model.ts';

const stored: RiskScenario = {
  threat: 'Avbrott hos leverantören',
  vulnerability: 'En enda leverantör',
  affectedInformation: 'Matsedlar',
  adjacentSystemIds: ['system-2'],
  adjacentSystems: [{ id: 'system-2', name: 'Skolwebben' }],
  consequenceDescription: 'Köken vet inte vad som ska lagas.',
  likelihood: 2,
  consequence: 3,
  existingControls: 'Utskrivna matsedlar',
  treatment: 'accept',
  measures: [
    { description: 'Reservrutin', ownerPersonId: 'person-1', ownerName: 'Sören Hansson', dueDate: '2027-03-31', status: 'in_progress' },
  ],
  residualLikelihood: 1,
  residualConsequence: 3,
  riskOwnerPersonId: 'person-2',
  riskOwnerName: 'Matilda Pettersson',
  acceptance: { byName: 'Förvaltningschefen', reason: 'Låg kostnad', until: '2027-12-31' },
  riskLevel: 6,
  residualRiskLevel: 3,
};

describe('the risk analysis form’s model', () => {
  it('sends back every field of a stored scenario unchanged when nothing is edited', () => {
    const { adjacentSystems, riskOwnerName, riskLevel, residualRiskLevel, measures, ...input } = stored;
    expect(scenarioOf(draftOf(stored))).toEqual({ ...input, measures: measures.map(({ ownerName, ...measure }) => measure) });
  });

  it('drops measures without a description and blank texts, and keeps an acceptance only with both who and why', () => {
    const draft = { ...emptyScenario(), threat: ' Intrång ', vulnerability: '  ', acceptedBy: 'Chefen' };
    expect(acceptanceIncomplete(draft)).toBe(true);
    const body = scenarioOf(draft);
    expect(body).toMatchObject({
      threat: 'Intrång',
      vulnerability: null,
      measures: [],
      acceptance: null,
      riskOwnerPersonId: null,
      adjacentSystemIds: [],
    });
    expect(acceptanceIncomplete({ ...draft, acceptanceReason: 'Skäl' })).toBe(false);
  });

  it('removes a saved person when the field is cleared', () => {
    const draft = draftOf(stored);
    expect(scenarioOf({ ...draft, riskOwner: { ...draft.riskOwner, personId: null } }).riskOwnerPersonId).toBeNull();
  });
});
