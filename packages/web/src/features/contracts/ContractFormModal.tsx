import type { Contract, ContractCreate } from '@forvalta/contracts';
import { Checkbox, Modal, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField.tsx';
import { notifySuccess } from '../../components/error-messages.ts';
import { FormActions } from '../../components/FormActions.tsx';
import { useVersionedSave } from '../../components/VersionedForm.tsx';
import { useSystemOptions } from '../systems/systems.queries.ts';
import { contractSavedInvalidates, loadContract, saveContract, supplierOptionsQuery } from './contracts.queries.ts';

const noticeUnits = ['days', 'weeks', 'months'] as const;

interface ContractFormValues {
  title: string;
  reference: string;
  supplierId: string | null;
  startsOn: string | null;
  endsOn: string | null;
  noticeAmount: number | string;
  noticeUnit: (typeof noticeUnits)[number];
  automaticRenewal: boolean;
  renewalMonths: number | string;
  yearlyCost: number | string;
  reminderDays: number | string;
  systemIds: string[];
  notes: string;
}

function valuesOf(contract: Contract | null): ContractFormValues {
  return {
    title: contract?.title ?? '',
    reference: contract?.reference ?? '',
    supplierId: contract?.supplierId ?? null,
    startsOn: contract?.startsOn ?? null,
    endsOn: contract?.endsOn ?? null,
    noticeAmount: contract?.noticePeriod.amount ?? 3,
    noticeUnit: contract?.noticePeriod.unit ?? 'months',
    automaticRenewal: contract?.automaticRenewal ?? false,
    renewalMonths: contract?.renewalMonths ?? 12,
    yearlyCost: contract?.yearlyCost ?? '',
    reminderDays: contract?.reminderDays ?? 60,
    systemIds: contract?.systems.map((system) => system.id) ?? [],
    notes: contract?.notes ?? '',
  };
}

function bodyOf(values: ContractFormValues): ContractCreate {
  return {
    title: values.title.trim(),
    reference: values.reference.trim() || null,
    supplierId: values.supplierId ?? '',
    startsOn: values.startsOn ?? '',
    endsOn: values.endsOn ?? '',
    noticePeriod: { amount: Number(values.noticeAmount), unit: values.noticeUnit },
    automaticRenewal: values.automaticRenewal,
    renewalMonths: values.automaticRenewal ? Number(values.renewalMonths) : null,
    yearlyCost: values.yearlyCost === '' ? null : Number(values.yearlyCost),
    reminderDays: Number(values.reminderDays),
    systemIds: values.systemIds,
    notes: values.notes.trim() || null,
  };
}

/**
 * Creates or edits a contract. The last day to give notice is the server's to compute (the end
 * minus the notice period, moved back over weekends and Swedish public holidays); the page shows it.
 */
export function ContractFormModal({ contract, onClose }: { contract: Contract | null; onClose: () => void }) {
  const { t } = useTranslation('software');
  const navigate = useNavigate();
  const narrow = useMediaQuery('(max-width: 47.99em)');
  const required = t('translation:common.required');
  const suppliers = useQuery(supplierOptionsQuery());
  const systems = useSystemOptions();
  const form = useForm<ContractFormValues>({
    mode: 'controlled',
    initialValues: valuesOf(contract),
    validate: {
      title: (value) => (value.trim() === '' ? required : null),
      supplierId: (value) => (value ? null : required),
      startsOn: (value) => (value ? null : required),
      endsOn: (value, values) => (!value ? required : values.startsOn && value < values.startsOn ? t('contract.endBeforeStart') : null),
      noticeAmount: (value) => (value === '' ? required : null),
    },
  });
  const save = useVersionedSave({
    form,
    record: contract,
    valuesOf,
    labels: {
      title: t('contract.title'),
      supplierId: t('contract.supplier'),
      endsOn: t('contract.endsOn'),
      noticeAmount: t('contract.noticePeriod'),
    },
    load: loadContract,
    save: (values, version) => saveContract(bodyOf(values), contract, version),
    invalidates: contractSavedInvalidates,
    onSaved: (saved) => {
      notifySuccess(t(contract ? 'contract.updated' : 'contract.created', { name: saved.title }));
      onClose();
      if (!contract) void navigate({ to: '/contracts/$contractId', params: { contractId: saved.id } });
    },
  });
  const values = form.getValues();
  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      fullScreen={narrow}
      title={contract ? t('contract.editTitle', { name: contract.title }) : t('contract.createTitle')}
    >
      <form onSubmit={save.onSubmit} noValidate>
        <Stack gap="md">
          {save.alerts}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('contract.title')} required data-autofocus {...form.getInputProps('title')} />
            <TextInput label={t('contract.reference')} {...form.getInputProps('reference')} />
          </SimpleGrid>
          <Select
            label={t('contract.supplier')}
            required
            searchable
            data={(suppliers.data?.items ?? []).map((supplier) => ({ value: supplier.id, label: supplier.name }))}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('supplierId')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DateField label={t('contract.startsOn')} required {...form.getInputProps('startsOn')} />
            <DateField label={t('contract.endsOn')} required {...form.getInputProps('endsOn')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput
              label={t('contract.noticePeriod')}
              required
              min={0}
              max={120}
              allowDecimal={false}
              {...form.getInputProps('noticeAmount')}
            />
            <Select
              label={t('contract.noticeUnit')}
              allowDeselect={false}
              data={noticeUnits.map((unit) => ({ value: unit, label: t(`unit.${unit}`) }))}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('noticeUnit')}
            />
            <NumberInput
              label={t('contract.reminderDays')}
              description={t('contract.reminderHint')}
              min={0}
              max={730}
              allowDecimal={false}
              {...form.getInputProps('reminderDays')}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Checkbox
              mt={{ sm: 28 }}
              label={t('contract.automaticRenewal')}
              {...form.getInputProps('automaticRenewal', { type: 'checkbox' })}
            />
            {values.automaticRenewal ? (
              <NumberInput
                label={t('contract.renewalMonths')}
                min={1}
                max={120}
                allowDecimal={false}
                {...form.getInputProps('renewalMonths')}
              />
            ) : (
              <div />
            )}
            <NumberInput
              label={t('contract.yearlyCost')}
              min={0}
              thousandSeparator=" "
              suffix=" kr"
              {...form.getInputProps('yearlyCost')}
            />
          </SimpleGrid>
          <MultiSelect
            label={t('contract.systems')}
            searchable
            clearable
            data={(systems.data?.items ?? []).map((system) => ({ value: system.id, label: system.name }))}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('systemIds')}
          />
          <Textarea label={t('contract.notes')} autosize minRows={2} maxRows={5} {...form.getInputProps('notes')} />
          <FormActions
            onCancel={onClose}
            submitLabel={contract ? t('form.save') : t('form.create')}
            loading={save.saving}
            disabled={save.stale}
          />
        </Stack>
      </form>
    </Modal>
  );
}
