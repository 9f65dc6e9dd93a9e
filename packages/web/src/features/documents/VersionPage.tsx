import type { DocumentVersion, PolicyDocument } from '@forvalta/contracts';
import { Alert, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { notifyError, notifySuccess } from '../../components/error-messages.ts';
import { LoadingState } from '../../components/LoadingState.tsx';
import { Fact, SectionCard } from '../../components/SectionCard.tsx';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import { AcknowledgementPanel, useOwnRequest } from './AcknowledgementPanel.tsx';
import { AdoptVersionModal } from './AdoptVersionModal.tsx';
import { AttachmentUpload } from './AttachmentUpload.tsx';
import { documentQuery, documentVersionQuery, useVersionStep } from './documents.queries.ts';
import { SectionsFormModal } from './SectionsFormModal.tsx';
import { VersionFormModal } from './VersionFormModal.tsx';
import { VersionStateBadge } from './VersionStateBadge.tsx';
import { VersionText } from './VersionText.tsx';

const routeApi = getRouteApi('/authenticated/content/documents/$documentId/versions/$versionId');

/**
 * One version of a document. Adopted, it is the reading view with the reader's own "Jag har läst
 * och förstått"; as a draft or in review, its owner edits, submits and adopts it from here.
 */
export function VersionPage() {
  const { t } = useTranslation('documents');
  const { documentId, versionId } = routeApi.useParams();
  const document = useQuery(documentQuery(documentId));
  const version = useQuery(documentVersionQuery(documentId, versionId));
  if (document.isLoading || version.isLoading) return <LoadingState />;
  if (document.error || !document.data) return <ErrorState error={document.error} onRetry={() => void document.refetch()} />;
  if (version.error || !version.data) return <ErrorState error={version.error} onRetry={() => void version.refetch()} />;
  const d = document.data;
  const v = version.data;

  return (
    <>
      <AnchorLink to="/documents/$documentId" params={{ documentId: d.id }} size="sm">
        <span aria-hidden="true">← </span>
        {t('version.back', { title: d.title })}
      </AnchorLink>
      <Stack gap={6} mt="xs" mb="md" maw={860}>
        <Title order={1} size="h2">
          {d.title}
        </Title>
        <Group gap="xs">
          <Text fw={600}>{t('list.versionNumber', { number: v.number })}</Text>
          <VersionStateBadge state={v.state} testId="version-state" />
          {v.editorial && (
            <Badge color="blue.9" variant="outline" tt="none">
              {t('document.editorial')}
            </Badge>
          )}
        </Group>
      </Stack>
      <Stack gap="lg">
        {v.state === 'superseded' && <SupersededNotice document={d} />}
        {(v.state === 'draft' || v.state === 'in_review') && <DraftActions document={d} version={v} />}
        {(v.state === 'adopted' || v.state === 'superseded') && <DecisionFacts version={v} />}
        <Card withBorder padding="lg" radius="md" component="article" aria-labelledby="version-text-heading">
          <Title order={2} size="h4" id="version-text-heading" mb="sm">
            {t('version.text')}
          </Title>
          <VersionText version={v} />
        </Card>
        <OwnAcknowledgement version={v} />
      </Stack>
    </>
  );
}

function OwnAcknowledgement({ version }: { version: DocumentVersion }) {
  const request = useOwnRequest(version);
  return request ? <AcknowledgementPanel request={request} /> : null;
}

function SupersededNotice({ document }: { document: PolicyDocument }) {
  const { t } = useTranslation('documents');
  const current = document.currentVersion;
  return (
    <Alert color="gray" variant="light" data-testid="superseded-notice">
      <Text size="sm">
        {t('version.superseded')}{' '}
        {current && (
          <AnchorLink
            to="/documents/$documentId/versions/$versionId"
            params={{ documentId: document.id, versionId: current.id }}
            size="sm"
            fw={600}
          >
            {t('version.toCurrent', { number: current.number })}
          </AnchorLink>
        )}
      </Text>
    </Alert>
  );
}

function DecisionFacts({ version }: { version: DocumentVersion }) {
  const { t } = useTranslation('documents');
  return (
    <SectionCard id="decision" title={t('version.decision')}>
      <SimpleGrid component="dl" cols={{ base: 2, md: 4 }} spacing="md" m={0}>
        <Fact label={t('document.columnAdoptedBy')}>{version.adoptedBy ?? '–'}</Fact>
        <Fact label={t('document.columnDecisionDate')}>{formatDate(version.decisionDate)}</Fact>
        <Fact label={t('document.columnReference')}>{version.decisionReference ?? '–'}</Fact>
        <Fact label={t('version.adoptedAt')}>{formatDateTime(version.adoptedAt)}</Fact>
      </SimpleGrid>
      {version.changeSummary && (
        <Stack gap={2} mt="md">
          <Text size="sm" c="gray.7">
            {t('document.columnSummary')}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {version.changeSummary}
          </Text>
        </Stack>
      )}
    </SectionCard>
  );
}

/** The owner's steps on an open version; each button only when the version's `can` says so. */
function DraftActions({ document, version }: { document: PolicyDocument; version: DocumentVersion }) {
  const { t } = useTranslation('documents');
  const [editing, setEditing] = useState(false);
  const [editingSections, setEditingSections] = useState(false);
  const [adopting, setAdopting] = useState(false);
  const submit = useVersionStep('submit');
  const withdraw = useVersionStep('withdraw');
  const step = (mutation: typeof submit, message: string) =>
    mutation.mutate(version, { onSuccess: () => notifySuccess(message), onError: notifyError });
  const current = document.currentVersion;
  return (
    <SectionCard
      id="draft"
      title={version.state === 'draft' ? t('version.draftHeading') : t('version.reviewHeading')}
      actions={
        current && (
          <ButtonLink
            to="/documents/$documentId/diff"
            params={{ documentId: document.id }}
            search={{ from: current.id, to: version.id }}
            variant="default"
            size="sm"
          >
            {t('version.compareWithCurrent', { number: current.number })}
          </ButtonLink>
        )
      }
    >
      <Stack gap="sm">
        <Text size="sm">{version.state === 'draft' ? t('version.draftText') : t('version.reviewText')}</Text>
        {version.changeSummary && <Text size="sm">{t('version.summaryLine', { summary: version.changeSummary })}</Text>}
        <Group gap="sm" align="flex-end">
          {version.can.update && <Button onClick={() => setEditing(true)}>{t('version.edit')}</Button>}
          {/* Only the security guidelines are divided into sections (the server refuses them on other kinds). */}
          {version.can.update && document.kind === 'security_guidelines' && (
            <Button variant="default" onClick={() => setEditingSections(true)}>
              {t('version.editSections')}
            </Button>
          )}
          {version.can.submit && (
            <Button variant="default" loading={submit.isPending} onClick={() => step(submit, t('version.submitted'))}>
              {t('version.submit')}
            </Button>
          )}
          {version.can.withdraw && (
            <Button variant="default" loading={withdraw.isPending} onClick={() => step(withdraw, t('version.withdrawn'))}>
              {t('version.withdraw')}
            </Button>
          )}
          {version.can.uploadAttachment && <AttachmentUpload version={version} />}
          {version.can.adopt && (
            <Button color="#1f6f36" onClick={() => setAdopting(true)}>
              {t('version.adopt')}
            </Button>
          )}
        </Group>
      </Stack>
      {editing && <VersionFormModal version={version} onClose={() => setEditing(false)} />}
      {editingSections && <SectionsFormModal version={version} onClose={() => setEditingSections(false)} />}
      {adopting && <AdoptVersionModal document={document} version={version} onClose={() => setAdopting(false)} />}
    </SectionCard>
  );
}
