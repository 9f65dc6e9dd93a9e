import type { TrainingEntry } from '@forvalta/contracts';
import { ActionIcon, Button, Group, NativeSelect, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField.tsx';
import { PersonField } from '../risks/PersonField.tsx';
import { noPerson, type PersonDraft } from '../risks/risk-form-model.ts';
import { Section } from './project-page-parts.tsx';
import { useRowKeys } from '../../components/stable-keys.ts';

const trainingAudiences = ['system_managers', 'it_unit', 'users', 'other_departments', 'person'] as const;

export interface TrainingEntryDraft {
  audience: TrainingEntry['audience'];
  /** The named person, with the one the server last returned (the picker only knows whom it found). */
  person: PersonDraft;
  description: string;
  byDate: string | null;
}

export interface TrainingPlanDraft {
  text: string;
  entries: TrainingEntryDraft[];
}

/** The body's entries: blank descriptions dropped, the person only when one is named. */
export function trainingEntriesOf(entries: TrainingEntryDraft[]): TrainingEntry[] {
  return entries
    .filter((entry) => entry.description.trim())
    .map((entry) => ({
      audience: entry.audience,
      description: entry.description.trim(),
      byDate: entry.byDate,
      ...(entry.person.personId ? { personId: entry.person.personId } : {}),
    }));
}

/**
 * Who is trained in what (ITP-4.2.1-TRAIN-ADMINS, ITP-5-NEW-SYSTEM): each entry names a group, a
 * person from the register, or both (the system manager of the group, by name).
 */
export function TrainingPlanSection({
  value,
  onChange,
  editable,
}: {
  value: TrainingPlanDraft;
  onChange: (next: TrainingPlanDraft) => void;
  editable: boolean;
}) {
  const { t } = useTranslation('lifecycle');
  const entryKeys = useRowKeys(value.entries);
  const updateEntry = (index: number, change: Partial<TrainingEntryDraft>) =>
    onChange({ ...value, entries: value.entries.map((entry, position) => (position === index ? { ...entry, ...change } : entry)) });
  return (
    <Section id="training" title={t('project.trainingPlan')}>
      <Stack>
        <Textarea
          label={t('project.trainingText')}
          value={value.text}
          onChange={(event) => onChange({ ...value, text: event.currentTarget.value })}
          autosize
          minRows={2}
          readOnly={!editable}
        />
        <Text size="sm" fw={600}>
          {t('project.trainingEntries')}
        </Text>
        {value.entries.length === 0 && <Text size="sm">{t('project.noTrainingEntries')}</Text>}
        {value.entries.map((entry, index) => {
          const number = index + 1;
          const personMissing = entry.audience === 'person' && !entry.person.personId;
          return (
            <Group key={entryKeys[index]} align="flex-end" wrap="wrap" gap="sm" data-testid="training-entry">
              <NativeSelect
                label={`${t('project.audienceLabel')} ${number}`}
                value={entry.audience}
                disabled={!editable}
                onChange={(event) => updateEntry(index, { audience: event.currentTarget.value as TrainingEntry['audience'] })}
                data={trainingAudiences.map((audience) => ({ value: audience, label: t(`audience.${audience}`) }))}
                w={180}
              />
              {editable ? (
                <PersonField
                  label={`${t('project.trainedPerson')} ${number}`}
                  description={entry.audience === 'person' ? t('project.trainedPersonRequired') : t('project.trainedPersonOptional')}
                  error={personMissing ? t('project.trainedPersonMissing') : undefined}
                  value={entry.person}
                  onChange={(person) => updateEntry(index, { person })}
                  w={240}
                />
              ) : (
                entry.person.savedName && (
                  <TextInput
                    label={`${t('project.trainedPerson')} ${number}`}
                    value={entry.person.savedName}
                    readOnly
                    w={240}
                    data-testid="training-person"
                  />
                )
              )}
              <TextInput
                style={{ flex: 1, minWidth: 200 }}
                label={`${t('project.entryDescription')} ${number}`}
                value={entry.description}
                readOnly={!editable}
                onChange={(event) => updateEntry(index, { description: event.currentTarget.value })}
              />
              <DateField
                label={`${t('project.byDate')} ${number}`}
                value={entry.byDate}
                readOnly={!editable}
                onChange={(byDate) => updateEntry(index, { byDate })}
                w={160}
                mb={personMissing ? 20 : 0}
              />
              {editable && (
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  mb={personMissing ? 22 : 2}
                  aria-label={t('project.removeEntry', { number })}
                  onClick={() => onChange({ ...value, entries: value.entries.filter((_, position) => position !== index) })}
                >
                  ✕
                </ActionIcon>
              )}
            </Group>
          );
        })}
        {editable && (
          <Button
            variant="default"
            size="xs"
            style={{ alignSelf: 'flex-start' }}
            onClick={() =>
              onChange({
                ...value,
                entries: [...value.entries, { audience: 'system_managers', person: noPerson(), description: '', byDate: null }],
              })
            }
          >
            {t('project.addEntry')}
          </Button>
        )}
      </Stack>
    </Section>
  );
}
