import type { Course, TrainingSession, TrainingSessionCreate, TrainingSessionUpdate } from '@forvalta/contracts';
import { Modal, NumberInput, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField.tsx';
import { FormActions } from '../../components/FormActions.tsx';
import { notifySuccess } from '../../components/error-messages.ts';
import { useVersionedSave } from '../../components/VersionedForm.tsx';
import { PersonPicker } from '../organisation/roles/PersonPicker.tsx';
import { stockholmInstant, stockholmParts } from './session-times.ts';
import { loadSession, saveSession, trainingInvalidates } from './training.queries.ts';

interface SessionFormValues {
  date: string | null;
  startTime: string;
  endTime: string;
  place: string;
  trainerPersonId: string | null;
  capacity: number | string;
  notes: string;
}

function valuesOf(session: TrainingSession | null): SessionFormValues {
  const start = stockholmParts(session?.startsAt);
  return {
    date: start.date,
    startTime: session ? start.time : '09:00',
    endTime: session ? stockholmParts(session.endsAt).time : '12:00',
    place: session?.place ?? '',
    trainerPersonId: session?.trainerPersonId ?? null,
    capacity: session?.capacity ?? '',
    notes: session?.notes ?? '',
  };
}

function bodyOf(values: SessionFormValues): TrainingSessionUpdate {
  return {
    startsAt: stockholmInstant(values.date!, values.startTime),
    endsAt: stockholmInstant(values.date!, values.endTime),
    place: values.place.trim() === '' ? null : values.place.trim(),
    trainerPersonId: values.trainerPersonId,
    capacity: values.capacity === '' ? null : Number(values.capacity),
    notes: values.notes.trim() === '' ? null : values.notes.trim(),
  };
}

/** Plans a session of a course, or changes one (the day, the times, the place, the trainer, the places). */
export function SessionFormModal({
  course,
  session,
  onClose,
}: {
  course: Pick<Course, 'id' | 'title'>;
  session: TrainingSession | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('training');
  const navigate = useNavigate();
  const form = useForm<SessionFormValues>({
    mode: 'controlled',
    initialValues: valuesOf(session),
    validate: {
      date: (value) => (value ? null : t('form.required')),
      startTime: (value) => (/^\d{2}:\d{2}$/.test(value) ? null : t('form.required')),
      endTime: (value, values) =>
        !/^\d{2}:\d{2}$/.test(value) ? t('form.required') : value <= values.startTime ? t('form.endAfterStart') : null,
    },
  });
  const save = useVersionedSave({
    form,
    record: session,
    valuesOf,
    labels: {
      date: t('form.date'),
      startTime: t('form.startTime'),
      endTime: t('form.endTime'),
      place: t('form.place'),
      trainerPersonId: t('form.trainer'),
      capacity: t('form.capacity'),
      notes: t('form.notes'),
    },
    load: loadSession,
    save: (values, version) =>
      saveSession(session ? bodyOf(values) : ({ ...bodyOf(values), courseId: course.id } as TrainingSessionCreate), session, version),
    invalidates: trainingInvalidates,
    onSaved: (saved) => {
      notifySuccess(t(session ? 'form.sessionUpdated' : 'form.sessionCreated'));
      onClose();
      if (!session) void navigate({ to: '/training/sessions/$sessionId', params: { sessionId: saved.id } });
    },
  });

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={session ? t('form.editSessionTitle') : t('form.planSessionTitle', { title: course.title })}
    >
      <form onSubmit={save.onSubmit} noValidate>
        <Stack gap="md">
          {save.alerts}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <DateField label={t('form.date')} required data-autofocus {...form.getInputProps('date')} />
            <TextInput type="time" label={t('form.startTime')} required {...form.getInputProps('startTime')} />
            <TextInput type="time" label={t('form.endTime')} required {...form.getInputProps('endTime')} />
          </SimpleGrid>
          <TextInput label={t('form.place')} {...form.getInputProps('place')} />
          <PersonPicker label={t('form.trainer')} {...form.getInputProps('trainerPersonId')} />
          <NumberInput
            label={t('form.capacity')}
            description={t('form.capacityHint')}
            min={1}
            max={10000}
            allowDecimal={false}
            {...form.getInputProps('capacity')}
          />
          <Textarea label={t('form.notes')} autosize minRows={2} {...form.getInputProps('notes')} />
          <FormActions onCancel={onClose} mt="sm" loading={save.saving} disabled={save.stale} />
        </Stack>
      </form>
    </Modal>
  );
}
