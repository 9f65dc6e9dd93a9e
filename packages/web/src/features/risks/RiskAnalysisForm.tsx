import type { RiskAnalysis, RiskAnalysisCreate } from '@forvalta/contracts';
import { FormActions } from '../../components/FormActions.tsx';
import { Alert, Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { ConfidentialParagraphField } from '../../components/ConfidentialMark.tsx';
import { DateField } from '../../components/DateField.tsx';
import { errorMessage, notifySuccess } from '../../components/error-messages.ts';
import { StaleRecordAlert } from '../../components/StaleRecordAlert.tsx';
import { todayInStockholm } from '../../i18n/format.ts';
import { acceptanceIncomplete, draftOf, emptyScenario, scenarioOf, type ScenarioDraft } from './risk-form-model.ts';
import { RiskScenarioFields } from './RiskScenarioFields.tsx';
import { useRowKeys } from '../../components/stable-keys.ts';
import { systemGraphQuery } from '../systems/systems.queries.ts';
import { riskMatrixQuery, useSaveRiskAnalysis } from './risks.queries.ts';

/**
 * Creates a system's risk analysis, or revises one as a new version (If-Match with the version
 * opened; the server keeps the old one). Every field of the contract is edited here.
 */
export function RiskAnalysisForm({
  systemId,
  systemName,
  revising,
  onClose,
  onSaved,
}: {
  systemId: string;
  systemName: string;
  revising?: RiskAnalysis;
  onClose: () => void;
  onSaved?: (analysis: RiskAnalysis) => void;
}) {
  const { t } = useTranslation('lifecycle');
  const [scope, setScope] = useState(revising?.scope ?? '');
  const [analysedOn, setAnalysedOn] = useState<string | null>(todayInStockholm());
  const [confidentialOslParagraph, setConfidentialOslParagraph] = useState(revising?.confidentialOslParagraph ?? '');
  const [participants, setParticipants] = useState(revising?.participants.join('\n') ?? '');
  const [scenarios, setScenarios] = useState<ScenarioDraft[]>(revising ? revising.scenarios.map(draftOf) : [emptyScenario()]);
  const [stale, setStale] = useState(false);
  const scenarioKeys = useRowKeys(scenarios);
  // A new analysis is made with the municipality's current matrix; a revision shows the one it was made with.
  const matrix = useQuery({ ...riskMatrixQuery, enabled: !revising });
  const graph = useQuery(systemGraphQuery(systemId));
  const neighbours = graph.data?.nodes.filter((node) => !node.central).map((node) => ({ id: node.id, name: node.name }));
  const labels = revising ? revising.matrix : matrix.data;

  const save = useSaveRiskAnalysis(systemId, revising, {
    onSuccess: (analysis) => {
      notifySuccess(t('risks.created'));
      onSaved?.(analysis);
      onClose();
    },
    onError: (error) => {
      if (isApiError(error, 'version_mismatch')) setStale(true);
    },
  });
  const update = (index: number, change: Partial<ScenarioDraft>) =>
    setScenarios((previous) => previous.map((scenario, position) => (position === index ? { ...scenario, ...change } : scenario)));
  const incomplete = scenarios.some(acceptanceIncomplete);
  const bodyOf = (): RiskAnalysisCreate => ({
    scope: scope.trim(),
    analysedOn: analysedOn ?? todayInStockholm(),
    participants: participants
      .split('\n')
      .map((name) => name.trim())
      .filter(Boolean),
    scenarios: scenarios.filter((scenario) => scenario.threat.trim()).map(scenarioOf),
    // A revision is the whole analysis: an empty field lifts the mark (ADR 0030).
    confidentialOslParagraph: confidentialOslParagraph.trim() || null,
  });

  return (
    <Modal opened onClose={onClose} size="xl" title={revising ? t('risks.reviseTitle') : t('risks.createTitle', { name: systemName })}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!incomplete) save.mutate(bodyOf());
        }}
      >
        <Stack>
          {stale && <StaleRecordAlert onReload={onClose} />}
          {save.error && !stale && (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(save.error)}
            </Alert>
          )}
          <Textarea
            label={t('risks.scope')}
            required
            value={scope}
            onChange={(event) => setScope(event.currentTarget.value)}
            autosize
            minRows={2}
          />
          <Group grow align="flex-start">
            <DateField label={t('risks.analysedOn')} required value={analysedOn} onChange={setAnalysedOn} clearable={false} />
            <Textarea
              label={t('risks.participants')}
              description={t('risks.participantsHint')}
              value={participants}
              onChange={(event) => setParticipants(event.currentTarget.value)}
              autosize
              minRows={2}
            />
          </Group>
          <ConfidentialParagraphField
            description={t('risks.confidentialHint')}
            value={confidentialOslParagraph}
            onChange={setConfidentialOslParagraph}
          />
          {scenarios.map((scenario, index) => (
            <RiskScenarioFields
              key={scenarioKeys[index]}
              index={index}
              value={scenario}
              onChange={(change) => update(index, change)}
              onRemove={() => setScenarios((previous) => previous.filter((_, position) => position !== index))}
              labels={{ likelihood: labels?.likelihoodLabels, consequence: labels?.consequenceLabels }}
              neighbours={neighbours}
            />
          ))}
          <Button
            variant="default"
            size="xs"
            style={{ alignSelf: 'flex-start' }}
            onClick={() => setScenarios((previous) => [...previous, emptyScenario()])}
          >
            {t('risks.addScenario')}
          </Button>
          <FormActions
            onCancel={onClose}
            cancelLabel={t('risks.cancel')}
            submitLabel={t('risks.save')}
            loading={save.isPending}
            disabled={!scope.trim() || stale || incomplete}
          />
        </Stack>
      </form>
    </Modal>
  );
}
