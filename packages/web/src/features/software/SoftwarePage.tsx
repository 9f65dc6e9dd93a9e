import type { SoftwareDecision } from '@forvalta/contracts';
import { Badge, Button, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { notifyError, notifySuccess } from '../../components/error-messages.ts';
import { ListEmptyState } from '../../components/ListEmptyState.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { useSectionList } from '../../components/list-address.ts';
import { type Column, QueryTable } from '../../components/QueryTable.tsx';
import { Fact, SectionCard } from '../../components/SectionCard.tsx';
import { SystemLinks } from '../../components/SystemLinks.tsx';
import { formatDate } from '../../i18n/format.ts';
import { DecisionFormModal } from './DecisionFormModal.tsx';
import { SoftwareFormModal } from './SoftwareFormModal.tsx';
import { StandingBadge } from './SoftwareTable.tsx';
import { decidedOriginValues, decisionStatusBadge, reviewAspectValues } from './software-values.ts';
import { decisionListQuery, softwareQuery, useDeleteSoftware } from './software.queries.ts';

const routeApi = getRouteApi('/authenticated/content/software/$softwareId');

/** One product: what it is, its systems, and the IT chief's decisions on it, newest first (ITP-7-GENERIC, -SELF-DEVELOPED, -OPEN-SOURCE). */
export function SoftwarePage() {
  const { t } = useTranslation('software');
  const { softwareId } = routeApi.useParams();
  const navigate = useNavigate();
  const software = useQuery(softwareQuery(softwareId));
  const list = useSectionList('decisions', routeApi.useSearch(), routeApi.useNavigate(), { pageSize: 10 });
  const decisions = useQuery(decisionListQuery(softwareId, { cursor: list.paging.cursor, limit: list.paging.pageSize }));
  const canReadLicences = useCan('licence.read');
  const [editing, setEditing] = useState(false);
  const [proposing, setProposing] = useState(false);
  const [deciding, setDeciding] = useState<SoftwareDecision | null>(null);
  const [deleting, setDeleting] = useState(false);
  const remove = useDeleteSoftware();
  if (software.isLoading) return <LoadingState />;
  if (software.error || !software.data) return <ErrorState error={software.error} onRetry={() => void software.refetch()} />;
  const s = software.data;
  const needsDecision = decidedOriginValues.includes(s.origin);

  const columns: Column<SoftwareDecision>[] = [
    {
      key: 'status',
      header: t('decision.status'),
      rowHeader: true,
      cell: (decision) => (
        <Stack gap={2} align="flex-start">
          <Badge color={decisionStatusBadge[decision.status].color} variant={decisionStatusBadge[decision.status].variant} tt="none">
            {t(`decisionStatus.${decision.status}`)}
          </Badge>
          {decision.current && (
            <Text size="xs" fw={700} c="#1f6f36">
              {t('decision.current')}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: 'purpose',
      header: t('decision.purpose'),
      minWidth: 220,
      cell: (decision) => (
        <Stack gap={4}>
          <Text size="sm">{decision.purpose ?? '–'}</Text>
          {decision.conditions.length > 0 && (
            <List size="xs" spacing={0}>
              {decision.conditions.map((condition) => (
                <List.Item key={condition}>{condition}</List.Item>
              ))}
            </List>
          )}
          {s.origin === 'open_source' && (
            <Text size="xs" c="gray.7">
              {reviewAspectValues
                .map(
                  (aspect) =>
                    `${t(`aspect.${aspect}`)}: ${decision.review[aspect].assessment ? t(`assessment.${decision.review[aspect].assessment}`) : t('decision.notJudged')}`,
                )
                .join(' · ')}
            </Text>
          )}
          {decision.reason && (
            <Text size="xs" c="gray.7">
              {t('decision.reasonShown', { reason: decision.reason })}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: 'validUntil',
      header: t('decision.validUntil'),
      nowrap: true,
      cell: (decision) => (decision.validUntil ? formatDate(decision.validUntil) : t('decision.untilRevoked')),
    },
    {
      key: 'proposed',
      header: t('decision.proposed'),
      cell: (decision) => (
        <Text size="sm">
          {decision.proposedByName}
          <br />
          <Text span size="xs" c="gray.7">
            {formatDate(decision.proposedOn)}
          </Text>
        </Text>
      ),
    },
    {
      key: 'decided',
      header: t('decision.decided'),
      cell: (decision) =>
        decision.decidedByName ? (
          <Text size="sm">
            {decision.decidedByName}
            <br />
            <Text span size="xs" c="gray.7">
              {formatDate(decision.decidedOn)}
            </Text>
          </Text>
        ) : decision.can.decide ? (
          <Button size="compact-sm" onClick={() => setDeciding(decision)} aria-label={t('decision.decideFor', { name: s.product })}>
            {t('decision.decide')}
          </Button>
        ) : (
          <Text size="sm">{t('decision.waiting')}</Text>
        ),
    },
  ];

  return (
    <>
      <AnchorLink to="/software" size="sm">
        <span aria-hidden="true">← </span>
        {t('page.back')}
      </AnchorLink>
      <Group justify="space-between" align="flex-start" mt="xs" mb="md" wrap="wrap" gap="md">
        <Stack gap={6} maw={760}>
          <Title order={1} size="h2" className="wrap-anywhere">
            {s.product}
          </Title>
          <Group gap="xs">
            <Badge color="gray.8" variant="outline" tt="none">
              {t(`origin.${s.origin}`)}
            </Badge>
            <StandingBadge standing={s.decision.standing} />
          </Group>
        </Stack>
        <Group gap="sm">
          {s.can.proposeDecision && needsDecision && <Button onClick={() => setProposing(true)}>{t('decision.propose')}</Button>}
          {s.can.update && (
            <Button variant="default" onClick={() => setEditing(true)}>
              {t('page.edit')}
            </Button>
          )}
          {s.can.delete && (
            <Button variant="outline" color="red.9" onClick={() => setDeleting(true)}>
              {t('translation:common.delete')}
            </Button>
          )}
        </Group>
      </Group>

      <Stack gap="lg">
        <SectionCard id="product" title={t('page.product')}>
          <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="md" m={0}>
            <Fact label={t('software.maker')}>{s.maker ?? '–'}</Fact>
            <Fact label={t('software.licence')}>{s.licence ?? '–'}</Fact>
            <Fact label={t('software.systems')}>
              <SystemLinks systems={s.systems} empty={t('page.noSystems')} />
            </Fact>
            <Fact label={t('software.description')} multiline>
              {s.description ?? '–'}
            </Fact>
          </SimpleGrid>
          {canReadLicences && (
            <AnchorLink to="/licences" search={{ softwareId: s.id }} size="sm" mt="sm" display="inline-block">
              {t('page.licencesLink')}
            </AnchorLink>
          )}
        </SectionCard>

        <SectionCard id="decisions" title={t('page.decisions')}>
          <Text size="sm" c="gray.7" mb="sm">
            {needsDecision ? t(`page.decisionNeeded.${s.origin}`) : t('page.decisionNotNeeded')}
          </Text>
          <QueryTable
            query={decisions}
            caption={t('page.decisionsCaption', { name: s.product })}
            columns={columns}
            rowKey={(decision) => decision.id}
            rowTestId="decision-row"
            paging={list.paging}
            pageSizes={[10, 25, 50]}
            framed={false}
            minWidth={820}
            empty={<ListEmptyState title={t('page.noDecisions')} />}
          />
        </SectionCard>
      </Stack>

      {editing && <SoftwareFormModal software={s} onClose={() => setEditing(false)} />}
      {proposing && <DecisionFormModal software={s} decision={null} onClose={() => setProposing(false)} />}
      {deciding && <DecisionFormModal software={s} decision={deciding} onClose={() => setDeciding(null)} />}
      <ConfirmDialog
        opened={deleting}
        title={t('page.deleteTitle', { name: s.product })}
        text={t('page.deleteText')}
        confirmLabel={t('translation:common.delete')}
        loading={remove.isPending}
        onConfirm={() =>
          remove.mutate(s, {
            onSuccess: () => {
              notifySuccess(t('page.deleted', { name: s.product }));
              void navigate({ to: '/software' });
            },
            onError: notifyError,
          })
        }
        onClose={() => setDeleting(false)}
      />
    </>
  );
}
