import type { Mailbox } from '@forvalta/contracts';
import { Anchor, Badge, Button, Checkbox, Group, Stack, Text, TextInput } from '@mantine/core';
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
import { type Column, QueryTable } from '../../components/QueryTable.tsx';
import { DepartmentSelect } from '../organisation/departments/DepartmentSelect.tsx';
import { MailboxCoverage } from './MailboxCoverage.tsx';
import { MailboxFormModal } from './MailboxFormModal.tsx';
import { mailboxProblems } from './privacy-values.ts';
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

  const person = (entry: { id: string; name: string; employmentStatus: string }) => (
    <Group gap={6} wrap="nowrap" key={entry.id}>
      <Text size="sm">{entry.name}</Text>
      {entry.employmentStatus === 'left' && (
        <Badge color="red.9" variant="filled" tt="none" miw="max-content">
          {t('mailboxes.left')}
        </Badge>
      )}
    </Group>
  );
  const columns: Column<Mailbox>[] = [
    {
      key: 'address',
      header: t('mailboxes.address'),
      sortField: 'address',
      rowHeader: true,
      minWidth: 220,
      cell: (mailbox) => (
        <Stack gap={2}>
          <Text size="sm" fw={600} className="wrap-anywhere">
            {mailbox.address}
          </Text>
          <Text size="xs" c="gray.7">
            {mailbox.departmentName}
          </Text>
          {mailbox.purpose && (
            <Text size="xs" c="gray.7" lineClamp={2}>
              {mailbox.purpose}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: 'responsible',
      header: t('mailboxes.responsible'),
      cell: (mailbox) => (mailbox.responsible ? person(mailbox.responsible) : <Text size="sm">{t('mailboxes.nobody')}</Text>),
    },
    {
      key: 'deputies',
      header: t('mailboxes.deputies'),
      cell: (mailbox) =>
        mailbox.deputies.length === 0 ? (
          <Text size="sm">{t('mailboxes.nobody')}</Text>
        ) : (
          <Stack gap={2}>{mailbox.deputies.map(person)}</Stack>
        ),
    },
    {
      key: 'watch',
      header: t('mailboxes.watchFrequency'),
      cell: (mailbox) => (
        <Stack gap={2}>
          <Text size="sm">{t(`watchFrequency.${mailbox.watchFrequency}`)}</Text>
          {mailbox.receivesOfficialDocuments && (
            <Text size="xs" c="gray.7">
              {t('mailboxes.officialDocuments')}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: 'coverage',
      header: t('mailboxes.coverage'),
      cell: (mailbox) => {
        if (mailbox.covered)
          return (
            <Badge color="#1f6f36" variant="filled" tt="none" miw="max-content">
              {t('mailboxes.covered')}
            </Badge>
          );
        return (
          <Stack gap={4} align="flex-start">
            {mailboxProblems(mailbox).map((problem) => (
              <Badge key={problem} color="red.9" variant="filled" tt="none" miw="max-content">
                {t(`mailboxes.problem.${problem}`)}
              </Badge>
            ))}
          </Stack>
        );
      },
    },
  ];

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
      <QueryTable
        query={mailboxes}
        caption={t('mailboxes.title')}
        columns={columns}
        rowKey={(mailbox) => mailbox.id}
        rowTestId="mailbox-row"
        sort={list.sort}
        paging={list.paging}
        pageSizes={[25, 50, 100]}
        minWidth={900}
        {...(canManage
          ? {
              rowActions: (mailbox: Mailbox) => [
                ...(mailbox.can.update ? [{ label: t('mailboxes.edit'), onClick: () => setEditing(mailbox) }] : []),
                ...(mailbox.can.delete
                  ? [{ label: t('translation:common.delete'), onClick: () => setDeleting(mailbox), danger: true }]
                  : []),
              ],
              rowActionsLabel: (mailbox: Mailbox) => t('mailboxes.actionsFor', { address: mailbox.address }),
            }
          : {})}
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
