import type { Course, CourseCreate, CourseUpdate, TrainingTopic } from '@forvalta/contracts';
import { Checkbox, Modal, MultiSelect, NumberInput, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/FormActions.tsx';
import { notifySuccess } from '../../components/error-messages.ts';
import { useVersionedSave } from '../../components/VersionedForm.tsx';
import { DepartmentSelect } from '../organisation/departments/DepartmentSelect.tsx';
import { useAllDepartments } from '../organisation/departments/departments.queries.ts';
import { useSystemOptions } from '../systems/systems.queries.ts';
import { loadCourse, saveCourse, trainingInvalidates } from './training.queries.ts';
import { trainingTopics } from './training-values.ts';

interface CourseFormValues {
  title: string;
  topic: TrainingTopic;
  systemId: string | null;
  responsibleDepartmentId: string | null;
  recurrenceMonths: number | string;
  mandatory: boolean;
  audienceDepartmentIds: string[];
  description: string;
}

function valuesOf(course: Course | null): CourseFormValues {
  return {
    title: course?.title ?? '',
    topic: course?.topic ?? 'it_security_and_networks',
    systemId: course?.systemId ?? null,
    responsibleDepartmentId: course?.responsibleDepartmentId ?? null,
    recurrenceMonths: course?.recurrenceMonths ?? '',
    mandatory: course?.mandatory ?? true,
    audienceDepartmentIds: course?.audienceDepartmentIds ?? [],
    description: course?.description ?? '',
  };
}

function bodyOf(values: CourseFormValues, course: Course | null): CourseCreate | CourseUpdate {
  const recurrence = values.recurrenceMonths === '' ? null : Number(values.recurrenceMonths);
  const common = {
    title: values.title.trim(),
    // A new IT-security course without a recurrence takes the policy pack's interval (left out, not null).
    ...(course || recurrence !== null || values.topic !== 'it_security_and_networks' ? { recurrenceMonths: recurrence } : {}),
    mandatory: values.mandatory,
    audienceDepartmentIds: values.audienceDepartmentIds,
    description: values.description.trim() === '' ? null : values.description.trim(),
    ...(values.topic === 'other' ? { responsibleDepartmentId: values.responsibleDepartmentId } : {}),
  };
  if (course) return common;
  return { ...common, topic: values.topic, ...(values.topic === 'system' ? { systemId: values.systemId } : {}) };
}

/** Creates a course (its topic and system are chosen once) or edits one. */
export function CourseFormModal({ course, onClose }: { course: Course | null; onClose: () => void }) {
  const { t } = useTranslation('training');
  const navigate = useNavigate();
  const systems = useSystemOptions();
  const departments = useAllDepartments();
  const form = useForm<CourseFormValues>({
    mode: 'controlled',
    initialValues: valuesOf(course),
    validate: {
      title: (value) => (value.trim() === '' ? t('form.required') : value.trim().length > 200 ? t('form.tooLong') : null),
      systemId: (value, values) => (values.topic === 'system' && !value ? t('form.systemRequired') : null),
    },
  });
  const save = useVersionedSave({
    form,
    record: course,
    valuesOf,
    labels: {
      title: t('form.title'),
      recurrenceMonths: t('form.recurrenceMonths'),
      mandatory: t('form.mandatory'),
      audienceDepartmentIds: t('form.audience'),
      description: t('form.description'),
      responsibleDepartmentId: t('form.responsibleDepartment'),
    },
    load: loadCourse,
    save: (values, version) => saveCourse(bodyOf(values, course), course, version),
    invalidates: trainingInvalidates,
    onSaved: (saved) => {
      notifySuccess(t(course ? 'form.updated' : 'form.created', { title: saved.title }));
      onClose();
      if (!course) void navigate({ to: '/training/courses/$courseId', params: { courseId: saved.id } });
    },
  });
  const topic = form.getValues().topic;
  const departmentOptions = (departments.data ?? []).map((department) => ({ value: department.id, label: department.name }));

  return (
    <Modal opened onClose={onClose} size="lg" title={course ? t('form.editTitle', { title: course.title }) : t('form.createTitle')}>
      <form onSubmit={save.onSubmit} noValidate>
        <Stack gap="md">
          {save.alerts}
          <TextInput label={t('form.title')} required data-autofocus {...form.getInputProps('title')} />
          <Select
            label={t('form.topic')}
            required
            disabled={course !== null}
            description={course ? t('form.topicFixed') : t('form.topicHint')}
            allowDeselect={false}
            data={trainingTopics.map((value) => ({ value, label: t(`topic.${value}`) }))}
            {...form.getInputProps('topic')}
          />
          {topic === 'system' && (
            <Select
              label={t('form.system')}
              required
              searchable
              disabled={course !== null}
              data={(systems.data?.items ?? []).map((system) => ({ value: system.id, label: system.name }))}
              {...form.getInputProps('systemId')}
            />
          )}
          {topic === 'other' && (
            <DepartmentSelect label={t('form.responsibleDepartment')} {...form.getInputProps('responsibleDepartmentId')} />
          )}
          <NumberInput
            label={t('form.recurrenceMonths')}
            description={t(topic === 'it_security_and_networks' && !course ? 'form.recurrencePackDefault' : 'form.recurrenceHint')}
            min={1}
            max={240}
            allowDecimal={false}
            {...form.getInputProps('recurrenceMonths')}
          />
          <Checkbox
            label={t('form.mandatory')}
            description={t('form.mandatoryHint')}
            {...form.getInputProps('mandatory', { type: 'checkbox' })}
          />
          <MultiSelect
            label={t('form.audience')}
            description={t('form.audienceHint')}
            searchable
            data={departmentOptions}
            {...form.getInputProps('audienceDepartmentIds')}
          />
          <Textarea label={t('form.description')} autosize minRows={3} {...form.getInputProps('description')} />
          <FormActions onCancel={onClose} mt="sm" loading={save.saving} disabled={save.stale} />
        </Stack>
      </form>
    </Modal>
  );
}
