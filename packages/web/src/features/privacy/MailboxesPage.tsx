import type { Mailbox } from '@forvalta/contracts';
import { Anchor, Button, Checkbox, Group, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { notifyError, notifySuccess } from '../../components/error-messages.ts';
import { ListEmptyState } from '../../components/ListEmptyState.tsx';
import { useAddressList } from '../../components/list-address.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { DepartmentSelect } from '../organisation/departments/DepartmentSelect.tsx';
import { MailboxCoverage } from './MailboxCoverage.tsx';
import { MailboxFormModal } from './MailboxFormModal.tsx';
import { MailboxesTable } from './MailboxesTable.tsx';
import { mailboxListQueryOptions, useDeleteMailbox } from './privacy.queries.ts';

const routeApi = getRouteApi('/authenticated/content/mailboxes');

/** Functional mailboxes (funktionsbrevlådor): who watches each, who stands in, and whether every one is covered. */
export function MailboxesPage() {
  const { t } = useTranslation('privacy');
  const list = useAddressList(routeApi.useSearch(), routeApi.useNavigate(), { pageSize: 25, defaultSort: 'address' });
  const { filters, setFilters } = list;
  const mailboxes = useQuery(
    mailboxListQueryOptions(filters, { sort: list.sort.value, cursor: list.paging.cursor, limit: list.paging.pageSize }),
  );
  const canManage = useCan('mailbox.manage');
  const [editing, setEditing] = useState<Mailbox | null | undefined>(undefined);
  const [deleting, setDeleting] = useState<Mailbox | null>(null);
  const remove = useDeleteMailbox();

  return (
    <>
      <PageHeader
        title={t('mailboxes.title')}
        intro={t('mailboxes.intro')}
        actions={canManage && <Button onClick={() => setEditing(null)}>{t('mailboxes.create')}</Button>}
      />
      <MailboxCoverage filters={filters} onShowUncovered={() => setFilters({ uncovered: true })} />
      <Group mb="md" align="flex-end" gap="md" wrap="wrap" role="search" aria-label={t('mailboxes.filters')}>
        <TextInput type="search" label={t('mailboxes.search')} w={{ base: '100%', sm: 260 }} {...list.searchInput} />
        <DepartmentSelect
          label={t('mailboxes.department')}
          placeholder={t('list.allDepartments')}
          value={filters.departmentId ?? null}
          onChange={(value) => setFilters({ departmentId: value ?? undefined })}
          w={{ base: '100%', sm: 260 }}
        />
        <Checkbox
          mb={8}
          label={t('mailboxes.onlyUncovered')}
          checked={filters.uncovered ?? false}
          onChange={(event) => setFilters({ uncovered: event.currentTarget.checked || undefined })}
        />
        {list.filtered && (
          <Anchor component="button" type="button" size="sm" mb={8} onClick={list.clearFilters}>
            {t('list.clearFilters')}
          </Anchor>
        )}
      </Group>
      <MailboxesTable
        query={mailboxes}
        caption={t('mailboxes.title')}
        sort={list.sort}
        paging={list.paging}
        {...(canManage ? { onEdit: setEditing, onDelete: setDeleting } : {})}
        empty={<ListEmptyState title={list.filtered ? t('mailboxes.empty') : t('mailboxes.emptyAll')} />}
      />
      {editing !== undefined && <MailboxFormModal mailbox={editing} onClose={() => setEditing(undefined)} />}
      <ConfirmDialog
        opened={deleting !== null}
        title={t('mailboxes.deleteTitle', { address: deleting?.address ?? '' })}
        text={t('mailboxes.deleteText')}
        confirmLabel={t('translation:common.delete')}
        loading={remove.isPending}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting, {
            onSuccess: () => {
              notifySuccess(t('mailboxes.deleted', { address: deleting.address }));
              setDeleting(null);
            },
            onError: notifyError,
          })
        }
        onClose={() => setDeleting(null)}
      />
    </>
  );
}
