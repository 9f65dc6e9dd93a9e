import type { Department } from '@forvalta/contracts';
import { Badge, Button, Group, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { UseQueryResult } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.ts';
import { useCan } from '../../../app/session.ts';
import { ConfirmDialog } from '../../../components/ConfirmDialog.tsx';
import { notifyError, notifySuccess } from '../../../components/error-messages.ts';
import { ListEmptyState } from '../../../components/ListEmptyState.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { type Column, QueryTable } from '../../../components/QueryTable.tsx';
import { formatNumber } from '../../../i18n/format.ts';
import {
  buildDepartmentTree,
  type DepartmentNode,
  flattenDepartmentTree,
  useAllDepartments,
  useDeleteDepartment,
} from './departments.queries.ts';
import { DepartmentFormModal } from './DepartmentFormModal.tsx';

type Editing = { mode: 'create' } | { mode: 'edit'; department: Department } | null;

export function DepartmentsPage() {
  const { t, i18n } = useTranslation();
  // Creating has no record yet to ask, so it is the session's permission.
  const canCreate = useCan('department.write');
  const departments = useAllDepartments();
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<Department | null>(null);
  const rows = useMemo(() => flattenDepartmentTree(buildDepartmentTree(departments.data ?? [])), [departments.data]);

  const remove = useDeleteDepartment({
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
  });

  const columns: Column<DepartmentNode>[] = [
    {
      key: 'name',
      header: t('departments.name'),
      cell: ({ department, depth, children }) => (
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
      ),
    },
    { key: 'short', header: t('departments.shortName'), cell: ({ department }) => department.shortName ?? '' },
    {
      key: 'people',
      header: t('departments.peopleCount'),
      align: 'right',
      cell: ({ department }) => formatNumber(department.peopleCount, i18n.language),
    },
  ];
  // Each row's buttons are what the server says of that department (department.can); the column
  // is there when any department loaded has one.
  if ((departments.data ?? []).some(({ can }) => can.update || can.delete)) {
    columns.push({
      key: 'actions',
      header: t('common.actions'),
      align: 'right',
      cell: ({ department }) => (
        <Group gap="xs" justify="flex-end" wrap="nowrap">
          {department.can.update && (
            <Button
              size="xs"
              variant="default"
              onClick={() => setEditing({ mode: 'edit', department })}
              aria-label={t('departments.editAction', { name: department.name })}
            >
              {t('common.edit')}
            </Button>
          )}
          {department.can.delete && (
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
          )}
        </Group>
      ),
    });
  }

  const createButton = canCreate && <Button onClick={() => setEditing({ mode: 'create' })}>{t('departments.create')}</Button>;

  return (
    <>
      <PageHeader title={t('departments.title')} intro={t('departments.intro')} actions={createButton} />
      <QueryTable
        query={{ ...departments, data: rows } as unknown as UseQueryResult<DepartmentNode[]>}
        caption={t('departments.tree')}
        columns={columns}
        rowKey={({ department }) => department.id}
        rowTestId={(node) => `department-row-${node.department.name}`}
        minWidth={560}
        empty={<ListEmptyState title={t('departments.empty')} hint={t('departments.emptyHint')} action={createButton} />}
      />

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
