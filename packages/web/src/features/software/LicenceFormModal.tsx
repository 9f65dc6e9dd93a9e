import type { Licence, LicenceCreate, LicenceMetric } from '@forvalta/contracts';
import { Modal, NumberInput, Select, SimpleGrid, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField.tsx';
import { notifySuccess } from '../../components/error-messages.ts';
import { FormActions } from '../../components/FormActions.tsx';
import { useVersionedSave } from '../../components/VersionedForm.tsx';
import { contractOptionsQuery } from '../contracts/contracts.queries.ts';
import { licenceMetricValues } from './software-values.ts';
import { licenceSavedInvalidates, loadLicence, saveLicence, softwareOptionsQuery } from './software.queries.ts';

interface LicenceFormValues {
  softwareId: string | null;
  metric: LicenceMetric;
  quantity: number | string;
  validFrom: string | null;
  validUntil: string | null;
  contractId: string | null;
  notes: string;
}

const valuesOf =
  (presetSoftwareId: string | undefined) =>
  (licence: Licence | null): LicenceFormValues => ({
    softwareId: licence?.softwareId ?? presetSoftwareId ?? null,
    metric: licence?.metric ?? 'per_device',
    quantity: licence?.quantity ?? '',
    validFrom: licence?.validFrom ?? null,
    validUntil: licence?.validUntil ?? null,
    contractId: licence?.contractId ?? null,
    notes: licence?.notes ?? '',
  });

const counted = (metric: LicenceMetric) => metric !== 'unlimited';

function bodyOf(values: LicenceFormValues): LicenceCreate {
  return {
    softwareId: values.softwareId ?? '',
    metric: values.metric,
    quantity: counted(values.metric) && values.quantity !== '' ? Number(values.quantity) : null,
    validFrom: values.validFrom,
    validUntil: values.validUntil,
    contractId: values.contractId,
    notes: values.notes.trim() || null,
  };
}

/** Creates or edits a licence: a count of users, devices, cores or sites, or unlimited; never negative. */
export function LicenceFormModal({
  licence,
  presetSoftwareId,
  onClose,
}: {
  licence: Licence | null;
  presetSoftwareId?: string | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation('software');
  const required = t('translation:common.required');
  const products = useQuery(softwareOptionsQuery());
  const contracts = useQuery(contractOptionsQuery());
  const initial = valuesOf(presetSoftwareId);
  const form = useForm<LicenceFormValues>({
    mode: 'controlled',
    initialValues: initial(licence),
    validate: {
      softwareId: (value) => (value ? null : required),
      quantity: (value, values) =>
        !counted(values.metric) ? null : value === '' ? required : Number(value) < 0 ? t('licence.quantityNegative') : null,
    },
  });
  const save = useVersionedSave({
    form,
    record: licence,
    valuesOf: initial,
    labels: { metric: t('licence.metric'), quantity: t('licence.quantity'), validUntil: t('licence.validUntil') },
    load: loadLicence,
    save: (values, version) => saveLicence(bodyOf(values), licence, version),
    invalidates: licenceSavedInvalidates,
    onSaved: (saved) => {
      notifySuccess(t(licence ? 'licence.updated' : 'licence.created', { name: saved.softwareProduct }));
      onClose();
    },
  });
  const values = form.getValues();
  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={licence ? t('licence.editTitle', { name: licence.softwareProduct }) : t('licence.createTitle')}
    >
      <form onSubmit={save.onSubmit} noValidate>
        <Stack gap="md">
          {save.alerts}
          <Select
            label={t('software.product')}
            required
            searchable
            disabled={licence !== null}
            data={(products.data?.items ?? []).map((software) => ({ value: software.id, label: software.product }))}
            comboboxProps={{ withinPortal: true }}
            data-autofocus
            {...form.getInputProps('softwareId')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('licence.metric')}
              allowDeselect={false}
              data={licenceMetricValues.map((metric) => ({ value: metric, label: t(`metric.${metric}`) }))}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('metric')}
            />
            {counted(values.metric) && (
              <NumberInput label={t('licence.quantity')} required min={0} allowDecimal={false} {...form.getInputProps('quantity')} />
            )}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DateField label={t('licence.validFrom')} {...form.getInputProps('validFrom')} />
            <DateField label={t('licence.validUntil')} {...form.getInputProps('validUntil')} />
          </SimpleGrid>
          <Select
            label={t('licence.contract')}
            searchable
            clearable
            data={(contracts.data?.items ?? []).map((contract) => ({ value: contract.id, label: contract.title }))}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('contractId')}
          />
          <Textarea label={t('licence.notes')} autosize minRows={2} maxRows={5} {...form.getInputProps('notes')} />
          <FormActions
            onCancel={onClose}
            submitLabel={licence ? t('form.save') : t('form.create')}
            loading={save.saving}
            disabled={save.stale}
          />
        </Stack>
      </form>
    </Modal>
  );
}
