import type { Acknowledgement } from '@forvalta/contracts';
import { Badge, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import type { useSectionList } from '../../components/list-address.ts';
import { ListEmptyState } from '../../components/ListEmptyState.tsx';
import { type Column, QueryTable } from '../../components/QueryTable.tsx';
import { SectionCard } from '../../components/SectionCard.tsx';
import type { UrlPaging } from '../../components/url-paging.ts';
import { formatDate } from '../../i18n/format.ts';
import { DepartmentSelect } from '../organisation/departments/DepartmentSelect.tsx';
import { acknowledgementListQuery } from './acknowledgements.queries.ts';
import {
  type AcknowledgementStateFilter,
  acknowledgementDisplayState,
  acknowledgementStateBadge,
  acknowledgementStateFilterValues,
} from './document-values.ts';
import { PaperRecordModal } from './PaperRecordModal.tsx';

/** The person list's filters, kept under `people.` in the coverage page's address. */
export interface CoveragePeopleFilters extends UrlPaging {
  q?: string;
  departmentId?: string;
  state?: AcknowledgementStateFilter;
  sort?: string;
}

/** The people asked to acknowledge the version in force: filter to those who have not, or are overdue. */
export function CoveragePeople({
  documentId,
  versionId,
  list,
  onRemind,
}: {
  documentId: string;
  versionId: string;
  list: ReturnType<typeof useSectionList<CoveragePeopleFilters>>;
  onRemind: (request: Acknowledgement) => void;
}) {
  const { t } = useTranslation('documents');
  const { filters, setFilters } = list;
  const [recording, setRecording] = useState<Acknowledgement | null>(null);
  const people = useQuery(acknowledgementListQuery({ ...list.query, documentId, versionId }));
  const columns: Column<Acknowledgement>[] = [
    {
      key: 'person',
      header: t('people.person'),
      sortField: 'personName',
      rowHeader: true,
      cell: (request) => (
        <AnchorLink to="/people/$personId" params={{ personId: request.personId }} size="sm" fw={600}>
          {request.personName}
        </AnchorLink>
      ),
    },
    { key: 'department', header: t('coverage.department'), cell: (request) => request.departmentName ?? t('coverage.noDepartment') },
    { key: 'state', header: t('people.state'), cell: (request) => <AcknowledgementStateBadge request={request} /> },
    { key: 'due', header: t('people.dueDate'), sortField: 'dueDate', nowrap: true, cell: (request) => formatDate(request.dueDate) },
    { key: 'acknowledged', header: t('people.acknowledgedAt'), cell: (request) => <AcknowledgedHow request={request} /> },
    {
      key: 'reminders',
      header: t('people.reminders'),
      nowrap: true,
      cell: (request) =>
        request.reminderCount === 0
          ? '–'
          : t('people.reminderCount', { count: request.reminderCount, date: formatDate(request.lastRemindedAt) }),
    },
  ];
  return (
    <SectionCard id="people" title={t('people.title')}>
      <Stack gap="sm">
        <Group align="flex-end" gap="md" wrap="wrap" role="search" aria-label={t('people.filters')}>
          <TextInput type="search" label={t('people.search')} w={220} {...list.searchInput} />
          <Select
            label={t('people.show')}
            placeholder={t('people.everyone')}
            clearable
            value={filters.state ?? null}
            onChange={(value) => setFilters({ state: (value as AcknowledgementStateFilter | null) ?? undefined })}
            data={acknowledgementStateFilterValues.map((value) => ({ value, label: t(`people.showValue.${value}`) }))}
            w={220}
          />
          <DepartmentSelect
            label={t('coverage.department')}
            placeholder={t('people.allDepartments')}
            value={filters.departmentId ?? null}
            onChange={(value) => setFilters({ departmentId: value ?? undefined })}
            w={260}
          />
          {list.filtered && (
            <Button variant="subtle" size="compact-sm" mb={6} onClick={list.clearFilters}>
              {t('list.clearFilters')}
            </Button>
          )}
        </Group>
        <QueryTable
          query={people}
          framed={false}
          caption={t('people.title')}
          columns={columns}
          rowKey={(request) => request.id}
          rowTestId="coverage-person"
          sort={list.sort}
          paging={list.paging}
          pageSizes={[25, 50, 100]}
          minWidth={860}
          rowActions={(request) => [
            ...(request.can.recordFromPaper ? [{ label: t('coverage.recordPaper'), onClick: () => setRecording(request) }] : []),
            ...(request.can.remind ? [{ label: t('people.remind'), onClick: () => onRemind(request) }] : []),
          ]}
          rowActionsLabel={(request) => t('people.actionsFor', { name: request.personName })}
          empty={<ListEmptyState title={list.filtered ? t('people.empty') : t('people.emptyAll')} />}
        />
      </Stack>
      {recording && (
        <PaperRecordModal documentId={documentId} versionId={versionId} request={recording} onClose={() => setRecording(null)} />
      )}
    </SectionCard>
  );
}

export function AcknowledgementStateBadge({ request }: { request: Pick<Acknowledgement, 'state' | 'overdue'> }) {
  const { t } = useTranslation('documents');
  const state = acknowledgementDisplayState(request);
  const { color, variant } = acknowledgementStateBadge[state];
  return (
    <Badge color={color} variant={variant} tt="none" miw="max-content">
      {t(`people.stateValue.${state}`)}
    </Badge>
  );
}

/** When, and how if not in the app: "2026-11-03, från papper (Maria Ek)". */
export function AcknowledgedHow({ request }: { request: Acknowledgement }) {
  const { t } = useTranslation('documents');
  if (!request.acknowledgedAt) return <Text size="sm">–</Text>;
  return (
    <Stack gap={0}>
      <Text size="sm">{formatDate(request.acknowledgedAt)}</Text>
      {request.method && request.method !== 'in_app' && (
        <Text size="xs" c="gray.7">
          {t(`people.method.${request.method}`, { name: request.recordedByName ?? '–' })}
        </Text>
      )}
      {request.carriedOverFromVersionId && (
        <Text size="xs" c="gray.7">
          {t('people.carriedOver')}
        </Text>
      )}
    </Stack>
  );
}
