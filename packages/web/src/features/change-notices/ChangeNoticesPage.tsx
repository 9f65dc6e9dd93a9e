import type { ChangeNotice } from '@forvalta/contracts';
import { Badge, Button, Checkbox, Group, Paper, Select, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { legacyApi } from '../../api/client.ts';
import { useCan } from '../../app/session.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { ListPager } from '../../components/CursorPager.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { ListEmptyState } from '../../components/ListEmptyState.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import { AcknowledgeModal, ChangeNoticeCreateModal } from './ChangeNoticeDialogs.tsx';
import { noticeKindValues, noticeListQuery, noticeSourceValues, noticeStatusValues, type NoticeFilters } from './notice-filters.ts';
import { useUrlPaging, type UrlPaging } from '../../components/url-paging.ts';
import { SystemLinks } from '../../components/SystemLinks.tsx';

const routeApi = getRouteApi('/authenticated/content/change-notices');

/** The IT unit's inbox of change notices (§4.2.2); its filters and page live in the address. */
export function ChangeNoticesPage() {
  const { t } = useTranslation('lifecycle');
  const canCreate = useCan('changeNotice.create');
  const canAcknowledge = useCan('changeNotice.acknowledge');
  const filters = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const [search, setSearch] = useState(filters.q ?? '');
  const [creating, setCreating] = useState(false);
  const [acknowledging, setAcknowledging] = useState<ChangeNotice | null>(null);

  // A new filter starts again at the first page: a cursor belongs to one query.
  const setFilters = (changes: Partial<NoticeFilters>) =>
    void navigate({ search: (previous) => ({ ...previous, ...changes, cursors: undefined }), replace: true });
  const updateSearch = useDebouncedCallback((value: string) => setFilters({ q: value.trim() || undefined }), 300);
  // Back and forward in the browser change the address; the search box follows it.
  useEffect(() => setSearch(filters.q ?? ''), [filters.q]);
  const movePage = useCallback(
    (changes: UrlPaging, options: { replace: boolean }) =>
      void navigate({ search: (previous) => ({ ...previous, ...changes }), replace: options.replace }),
    [navigate],
  );
  const paging = useUrlPaging(filters, movePage);

  const query = noticeListQuery(filters);
  const notices = useQuery({
    queryKey: ['change-notices', 'list', query, paging.cursor, paging.pageSize],
    queryFn: ({ signal }) =>
      legacyApi.list<ChangeNotice>('/change-notices', { ...query, cursor: paging.cursor, limit: paging.pageSize }, signal),
    placeholderData: keepPreviousData,
  });
  const filtered = Boolean(filters.status || filters.kind || filters.source || filters.overdue || filters.q);
  const createButton = canCreate && <Button onClick={() => setCreating(true)}>{t('notices.create')}</Button>;
  // In the server's order: open first, the oldest first; then the acknowledged, newest first.
  const items = notices.data?.items ?? [];

  return (
    <>
      <PageHeader title={t('notices.title')} intro={t('notices.intro')} actions={createButton} />
      <Group mb="md" align="flex-end" gap="md" wrap="wrap" role="search" aria-label={t('notices.filters')}>
        <TextInput
          label={t('notices.search')}
          type="search"
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            updateSearch(event.currentTarget.value);
          }}
          w={240}
        />
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
        <Checkbox
          label={t('notices.overdueOnly')}
          checked={filters.overdue ?? false}
          onChange={(event) => setFilters({ overdue: event.currentTarget.checked || undefined })}
          mb={8}
        />
        {filtered && (
          <Button
            variant="subtle"
            size="compact-sm"
            mb={6}
            onClick={() => {
              setSearch('');
              void navigate({ search: filters.limit ? { limit: filters.limit } : {}, replace: true });
            }}
          >
            {t('notices.clearFilters')}
          </Button>
        )}
      </Group>
      <Paper withBorder radius="md">
        {notices.isLoading ? (
          <LoadingState />
        ) : notices.error ? (
          <ErrorState error={notices.error} onRetry={() => void notices.refetch()} />
        ) : items.length === 0 ? (
          <ListEmptyState title={filtered ? t('notices.empty') : t('notices.emptyAll')} />
        ) : (
          <Table.ScrollContainer minWidth={900}>
            <Table verticalSpacing="xs" horizontalSpacing="sm" aria-busy={notices.isFetching}>
              <VisuallyHidden component="caption">{t('notices.title')}</VisuallyHidden>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('notices.columnTitle')}</Table.Th>
                  <Table.Th scope="col">{t('notices.columnSystems')}</Table.Th>
                  <Table.Th scope="col">{t('notices.columnPlanned')}</Table.Th>
                  <Table.Th scope="col">{t('notices.columnAcknowledgeBy')}</Table.Th>
                  <Table.Th scope="col">{t('notices.columnStatus')}</Table.Th>
                  {canAcknowledge && (
                    <Table.Th scope="col">
                      <VisuallyHidden>{t('notices.acknowledge')}</VisuallyHidden>
                    </Table.Th>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((notice) => (
                  <Table.Tr key={notice.id} data-testid="notice-row">
                    <Table.Td>
                      <AnchorLink to="/change-notices/$noticeId" params={{ noticeId: notice.id }} size="sm" fw={600}>
                        {notice.title}
                      </AnchorLink>
                      <Text size="xs" c="gray.7">
                        {t(`noticeKind.${notice.kind}`)} · {t(`noticeSource.${notice.source}`)} ·{' '}
                        {t('notices.createdBy', { name: notice.createdByName, at: formatDate(notice.createdAt) })}
                      </Text>
                      {notice.description && <Text size="xs">{notice.description}</Text>}
                    </Table.Td>
                    <Table.Td>
                      <SystemLinks systems={notice.systems} />
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(notice.plannedOn)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {formatDate(notice.acknowledgeBy)}
                      {notice.overdue && (
                        <Badge color="red.9" variant="filled" tt="none" ml={6}>
                          {t('notices.overdue')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{t(`noticeStatus.${notice.status}`)}</Text>
                      {notice.acknowledgedAt && (
                        <Text size="xs" c="gray.7">
                          {t('notices.acknowledgedLine', {
                            at: formatDateTime(notice.acknowledgedAt),
                            name: notice.acknowledgedByName ?? '–',
                          })}
                        </Text>
                      )}
                      {notice.acknowledgementNote && <Text size="xs">{notice.acknowledgementNote}</Text>}
                    </Table.Td>
                    {canAcknowledge && (
                      <Table.Td>
                        {notice.status === 'open' && (
                          <Button
                            size="xs"
                            variant="default"
                            onClick={() => setAcknowledging(notice)}
                            aria-label={`${t('notices.acknowledge')}: ${notice.title}`}
                          >
                            {t('notices.acknowledge')}
                          </Button>
                        )}
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      <ListPager page={notices.data} paging={paging} />
      {creating && <ChangeNoticeCreateModal onClose={() => setCreating(false)} />}
      {acknowledging && <AcknowledgeModal notice={acknowledging} onClose={() => setAcknowledging(null)} />}
    </>
  );
}
