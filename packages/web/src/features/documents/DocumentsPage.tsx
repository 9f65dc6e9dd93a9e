import type { AcknowledgementCoverageSummary, PolicyDocument } from '@forvalta/contracts';
import { Badge, Button, Checkbox, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { ListEmptyState } from '../../components/ListEmptyState.tsx';
import { useAddressList } from '../../components/list-address.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { type Column, QueryTable } from '../../components/QueryTable.tsx';
import { formatDate } from '../../i18n/format.ts';
import { coverageSummaryQuery } from './acknowledgements.queries.ts';
import { DocumentFormModal } from './DocumentFormModal.tsx';
import { type DocumentFilters, documentKindValues, formatShare } from './document-values.ts';
import { documentListQueryOptions } from './documents.queries.ts';

type CoverageSummaryItem = AcknowledgementCoverageSummary['items'][number];

const routeApi = getRouteApi('/authenticated/content/documents');

/** The municipality's policy documents ("styrdokument"): what is in force, who owns it, when it is due for revision. */
export function DocumentsPage() {
  const { t } = useTranslation('documents');
  const list = useAddressList(routeApi.useSearch(), routeApi.useNavigate(), { pageSize: 25, defaultSort: 'title' });
  const { filters, setFilters } = list;
  const documents = useQuery(
    documentListQueryOptions(filters, { sort: list.sort.value, cursor: list.paging.cursor, limit: list.paging.pageSize }),
  );
  const canReadCoverage = useCan('acknowledgementCoverage.read');
  const coverage = useQuery({ ...coverageSummaryQuery, enabled: canReadCoverage });
  const coverageOf = new Map((coverage.data?.items ?? []).map((item) => [item.documentId, item]));
  // The administrator keeps the list of documents (document.manage); each owner writes its versions.
  const canCreate = useCan('document.manage');
  const [creating, setCreating] = useState(false);

  const columns: Column<PolicyDocument>[] = [
    {
      key: 'title',
      header: t('list.columnTitle'),
      sortField: 'title',
      rowHeader: true,
      minWidth: 220,
      cell: (document) => (
        <Stack gap={2}>
          <AnchorLink to="/documents/$documentId" params={{ documentId: document.id }} size="sm" fw={600}>
            {document.title}
          </AnchorLink>
          <Text size="xs" c="gray.7">
            {t(`kind.${document.kind}`)}
          </Text>
          {document.openVersion && (
            <Text size="xs" c="gray.7">
              {t('list.openVersion', { number: document.openVersion.number, state: t(`state.${document.openVersion.state}`) })}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: 'owner',
      header: t('list.columnOwner'),
      cell: (document) => (
        <Stack gap={0}>
          <Text size="sm">{document.ownerBody ?? t(`translation:roles.${document.ownerRole}`)}</Text>
          {document.ownerBody && (
            <Text size="xs" c="gray.7">
              {t(`translation:roles.${document.ownerRole}`)}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: 'version',
      header: t('list.columnVersion'),
      cell: (document) =>
        document.currentVersion ? (
          <Stack gap={0}>
            <Text size="sm">{t('list.versionNumber', { number: document.currentVersion.number })}</Text>
            <Text size="xs" c="gray.7">
              {document.currentVersion.adoptedBy
                ? t('list.adoptedOnBy', { date: formatDate(document.currentVersion.decisionDate), body: document.currentVersion.adoptedBy })
                : t('list.adoptedOn', { date: formatDate(document.currentVersion.decisionDate) })}
            </Text>
          </Stack>
        ) : (
          <Text size="sm">{t('list.noAdoptedVersion')}</Text>
        ),
    },
    {
      key: 'review',
      header: t('list.columnNextReview'),
      sortField: 'nextReviewDate',
      nowrap: true,
      cell: (document) => <NextReview document={document} />,
    },
    ...(canReadCoverage
      ? [
          {
            key: 'coverage',
            header: t('list.columnCoverage'),
            align: 'right' as const,
            nowrap: true,
            cell: (document: PolicyDocument) => <CoverageShare document={document} coverage={coverageOf.get(document.id)} />,
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={t('list.title')}
        intro={t('list.intro')}
        actions={canCreate && <Button onClick={() => setCreating(true)}>{t('list.create')}</Button>}
      />
      <Group mb="md" align="flex-end" gap="md" wrap="wrap" role="search" aria-label={t('list.filters')}>
        <TextInput type="search" label={t('list.search')} w={260} {...list.searchInput} />
        <Select
          label={t('list.kind')}
          placeholder={t('list.allKinds')}
          clearable
          value={filters.kind ?? null}
          onChange={(value) => setFilters({ kind: (value as DocumentFilters['kind']) ?? undefined })}
          data={documentKindValues.map((kind) => ({ value: kind, label: t(`kind.${kind}`) }))}
          w={260}
        />
        <Checkbox
          mb={8}
          label={t('list.onlyOverdue')}
          checked={filters.overdue ?? false}
          onChange={(event) => setFilters({ overdue: event.currentTarget.checked || undefined })}
        />
        <Checkbox
          mb={8}
          label={t('list.onlyAcknowledged')}
          checked={filters.requiresAcknowledgement ?? false}
          onChange={(event) => setFilters({ requiresAcknowledgement: event.currentTarget.checked || undefined })}
        />
        {list.filtered && (
          <Button variant="subtle" size="compact-sm" mb={6} onClick={list.clearFilters}>
            {t('list.clearFilters')}
          </Button>
        )}
      </Group>
      <QueryTable
        query={documents}
        caption={t('list.title')}
        columns={columns}
        rowKey={(document) => document.id}
        rowTestId="document-row"
        sort={list.sort}
        paging={list.paging}
        pageSizes={[25, 50, 100]}
        minWidth={820}
        empty={<ListEmptyState title={list.filtered ? t('list.empty') : t('list.emptyAll')} />}
      />
      {creating && <DocumentFormModal document={null} onClose={() => setCreating(false)} />}
    </>
  );
}

/** The next review date; past it, a badge says so in words (dark red, 4.5:1 with its white text). */
export function NextReview({ document }: { document: Pick<PolicyDocument, 'nextReviewDate' | 'reviewOverdue'> }) {
  const { t } = useTranslation('documents');
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm" fw={document.reviewOverdue ? 700 : undefined} c={document.reviewOverdue ? 'red.9' : undefined}>
        {formatDate(document.nextReviewDate)}
      </Text>
      {document.reviewOverdue && (
        <Badge color="red.9" variant="filled" tt="none" miw="max-content">
          {t('list.reviewOverdue')}
        </Badge>
      )}
    </Group>
  );
}

/** The share of the audience that has acknowledged the current version; only for documents that ask it. */
function CoverageShare({ document, coverage }: { document: PolicyDocument; coverage: CoverageSummaryItem | undefined }) {
  const { t, i18n } = useTranslation('documents');
  if (!document.requiresAcknowledgement) return <Text size="sm">{t('list.notRequired')}</Text>;
  if (!document.currentVersion || !coverage) return <Text size="sm">–</Text>;
  const total = coverage.total;
  const share = formatShare(total.share, i18n.language);
  return (
    <AnchorLink
      to="/documents/$documentId/coverage"
      params={{ documentId: document.id }}
      size="sm"
      aria-label={t('list.coverageLink', {
        title: document.title,
        share,
        acknowledged: total.acknowledged,
        employees: total.activeEmployees,
      })}
    >
      {share}
    </AnchorLink>
  );
}
