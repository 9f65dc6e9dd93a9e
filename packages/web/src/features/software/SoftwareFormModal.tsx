import type { Software, SoftwareCreate, SoftwareOrigin } from '@forvalta/contracts';
import { Modal, MultiSelect, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../components/error-messages.ts';
import { FormActions } from '../../components/FormActions.tsx';
import { useVersionedSave } from '../../components/VersionedForm.tsx';
import { useSystemOptions } from '../systems/systems.queries.ts';
import { softwareOriginValues } from './software-values.ts';
import { loadSoftware, saveSoftware, softwareSavedInvalidates } from './software.queries.ts';

interface SoftwareFormValues {
  product: string;
  maker: string;
  origin: SoftwareOrigin;
  licence: string;
  description: string;
  systemIds: string[];
}

function valuesOf(software: Software | null): SoftwareFormValues {
  return {
    product: software?.product ?? '',
    maker: software?.maker ?? '',
    origin: software?.origin ?? 'commercial',
    licence: software?.licence ?? '',
    description: software?.description ?? '',
    systemIds: software?.systems.map((system) => system.id) ?? [],
  };
}

function bodyOf(values: SoftwareFormValues): SoftwareCreate {
  return {
    product: values.product.trim(),
    maker: values.maker.trim() || null,
    origin: values.origin,
    licence: values.licence.trim() || null,
    description: values.description.trim() || null,
    systemIds: values.systemIds,
  };
}

/**
 * Creates or edits a product. An open-source product's licence is an SPDX expression, which the
 * server checks against the SPDX list; its refusal lands on the licence field.
 */
export function SoftwareFormModal({ software, onClose }: { software: Software | null; onClose: () => void }) {
  const { t } = useTranslation('software');
  const navigate = useNavigate();
  const required = t('translation:common.required');
  const systems = useSystemOptions();
  const form = useForm<SoftwareFormValues>({
    mode: 'controlled',
    initialValues: valuesOf(software),
    validate: { product: (value) => (value.trim() === '' ? required : null) },
  });
  const save = useVersionedSave({
    form,
    record: software,
    valuesOf,
    labels: {
      product: t('software.product'),
      maker: t('software.maker'),
      origin: t('software.origin'),
      licence: t('software.licence'),
      systemIds: t('software.systems'),
    },
    load: loadSoftware,
    save: (values, version) => saveSoftware(bodyOf(values), software, version),
    invalidates: softwareSavedInvalidates,
    onSaved: (saved) => {
      notifySuccess(t(software ? 'form.updated' : 'form.created', { name: saved.product }));
      onClose();
      if (!software) void navigate({ to: '/software/$softwareId', params: { softwareId: saved.id } });
    },
  });
  const values = form.getValues();
  return (
    <Modal opened onClose={onClose} size="lg" title={software ? t('form.editTitle', { name: software.product }) : t('form.createTitle')}>
      <form onSubmit={save.onSubmit} noValidate>
        <Stack gap="md">
          {save.alerts}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('software.product')} required data-autofocus {...form.getInputProps('product')} />
            <TextInput label={t('software.maker')} {...form.getInputProps('maker')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('software.origin')}
              description={values.origin === 'commercial' ? undefined : t('form.originHint')}
              allowDeselect={false}
              data={softwareOriginValues.map((origin) => ({ value: origin, label: t(`origin.${origin}`) }))}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('origin')}
            />
            <TextInput
              label={t('software.licence')}
              description={values.origin === 'open_source' ? t('form.spdxHint') : undefined}
              {...form.getInputProps('licence')}
            />
          </SimpleGrid>
          <MultiSelect
            label={t('software.systems')}
            searchable
            clearable
            data={(systems.data?.items ?? []).map((system) => ({ value: system.id, label: system.name }))}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('systemIds')}
          />
          <Textarea label={t('software.description')} autosize minRows={2} maxRows={6} {...form.getInputProps('description')} />
          <FormActions
            onCancel={onClose}
            submitLabel={software ? t('form.save') : t('form.create')}
            loading={save.saving}
            disabled={save.stale}
          />
        </Stack>
      </form>
    </Modal>
  );
}
