import type { TrainingEntry } from '@forvalta/contracts';
import { ActionIcon, Button, Group, NativeSelect, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField.tsx';
import { PersonPicker } from '../organisation/roles/PersonPicker.tsx';
import { Section } from './project-page-parts.tsx';

const trainingAudiences = ['system_managers', 'it_unit', 'users', 'other_departments', 'person'] as const;

/** An entry being edited; `savedPersonId` and `personName` are the person as the server last returned them (the picker only knows what it found). */
export interface TrainingEntryDraft {
  audience: TrainingEntry['audience'];
  personId: string | null;
  savedPersonId: string | null;
  personName: string | null;
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
    .map((entry) => ({ audience: entry.audience, description: entry.description.trim(), byDate: entry.byDate, ...(entry.personId ? { personId: entry.personId } : {}) }));
}

/**
 * Who is trained in what (ITP-4.2.1-TRAIN-ADMINS, ITP-5-NEW-SYSTEM): each entry names a group, a
 * person from the register, or both (the system manager of the group, by name).
 */
export function TrainingPlanSection({ value, onChange, editable }: { value: TrainingPlanDraft; onChange: (next: TrainingPlanDraft) => void; editable: boolean }) {
  const { t } = useTranslation('lifecycle');
  const updateEntry = (index: number, change: Partial<TrainingEntryDraft>) => onChange({ ...value, entries: value.entries.map((entry, position) => (position === index ? { ...entry, ...change } : entry)) });
  return (
    <Section id="training" title={t('project.trainingPlan')}>
      <Stack>
        <Textarea label={t('project.trainingText')} value={value.text} onChange={(event) => onChange({ ...value, text: event.currentTarget.value })} autosize minRows={2} readOnly={!editable} />
        <Text size="sm" fw={600}>
          {t('project.trainingEntries')}
        </Text>
        {value.entries.length === 0 && <Text size="sm">{t('project.noTrainingEntries')}</Text>}
        {value.entries.map((entry, index) => {
          const number = index + 1;
          const personMissing = entry.audience === 'person' && !entry.personId;
          return (
            <Group key={index} align="flex-end" wrap="wrap" gap="sm" data-testid="training-entry">
              <NativeSelect
                label={`${t('project.audienceLabel')} ${number}`}
                value={entry.audience}
                disabled={!editable}
                onChange={(event) => updateEntry(index, { audience: event.currentTarget.value as TrainingEntry['audience'] })}
                data={trainingAudiences.map((audience) => ({ value: audience, label: t(`audience.${audience}`) }))}
                w={180}
              />
              {editable ? (
                <PersonPicker
                  label={`${t('project.trainedPerson')} ${number}`}
                  placeholder={entry.personName ?? t('project.choosePerson')}
                  description={entry.personName && entry.personId === entry.savedPersonId ? t('project.current', { name: entry.personName }) : entry.audience === 'person' ? t('project.trainedPersonRequired') : t('project.trainedPersonOptional')}
                  error={personMissing ? t('project.trainedPersonMissing') : undefined}
                  value={entry.personId === entry.savedPersonId ? null : entry.personId}
                  onChange={(personId) => updateEntry(index, { personId: personId ?? entry.savedPersonId })}
                  w={240}
                />
              ) : (
                entry.personName && (
                  <TextInput label={`${t('project.trainedPerson')} ${number}`} value={entry.personName} readOnly w={240} data-testid="training-person" />
                )
              )}
              <TextInput
                style={{ flex: 1, minWidth: 200 }}
                label={`${t('project.entryDescription')} ${number}`}
                value={entry.description}
                readOnly={!editable}
                onChange={(event) => updateEntry(index, { description: event.currentTarget.value })}
              />
              <DateField label={`${t('project.byDate')} ${number}`} value={entry.byDate} readOnly={!editable} onChange={(byDate) => updateEntry(index, { byDate })} w={160} mb={personMissing ? 20 : 0} />
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
            onClick={() => onChange({ ...value, entries: [...value.entries, { audience: 'system_managers', personId: null, savedPersonId: null, personName: null, description: '', byDate: null }] })}
          >
            {t('project.addEntry')}
          </Button>
        )}
      </Stack>
    </Section>
  );
}
