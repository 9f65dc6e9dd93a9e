import { ActionIcon, Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField.tsx';
import { PersonField } from './PersonField.tsx';
import { emptyMeasure, measureStatuses, type MeasureDraft } from './risk-form-model.ts';

/** A scenario's measures (åtgärder): each with an owner, a due date and a status. */
export function RiskMeasuresField({ scenarioLabel, value, onChange }: { scenarioLabel: string; value: MeasureDraft[]; onChange: (next: MeasureDraft[]) => void }) {
  const { t } = useTranslation('lifecycle');
  const update = (index: number, change: Partial<MeasureDraft>) => onChange(value.map((measure, position) => (position === index ? { ...measure, ...change } : measure)));
  return (
    <Stack gap="xs" role="group" aria-labelledby={`${scenarioLabel}-measures`.replace(/\W+/g, '-')}>
      <Text size="sm" fw={600} id={`${scenarioLabel}-measures`.replace(/\W+/g, '-')}>
        {t('risks.measures')}
      </Text>
      {value.length === 0 && <Text size="sm">{t('risks.noMeasures')}</Text>}
      {value.map((measure, index) => {
        const number = index + 1;
        const of = (key: string) => t(key, { number, scenario: scenarioLabel });
        return (
          <Group key={index} align="flex-end" wrap="wrap" gap="xs" data-testid="measure-form">
            <TextInput
              label={`${t('risks.measures')} (${scenarioLabel}): ${t('risks.measureNumber', { number })}`}
              value={measure.description}
              onChange={(event) => update(index, { description: event.currentTarget.value })}
              style={{ flex: 2, minWidth: 220 }}
            />
            <PersonField label={of('risks.measureOwner')} value={measure.owner} onChange={(owner) => update(index, { owner })} w={240} />
            <DateField label={of('risks.measureDue')} value={measure.dueDate} onChange={(dueDate) => update(index, { dueDate })} w={170} />
            <NativeSelect
              label={of('risks.measureStatus')}
              value={measure.status}
              onChange={(event) => update(index, { status: event.currentTarget.value as MeasureDraft['status'] })}
              data={measureStatuses.map((status) => ({ value: status, label: t(`measureStatus.${status}`) }))}
              w={150}
            />
            <ActionIcon variant="subtle" color="red" size="lg" aria-label={of('risks.removeMeasure')} onClick={() => onChange(value.filter((_, position) => position !== index))}>
              ✕
            </ActionIcon>
          </Group>
        );
      })}
      <Button variant="default" size="xs" style={{ alignSelf: 'flex-start' }} onClick={() => onChange([...value, emptyMeasure()])}>
        {t('risks.addMeasure', { scenario: scenarioLabel })}
      </Button>
    </Stack>
  );
}
