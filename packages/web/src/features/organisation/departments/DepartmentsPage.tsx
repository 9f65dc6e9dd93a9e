import type { Department } from '@forvalta/contracts';
import { Badge, Button, Group, Paper, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { legacyApi, isApiError } from '../../../api/client.ts';
import { useCan } from '../../../app/session.ts';
import { ConfirmDialog } from '../../../components/ConfirmDialog.tsx';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { notifyError, notifySuccess } from '../../../components/error-messages.ts';
import { ListEmptyState } from '../../../components/ListEmptyState.tsx';
import { LoadingState } from '../../../components/LoadingState.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { formatNumber } from '../../../i18n/format.ts';
import { buildDepartmentTree, flattenDepartmentTree, useAllDepartments } from './departments.queries.ts';
import { DepartmentFormModal } from './DepartmentFormModal.tsx';

type Editing = { mode: 'create' } | { mode: 'edit'; department: Department } | null;

export function DepartmentsPage() {
  const { t, i18n } = useTranslation();
  const canWrite = useCan('department.write');
  const queryClient = useQueryClient();
  const departments = useAllDepartments();
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<Department | null>(null);
  const rows = useMemo(() => flattenDepartmentTree(buildDepartmentTree(departments.data ?? [])), [departments.data]);

  const remove = useMutation({
    mutationFn: (department: Department) => legacyApi.delete(`/departments/${department.id}`, department.version),
    onSuccess: (_result, department) => {
      notifySuccess(t('departments.deleted', { name: department.name }));
      setDeleting(null);
    },
    onError: (error, department) => {
      setDeleting(null);
      // The server refuses to delete a department in use; say so in the interface language.
      if (isApiError(error, 'conflict'))
        notifications.show({
          color: 'red',
          title: t('errors.title'),
          message: t('departments.deleteInUse', { name: department.name }),
          autoClose: 10_000,
        });
      else notifyError(error);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['departments'] }),
  });

  const createButton = canWrite && <Button onClick={() => setEditing({ mode: 'create' })}>{t('departments.create')}</Button>;

  return (
    <>
      <PageHeader title={t('departments.title')} intro={t('departments.intro')} actions={createButton} />
      <Paper withBorder radius="md">
        {departments.isLoading ? (
          <LoadingState />
        ) : departments.error ? (
          <ErrorState error={departments.error} onRetry={() => void departments.refetch()} />
        ) : rows.length === 0 ? (
          <ListEmptyState title={t('departments.empty')} hint={t('departments.emptyHint')} action={createButton} />
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="sm" highlightOnHover>
              <VisuallyHidden component="caption">{t('departments.tree')}</VisuallyHidden>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('departments.name')}</Table.Th>
                  <Table.Th scope="col">{t('departments.shortName')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('departments.peopleCount')}
                  </Table.Th>
                  {canWrite && (
                    <Table.Th scope="col" ta="right">
                      {t('common.actions')}
                    </Table.Th>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map(({ department, depth, children }) => (
                  <Table.Tr key={department.id} data-testid={`department-row-${department.name}`}>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap" style={{ paddingInlineStart: `calc(${depth} * 1.5rem)` }}>
                        {depth > 0 && (
                          <Text span c="gray.6" aria-hidden="true">
                            └
                          </Text>
                        )}
                        <Text span fw={depth === 0 ? 700 : 400} className="wrap-anywhere">
                          {department.name}
                        </Text>
                        {department.isItUnit && (
                          <Tooltip label="ITP-4.3-ORG">
                            <Badge color="teal.9" variant="filled" tt="none">
                              {t('departments.itUnitBadge')}
                            </Badge>
                          </Tooltip>
                        )}
                        {children.length > 0 && <VisuallyHidden>({t('departments.subUnits', { count: children.length })})</VisuallyHidden>}
                      </Group>
                    </Table.Td>
                    <Table.Td>{department.shortName ?? ''}</Table.Td>
                    <Table.Td ta="right">{formatNumber(department.peopleCount, i18n.language)}</Table.Td>
                    {canWrite && (
                      <Table.Td>
                        <Group gap="xs" justify="flex-end" wrap="nowrap">
                          <Button
                            size="xs"
                            variant="default"
                            onClick={() => setEditing({ mode: 'edit', department })}
                            aria-label={t('departments.editAction', { name: department.name })}
                          >
                            {t('common.edit')}
                          </Button>
                          <Button
                            size="xs"
                            variant="subtle"
                            color="red"
                            c="red.9"
                            onClick={() => setDeleting(department)}
                            aria-label={t('departments.deleteAction', { name: department.name })}
                          >
                            {t('common.delete')}
                          </Button>
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>

      {editing && (
        <DepartmentFormModal
          department={editing.mode === 'edit' ? editing.department : null}
          departments={departments.data ?? []}
          onClose={() => setEditing(null)}
        />
      )}
      <ConfirmDialog
        opened={deleting !== null}
        title={t('departments.deleteTitle', { name: deleting?.name ?? '' })}
        text={t('departments.deleteText')}
        confirmLabel={t('common.delete')}
        loading={remove.isPending}
        onConfirm={() => deleting && remove.mutate(deleting)}
        onClose={() => setDeleting(null)}
      />
    </>
  );
}
