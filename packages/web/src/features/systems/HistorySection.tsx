import type { AuditEventList } from '@forvalta/contracts';
import { Table, Text, VisuallyHidden } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { legacyApi } from '../../api/client.ts';
import { CursorPager } from '../../components/CursorPager.tsx';
import { useCursorPaging } from '../../components/cursor-paging.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { ExpandRowButton } from '../../components/ExpandRowButton.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { AuditEventChanges } from '../audit/AuditEventChanges.tsx';
import { SectionCard } from '../../components/SectionCard.tsx';

/** The system's history from the audit log: the record, its people, duties and integrations. */
export function HistorySection({ systemId }: { systemId: string }) {
  const { t } = useTranslation();
  const paging = useCursorPaging(systemId, 10);
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const events = useQuery({
    queryKey: ['systems', 'history', systemId, paging.cursor, paging.pageSize],
    queryFn: ({ signal }) =>
      legacyApi.get<AuditEventList>(`/systems/${systemId}/history`, { cursor: paging.cursor, limit: paging.pageSize }, signal),
    placeholderData: keepPreviousData,
  });
  const toggle = (id: string) =>
    setExpanded((previous) => {
      const next = new Set(previous);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <SectionCard id="history" title={t('system.history')}>
      {events.isLoading ? (
        <LoadingState />
      ) : events.error ? (
        <ErrorState error={events.error} onRetry={() => void events.refetch()} />
      ) : events.data?.items.length === 0 ? (
        <Text size="sm">{t('history.empty')}</Text>
      ) : (
        <>
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="xs" aria-busy={events.isFetching}>
              <VisuallyHidden component="caption">{t('system.history')}</VisuallyHidden>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col" w={48}>
                    <VisuallyHidden>{t('audit.details')}</VisuallyHidden>
                  </Table.Th>
                  <Table.Th scope="col">{t('audit.time')}</Table.Th>
                  <Table.Th scope="col">{t('audit.actor')}</Table.Th>
                  <Table.Th scope="col">{t('audit.action')}</Table.Th>
                  <Table.Th scope="col">{t('audit.entityType')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {events.data?.items.map((event) => {
                  const open = expanded.has(event.id);
                  const detailsId = `history-details-${event.id}`;
                  return (
                    <Fragment key={event.id}>
                      <Table.Tr data-testid="history-row">
                        <Table.Td>
                          <ExpandRowButton
                            open={open}
                            controls={detailsId}
                            label={t(open ? 'audit.hideDetails' : 'audit.showDetails', { sequence: event.sequence })}
                            onToggle={() => toggle(event.id)}
                          />
                        </Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          <time dateTime={event.occurredAt}>{formatDateTime(event.occurredAt)}</time>
                        </Table.Td>
                        <Table.Td>{event.actorName ?? '–'}</Table.Td>
                        <Table.Td>{t(`audit.actions.${event.action}`, { defaultValue: event.action })}</Table.Td>
                        <Table.Td>{t(`audit.entityTypes.${event.entityType}`, { defaultValue: event.entityType })}</Table.Td>
                      </Table.Tr>
                      {open && (
                        <Table.Tr id={detailsId}>
                          <Table.Td colSpan={5}>
                            <AuditEventChanges event={event} names={events.data?.names} />
                          </Table.Td>
                        </Table.Tr>
                      )}
                    </Fragment>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {events.data && (
            <CursorPager
              pageIndex={paging.pageIndex}
              pageSize={paging.pageSize}
              itemCount={events.data.items.length}
              total={events.data.total}
              nextCursor={events.data.nextCursor}
              onNext={paging.goNext}
              onPrevious={paging.goPrevious}
            />
          )}
        </>
      )}
    </SectionCard>
  );
}
