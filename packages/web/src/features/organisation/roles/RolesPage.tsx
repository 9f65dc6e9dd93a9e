import type { Role, RoleAssignment } from '@forvalta/contracts';
import { Button, Group, Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../app/session.ts';
import { ConfirmDialog } from '../../../components/ConfirmDialog.tsx';
import { notifyError, notifySuccess } from '../../../components/error-messages.ts';
import { ListEmptyState } from '../../../components/ListEmptyState.tsx';
import { useAddressList } from '../../../components/list-address.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { type Column, QueryTable } from '../../../components/QueryTable.tsx';
import { departmentNameMap, useAllDepartments } from '../departments/departments.queries.ts';
import { RoleAssignmentModal } from './RoleAssignmentModal.tsx';
import { allRoles } from './role-names.ts';
import { roleAssignmentListQuery, useRemoveRoleAssignment } from './roles.queries.ts';

const routeApi = getRouteApi('/authenticated/content/roles');

export function RolesPage() {
  const { t } = useTranslation();
  const canWrite = useCan('roleAssignment.write');
  const list = useAddressList(routeApi.useSearch(), routeApi.useNavigate(), { pageSize: 25 });
  const [assigning, setAssigning] = useState(false);
  const [removing, setRemoving] = useState<RoleAssignment | null>(null);
  const assignments = useQuery(
    roleAssignmentListQuery({ role: list.filters.role, cursor: list.paging.cursor, limit: list.paging.pageSize }),
  );
  const departmentNames = departmentNameMap(useAllDepartments().data);
  const remove = useRemoveRoleAssignment({
    onSuccess: (_result, assignment) =>
      notifySuccess(t('roleAssignments.removed', { name: assignment.personName, role: t(`roles.${assignment.role}`) })),
    onError: notifyError,
    onSettled: () => setRemoving(null),
  });

  const assignButton = canWrite && <Button onClick={() => setAssigning(true)}>{t('roleAssignments.assign')}</Button>;
  const columns: Column<RoleAssignment>[] = [
    { key: 'person', header: t('roleAssignments.person'), cell: (assignment) => <strong>{assignment.personName}</strong> },
    { key: 'role', header: t('roleAssignments.role'), cell: (assignment) => t(`roles.${assignment.role}`) },
    {
      key: 'department',
      header: t('roleAssignments.department'),
      cell: (assignment) => (assignment.departmentId ? (departmentNames.get(assignment.departmentId) ?? '') : ''),
    },
  ];
  if (canWrite) {
    columns.push({
      key: 'actions',
      header: t('common.actions'),
      align: 'right',
      cell: (assignment) => (
        <Button
          size="xs"
          variant="subtle"
          color="red"
          c="red.9"
          onClick={() => setRemoving(assignment)}
          aria-label={t('roleAssignments.removeAction', { role: t(`roles.${assignment.role}`), name: assignment.personName })}
        >
          {t('roleAssignments.remove')}
        </Button>
      ),
    });
  }

  return (
    <>
      <PageHeader title={t('roleAssignments.title')} intro={t('roleAssignments.intro')} actions={assignButton} />
      <Group mb="md" role="search">
        <Select
          label={t('roleAssignments.filterRole')}
          placeholder={t('roleAssignments.allRoles')}
          clearable
          value={list.filters.role ?? null}
          onChange={(value) => list.setFilters({ role: (value as Role | null) ?? undefined })}
          data={allRoles.map((value) => ({ value, label: t(`roles.${value}`) }))}
          w={260}
        />
      </Group>
      <QueryTable
        query={assignments}
        caption={t('roleAssignments.title')}
        columns={columns}
        rowKey={(assignment) => assignment.id}
        paging={list.paging}
        minWidth={600}
        empty={
          <ListEmptyState
            title={t('roleAssignments.empty')}
            {...(canWrite ? { hint: t('roleAssignments.emptyHint') } : {})}
            action={assignButton}
          />
        }
      />
      {assigning && <RoleAssignmentModal onClose={() => setAssigning(false)} />}
      <ConfirmDialog
        opened={removing !== null}
        title={t('roleAssignments.removeTitle')}
        text={removing ? t('roleAssignments.removeText', { name: removing.personName, role: t(`roles.${removing.role}`) }) : ''}
        confirmLabel={t('roleAssignments.remove')}
        loading={remove.isPending}
        onConfirm={() => removing && remove.mutate(removing)}
        onClose={() => setRemoving(null)}
      />
    </>
  );
}
