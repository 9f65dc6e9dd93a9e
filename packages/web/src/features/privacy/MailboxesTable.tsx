import type { Mailbox } from '@forvalta/contracts';
import { Badge, Group, Stack, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { type Column, type ListPage, QueryTable, type TableSort } from '../../components/QueryTable.tsx';
import type { useUrlPaging } from '../../components/url-paging.ts';
import { mailboxProblems } from './privacy-values.ts';

/**
 * The one table of functional mailboxes: the mailboxes page and a person's page show it. Who
 * watches each, who stands in (a leaver marked), and what leaves one uncovered, in words.
 */
export function MailboxesTable({
  query,
  caption,
  sort,
  paging,
  empty,
  framed,
  pageSizes = [25, 50, 100],
  onEdit,
  onDelete,
}: {
  query: UseQueryResult<ListPage<Mailbox>>;
  caption: string;
  sort?: TableSort;
  paging?: ReturnType<typeof useUrlPaging>;
  empty: ReactNode;
  framed?: boolean;
  pageSizes?: number[];
  /** The secretariat's row actions, offered where the record's `can` allows them. */
  onEdit?: (mailbox: Mailbox) => void;
  onDelete?: (mailbox: Mailbox) => void;
}) {
  const { t } = useTranslation('privacy');
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
    <QueryTable
      query={query}
      caption={caption}
      columns={columns}
      rowKey={(mailbox) => mailbox.id}
      rowTestId="mailbox-row"
      {...(sort ? { sort } : {})}
      {...(paging ? { paging, pageSizes } : {})}
      {...(framed === undefined ? {} : { framed })}
      minWidth={900}
      {...(onEdit || onDelete
        ? {
            rowActions: (mailbox: Mailbox) => [
              ...(onEdit && mailbox.can.update ? [{ label: t('mailboxes.edit'), onClick: () => onEdit(mailbox) }] : []),
              ...(onDelete && mailbox.can.delete
                ? [{ label: t('translation:common.delete'), onClick: () => onDelete(mailbox), danger: true }]
                : []),
            ],
            rowActionsLabel: (mailbox: Mailbox) => t('mailboxes.actionsFor', { address: mailbox.address }),
          }
        : {})}
      empty={empty}
    />
  );
}
