import { ActionIcon, Card, Group, MultiSelect, NativeSelect, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField.tsx';
import { PersonField } from './PersonField.tsx';
import { acceptanceIncomplete, treatments, type ScenarioDraft } from './risk-form-model.ts';
import { RiskMeasuresField } from './RiskMeasuresField.tsx';

export interface ScaleLabels {
  likelihood: readonly string[] | undefined;
  consequence: readonly string[] | undefined;
}

/** One scenario of a risk analysis: threat to residual risk, with owner, measures and acceptance. */
export function RiskScenarioFields({
  index,
  value,
  onChange,
  onRemove,
  labels,
  neighbours,
}: {
  index: number;
  value: ScenarioDraft;
  onChange: (change: Partial<ScenarioDraft>) => void;
  onRemove: () => void;
  labels: ScaleLabels;
  /** The system's integration neighbours: the systems a scenario can name as adjacent. */
  neighbours: Array<{ id: string; name: string }> | undefined;
}) {
  const { t } = useTranslation('lifecycle');
  const scenarioLabel = t('risks.scenario', { number: index + 1 });
  const label = (key: string) => `${t(key)} (${scenarioLabel})`;
  const scale = (names: readonly string[] | undefined) =>
    [1, 2, 3, 4].map((level) => ({ value: String(level), label: names ? `${level}. ${names[level - 1]}` : String(level) }));
  // Systems recorded earlier stay choosable even when the integration has since been removed.
  const choices = [
    ...(neighbours ?? []),
    ...value.knownSystems.filter((known) => !(neighbours ?? []).some((neighbour) => neighbour.id === known.id)),
  ];

  return (
    <Card withBorder role="group" aria-label={scenarioLabel} data-testid="scenario-form">
      <Group justify="space-between" mb="xs">
        <Text fw={700}>{scenarioLabel}</Text>
        <ActionIcon variant="subtle" color="red" aria-label={t('risks.removeScenario', { number: index + 1 })} onClick={onRemove}>
          ✕
        </ActionIcon>
      </Group>
      <Stack gap="xs">
        <TextInput
          label={label('risks.threat')}
          required
          value={value.threat}
          onChange={(event) => onChange({ threat: event.currentTarget.value })}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={label('risks.vulnerability')}
            value={value.vulnerability}
            onChange={(event) => onChange({ vulnerability: event.currentTarget.value })}
          />
          <TextInput
            label={label('risks.affectedInformation')}
            value={value.affectedInformation}
            onChange={(event) => onChange({ affectedInformation: event.currentTarget.value })}
          />
        </SimpleGrid>
        <MultiSelect
          label={label('risks.adjacentSystems')}
          description={neighbours !== undefined && choices.length === 0 ? t('risks.noNeighbours') : t('risks.adjacentHint')}
          placeholder={choices.length === 0 ? undefined : t('risks.chooseSystems')}
          data={choices.map((system) => ({ value: system.id, label: system.name }))}
          value={value.adjacentSystemIds}
          onChange={(adjacentSystemIds) => onChange({ adjacentSystemIds })}
          disabled={neighbours !== undefined && choices.length === 0}
          searchable
          hidePickedOptions
        />
        <Textarea
          label={label('risks.consequenceDescription')}
          value={value.consequenceDescription}
          onChange={(event) => onChange({ consequenceDescription: event.currentTarget.value })}
          autosize
          minRows={2}
        />
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <NativeSelect
            label={label('risks.likelihood')}
            value={value.likelihood}
            onChange={(event) => onChange({ likelihood: event.currentTarget.value })}
            data={scale(labels.likelihood)}
          />
          <NativeSelect
            label={label('risks.consequence')}
            value={value.consequence}
            onChange={(event) => onChange({ consequence: event.currentTarget.value })}
            data={scale(labels.consequence)}
          />
          <NativeSelect
            label={label('risks.residualLikelihood')}
            value={value.residualLikelihood}
            onChange={(event) => onChange({ residualLikelihood: event.currentTarget.value })}
            data={[{ value: '', label: t('risks.notAssessed') }, ...scale(labels.likelihood)]}
          />
          <NativeSelect
            label={label('risks.residualConsequence')}
            value={value.residualConsequence}
            onChange={(event) => onChange({ residualConsequence: event.currentTarget.value })}
            data={[{ value: '', label: t('risks.notAssessed') }, ...scale(labels.consequence)]}
          />
        </SimpleGrid>
        <TextInput
          label={label('risks.existingControls')}
          value={value.existingControls}
          onChange={(event) => onChange({ existingControls: event.currentTarget.value })}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={label('risks.treatment')}
            value={value.treatment}
            onChange={(event) => onChange({ treatment: event.currentTarget.value as ScenarioDraft['treatment'] })}
            data={treatments.map((treatment) => ({ value: treatment, label: t(`treatment.${treatment}`) }))}
          />
          <PersonField label={label('risks.riskOwner')} value={value.riskOwner} onChange={(riskOwner) => onChange({ riskOwner })} />
        </SimpleGrid>
        <RiskMeasuresField scenarioLabel={scenarioLabel} value={value.measures} onChange={(measures) => onChange({ measures })} />
        <Stack gap={4} role="group" aria-label={label('risks.acceptance')}>
          <Text size="sm" fw={600}>
            {t('risks.acceptance')}
          </Text>
          <Text size="xs" c="gray.7">
            {t('risks.acceptanceHint')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={label('risks.acceptedBy')}
              value={value.acceptedBy}
              onChange={(event) => onChange({ acceptedBy: event.currentTarget.value })}
              error={acceptanceIncomplete(value) && !value.acceptedBy.trim() ? t('risks.acceptanceIncomplete') : undefined}
            />
            <TextInput
              label={label('risks.acceptanceReason')}
              value={value.acceptanceReason}
              onChange={(event) => onChange({ acceptanceReason: event.currentTarget.value })}
              error={acceptanceIncomplete(value) && !value.acceptanceReason.trim() ? t('risks.acceptanceIncomplete') : undefined}
            />
            <DateField
              label={label('risks.acceptedUntil')}
              value={value.acceptedUntil}
              onChange={(acceptedUntil) => onChange({ acceptedUntil })}
            />
          </SimpleGrid>
        </Stack>
      </Stack>
    </Card>
  );
}
