import type { Role, RoleAssignment } from '@forvalta/contracts';
import { Button, Group, Paper, Select, Table, VisuallyHidden } from '@mantine/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { legacyApi } from '../../../api/client.ts';
import { useCan } from '../../../app/session.ts';
import { ConfirmDialog } from '../../../components/ConfirmDialog.tsx';
import { CursorPager } from '../../../components/CursorPager.tsx';
import { useCursorPaging } from '../../../components/cursor-paging.ts';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { notifyError, notifySuccess } from '../../../components/error-messages.ts';
import { ListEmptyState } from '../../../components/ListEmptyState.tsx';
import { LoadingState } from '../../../components/LoadingState.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { departmentNameMap, useAllDepartments } from '../departments/departments.queries.ts';
import { RoleAssignmentModal } from './RoleAssignmentModal.tsx';
import { allRoles } from './role-names.ts';

export function RolesPage() {
  const { t } = useTranslation();
  const canWrite = useCan('roleAssignment.write');
  const queryClient = useQueryClient();
  const [role, setRole] = useState<Role | null>(null);
  const [assigning, setAssigning] = useState(false);
  const [removing, setRemoving] = useState<RoleAssignment | null>(null);
  const paging = useCursorPaging(role ?? '');
  const assignments = useQuery({
    queryKey: ['role-assignments', 'list', role, paging.cursor, paging.pageSize],
    queryFn: ({ signal }) =>
      legacyApi.list<RoleAssignment>('/role-assignments', { role, cursor: paging.cursor, limit: paging.pageSize, sort: 'role' }, signal),
    placeholderData: keepPreviousData,
  });
  const departments = useAllDepartments();
  const departmentNames = departmentNameMap(departments.data);

  const remove = useMutation({
    mutationFn: (assignment: RoleAssignment) => legacyApi.delete(`/role-assignments/${assignment.id}`, assignment.version),
    onSuccess: (_result, assignment) => {
      notifySuccess(t('roleAssignments.removed', { name: assignment.personName, role: t(`roles.${assignment.role}`) }));
    },
    onError: notifyError,
    onSettled: () => {
      setRemoving(null);
      void queryClient.invalidateQueries({ queryKey: ['role-assignments'] });
    },
  });

  const assignButton = canWrite && <Button onClick={() => setAssigning(true)}>{t('roleAssignments.assign')}</Button>;

  return (
    <>
      <PageHeader title={t('roleAssignments.title')} intro={t('roleAssignments.intro')} actions={assignButton} />
      <Group mb="md" role="search">
        <Select
          label={t('roleAssignments.filterRole')}
          placeholder={t('roleAssignments.allRoles')}
          clearable
          value={role}
          onChange={(value) => setRole(value as Role | null)}
          data={allRoles.map((value) => ({ value, label: t(`roles.${value}`) }))}
          w={260}
        />
      </Group>
      <Paper withBorder radius="md">
        {assignments.isLoading ? (
          <LoadingState />
        ) : assignments.error ? (
          <ErrorState error={assignments.error} onRetry={() => void assignments.refetch()} />
        ) : !assignments.data || assignments.data.items.length === 0 ? (
          <ListEmptyState
            title={t('roleAssignments.empty')}
            {...(canWrite ? { hint: t('roleAssignments.emptyHint') } : {})}
            action={assignButton}
          />
        ) : (
          <Table.ScrollContainer minWidth={600}>
            <Table verticalSpacing="sm" highlightOnHover aria-busy={assignments.isFetching}>
              <VisuallyHidden component="caption">{t('roleAssignments.title')}</VisuallyHidden>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('roleAssignments.person')}</Table.Th>
                  <Table.Th scope="col">{t('roleAssignments.role')}</Table.Th>
                  <Table.Th scope="col">{t('roleAssignments.department')}</Table.Th>
                  {canWrite && (
                    <Table.Th scope="col" ta="right">
                      {t('common.actions')}
                    </Table.Th>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {assignments.data.items.map((assignment) => (
                  <Table.Tr key={assignment.id}>
                    <Table.Td fw={600}>{assignment.personName}</Table.Td>
                    <Table.Td>{t(`roles.${assignment.role}`)}</Table.Td>
                    <Table.Td>{assignment.departmentId ? (departmentNames.get(assignment.departmentId) ?? '') : ''}</Table.Td>
                    {canWrite && (
                      <Table.Td ta="right">
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          c="red.9"
                          onClick={() => setRemoving(assignment)}
                          aria-label={t('roleAssignments.removeAction', {
                            role: t(`roles.${assignment.role}`),
                            name: assignment.personName,
                          })}
                        >
                          {t('roleAssignments.remove')}
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      {assignments.data && assignments.data.total > 0 && (
        <CursorPager
          pageIndex={paging.pageIndex}
          pageSize={paging.pageSize}
          itemCount={assignments.data.items.length}
          total={assignments.data.total}
          nextCursor={assignments.data.nextCursor}
          onNext={paging.goNext}
          onPrevious={paging.goPrevious}
          onPageSizeChange={paging.setPageSize}
        />
      )}
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
