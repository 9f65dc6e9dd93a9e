import type { ChangeNotice } from '@forvalta/contracts';
import { Badge, Button, Select, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { ListEmptyState } from '../../components/ListEmptyState.tsx';
import { FilterToggle, ListFilters } from '../../components/ListFilters.tsx';
import { useAddressList } from '../../components/list-address.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { type Column, QueryTable } from '../../components/QueryTable.tsx';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import { AcknowledgeModal, ChangeNoticeCreateModal } from './ChangeNoticeDialogs.tsx';
import { changeNoticeListQuery } from './change-notices.queries.ts';
import { noticeKindValues, noticeSourceValues, noticeStatusValues, type NoticeFilters } from './notice-filters.ts';
import { SystemLinks } from '../../components/SystemLinks.tsx';

const routeApi = getRouteApi('/authenticated/content/change-notices');

/** The IT unit's inbox of change notices (§4.2.2); its filters and page live in the address. */
export function ChangeNoticesPage() {
  const { t } = useTranslation('lifecycle');
  const canCreate = useCan('changeNotice.create');
  const list = useAddressList(routeApi.useSearch(), routeApi.useNavigate());
  const { filters, setFilters } = list;
  const [creating, setCreating] = useState(false);
  const [acknowledging, setAcknowledging] = useState<ChangeNotice | null>(null);
  const notices = useQuery(changeNoticeListQuery(filters, { cursor: list.paging.cursor, limit: list.paging.pageSize }));
  const createButton = canCreate && <Button onClick={() => setCreating(true)}>{t('notices.create')}</Button>;
  // In the server's order: open first, the oldest first; then the acknowledged, newest first.
  const columns: Column<ChangeNotice>[] = [
    {
      key: 'title',
      header: t('notices.columnTitle'),
      cell: (notice) => (
        <>
          <AnchorLink to="/change-notices/$noticeId" params={{ noticeId: notice.id }} size="sm" fw={600}>
            {notice.title}
          </AnchorLink>
          <Text size="xs" c="gray.7">
            {t(`noticeKind.${notice.kind}`)} · {t(`noticeSource.${notice.source}`)} ·{' '}
            {t('notices.createdBy', { name: notice.createdByName, at: formatDate(notice.createdAt) })}
          </Text>
          {notice.description && <Text size="xs">{notice.description}</Text>}
        </>
      ),
    },
    { key: 'systems', header: t('notices.columnSystems'), cell: (notice) => <SystemLinks systems={notice.systems} /> },
    { key: 'planned', header: t('notices.columnPlanned'), nowrap: true, cell: (notice) => formatDate(notice.plannedOn) },
    {
      key: 'acknowledgeBy',
      header: t('notices.columnAcknowledgeBy'),
      nowrap: true,
      cell: (notice) => (
        <>
          {formatDate(notice.acknowledgeBy)}
          {notice.overdue && (
            <Badge color="red.9" variant="filled" tt="none" ml={6}>
              {t('notices.overdue')}
            </Badge>
          )}
        </>
      ),
    },
    {
      key: 'status',
      header: t('notices.columnStatus'),
      cell: (notice) => (
        <>
          <Text size="sm">{t(`noticeStatus.${notice.status}`)}</Text>
          {notice.acknowledgedAt && (
            <Text size="xs" c="gray.7">
              {t('notices.acknowledgedLine', { at: formatDateTime(notice.acknowledgedAt), name: notice.acknowledgedByName ?? '–' })}
            </Text>
          )}
          {notice.acknowledgementNote && <Text size="xs">{notice.acknowledgementNote}</Text>}
        </>
      ),
    },
  ];
  // Each row's button is what the server says of that notice (notice.can: the IT unit's roles, while it is open).
  if (notices.data?.items.some((notice) => notice.can.acknowledge)) {
    columns.push({
      key: 'acknowledge',
      header: t('notices.acknowledge'),
      headerHidden: true,
      cell: (notice) =>
        notice.can.acknowledge && (
          <Button
            size="xs"
            variant="default"
            onClick={() => setAcknowledging(notice)}
            aria-label={`${t('notices.acknowledge')}: ${notice.title}`}
          >
            {t('notices.acknowledge')}
          </Button>
        ),
    });
  }

  return (
    <>
      <PageHeader title={t('notices.title')} intro={t('notices.intro')} actions={createButton} />
      <ListFilters
        label={t('notices.filters')}
        list={list}
        searchLabel={t('notices.search')}
        clearLabel={t('notices.clearFilters')}
        toggles={
          <FilterToggle label={t('notices.overdueOnly')} checked={filters.overdue} onChange={(overdue) => setFilters({ overdue })} />
        }
      >
        <Select
          label={t('notices.status')}
          placeholder={t('notices.all')}
          clearable
          value={filters.status ?? null}
          onChange={(value) => setFilters({ status: (value as NoticeFilters['status']) ?? undefined })}
          data={noticeStatusValues.map((value) => ({ value, label: t(`noticeStatus.${value}`) }))}
          w={200}
        />
        <Select
          label={t('notices.kind')}
          placeholder={t('notices.all')}
          clearable
          value={filters.kind ?? null}
          onChange={(value) => setFilters({ kind: (value as NoticeFilters['kind']) ?? undefined })}
          data={noticeKindValues.map((value) => ({ value, label: t(`noticeKind.${value}`) }))}
          w={200}
        />
        <Select
          label={t('notices.source')}
          placeholder={t('notices.all')}
          clearable
          value={filters.source ?? null}
          onChange={(value) => setFilters({ source: (value as NoticeFilters['source']) ?? undefined })}
          data={noticeSourceValues.map((value) => ({ value, label: t(`noticeSource.${value}`) }))}
          w={180}
        />
      </ListFilters>
      <QueryTable
        query={notices}
        caption={t('notices.title')}
        columns={columns}
        rowKey={(notice) => notice.id}
        rowTestId="notice-row"
        paging={list.paging}
        minWidth={900}
        empty={<ListEmptyState title={list.filtered ? t('notices.empty') : t('notices.emptyAll')} />}
      />
      {creating && <ChangeNoticeCreateModal onClose={() => setCreating(false)} />}
      {acknowledging && <AcknowledgeModal notice={acknowledging} onClose={() => setAcknowledging(null)} />}
    </>
  );
}
