import type { RoleTemplate } from '@forvalta/contracts';
import { Button, Group, List, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { notifyError, notifySuccess } from '../../components/error-messages.ts';
import { ListEmptyState } from '../../components/ListEmptyState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { type Column, QueryTable } from '../../components/QueryTable.tsx';
import { useCan } from '../../app/session.ts';
import { ApplyRoleTemplateDialog } from './ApplyRoleTemplateDialog.tsx';
import { RoleTemplateDialog } from './RoleTemplateDialog.tsx';
import { roleTemplateListQuery, useDeleteRoleTemplate } from './role-templates.queries.ts';
import { useSectionPaging } from './section-paging.ts';

type Open = { kind: 'create' } | { kind: 'edit' | 'apply' | 'delete'; template: RoleTemplate } | null;

/** Role templates: business roles bundling levels in several systems, applied to a new employee in one step. */
export function RoleTemplatesPage() {
  const { t } = useTranslation('access');
  const canManage = useCan('roleTemplate.manage');
  const { cursor, paging } = useSectionPaging(25);
  const templates = useQuery(roleTemplateListQuery({ cursor, limit: paging.pageSize }));
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  const remove = useDeleteRoleTemplate({
    onSuccess: () => {
      if (open?.kind === 'delete') notifySuccess(t('templates.deleted', { name: open.template.name }));
      close();
    },
    onError: notifyError,
  });
  const columns: Column<RoleTemplate>[] = [
    {
      key: 'name',
      header: t('templates.name'),
      rowHeader: true,
      cell: (template) => (
        <>
          <Text size="sm" fw={600}>
            {template.name}
          </Text>
          {template.description && (
            <Text size="xs" c="gray.7">
              {template.description}
            </Text>
          )}
        </>
      ),
    },
    {
      key: 'levels',
      header: t('templates.levels'),
      cell: (template) => (
        <List size="sm" spacing={0} listStyleType="none">
          {template.levels.map((level) => (
            <List.Item key={level.levelId}>
              {t('templates.levelInSystem', { level: level.levelName, system: level.systemName })}
              {level.privileged ? ` (${t('rights.privileged')})` : ''}
            </List.Item>
          ))}
        </List>
      ),
    },
    {
      key: 'actions',
      header: t('templates.actions'),
      cell: (template) => (
        <Group gap="xs" wrap="nowrap" justify="flex-end">
          {template.can.apply && (
            <Button
              size="xs"
              onClick={() => setOpen({ kind: 'apply', template })}
              aria-label={t('templates.applyFor', { name: template.name })}
            >
              {t('templates.apply')}
            </Button>
          )}
          {template.can.update && (
            <Button
              size="xs"
              variant="default"
              onClick={() => setOpen({ kind: 'edit', template })}
              aria-label={t('templates.editFor', { name: template.name })}
            >
              {t('templates.edit')}
            </Button>
          )}
          {template.can.delete && (
            <Button
              size="xs"
              variant="subtle"
              color="red.9"
              c="red.9"
              onClick={() => setOpen({ kind: 'delete', template })}
              aria-label={t('templates.deleteFor', { name: template.name })}
            >
              {t('templates.delete')}
            </Button>
          )}
        </Group>
      ),
    },
  ];
  return (
    <>
      <PageHeader
        title={t('templates.title')}
        intro={t('templates.intro')}
        actions={canManage && <Button onClick={() => setOpen({ kind: 'create' })}>{t('templates.new')}</Button>}
      />
      <QueryTable
        query={templates}
        caption={t('templates.title')}
        columns={columns}
        rowKey={(template) => template.id}
        rowTestId="role-template-row"
        empty={<ListEmptyState title={t('templates.none')} />}
        paging={paging}
      />
      {open?.kind === 'create' && <RoleTemplateDialog template={null} onClose={close} />}
      {open?.kind === 'edit' && <RoleTemplateDialog template={open.template} onClose={close} />}
      {open?.kind === 'apply' && <ApplyRoleTemplateDialog template={open.template} onClose={close} />}
      <ConfirmDialog
        opened={open?.kind === 'delete'}
        title={t('templates.deleteTitle')}
        text={open?.kind === 'delete' ? t('templates.deleteText', { name: open.template.name }) : ''}
        confirmLabel={t('templates.delete')}
        loading={remove.isPending}
        onConfirm={() => open?.kind === 'delete' && remove.mutate(open.template)}
        onClose={close}
      />
    </>
  );
}
