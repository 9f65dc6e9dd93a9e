import type { DocumentVersionDiff } from '@forvalta/contracts';
import { Badge, Box, Group, Paper, Select, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { ListEmptyState } from '../../components/ListEmptyState.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { SectionCard } from '../../components/SectionCard.tsx';
import { keyedByContent } from '../../components/stable-keys.ts';
import { documentQuery, documentVersionsQuery, versionDiffQuery } from './documents.queries.ts';
import './version-diff.css';

const routeApi = getRouteApi('/authenticated/content/documents/$documentId/diff');

/**
 * What changed between two versions' texts, line by line. Added and removed lines carry a sign
 * (+, −) and a word for screen readers besides their colour, so the change is never told by colour alone.
 */
export function VersionDiffPage() {
  const { t } = useTranslation('documents');
  const { documentId } = routeApi.useParams();
  const search = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const document = useQuery(documentQuery(documentId));
  const versions = useQuery(documentVersionsQuery(documentId));
  const list = versions.data?.items ?? [];
  // Without a choice: the open draft (or the version in force) against the version before it.
  const newest =
    list.find((version) => version.id === document.data?.openVersion?.id) ?? list.find((version) => version.state === 'adopted') ?? list[0];
  const toId = search.to ?? newest?.id;
  const toVersion = list.find((version) => version.id === toId);
  const fromId = search.from ?? list.find((version) => toVersion && version.number === toVersion.number - 1)?.id;
  const diff = useQuery({ ...versionDiffQuery(documentId, fromId ?? '', toId ?? ''), enabled: Boolean(fromId && toId && fromId !== toId) });

  if (document.isLoading || versions.isLoading) return <LoadingState />;
  if (document.error || !document.data) return <ErrorState error={document.error} onRetry={() => void document.refetch()} />;
  const options = list.map((version) => ({
    value: version.id,
    label: t('diff.option', { number: version.number, state: t(`state.${version.state}`) }),
  }));
  const choose = (side: 'from' | 'to', value: string | null) =>
    void navigate({ search: (previous) => ({ ...previous, [side]: value ?? undefined }), replace: true });

  return (
    <>
      <AnchorLink to="/documents/$documentId" params={{ documentId }} size="sm">
        <span aria-hidden="true">← </span>
        {t('version.back', { title: document.data.title })}
      </AnchorLink>
      <PageHeader title={t('diff.title', { title: document.data.title })} intro={t('diff.intro')} />
      <Group mb="md" align="flex-end" gap="md" wrap="wrap">
        <Select
          label={t('diff.from')}
          data={options}
          value={fromId ?? null}
          onChange={(value) => choose('from', value)}
          w={260}
          allowDeselect={false}
        />
        <Select
          label={t('diff.to')}
          data={options}
          value={toId ?? null}
          onChange={(value) => choose('to', value)}
          w={260}
          allowDeselect={false}
        />
      </Group>
      {list.length < 2 ? (
        <ListEmptyState title={t('diff.oneVersion')} />
      ) : fromId === toId ? (
        <ListEmptyState title={t('diff.sameVersion')} />
      ) : diff.isLoading ? (
        <LoadingState />
      ) : diff.error || !diff.data ? (
        <ErrorState error={diff.error} onRetry={() => void diff.refetch()} />
      ) : (
        <DiffView diff={diff.data} />
      )}
    </>
  );
}

function DiffView({ diff }: { diff: DocumentVersionDiff }) {
  const { t } = useTranslation('documents');
  return (
    <Stack gap="lg">
      <Text size="sm" data-testid="diff-summary" role="status">
        {t('diff.summary', {
          from: diff.from.number,
          to: diff.to.number,
          added: t('diff.addedLines', { count: diff.addedLines }),
          removed: t('diff.removedLines', { count: diff.removedLines }),
        })}
      </Text>
      {diff.sections.length > 0 && (
        <SectionCard id="diff-sections" title={t('diff.sections')}>
          <Stack gap={4} component="ul" m={0} pl="md">
            {diff.sections.map((section) => (
              <Text component="li" size="sm" key={section.id}>
                <Badge
                  color={section.change === 'removed' ? 'red.9' : section.change === 'added' ? '#1f6f36' : 'blue.9'}
                  variant="filled"
                  tt="none"
                  mr={6}
                >
                  {t(`diff.sectionChange.${section.change}`)}
                </Badge>
                {section.code} {section.title}
              </Text>
            ))}
          </Stack>
        </SectionCard>
      )}
      {diff.hunks.length === 0 ? (
        <ListEmptyState title={t('diff.noChanges')} />
      ) : (
        diff.hunks.map((hunk) => {
          let oldLine = hunk.oldStart;
          let newLine = hunk.newStart;
          return (
            <Paper
              withBorder
              radius="md"
              key={`${hunk.oldStart}-${hunk.newStart}`}
              component="section"
              aria-label={t('diff.hunk', { start: hunk.newStart, end: hunk.newStart + Math.max(hunk.newLines - 1, 0) })}
            >
              <Title order={2} size="h6" px="sm" py={6} bg="gray.1" c="gray.8">
                {t('diff.hunk', { start: hunk.newStart, end: hunk.newStart + Math.max(hunk.newLines - 1, 0) })}
              </Title>
              <Box
                component="ol"
                m={0}
                p={0}
                style={{ listStyle: 'none', fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 14 }}
              >
                {keyedByContent(hunk.lines, (line) => `${line.kind}:${line.text}`).map(({ key, item: line }) => {
                  const numbers =
                    line.kind === 'added' ? ['', newLine++] : line.kind === 'removed' ? [oldLine++, ''] : [oldLine++, newLine++];
                  const Mark = line.kind === 'added' ? 'ins' : line.kind === 'removed' ? 'del' : 'span';
                  return (
                    <Box component="li" key={key} data-change={line.kind} className={`diff-line diff-${line.kind}`}>
                      <span className="diff-number" aria-hidden="true">
                        {numbers[0]}
                      </span>
                      <span className="diff-number" aria-hidden="true">
                        {numbers[1]}
                      </span>
                      <span className="diff-sign" aria-hidden="true">
                        {line.kind === 'added' ? '+' : line.kind === 'removed' ? '−' : ' '}
                      </span>
                      <Mark className="diff-text">
                        {line.kind !== 'context' && <VisuallyHidden>{t(`diff.${line.kind}`)}</VisuallyHidden>}
                        {line.text === '' ? '\u00a0' : line.text}
                      </Mark>
                    </Box>
                  );
                })}
              </Box>
            </Paper>
          );
        })
      )}
    </Stack>
  );
}
