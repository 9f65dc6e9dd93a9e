import type { ComplianceResult, Review, System } from '@forvalta/contracts';
import { Button, Group, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { systemReviewsQuery } from './reviews.queries.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { formatDate } from '../../i18n/format.ts';
import { systemComplianceQuery } from '../compliance/compliance.queries.ts';
import { ResultReason } from '../compliance/ResultReason.tsx';
import { systemGraphQuery } from '../systems/systems.queries.ts';
import { StatusBadge } from '../systems/SystemBadges.tsx';
import { SectionCard } from '../../components/SectionCard.tsx';
import { ParticipantList, ReviewDetails, ReviewStatusBadges } from './ReviewDetails.tsx';
import { ReviewFormModal, type ReviewFormTarget } from './ReviewFormModal.tsx';

const reviewClause = 'ITP-4.2-REVIEW';

/** A date some whole months later (the review interval is counted in months). */
function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  // The 31st of a shorter month falls on that month's last day.
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/** Whether the rule ITP-4.2-REVIEW is met for the system, and when the next review is due at the latest. */
function RuleStatus({ result, nextPlanned }: { result: ComplianceResult | undefined; nextPlanned: Review | undefined }) {
  const { t } = useTranslation('lifecycle');
  if (!result) return <Text size="sm">{t('systemReviews.ruleNotEvaluated')}</Text>;
  const evidence = result.evidence as { heldOn?: string; intervalMonths?: number };
  const dueBy = evidence.heldOn && evidence.intervalMonths ? addMonths(evidence.heldOn, evidence.intervalMonths) : null;
  return (
    // A plain bordered box: the status badge carries the colour, links keep their contrast.
    <Paper withBorder p="sm" radius="sm" data-testid="review-rule-status">
      <Stack gap={4}>
        <Group gap="xs">
          <AnchorLink to="/compliance/clauses/$clauseId" params={{ clauseId: reviewClause }} size="sm" fw={600}>
            {reviewClause}
          </AnchorLink>
          <StatusBadge status={result.status} />
        </Group>
        <ResultReason result={result} />
        {result.status !== 'not_applicable' && (
          <Text size="sm">
            {dueBy
              ? t('systemReviews.nextDue', { date: formatDate(dueBy), count: evidence.intervalMonths })
              : t('systemReviews.nextDueNow')}
            {nextPlanned &&
              ` ${t(nextPlanned.overdue ? 'systemReviews.plannedOverdue' : 'systemReviews.nextPlanned', { date: formatDate(nextPlanned.plannedOn) })}`}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/**
 * The system's reviews on its page (#reviews): the rule's verdict, the planned and held reviews,
 * the latest held one in full, and for the owner "plan" and "record" with the adjacent systems
 * preselected from the integration graph.
 */
export function SystemReviewsSection({ system }: { system: System }) {
  const { t } = useTranslation('lifecycle');
  const canWrite = system.can.writeReviews;
  const [target, setTarget] = useState<ReviewFormTarget | null>(null);
  const reviews = useQuery(systemReviewsQuery(system.id));
  // The same query as the compliance section, so the page asks once.
  const results = useQuery(systemComplianceQuery(system.id));
  const graph = useQuery({ ...systemGraphQuery(system.id), enabled: canWrite });
  const items = reviews.data?.items ?? [];
  const latestHeld = items.filter((review) => review.status === 'held').sort((a, b) => (b.heldOn ?? '').localeCompare(a.heldOn ?? ''))[0];
  const nextPlanned = items.filter((review) => review.status === 'planned').sort((a, b) => a.plannedOn.localeCompare(b.plannedOn))[0];
  const adjacent = (graph.data?.nodes ?? []).filter((node) => !node.central).map((node) => ({ systemId: node.id, systemName: node.name }));
  const open = (mode: 'plan' | 'record') => setTarget({ mode, system: { id: system.id, name: system.name }, adjacent });

  const actions = canWrite && (
    <>
      <Button variant="default" size="sm" onClick={() => open('plan')} disabled={graph.isLoading}>
        {t('systemReviews.plan')}
      </Button>
      <Button size="sm" onClick={() => open('record')} disabled={graph.isLoading}>
        {t('systemReviews.record')}
      </Button>
    </>
  );

  return (
    <SectionCard id="reviews" title={t('systemReviews.title')} actions={actions}>
      {reviews.isLoading || results.isLoading ? (
        <LoadingState />
      ) : reviews.error ? (
        <ErrorState error={reviews.error} onRetry={() => void reviews.refetch()} />
      ) : (
        <Stack gap="md">
          <RuleStatus result={results.data?.items.find((result) => result.clauseId === reviewClause)} nextPlanned={nextPlanned} />
          {items.length === 0 ? (
            <Text size="sm">{t('systemReviews.none')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={720}>
              <Table verticalSpacing="xs" data-testid="system-reviews">
                <VisuallyHidden component="caption">{t('systemReviews.title')}</VisuallyHidden>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('reviews.columnPlanned')}</Table.Th>
                    <Table.Th scope="col">{t('reviews.columnHeld')}</Table.Th>
                    <Table.Th scope="col">{t('reviews.columnStatus')}</Table.Th>
                    <Table.Th scope="col">{t('reviews.columnParticipants')}</Table.Th>
                    <Table.Th scope="col">{t('reviews.columnNext')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((review) => (
                    <Table.Tr key={review.id} data-testid="system-review-row">
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <AnchorLink
                          to="/reviews/$reviewId"
                          params={{ reviewId: review.id }}
                          size="sm"
                          aria-label={t('reviews.details', { name: system.name, date: formatDate(review.plannedOn) })}
                        >
                          {formatDate(review.plannedOn)}
                        </AnchorLink>
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(review.heldOn)}</Table.Td>
                      <Table.Td>
                        <ReviewStatusBadges review={review} />
                      </Table.Td>
                      <Table.Td>
                        <ParticipantList participants={review.participants} />
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(review.nextReviewOn)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {reviews.data && reviews.data.total > items.length && (
            <AnchorLink to="/reviews" search={{ systemId: system.id }} size="sm">
              {t('systemReviews.all', { count: reviews.data.total })}
            </AnchorLink>
          )}
          {latestHeld && (
            <Stack gap="sm" data-testid="latest-held-review">
              <Title order={3} size="h5">
                {t('systemReviews.latestHeld', { date: formatDate(latestHeld.heldOn) })}
              </Title>
              <ReviewDetails review={latestHeld} headingLevel={4} />
            </Stack>
          )}
        </Stack>
      )}
      {target && <ReviewFormModal target={target} onClose={() => setTarget(null)} />}
    </SectionCard>
  );
}
