import type { DocumentVersion, PolicyDocument } from '@forvalta/contracts';
import { Alert, Badge, Button, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { notifyError, notifySuccess } from '../../components/error-messages.ts';
import { ListEmptyState } from '../../components/ListEmptyState.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { type Column, QueryTable } from '../../components/QueryTable.tsx';
import { Fact, SectionCard } from '../../components/SectionCard.tsx';
import { formatDate } from '../../i18n/format.ts';
import { departmentNameMap, useAllDepartments } from '../organisation/departments/departments.queries.ts';
import { DocumentFormModal } from './DocumentFormModal.tsx';
import { documentQuery, documentVersionsQuery, useCreateDraft, useDeleteDocument } from './documents.queries.ts';
import { NextReview } from './DocumentsPage.tsx';
import { VersionStateBadge } from './VersionStateBadge.tsx';

const routeApi = getRouteApi('/authenticated/content/documents/$documentId');

/** One policy document: what it is, the version in force, its drafts, and every version before. */
export function DocumentPage() {
  const { t } = useTranslation('documents');
  const { documentId } = routeApi.useParams();
  const document = useQuery(documentQuery(documentId));
  const versions = useQuery(documentVersionsQuery(documentId));
  const canReadCoverage = useCan('acknowledgementCoverage.read');
  if (document.isLoading) return <LoadingState />;
  if (document.error || !document.data) return <ErrorState error={document.error} onRetry={() => void document.refetch()} />;
  const d = document.data;
  const versionList = versions.data?.items ?? [];

  const columns: Column<DocumentVersion>[] = [
    {
      key: 'number',
      header: t('document.columnNumber'),
      rowHeader: true,
      nowrap: true,
      cell: (version) => (
        <AnchorLink to="/documents/$documentId/versions/$versionId" params={{ documentId: d.id, versionId: version.id }} size="sm" fw={600}>
          {t('list.versionNumber', { number: version.number })}
        </AnchorLink>
      ),
    },
    {
      key: 'state',
      header: t('document.columnState'),
      cell: (version) => (
        <Group gap={6} wrap="nowrap">
          <VersionStateBadge state={version.state} />
          {version.editorial && (
            <Badge color="blue.9" variant="outline" tt="none" miw="max-content">
              {t('document.editorial')}
            </Badge>
          )}
        </Group>
      ),
    },
    { key: 'adoptedBy', header: t('document.columnAdoptedBy'), cell: (version) => version.adoptedBy ?? '–' },
    { key: 'decisionDate', header: t('document.columnDecisionDate'), nowrap: true, cell: (version) => formatDate(version.decisionDate) },
    { key: 'reference', header: t('document.columnReference'), cell: (version) => version.decisionReference ?? '–' },
    {
      key: 'summary',
      header: t('document.columnSummary'),
      minWidth: 240,
      cell: (version) => (
        <Text size="sm" lineClamp={3}>
          {version.changeSummary ?? '–'}
        </Text>
      ),
    },
    {
      key: 'compare',
      header: t('document.columnCompare'),
      headerHidden: true,
      nowrap: true,
      cell: (version) => {
        const previous = versionList.find((candidate) => candidate.number === version.number - 1);
        return previous ? (
          <AnchorLink
            to="/documents/$documentId/diff"
            params={{ documentId: d.id }}
            search={{ from: previous.id, to: version.id }}
            size="sm"
            aria-label={t('document.compareWithPrevious', { number: version.number, previous: previous.number })}
          >
            {t('document.compareShort')}
          </AnchorLink>
        ) : null;
      },
    },
  ];

  return (
    <>
      <AnchorLink to="/documents" size="sm">
        <span aria-hidden="true">← </span>
        {t('document.back')}
      </AnchorLink>
      <Group justify="space-between" align="flex-start" mt="xs" mb="md" wrap="wrap" gap="md">
        <Stack gap={6} maw={860}>
          <Title order={1} size="h2">
            {d.title}
          </Title>
          <Group gap="xs">
            <Badge color="blue.9" variant="outline" tt="none">
              {t(`kind.${d.kind}`)}
            </Badge>
            {d.reviewOverdue && (
              <Badge color="red.9" variant="filled" tt="none">
                {t('list.reviewOverdue')}
              </Badge>
            )}
          </Group>
          {d.description && <Text c="gray.7">{d.description}</Text>}
        </Stack>
        <Group gap="sm">
          {versionList.length > 1 && (
            <ButtonLink to="/documents/$documentId/diff" params={{ documentId: d.id }} variant="default">
              {t('document.compare')}
            </ButtonLink>
          )}
          {canReadCoverage && d.requiresAcknowledgement && (
            <ButtonLink to="/documents/$documentId/coverage" params={{ documentId: d.id }} variant="default">
              {t('document.coverage')}
            </ButtonLink>
          )}
          <NewDraftButton document={d} />
          <EditDocumentButtons document={d} />
        </Group>
      </Group>

      <Stack gap="lg">
        <AboutSection document={d} />
        <CurrentVersionSection document={d} />
        <SectionCard id="versions" title={t('document.versions')}>
          <QueryTable
            query={versions}
            framed={false}
            caption={t('document.versionsCaption', { title: d.title })}
            columns={columns}
            rowKey={(version) => version.id}
            rowTestId="version-row"
            minWidth={760}
            empty={<ListEmptyState title={t('document.noVersions')} />}
          />
        </SectionCard>
      </Stack>
    </>
  );
}

/** "Nytt utkast": only for the document's owner (can.createVersion), and only when no draft is open. */
function NewDraftButton({ document }: { document: PolicyDocument }) {
  const { t } = useTranslation('documents');
  const navigate = useNavigate();
  const create = useCreateDraft(document);
  if (!document.can.createVersion || document.openVersion) return null;
  return (
    <Button
      loading={create.isPending}
      onClick={() =>
        create.mutate(undefined, {
          onSuccess: (version) => {
            notifySuccess(t('document.draftCreated', { number: version.number }));
            void navigate({
              to: '/documents/$documentId/versions/$versionId',
              params: { documentId: document.id, versionId: version.id },
            });
          },
          onError: notifyError,
        })
      }
    >
      {t('document.newDraft')}
    </Button>
  );
}

/** "Redigera" and "Ta bort" from the document's `can`: the metadata is the administrator's; a document once adopted stays. */
function EditDocumentButtons({ document }: { document: PolicyDocument }) {
  const { t } = useTranslation('documents');
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const remove = useDeleteDocument();
  return (
    <>
      {document.can.update && (
        <Button variant="default" onClick={() => setEditing(true)}>
          {t('document.edit')}
        </Button>
      )}
      {document.can.delete && (
        <Button variant="outline" color="red.8" onClick={() => setDeleting(true)}>
          {t('document.delete')}
        </Button>
      )}
      {editing && <DocumentFormModal document={document} onClose={() => setEditing(false)} />}
      <ConfirmDialog
        opened={deleting}
        title={t('document.deleteTitle', { title: document.title })}
        text={t('document.deleteText')}
        confirmLabel={t('document.delete')}
        loading={remove.isPending}
        onClose={() => setDeleting(false)}
        onConfirm={() =>
          remove.mutate(document, {
            onSuccess: () => {
              notifySuccess(t('document.deleted', { title: document.title }));
              void navigate({ to: '/documents' });
            },
            onError: notifyError,
          })
        }
      />
    </>
  );
}

function AboutSection({ document }: { document: PolicyDocument }) {
  const { t } = useTranslation('documents');
  const departmentNames = departmentNameMap(useAllDepartments().data);
  const audience =
    document.audienceDepartmentIds.length === 0
      ? t('document.wholeMunicipality')
      : document.audienceDepartmentIds.map((id) => departmentNames.get(id) ?? '…').join(', ');
  return (
    <SectionCard id="about" title={t('document.about')}>
      <SimpleGrid component="dl" cols={{ base: 2, md: 3 }} spacing="md" m={0}>
        <Fact label={t('document.ownerRole')}>{t(`translation:roles.${document.ownerRole}`)}</Fact>
        <Fact label={t('document.ownerBody')}>{document.ownerBody ?? '–'}</Fact>
        <Fact label={t('document.reviewInterval')}>{t('document.months', { count: document.reviewIntervalMonths })}</Fact>
        <Fact label={t('list.columnNextReview')}>
          <NextReview document={document} />
        </Fact>
        <Fact label={t('document.requiresAcknowledgement')}>{document.requiresAcknowledgement ? t('document.yes') : t('document.no')}</Fact>
        <Fact label={t('document.audience')}>{audience}</Fact>
      </SimpleGrid>
    </SectionCard>
  );
}

/** The version in force, and the open draft or review if there is one. */
function CurrentVersionSection({ document }: { document: PolicyDocument }) {
  const { t } = useTranslation('documents');
  const current = document.currentVersion;
  return (
    <SectionCard id="current" title={t('document.current')}>
      <Stack gap="sm">
        {current ? (
          <>
            <SimpleGrid component="dl" cols={{ base: 2, md: 4 }} spacing="md" m={0}>
              <Fact label={t('document.columnNumber')}>{t('list.versionNumber', { number: current.number })}</Fact>
              <Fact label={t('document.columnAdoptedBy')}>{current.adoptedBy ?? '–'}</Fact>
              <Fact label={t('document.columnDecisionDate')}>{formatDate(current.decisionDate)}</Fact>
              <Fact label={t('document.columnReference')}>{current.decisionReference ?? '–'}</Fact>
            </SimpleGrid>
            <Group>
              <AnchorLink
                to="/documents/$documentId/versions/$versionId"
                params={{ documentId: document.id, versionId: current.id }}
                fw={600}
                size="sm"
              >
                {t('document.read', { number: current.number })}
              </AnchorLink>
            </Group>
          </>
        ) : (
          <Text size="sm">{t('document.noCurrent')}</Text>
        )}
        {document.openVersion && (
          <Alert color="blue" variant="light" data-testid="open-version">
            <Text size="sm">
              {t('document.openVersionText', { number: document.openVersion.number, state: t(`state.${document.openVersion.state}`) })}{' '}
              <AnchorLink
                to="/documents/$documentId/versions/$versionId"
                params={{ documentId: document.id, versionId: document.openVersion.id }}
                size="sm"
                fw={600}
              >
                {t('document.openVersionLink', { number: document.openVersion.number })}
              </AnchorLink>
            </Text>
          </Alert>
        )}
      </Stack>
    </SectionCard>
  );
}
