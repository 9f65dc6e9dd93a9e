import type { Incident, IncidentCreate } from '@forvalta/contracts';
import { Checkbox, Modal, MultiSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ConfidentialParagraphField } from '../../components/ConfidentialMark.tsx';
import { notifySuccess } from '../../components/error-messages.ts';
import { FormActions } from '../../components/FormActions.tsx';
import { useVersionedSave } from '../../components/VersionedForm.tsx';
import { useSystemOptions } from '../systems/systems.queries.ts';
import { instantOfStockholmLocal, stockholmLocalValue } from './incidents-values.ts';
import { incidentSavedInvalidates, loadIncident, saveIncident } from './incidents.queries.ts';

interface IncidentFormValues {
  title: string;
  description: string;
  detectedAt: string;
  systemIds: string[];
  significant: boolean;
  lessons: string;
  confidentialOslParagraph: string;
}

function valuesOf(incident: Incident | null): IncidentFormValues {
  return {
    title: incident?.title ?? '',
    description: incident?.description ?? '',
    detectedAt: stockholmLocalValue(incident ? new Date(incident.detectedAt) : new Date()),
    systemIds: incident?.systems.map((system) => system.id) ?? [],
    significant: incident?.significant ?? false,
    lessons: incident?.lessons ?? '',
    confidentialOslParagraph: incident?.confidentialOslParagraph ?? '',
  };
}

function bodyOf(values: IncidentFormValues): IncidentCreate {
  return {
    title: values.title.trim(),
    description: values.description.trim() || null,
    detectedAt: instantOfStockholmLocal(values.detectedAt) ?? '',
    systemIds: values.systemIds,
    significant: values.significant,
    lessons: values.lessons.trim() || null,
    confidentialOslParagraph: values.confidentialOslParagraph.trim() || null,
  };
}

/** Records or edits an incident. The clocks are the server's to compute from the detection time. */
export function IncidentFormModal({ incident, onClose }: { incident: Incident | null; onClose: () => void }) {
  const { t } = useTranslation('incidents');
  const navigate = useNavigate();
  const narrow = useMediaQuery('(max-width: 47.99em)');
  const required = t('translation:common.required');
  const systems = useSystemOptions();
  const form = useForm<IncidentFormValues>({
    mode: 'controlled',
    initialValues: valuesOf(incident),
    validate: {
      title: (value) => (value.trim() === '' ? required : null),
      detectedAt: (value) => (instantOfStockholmLocal(value) ? null : t('form.invalidTime')),
      systemIds: (value) => (value.length === 0 ? required : null),
    },
  });
  const save = useVersionedSave({
    form,
    record: incident,
    valuesOf,
    labels: { title: t('form.title'), detectedAt: t('form.detectedAt'), systemIds: t('form.systems') },
    load: loadIncident,
    save: (values, version) => saveIncident(bodyOf(values), incident, version),
    invalidates: incidentSavedInvalidates,
    onSaved: (saved) => {
      notifySuccess(t(incident ? 'form.updated' : 'form.created', { name: saved.title }));
      onClose();
      if (!incident) void navigate({ to: '/incidents/$incidentId', params: { incidentId: saved.id } });
    },
  });
  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      fullScreen={narrow}
      title={incident ? t('form.editTitle', { name: incident.title }) : t('form.createTitle')}
    >
      <form onSubmit={save.onSubmit} noValidate>
        <Stack gap="md">
          {save.alerts}
          <TextInput label={t('form.title')} required data-autofocus {...form.getInputProps('title')} />
          <TextInput
            type="datetime-local"
            label={t('form.detectedAt')}
            description={t('form.detectedAtHint')}
            required
            {...form.getInputProps('detectedAt')}
          />
          <MultiSelect
            label={t('form.systems')}
            required
            searchable
            data={(systems.data?.items ?? []).map((system) => ({ value: system.id, label: system.name }))}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('systemIds')}
          />
          <Checkbox
            label={t('form.significant')}
            description={t('form.significantHint')}
            {...form.getInputProps('significant', { type: 'checkbox' })}
          />
          <Textarea label={t('form.description')} autosize minRows={2} maxRows={6} {...form.getInputProps('description')} />
          <Textarea label={t('form.lessons')} autosize minRows={2} maxRows={6} {...form.getInputProps('lessons')} />
          <ConfidentialParagraphField {...form.getInputProps('confidentialOslParagraph')} />
          <FormActions
            onCancel={onClose}
            submitLabel={incident ? t('form.save') : t('form.create')}
            loading={save.saving}
            disabled={save.stale}
          />
        </Stack>
      </form>
    </Modal>
  );
}
