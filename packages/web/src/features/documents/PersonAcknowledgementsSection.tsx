import type { Acknowledgement } from '@forvalta/contracts';
import { Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { ListEmptyState } from '../../components/ListEmptyState.tsx';
import { type Column, QueryTable } from '../../components/QueryTable.tsx';
import { SectionCard } from '../../components/SectionCard.tsx';
import { type UrlPaging, useUrlPaging } from '../../components/url-paging.ts';
import { formatDate } from '../../i18n/format.ts';
import { acknowledgementListQuery } from './acknowledgements.queries.ts';
import { AcknowledgedHow, AcknowledgementStateBadge } from './CoveragePeople.tsx';

/** "Läsbekräftelser av styrdokument" on a person's page: every version they were asked about, newest first. */
export function PersonAcknowledgementsSection({ personId }: { personId: string }) {
  const { t } = useTranslation('documents');
  // The page of this section is kept in memory: the person page's address belongs to the page.
  const [page, setPage] = useState<UrlPaging>({});
  const paging = useUrlPaging(page, (changes) => setPage((previous) => ({ ...previous, ...changes })), 10);
  const requests = useQuery(acknowledgementListQuery({ personId, sort: '-requestedAt', cursor: paging.cursor, limit: paging.pageSize }));
  const columns: Column<Acknowledgement>[] = [
    {
      key: 'document',
      header: t('person.document'),
      rowHeader: true,
      cell: (request) => (
        <AnchorLink
          to="/documents/$documentId/versions/$versionId"
          params={{ documentId: request.documentId, versionId: request.versionId }}
          size="sm"
          fw={600}
        >
          {request.documentTitle}
        </AnchorLink>
      ),
    },
    {
      key: 'version',
      header: t('person.version'),
      nowrap: true,
      cell: (request) => t('list.versionNumber', { number: request.versionNumber }),
    },
    { key: 'state', header: t('people.state'), cell: (request) => <AcknowledgementStateBadge request={request} /> },
    { key: 'due', header: t('people.dueDate'), nowrap: true, cell: (request) => formatDate(request.dueDate) },
    { key: 'acknowledged', header: t('people.acknowledgedAt'), cell: (request) => <AcknowledgedHow request={request} /> },
  ];
  return (
    <SectionCard id="acknowledgements" title={t('person.title')}>
      <Text size="sm" c="gray.7" mb="sm">
        {t('person.intro')}
      </Text>
      <QueryTable
        query={requests}
        framed={false}
        caption={t('person.title')}
        columns={columns}
        rowKey={(request) => request.id}
        rowTestId="person-acknowledgement"
        paging={paging}
        pageSizes={[10, 25, 50]}
        minWidth={720}
        empty={<ListEmptyState title={t('person.empty')} />}
      />
    </SectionCard>
  );
}
