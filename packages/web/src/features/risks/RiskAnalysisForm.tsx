import type { RiskAnalysis, RiskAnalysisCreate, RiskScenarioInput } from '@forvalta/contracts';
import { ActionIcon, Alert, Button, Card, Group, Modal, NativeSelect, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, apiRequest, isApiError } from '../../api/client.ts';
import { DateField } from '../../components/DateField.tsx';
import { errorMessage, notifySuccess } from '../../components/error-messages.ts';
import { StaleRecordAlert } from '../../components/StaleRecordAlert.tsx';
import { todayInStockholm } from '../../i18n/format.ts';

const treatments = ['reduce', 'accept', 'avoid', 'transfer'] as const;

interface ScenarioDraft {
  threat: string;
  vulnerability: string;
  affectedInformation: string;
  consequenceDescription: string;
  likelihood: string;
  consequence: string;
  existingControls: string;
  treatment: (typeof treatments)[number];
  measures: string;
  residualLikelihood: string;
  residualConsequence: string;
  acceptedBy: string;
  acceptanceReason: string;
  acceptedUntil: string | null;
  /** Kept from the analysis being revised: what this form does not edit is carried over. */
  kept: Pick<RiskScenarioInput, 'adjacentSystemIds' | 'riskOwnerPersonId' | 'measures'>;
}

const emptyScenario = (): ScenarioDraft => ({
  threat: '',
  vulnerability: '',
  affectedInformation: '',
  consequenceDescription: '',
  likelihood: '2',
  consequence: '2',
  existingControls: '',
  treatment: 'reduce',
  measures: '',
  residualLikelihood: '',
  residualConsequence: '',
  acceptedBy: '',
  acceptanceReason: '',
  acceptedUntil: null,
  kept: {},
});

function draftOf(scenario: RiskAnalysis['scenarios'][number]): ScenarioDraft {
  return {
    threat: scenario.threat,
    vulnerability: scenario.vulnerability ?? '',
    affectedInformation: scenario.affectedInformation ?? '',
    consequenceDescription: scenario.consequenceDescription ?? '',
    likelihood: String(scenario.likelihood),
    consequence: String(scenario.consequence),
    existingControls: scenario.existingControls ?? '',
    treatment: scenario.treatment,
    measures: scenario.measures.map((measure) => measure.description).join('\n'),
    residualLikelihood: scenario.residualLikelihood === null ? '' : String(scenario.residualLikelihood),
    residualConsequence: scenario.residualConsequence === null ? '' : String(scenario.residualConsequence),
    acceptedBy: scenario.acceptance?.byName ?? '',
    acceptanceReason: scenario.acceptance?.reason ?? '',
    acceptedUntil: scenario.acceptance?.until ?? null,
    kept: { adjacentSystemIds: scenario.adjacentSystemIds, riskOwnerPersonId: scenario.riskOwnerPersonId, measures: scenario.measures },
  };
}

function scenarioOf(draft: ScenarioDraft): RiskScenarioInput {
  const text = (value: string) => value.trim() || null;
  const previousMeasures = new Map((draft.kept.measures ?? []).map((measure) => [measure.description, measure]));
  return {
    threat: draft.threat.trim(),
    vulnerability: text(draft.vulnerability),
    affectedInformation: text(draft.affectedInformation),
    consequenceDescription: text(draft.consequenceDescription),
    likelihood: Number(draft.likelihood),
    consequence: Number(draft.consequence),
    existingControls: text(draft.existingControls),
    treatment: draft.treatment,
    measures: draft.measures
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .map((description) => previousMeasures.get(description) ?? { description, status: 'planned' as const }),
    residualLikelihood: draft.residualLikelihood ? Number(draft.residualLikelihood) : null,
    residualConsequence: draft.residualConsequence ? Number(draft.residualConsequence) : null,
    acceptance: draft.acceptedBy.trim() && draft.acceptanceReason.trim() ? { byName: draft.acceptedBy.trim(), reason: draft.acceptanceReason.trim(), until: draft.acceptedUntil } : null,
    ...(draft.kept.adjacentSystemIds ? { adjacentSystemIds: draft.kept.adjacentSystemIds } : {}),
    ...(draft.kept.riskOwnerPersonId ? { riskOwnerPersonId: draft.kept.riskOwnerPersonId } : {}),
  };
}

/** Creates a system's risk analysis, or revises one as a new version (If-Match with the version opened). */
export function RiskAnalysisForm({ systemId, systemName, revising, onClose, onSaved }: { systemId: string; systemName: string; revising?: RiskAnalysis; onClose: () => void; onSaved?: (analysis: RiskAnalysis) => void }) {
  const { t } = useTranslation('lifecycle');
  const queryClient = useQueryClient();
  const [scope, setScope] = useState(revising?.scope ?? '');
  const [analysedOn, setAnalysedOn] = useState<string | null>(todayInStockholm());
  const [participants, setParticipants] = useState(revising?.participants.join('\n') ?? '');
  const [scenarios, setScenarios] = useState<ScenarioDraft[]>(revising ? revising.scenarios.map(draftOf) : [emptyScenario()]);
  const [stale, setStale] = useState(false);
  const save = useMutation({
    mutationFn: () => {
      const body: RiskAnalysisCreate = {
        scope: scope.trim(),
        analysedOn: analysedOn ?? todayInStockholm(),
        participants: participants
          .split('\n')
          .map((name) => name.trim())
          .filter(Boolean),
        scenarios: scenarios.filter((scenario) => scenario.threat.trim()).map(scenarioOf),
      };
      return revising
        ? apiRequest<RiskAnalysis>('POST', `/systems/${systemId}/risk-analyses/${revising.id}/revisions`, { body, version: revising.version })
        : api.post<RiskAnalysis>(`/systems/${systemId}/risk-analyses`, body);
    },
    onSuccess: (analysis) => {
      void queryClient.invalidateQueries({ queryKey: ['risk-analyses', systemId] });
      void queryClient.invalidateQueries({ queryKey: ['projects'] });
      notifySuccess(t('risks.created'));
      onSaved?.(analysis);
      onClose();
    },
    onError: (error) => {
      if (isApiError(error, 'version_mismatch')) setStale(true);
    },
  });
  const update = (index: number, change: Partial<ScenarioDraft>) => setScenarios((previous) => previous.map((scenario, position) => (position === index ? { ...scenario, ...change } : scenario)));
  const scale = (labels: readonly string[] | undefined) => [1, 2, 3, 4].map((value) => ({ value: String(value), label: labels ? `${value}. ${labels[value - 1]}` : String(value) }));
  const likelihoodLabels = revising?.matrix.likelihoodLabels;
  const consequenceLabels = revising?.matrix.consequenceLabels;

  return (
    <Modal opened onClose={onClose} size="xl" title={revising ? t('risks.reviseTitle') : t('risks.createTitle', { name: systemName })}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <Stack>
          {stale && <StaleRecordAlert onReload={onClose} />}
          {save.error && !stale && (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(save.error)}
            </Alert>
          )}
          <Textarea label={t('risks.scope')} required value={scope} onChange={(event) => setScope(event.currentTarget.value)} autosize minRows={2} />
          <Group grow align="flex-start">
            <DateField label={t('risks.analysedOn')} required value={analysedOn} onChange={setAnalysedOn} clearable={false} />
            <Textarea label={t('risks.participants')} description={t('risks.participantsHint')} value={participants} onChange={(event) => setParticipants(event.currentTarget.value)} autosize minRows={2} />
          </Group>
          {scenarios.map((scenario, index) => {
            const number = index + 1;
            const label = (key: string) => `${t(key)} (${t('risks.scenario', { number })})`;
            return (
              <Card withBorder key={index} role="group" aria-label={t('risks.scenario', { number })} data-testid="scenario-form">
                <Group justify="space-between" mb="xs">
                  <Text fw={700}>
                    {t('risks.scenario', { number })}
                  </Text>
                  <ActionIcon variant="subtle" color="red" aria-label={t('risks.removeScenario', { number })} onClick={() => setScenarios((previous) => previous.filter((_, position) => position !== index))}>
                    ✕
                  </ActionIcon>
                </Group>
                <Stack gap="xs">
                  <TextInput label={label('risks.threat')} required value={scenario.threat} onChange={(event) => update(index, { threat: event.currentTarget.value })} />
                  <SimpleGrid cols={{ base: 1, sm: 2 }}>
                    <TextInput label={label('risks.vulnerability')} value={scenario.vulnerability} onChange={(event) => update(index, { vulnerability: event.currentTarget.value })} />
                    <TextInput label={label('risks.affectedInformation')} value={scenario.affectedInformation} onChange={(event) => update(index, { affectedInformation: event.currentTarget.value })} />
                  </SimpleGrid>
                  <Textarea label={label('risks.consequenceDescription')} value={scenario.consequenceDescription} onChange={(event) => update(index, { consequenceDescription: event.currentTarget.value })} autosize minRows={2} />
                  <SimpleGrid cols={{ base: 2, sm: 4 }}>
                    <NativeSelect label={label('risks.likelihood')} value={scenario.likelihood} onChange={(event) => update(index, { likelihood: event.currentTarget.value })} data={scale(likelihoodLabels)} />
                    <NativeSelect label={label('risks.consequence')} value={scenario.consequence} onChange={(event) => update(index, { consequence: event.currentTarget.value })} data={scale(consequenceLabels)} />
                    <NativeSelect
                      label={label('risks.residualLikelihood')}
                      value={scenario.residualLikelihood}
                      onChange={(event) => update(index, { residualLikelihood: event.currentTarget.value })}
                      data={[{ value: '', label: t('risks.notAssessed') }, ...scale(likelihoodLabels)]}
                    />
                    <NativeSelect
                      label={label('risks.residualConsequence')}
                      value={scenario.residualConsequence}
                      onChange={(event) => update(index, { residualConsequence: event.currentTarget.value })}
                      data={[{ value: '', label: t('risks.notAssessed') }, ...scale(consequenceLabels)]}
                    />
                  </SimpleGrid>
                  <TextInput label={label('risks.existingControls')} value={scenario.existingControls} onChange={(event) => update(index, { existingControls: event.currentTarget.value })} />
                  <SimpleGrid cols={{ base: 1, sm: 2 }}>
                    <NativeSelect
                      label={label('risks.treatment')}
                      value={scenario.treatment}
                      onChange={(event) => update(index, { treatment: event.currentTarget.value as ScenarioDraft['treatment'] })}
                      data={treatments.map((value) => ({ value, label: t(`treatment.${value}`) }))}
                    />
                    <Textarea label={label('risks.measures')} description={t('risks.measuresHint')} value={scenario.measures} onChange={(event) => update(index, { measures: event.currentTarget.value })} autosize minRows={1} />
                  </SimpleGrid>
                  {scenario.treatment === 'accept' && (
                    <SimpleGrid cols={{ base: 1, sm: 3 }}>
                      <TextInput label={label('risks.acceptedBy')} value={scenario.acceptedBy} onChange={(event) => update(index, { acceptedBy: event.currentTarget.value })} />
                      <TextInput label={label('risks.acceptanceReason')} value={scenario.acceptanceReason} onChange={(event) => update(index, { acceptanceReason: event.currentTarget.value })} />
                      <DateField label={label('risks.acceptedUntil')} value={scenario.acceptedUntil} onChange={(value) => update(index, { acceptedUntil: value })} />
                    </SimpleGrid>
                  )}
                </Stack>
              </Card>
            );
          })}
          <Button variant="default" size="xs" style={{ alignSelf: 'flex-start' }} onClick={() => setScenarios((previous) => [...previous, emptyScenario()])}>
            {t('risks.addScenario')}
          </Button>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('risks.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} disabled={!scope.trim() || stale}>
              {t('risks.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
