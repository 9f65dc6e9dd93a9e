import type { Department, DepartmentCreate } from '@forvalta/contracts';
import { Button, Checkbox, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { legacyApi, isApiError } from '../../../api/client.ts';
import { fieldErrorsOf, notifyError, notifySuccess } from '../../../components/error-messages.ts';
import { StaleRecordAlert } from '../../../components/StaleRecordAlert.tsx';
import { DepartmentSelect } from './DepartmentSelect.tsx';
import { descendantIds } from './departments.queries.ts';

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

interface DepartmentFormModalProps {
  /** null creates a new department. */
  department: Department | null;
  departments: Department[];
  onClose: () => void;
}

export function DepartmentFormModal({ department, departments, onClose }: DepartmentFormModalProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  // The version the user started editing; a newer one on the server means a lost update.
  const [editedVersion, setEditedVersion] = useState(department?.version ?? 0);
  const [stale, setStale] = useState(false);

  const form = useForm<DepartmentFormValues>({
    mode: 'controlled',
    initialValues: valuesOf(department),
    validate: {
      name: (value) => (value.trim() === '' ? t('common.required') : value.trim().length > 160 ? t('common.tooLong') : null),
      shortName: (value) => (value.trim().length > 40 ? t('common.tooLong') : null),
    },
  });

  const excluded = useMemo(() => (department ? descendantIds(departments, department.id) : new Set<string>()), [department, departments]);

  const save = useMutation({
    mutationFn: (values: DepartmentFormValues) => {
      const body: DepartmentCreate = {
        name: values.name.trim(),
        shortName: values.shortName.trim() === '' ? null : values.shortName.trim(),
        parentId: values.parentId,
        isItUnit: values.isItUnit,
      };
      return department
        ? legacyApi.patch<Department>(`/departments/${department.id}`, editedVersion, body)
        : legacyApi.post<Department>('/departments', body);
    },
    onSuccess: (saved) => {
      notifySuccess(t(department ? 'departments.updated' : 'departments.created', { name: saved.name }));
      void queryClient.invalidateQueries({ queryKey: ['departments'] });
      onClose();
    },
    onError: (error) => {
      if (isApiError(error, 'version_mismatch')) return setStale(true);
      form.setErrors(fieldErrorsOf(error, { isItUnit: t('departments.itUnitTaken') }));
      notifyError(error);
    },
  });

  const reload = async () => {
    if (!department) return;
    const fresh = await legacyApi.get<Department>(`/departments/${department.id}`);
    form.setValues(valuesOf(fresh));
    setEditedVersion(fresh.version);
    setStale(false);
    void queryClient.invalidateQueries({ queryKey: ['departments'] });
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={department ? t('departments.editTitle', { name: department.name }) : t('departments.createTitle')}
      size="lg"
    >
      <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
        <Stack gap="md">
          {stale && <StaleRecordAlert onReload={() => void reload().catch(notifyError)} />}
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
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} disabled={stale}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
