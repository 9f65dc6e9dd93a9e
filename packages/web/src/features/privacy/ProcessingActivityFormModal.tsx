import type { ProcessingActivity } from '@forvalta/contracts';
import { Checkbox, Fieldset, Modal, MultiSelect, Select, SimpleGrid, Stack, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ConfidentialParagraphField } from '../../components/ConfidentialMark.tsx';
import { DateField } from '../../components/DateField.tsx';
import { notifySuccess } from '../../components/error-messages.ts';
import { FormActions } from '../../components/FormActions.tsx';
import { useVersionedSave } from '../../components/VersionedForm.tsx';
import { DepartmentSelect } from '../organisation/departments/DepartmentSelect.tsx';
import { useSystemOptions } from '../systems/systems.queries.ts';
import { ProcessorRows, TransferRows } from './ActivityRowFields.tsx';
import { legalBasisValues, specialCategoryBasisValues } from './privacy-values.ts';
import { loadProcessingActivity, processingActivitySavedInvalidates, saveProcessingActivity } from './privacy.queries.ts';
import { type ActivityFormValues, type ActivityPreset, activityBodyOf, activityValuesOf } from './processing-form-model.ts';

const tooLong = (value: string, limit: number) => value.trim().length > limit;

/**
 * Creates or edits a record of processing with every article 30 field. Saving a change sends the
 * record back to the data protection officer (the server sets it pending); the form says so.
 */
export function ProcessingActivityFormModal({
  activity,
  preset,
  presetSystem,
  onClose,
}: {
  activity: ProcessingActivity | null;
  preset?: ActivityPreset;
  /** The system a new record is made from, offered even when the options have not loaded it. */
  presetSystem?: { id: string; name: string };
  onClose: () => void;
}) {
  const { t } = useTranslation('privacy');
  const navigate = useNavigate();
  const narrow = useMediaQuery('(max-width: 47.99em)');
  const systems = useSystemOptions();
  const systemOptions = (systems.data?.items ?? []).map((system) => ({ value: system.id, label: system.name }));
  for (const system of [...(activity?.systems ?? []), ...(presetSystem ? [presetSystem] : [])])
    if (!systemOptions.some((option) => option.value === system.id)) systemOptions.push({ value: system.id, label: system.name });
  const required = t('translation:common.required');
  const form = useForm<ActivityFormValues>({
    mode: 'controlled',
    initialValues: activityValuesOf(activity, preset),
    validate: {
      name: (value) => (value.trim() === '' ? required : tooLong(value, 200) ? t('form.tooLong', { count: 200 }) : null),
      purpose: (value) => (value.trim() === '' ? required : tooLong(value, 4000) ? t('form.tooLong', { count: 4000 }) : null),
      controllerDepartmentId: (value) => (value ? null : required),
      processors: {
        agreementExpiresOn: (value, values, path) => {
          const signed = values.processors[Number(path.split('.')[1])]?.agreementSignedOn;
          return value && signed && value < signed ? t('form.expiresBeforeSigned') : null;
        },
      },
      thirdCountryTransfers: {
        safeguard: (value, values, path) => {
          const country = values.thirdCountryTransfers[Number(path.split('.')[1])]?.country ?? '';
          return country.trim() !== '' && value.trim() === '' ? t('form.safeguardRequired') : null;
        },
      },
    },
  });
  const save = useVersionedSave({
    form,
    record: activity,
    valuesOf: (record) => activityValuesOf(record, preset),
    labels: {
      name: t('record.name'),
      purpose: t('record.purpose'),
      controllerDepartmentId: t('record.controller'),
      systemIds: t('record.systems'),
      legalBasis: t('record.legalBasis'),
      retention: t('record.retention'),
      processors: t('record.processors'),
      confidentialOslParagraph: t('translation:confidential.field'),
    },
    load: loadProcessingActivity,
    save: (values, version) => saveProcessingActivity(activityBodyOf(values), activity, version),
    invalidates: processingActivitySavedInvalidates,
    onSaved: (saved) => {
      notifySuccess(t(activity ? 'form.updated' : 'form.created', { name: saved.name }));
      onClose();
      if (!activity) void navigate({ to: '/processing-activities/$activityId', params: { activityId: saved.id } });
    },
  });
  const values = form.getValues();
  const hasSpecial = values.specialCategories.length > 0;

  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      fullScreen={narrow}
      title={activity ? t('form.editTitle', { name: activity.name }) : t('form.createTitle')}
    >
      <form onSubmit={save.onSubmit} noValidate>
        <Stack gap="md">
          {save.alerts}
          <TextInput label={t('record.name')} required data-autofocus {...form.getInputProps('name')} />
          <Textarea label={t('record.purpose')} required autosize minRows={2} maxRows={6} {...form.getInputProps('purpose')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DepartmentSelect
              label={t('record.controller')}
              description={t('form.controllerHint')}
              required
              clearable={false}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('controllerDepartmentId')}
            />
            <TextInput label={t('record.controllerBoard')} description={t('form.boardHint')} {...form.getInputProps('controllerBoard')} />
          </SimpleGrid>
          <MultiSelect
            label={t('record.systems')}
            description={t('form.systemsHint')}
            searchable
            clearable
            data={systemOptions}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('systemIds')}
          />
          <ConfidentialParagraphField description={t('form.confidentialHint')} {...form.getInputProps('confidentialOslParagraph')} />

          <Fieldset legend={t('form.legalLegend')}>
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Select
                  label={t('record.legalBasis')}
                  description={t('form.legalBasisHint')}
                  clearable
                  data={legalBasisValues.map((basis) => ({ value: basis, label: t(`legalBasis.${basis}`) }))}
                  comboboxProps={{ withinPortal: true }}
                  {...form.getInputProps('legalBasis')}
                />
                <TextInput
                  label={t('record.legalBasisNote')}
                  description={t('form.legalBasisNoteHint')}
                  {...form.getInputProps('legalBasisNote')}
                />
              </SimpleGrid>
              <Checkbox label={t('record.criminalData')} {...form.getInputProps('criminalData', { type: 'checkbox' })} />
              {values.criminalData && <TextInput label={t('record.criminalDataBasis')} {...form.getInputProps('criminalDataBasis')} />}
            </Stack>
          </Fieldset>

          <Fieldset legend={t('form.dataLegend')}>
            <Stack gap="sm">
              <TagsInput
                label={t('record.dataSubjects')}
                description={t('form.tagsHint')}
                clearable
                {...form.getInputProps('dataSubjectCategories')}
              />
              <TagsInput
                label={t('record.ordinaryCategories')}
                description={t('form.tagsHint')}
                {...form.getInputProps('ordinaryCategories')}
              />
              <TagsInput
                label={t('record.specialCategories')}
                description={t('form.specialCategoriesHint')}
                {...form.getInputProps('specialCategories')}
              />
              {hasSpecial && (
                <Select
                  label={t('record.specialCategoryBasis')}
                  description={t('form.specialCategoryBasisHint')}
                  clearable
                  data={specialCategoryBasisValues.map((basis) => ({ value: basis, label: t(`specialCategoryBasis.${basis}`) }))}
                  comboboxProps={{ withinPortal: true }}
                  {...form.getInputProps('specialCategoryBasis')}
                />
              )}
              <TagsInput label={t('record.recipients')} description={t('form.tagsHint')} {...form.getInputProps('recipients')} />
              <TransferRows form={form} />
            </Stack>
          </Fieldset>

          <Fieldset legend={t('form.keepingLegend')}>
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput label={t('record.retention')} description={t('form.retentionHint')} {...form.getInputProps('retention')} />
                <TextInput
                  label={t('record.retentionPlanReference')}
                  description={t('form.retentionPlanHint')}
                  {...form.getInputProps('retentionPlanReference')}
                />
              </SimpleGrid>
              <Textarea
                label={t('record.technicalMeasures')}
                autosize
                minRows={2}
                maxRows={6}
                {...form.getInputProps('technicalMeasures')}
              />
            </Stack>
          </Fieldset>

          <Fieldset legend={t('record.processors')}>
            <ProcessorRows form={form} />
          </Fieldset>

          <Fieldset legend={t('record.dpia')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Checkbox
                mt={{ sm: 28 }}
                label={t('record.dpiaNeeded')}
                description={hasSpecial ? t('form.dpiaSpecialHint') : undefined}
                {...form.getInputProps('dpiaNeeded', { type: 'checkbox' })}
              />
              <DateField label={t('record.dpiaDoneOn')} {...form.getInputProps('dpiaDoneOn')} />
            </SimpleGrid>
          </Fieldset>

          {activity && activity.reviewState !== 'pending' && (
            <Text size="sm" c="gray.8">
              {t('form.changeResetsReview')}
            </Text>
          )}
          <FormActions
            onCancel={onClose}
            submitLabel={activity ? t('form.save') : t('form.create')}
            loading={save.saving}
            disabled={save.stale}
          />
        </Stack>
      </form>
    </Modal>
  );
}
