import type { Department, DepartmentCreate } from '@forvalta/contracts';
import { FormActions } from '../../../components/FormActions.tsx';
import { Checkbox, Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../../components/error-messages.ts';
import { useVersionedSave } from '../../../components/VersionedForm.tsx';
import { DepartmentSelect } from './DepartmentSelect.tsx';
import { departmentKeys, descendantIds, loadDepartment, saveDepartment } from './departments.queries.ts';

interface DepartmentFormValues {
  name: string;
  shortName: string;
  parentId: string | null;
  isItUnit: boolean;
}

function valuesOf(department: Department | null): DepartmentFormValues {
  return {
    name: department?.name ?? '',
    shortName: department?.shortName ?? '',
    parentId: department?.parentId ?? null,
    isItUnit: department?.isItUnit ?? false,
  };
}

function bodyOf(values: DepartmentFormValues): DepartmentCreate {
  return {
    name: values.name.trim(),
    shortName: values.shortName.trim() === '' ? null : values.shortName.trim(),
    parentId: values.parentId,
    isItUnit: values.isItUnit,
  };
}

interface DepartmentFormModalProps {
  /** null creates a new department. */
  department: Department | null;
  departments: Department[];
  onClose: () => void;
}

export function DepartmentFormModal({ department, departments, onClose }: DepartmentFormModalProps) {
  const { t } = useTranslation();

  const form = useForm<DepartmentFormValues>({
    mode: 'controlled',
    initialValues: valuesOf(department),
    validate: {
      name: (value) => (value.trim() === '' ? t('common.required') : value.trim().length > 160 ? t('common.tooLong') : null),
      shortName: (value) => (value.trim().length > 40 ? t('common.tooLong') : null),
    },
  });

  const excluded = useMemo(() => (department ? descendantIds(departments, department.id) : new Set<string>()), [department, departments]);

  const save = useVersionedSave({
    form,
    record: department,
    valuesOf,
    labels: {
      name: t('departments.name'),
      shortName: t('departments.shortName'),
      parentId: t('departments.parent'),
      isItUnit: t('departments.isItUnit'),
    },
    load: loadDepartment,
    save: (values, version) => saveDepartment(bodyOf(values), department, version),
    invalidates: [departmentKeys.all],
    onSaved: (saved) => {
      notifySuccess(t(department ? 'departments.updated' : 'departments.created', { name: saved.name }));
      onClose();
    },
    fieldMessages: () => ({ isItUnit: t('departments.itUnitTaken') }),
  });

  return (
    <Modal
      opened
      onClose={onClose}
      title={department ? t('departments.editTitle', { name: department.name }) : t('departments.createTitle')}
      size="lg"
    >
      <form onSubmit={save.onSubmit} noValidate>
        <Stack gap="md">
          {save.alerts}
          <TextInput label={t('departments.name')} required data-autofocus {...form.getInputProps('name')} />
          <TextInput label={t('departments.shortName')} description={t('common.optional')} {...form.getInputProps('shortName')} />
          <DepartmentSelect
            label={t('departments.parent')}
            placeholder={t('departments.parentPlaceholder')}
            excludeIds={excluded}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('parentId')}
          />
          <Checkbox
            label={t('departments.isItUnit')}
            description={t('departments.isItUnitHint')}
            {...form.getInputProps('isItUnit', { type: 'checkbox' })}
          />
          <FormActions onCancel={onClose} mt="sm" loading={save.saving} disabled={save.stale} />
        </Stack>
      </form>
    </Modal>
  );
}
