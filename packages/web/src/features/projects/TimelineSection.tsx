import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField.tsx';
import { Section } from './project-page-parts.tsx';
import { useRowKeys } from '../../components/stable-keys.ts';

export interface MilestoneDraft {
  title: string;
  date: string | null;
}

/** The timeline (tidsplan): milestones with dates; a milestone without both is not saved. */
export function TimelineSection({
  value,
  onChange,
  editable,
}: {
  value: MilestoneDraft[];
  onChange: (next: MilestoneDraft[]) => void;
  editable: boolean;
}) {
  const { t } = useTranslation('lifecycle');
  const milestoneKeys = useRowKeys(value);
  const update = (index: number, change: Partial<MilestoneDraft>) =>
    onChange(value.map((milestone, position) => (position === index ? { ...milestone, ...change } : milestone)));
  return (
    <Section id="timeline" title={t('project.timeline')}>
      <Stack>
        {value.length === 0 && !editable && <Text size="sm">{t('project.noMilestones')}</Text>}
        {value.map((milestone, index) => (
          <Group key={milestoneKeys[index]} align="flex-end" wrap="wrap" data-testid="milestone">
            <TextInput
              style={{ flex: 1, minWidth: 220 }}
              label={`${t('project.milestoneTitle')} ${index + 1}`}
              value={milestone.title}
              readOnly={!editable}
              onChange={(event) => update(index, { title: event.currentTarget.value })}
            />
            <DateField
              label={`${t('project.milestoneDate')} ${index + 1}`}
              value={milestone.date}
              readOnly={!editable}
              onChange={(date) => update(index, { date })}
              w={170}
            />
            {editable && (
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                aria-label={t('project.removeMilestone', { number: index + 1 })}
                onClick={() => onChange(value.filter((_, position) => position !== index))}
              >
                ✕
              </ActionIcon>
            )}
          </Group>
        ))}
        {editable && (
          <Button
            variant="default"
            size="xs"
            style={{ alignSelf: 'flex-start' }}
            onClick={() => onChange([...value, { title: '', date: null }])}
          >
            {t('project.addMilestone')}
          </Button>
        )}
      </Stack>
    </Section>
  );
}
