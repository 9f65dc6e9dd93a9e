import type { ChangeNotice, ChangeNoticeCreate } from '@forvalta/contracts';
import { Badge, Button, Checkbox, Group, Modal, MultiSelect, NativeSelect, Paper, Select, Stack, Table, Text, Textarea, TextInput, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, apiRequest, isApiError } from '../../api/client.ts';
import { useCan } from '../../app/session.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { CursorPager } from '../../components/CursorPager.tsx';
import { useCursorPaging } from '../../components/cursor-paging.ts';
import { DateField } from '../../components/DateField.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { fieldErrorsOf, notifyError, notifySuccess } from '../../components/error-messages.ts';
import { ListEmptyState } from '../../components/ListEmptyState.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { StaleRecordAlert } from '../../components/StaleRecordAlert.tsx';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import { useSystemOptions } from '../projects/project-api.ts';

/** Open first (the oldest deadline first), then the acknowledged ones, newest first. */
function inboxOrder(a: ChangeNotice, b: ChangeNotice): number {
  if (a.status !== b.status) return a.status === 'open' ? -1 : 1;
  if (a.status === 'open') return a.acknowledgeBy.localeCompare(b.acknowledgeBy);
  return b.createdAt.localeCompare(a.createdAt);
}

/** The IT unit's inbox of change notices (§4.2.2). */
export function ChangeNoticesPage() {
  const { t } = useTranslation('lifecycle');
  const canCreate = useCan('changeNotice.create');
  const canAcknowledge = useCan('changeNotice.acknowledge');
  const [status, setStatus] = useState<string | null>(null);
  const [kind, setKind] = useState<string | null>(null);
  const [overdue, setOverdue] = useState(false);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [creating, setCreating] = useState(false);
  const [acknowledging, setAcknowledging] = useState<ChangeNotice | null>(null);
  const query = { status, kind, overdue: overdue || undefined, q, sort: '-createdAt' };
  const paging = useCursorPaging(JSON.stringify(query), 50);
  const notices = useQuery({
    queryKey: ['change-notices', 'list', query, paging.cursor, paging.pageSize],
    queryFn: ({ signal }) => api.list<ChangeNotice>('/change-notices', { ...query, cursor: paging.cursor, limit: paging.pageSize }, signal),
    placeholderData: keepPreviousData,
  });
  const filtered = Boolean(status || kind || overdue || q);
  const createButton = canCreate && <Button onClick={() => setCreating(true)}>{t('notices.create')}</Button>;
  const items = [...(notices.data?.items ?? [])].sort(inboxOrder);

  return (
    <>
      <PageHeader title={t('notices.title')} intro={t('notices.intro')} actions={createButton} />
      <Group mb="md" align="flex-end" gap="md" wrap="wrap" role="search" aria-label={t('notices.filters')}>
        <TextInput label={t('notices.search')} type="search" value={search} onChange={(event) => setSearch(event.currentTarget.value)} w={240} />
        <Select label={t('notices.status')} placeholder={t('notices.all')} clearable value={status} onChange={setStatus} data={(['open', 'acknowledged'] as const).map((value) => ({ value, label: t(`noticeStatus.${value}`) }))} w={200} />
        <Select label={t('notices.kind')} placeholder={t('notices.all')} clearable value={kind} onChange={setKind} data={(['operation', 'responsibility'] as const).map((value) => ({ value, label: t(`noticeKind.${value}`) }))} w={220} />
        <Checkbox label={t('notices.overdueOnly')} checked={overdue} onChange={(event) => setOverdue(event.currentTarget.checked)} mb={8} />
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
                      <Text size="sm" fw={600}>
                        {notice.title}
                      </Text>
                      <Text size="xs" c="gray.7">
                        {t(`noticeKind.${notice.kind}`)} · {t(`noticeSource.${notice.source}`)} · {t('notices.createdBy', { name: notice.createdByName, at: formatDate(notice.createdAt) })}
                      </Text>
                      {notice.description && <Text size="xs">{notice.description}</Text>}
                    </Table.Td>
                    <Table.Td>
                      {notice.systems.map((system, index) => (
                        <span key={system.id}>
                          {index > 0 && ', '}
                          <AnchorLink to="/systems/$systemId" params={{ systemId: system.id }} size="sm">
                            {system.name}
                          </AnchorLink>
                        </span>
                      ))}
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
                          {t('notices.acknowledgedLine', { at: formatDateTime(notice.acknowledgedAt), name: notice.acknowledgedByName ?? '–' })}
                        </Text>
                      )}
                      {notice.acknowledgementNote && <Text size="xs">{notice.acknowledgementNote}</Text>}
                    </Table.Td>
                    {canAcknowledge && (
                      <Table.Td>
                        {notice.status === 'open' && (
                          <Button size="xs" variant="default" onClick={() => setAcknowledging(notice)} aria-label={`${t('notices.acknowledge')}: ${notice.title}`}>
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
      {notices.data && notices.data.items.length > 0 && (
        <CursorPager
          pageIndex={paging.pageIndex}
          pageSize={paging.pageSize}
          itemCount={notices.data.items.length}
          total={notices.data.total}
          nextCursor={notices.data.nextCursor}
          onNext={paging.goNext}
          onPrevious={paging.goPrevious}
          onPageSizeChange={paging.setPageSize}
        />
      )}
      {creating && <ChangeNoticeCreateModal onClose={() => setCreating(false)} />}
      {acknowledging && <AcknowledgeModal notice={acknowledging} onClose={() => setAcknowledging(null)} />}
    </>
  );
}

function AcknowledgeModal({ notice, onClose }: { notice: ChangeNotice; onClose: () => void }) {
  const { t } = useTranslation('lifecycle');
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const [stale, setStale] = useState(false);
  const acknowledge = useMutation({
    mutationFn: () => apiRequest<ChangeNotice>('POST', `/change-notices/${notice.id}/acknowledge`, { body: { note: note.trim() || null }, version: notice.version }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['change-notices'] });
      notifySuccess(t('notices.acknowledged'));
      onClose();
    },
    onError: (error) => {
      if (isApiError(error, 'version_mismatch')) setStale(true);
      else notifyError(error);
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('notices.acknowledgeTitle', { title: notice.title })}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          acknowledge.mutate();
        }}
      >
        <Stack>
          {stale && (
            <StaleRecordAlert
              onReload={() => {
                void queryClient.invalidateQueries({ queryKey: ['change-notices'] });
                onClose();
              }}
            />
          )}
          <Textarea label={t('notices.acknowledgeNote')} value={note} onChange={(event) => setNote(event.currentTarget.value)} autosize minRows={2} data-autofocus />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('notices.cancel')}
            </Button>
            <Button type="submit" loading={acknowledge.isPending} disabled={stale}>
              {t('notices.acknowledge')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function ChangeNoticeCreateModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('lifecycle');
  const queryClient = useQueryClient();
  const systems = useSystemOptions();
  const [kind, setKind] = useState<'operation' | 'responsibility'>('operation');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [plannedOn, setPlannedOn] = useState<string | null>(null);
  const [systemIds, setSystemIds] = useState<string[]>([]);
  const [touchesIntegrations, setTouchesIntegrations] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useMutation({
    mutationFn: (body: ChangeNoticeCreate) => api.post<ChangeNotice>('/change-notices', body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['change-notices'] });
      notifySuccess(t('notices.created'));
      onClose();
    },
    onError: (error) => {
      const fields = fieldErrorsOf(error);
      if (Object.keys(fields).length > 0) setErrors(fields);
      else notifyError(error);
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('notices.createTitle')} size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate({ kind, title: title.trim(), description: description.trim() || null, plannedOn, systemIds, touchesIntegrations });
        }}
      >
        <Stack>
          <NativeSelect
            label={t('notices.kind')}
            value={kind}
            onChange={(event) => setKind(event.currentTarget.value as typeof kind)}
            data={(['operation', 'responsibility'] as const).map((value) => ({ value, label: t(`noticeKind.${value}`) }))}
          />
          <TextInput label={t('notices.titleLabel')} required value={title} onChange={(event) => setTitle(event.currentTarget.value)} error={errors.title} />
          <Textarea label={t('notices.description')} value={description} onChange={(event) => setDescription(event.currentTarget.value)} autosize minRows={2} />
          <DateField label={t('notices.plannedOn')} value={plannedOn} onChange={setPlannedOn} />
          <MultiSelect
            label={t('notices.systems')}
            required
            searchable
            value={systemIds}
            onChange={setSystemIds}
            error={errors.systemIds}
            data={(systems.data?.items ?? []).map((system) => ({ value: system.id, label: system.name }))}
          />
          <Checkbox label={t('notices.touchesIntegrations')} checked={touchesIntegrations} onChange={(event) => setTouchesIntegrations(event.currentTarget.checked)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('notices.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} disabled={!title.trim() || systemIds.length === 0}>
              {t('notices.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
