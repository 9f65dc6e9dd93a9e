import { ActionIcon, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField.tsx';
import { PersonField } from './PersonField.tsx';
import { emptyMeasure, measureStatuses, type MeasureDraft } from './risk-form-model.ts';
import { useRowKeys } from '../../components/stable-keys.ts';

/** A scenario's measures (åtgärder): each with an owner, a due date and a status. */
export function RiskMeasuresField({
  scenarioLabel,
  value,
  onChange,
}: {
  scenarioLabel: string;
  value: MeasureDraft[];
  onChange: (next: MeasureDraft[]) => void;
}) {
  const { t } = useTranslation('lifecycle');
  const measureKeys = useRowKeys(value);
  const update = (index: number, change: Partial<MeasureDraft>) =>
    onChange(value.map((measure, position) => (position === index ? { ...measure, ...change } : measure)));
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
          <Paper key={measureKeys[index]} withBorder p="xs" radius="sm" data-testid="measure-form">
            <Group align="flex-end" wrap="nowrap" gap="xs">
              <TextInput
                label={`${t('risks.measures')} (${scenarioLabel}): ${t('risks.measureNumber', { number })}`}
                value={measure.description}
                onChange={(event) => update(index, { description: event.currentTarget.value })}
                style={{ flex: 1 }}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                mb={2}
                aria-label={of('risks.removeMeasure')}
                onClick={() => onChange(value.filter((_, position) => position !== index))}
              >
                ✕
              </ActionIcon>
            </Group>
            <SimpleGrid cols={{ base: 1, sm: 3 }} mt="xs">
              <PersonField label={of('risks.measureOwner')} value={measure.owner} onChange={(owner) => update(index, { owner })} />
              <DateField label={of('risks.measureDue')} value={measure.dueDate} onChange={(dueDate) => update(index, { dueDate })} />
              <NativeSelect
                label={of('risks.measureStatus')}
                value={measure.status}
                onChange={(event) => update(index, { status: event.currentTarget.value as MeasureDraft['status'] })}
                data={measureStatuses.map((status) => ({ value: status, label: t(`measureStatus.${status}`) }))}
              />
            </SimpleGrid>
          </Paper>
        );
      })}
      <Button variant="default" size="xs" style={{ alignSelf: 'flex-start' }} onClick={() => onChange([...value, emptyMeasure()])}>
        {t('risks.addMeasure', { scenario: scenarioLabel })}
      </Button>
    </Stack>
  );
}
