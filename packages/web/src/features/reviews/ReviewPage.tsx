import { reviewQuery } from './reviews.queries.ts';
import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { formatDate } from '../../i18n/format.ts';
import { ReviewDetails, ReviewStatusBadges } from './ReviewDetails.tsx';
import { ReviewFormModal } from './ReviewFormModal.tsx';

const routeApi = getRouteApi('/authenticated/content/reviews/$reviewId');

/** One review on its own page, linkable from the planning list, the system page and the compliance results. */
export function ReviewPage() {
  const { t } = useTranslation('lifecycle');
  const { reviewId } = routeApi.useParams();
  const [editing, setEditing] = useState(false);
  const review = useQuery(reviewQuery(reviewId));
  if (review.isLoading) return <LoadingState />;
  if (review.error || !review.data) return <ErrorState error={review.error} onRetry={() => void review.refetch()} />;
  const r = review.data;
  // The review says whether the caller may record it (its system's owner, the IT unit, its stewards).
  const canWrite = r.can.update;

  return (
    <>
      <Group gap="md">
        <AnchorLink to="/reviews" size="sm">
          <span aria-hidden="true">← </span>
          {t('reviewPage.back')}
        </AnchorLink>
        <AnchorLink to="/systems/$systemId" params={{ systemId: r.systemId }} hash="reviews" size="sm">
          {t('reviewPage.toSystem', { name: r.systemName })}
        </AnchorLink>
      </Group>
      <Group justify="space-between" align="flex-start" mt="xs" mb="md" wrap="wrap" gap="md">
        <Stack gap={6}>
          <Title order={1} size="h2">
            {t('reviewPage.title', { name: r.systemName, date: formatDate(r.heldOn ?? r.plannedOn) })}
          </Title>
          <ReviewStatusBadges review={r} />
          <Text size="sm" c="gray.7">
            {t('reviewPage.updated', { date: formatDate(r.updatedAt) })}
          </Text>
        </Stack>
        {canWrite && (
          <Button onClick={() => setEditing(true)}>{r.status === 'planned' ? t('reviewPage.record') : t('reviewPage.edit')}</Button>
        )}
      </Group>
      <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="review-heading">
        <Title order={2} size="h4" id="review-heading" mb="sm">
          {t('reviewPage.contents')}
        </Title>
        <ReviewDetails review={r} />
      </Card>
      {editing && <ReviewFormModal target={{ mode: 'edit', review: r }} onClose={() => setEditing(false)} />}
    </>
  );
}
