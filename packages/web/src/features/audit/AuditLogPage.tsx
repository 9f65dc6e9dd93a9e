import type { AuditEventList } from '@forvalta/contracts';
import { Button, Group, Paper, Pill, Select, Table, TextInput, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { legacyApi } from '../../api/client.ts';
import { CursorPager } from '../../components/CursorPager.tsx';
import { useCursorPaging } from '../../components/cursor-paging.ts';
import { DateField } from '../../components/DateField.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { ListEmptyState } from '../../components/ListEmptyState.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { formatDateTime, stockholmDayStart } from '../../i18n/format.ts';
import { AuditEventChanges } from './AuditEventChanges.tsx';
import { ExpandRowButton } from '../../components/ExpandRowButton.tsx';

const entityTypes = ['department', 'person', 'role_assignment', 'api_token', 'municipality', 'login'] as const;

/** "Agneta Strömberg <admin@tanum.demo>" → "Agneta Strömberg", for labels. */
const shortActorName = (actorName: string) => actorName.replace(/\s*<[^>]*>$/, '');

export function AuditLogPage() {
  const { t } = useTranslation();
  const [entityType, setEntityType] = useState<string | null>(null);
  const [entityIdInput, setEntityIdInput] = useState('');
  const [entityId] = useDebouncedValue(entityIdInput.trim(), 300);
  const [actor, setActor] = useState<{ loginId: string; name: string } | null>(null);
  const [fromDate, setFromDate] = useState<string | null>(null);
  const [toDate, setToDate] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<Set<string>>(new Set());

  const filters = {
    entityType,
    entityId,
    actorLoginId: actor?.loginId,
    // Dates are Stockholm calendar days; "to" includes the whole day.
    from: fromDate ? stockholmDayStart(fromDate) : undefined,
    to: toDate ? stockholmDayStart(toDate, 1) : undefined,
  };
  const paging = useCursorPaging(JSON.stringify(filters), 50);
  const events = useQuery({
    queryKey: ['audit-events', 'list', filters, paging.cursor, paging.pageSize],
    queryFn: ({ signal }) =>
      legacyApi.get<AuditEventList>(
        '/audit-events',
        { ...filters, sort: '-occurredAt', cursor: paging.cursor, limit: paging.pageSize },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
  const filtered = Boolean(entityType || entityId || actor || fromDate || toDate);

  const toggle = (id: string) =>
    setExpanded((previous) => {
      const next = new Set(previous);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const clearFilters = () => {
    setEntityType(null);
    setEntityIdInput('');
    setActor(null);
    setFromDate(null);
    setToDate(null);
  };

  return (
    <>
      <PageHeader title={t('audit.title')} intro={t('audit.intro')} />
      <Group mb="md" align="flex-end" gap="md" wrap="wrap" role="search">
        <Select
          label={t('audit.entityType')}
          placeholder={t('audit.allTypes')}
          clearable
          value={entityType}
          onChange={setEntityType}
          data={entityTypes.map((value) => ({ value, label: t(`audit.entityTypes.${value}`) }))}
          w={200}
        />
        <TextInput
          label={t('audit.entityId')}
          value={entityIdInput}
          onChange={(event) => setEntityIdInput(event.currentTarget.value)}
          w={300}
        />
        <DateField label={t('audit.from')} value={fromDate} onChange={setFromDate} w={170} />
        <DateField label={t('audit.to')} value={toDate} onChange={setToDate} w={170} />
        {filtered && (
          <Button variant="subtle" onClick={clearFilters}>
            {t('common.clearFilters')}
          </Button>
        )}
      </Group>
      {actor && (
        <Group mb="md" gap="xs">
          <Pill
            size="lg"
            withRemoveButton
            removeButtonProps={{ 'aria-label': t('audit.removePersonFilter') }}
            onRemove={() => setActor(null)}
          >
            {t('audit.personFilter', { name: actor.name })}
          </Pill>
        </Group>
      )}

      <Paper withBorder radius="md">
        {events.isLoading ? (
          <LoadingState />
        ) : events.error ? (
          <ErrorState error={events.error} onRetry={() => void events.refetch()} />
        ) : !events.data || events.data.items.length === 0 ? (
          <ListEmptyState title={t('audit.empty')} hint={t('audit.emptyHint')} />
        ) : (
          <Table.ScrollContainer minWidth={860}>
            <Table verticalSpacing="xs" aria-busy={events.isFetching}>
              <VisuallyHidden component="caption">{t('audit.title')}</VisuallyHidden>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col" w={48}>
                    <VisuallyHidden>{t('audit.details')}</VisuallyHidden>
                  </Table.Th>
                  <Table.Th scope="col">{t('audit.time')}</Table.Th>
                  <Table.Th scope="col">{t('audit.actor')}</Table.Th>
                  <Table.Th scope="col">{t('audit.action')}</Table.Th>
                  <Table.Th scope="col">{t('audit.entityType')}</Table.Th>
                  <Table.Th scope="col">{t('audit.entityId')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {events.data.items.map((event) => {
                  const open = expanded.has(event.id);
                  const detailsId = `audit-details-${event.id}`;
                  return (
                    <Fragment key={event.id}>
                      <Table.Tr data-testid="audit-row">
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
                        <Table.Td>
                          {event.actorLoginId ? (
                            <UnstyledButton
                              c="blue.8"
                              td="underline"
                              fz="sm"
                              onClick={() => setActor({ loginId: event.actorLoginId!, name: shortActorName(event.actorName) })}
                              title={t('audit.onlyThisPerson', { name: shortActorName(event.actorName) })}
                            >
                              {shortActorName(event.actorName)}
                            </UnstyledButton>
                          ) : (
                            event.actorName
                          )}
                        </Table.Td>
                        <Table.Td>{t(`audit.actions.${event.action}`, { defaultValue: event.action })}</Table.Td>
                        <Table.Td>{t(`audit.entityTypes.${event.entityType}`, { defaultValue: event.entityType })}</Table.Td>
                        <Table.Td ff="monospace" fz="xs" className="wrap-anywhere">
                          {event.entityId ?? ''}
                        </Table.Td>
                      </Table.Tr>
                      {open && (
                        <Table.Tr id={detailsId}>
                          <Table.Td colSpan={6} bg="gray.0">
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
        )}
      </Paper>
      {events.data && events.data.total > 0 && (
        <CursorPager
          pageIndex={paging.pageIndex}
          pageSize={paging.pageSize}
          itemCount={events.data.items.length}
          total={events.data.total}
          nextCursor={events.data.nextCursor}
          onNext={paging.goNext}
          onPrevious={paging.goPrevious}
          onPageSizeChange={paging.setPageSize}
          pageSizes={[25, 50, 100]}
        />
      )}
    </>
  );
}
