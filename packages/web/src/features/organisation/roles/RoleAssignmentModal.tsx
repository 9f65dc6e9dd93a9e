import type { Role, RoleAssignment, RoleAssignmentCreate } from '@forvalta/contracts';
import { FormActions } from '../../../components/FormActions.tsx';
import { Modal, Select, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.ts';
import { fieldErrorsOf, notifyError, notifySuccess } from '../../../components/error-messages.ts';
import { DepartmentSelect } from '../departments/DepartmentSelect.tsx';
import { PersonPicker } from './PersonPicker.tsx';
import { allRoles, departmentScopedRoles } from './role-names.ts';
import { useAssignRole } from './roles.queries.ts';

interface RoleAssignmentFormValues {
  personId: string | null;
  role: Role | null;
  departmentId: string | null;
}

/** "Tilldela roll": person, role, and the department when the role is department-scoped. */
export function RoleAssignmentModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm<RoleAssignmentFormValues>({
    mode: 'controlled',
    initialValues: { personId: null, role: null, departmentId: null },
    validate: {
      personId: (value) => (value ? null : t('common.required')),
      role: (value) => (value ? null : t('common.required')),
      departmentId: (value, values) => (values.role && departmentScopedRoles.includes(values.role) && !value ? t('common.required') : null),
    },
  });
  const needsDepartment = form.values.role !== null && departmentScopedRoles.includes(form.values.role);

  const save = useAssignRole();
  const submit = (values: RoleAssignmentFormValues) => {
    const body: RoleAssignmentCreate = {
      personId: values.personId!,
      role: values.role!,
      // The API refuses a department on roles that do not take one.
      ...(needsDepartment ? { departmentId: values.departmentId } : {}),
    };
    save.mutate(body, { onSuccess, onError });
  };
  const onSuccess = (created: RoleAssignment) => {
    notifySuccess(t('roleAssignments.assigned', { name: created.personName, role: t(`roles.${created.role}`) }));
    onClose();
  };
  const onError = (error: Error) => {
    const fieldErrors = fieldErrorsOf(error);
    if (isApiError(error, 'conflict') && Object.keys(fieldErrors).length === 0) fieldErrors.role = t('roleAssignments.duplicate');
    form.setErrors(fieldErrors);
    notifyError(error);
  };

  return (
    <Modal opened onClose={onClose} title={t('roleAssignments.assignTitle')} size="lg">
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack gap="md">
          <PersonPicker
            label={t('roleAssignments.person')}
            placeholder={t('roleAssignments.personPlaceholder')}
            required
            data-autofocus
            {...form.getInputProps('personId')}
          />
          <Select
            label={t('roleAssignments.role')}
            required
            data={allRoles.map((value) => ({ value, label: t(`roles.${value}`) }))}
            {...form.getInputProps('role')}
          />
          {needsDepartment && (
            <DepartmentSelect
              label={t('roleAssignments.department')}
              description={t('roleAssignments.departmentHint')}
              required
              {...form.getInputProps('departmentId')}
            />
          )}
          <FormActions onCancel={onClose} submitLabel={t('roleAssignments.assign')} mt="sm" loading={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
