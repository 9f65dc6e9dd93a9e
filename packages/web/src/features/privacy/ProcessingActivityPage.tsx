import type { PrivacyReview, ProcessingActivity } from '@forvalta/contracts';
import { Alert, Badge, Button, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { ConfidentialBadge, WithheldNotice } from '../../components/ConfidentialMark.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { notifyError, notifySuccess } from '../../components/error-messages.ts';
import { ListEmptyState } from '../../components/ListEmptyState.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { DataTable, QueryTable } from '../../components/QueryTable.tsx';
import { Fact, SectionCard } from '../../components/SectionCard.tsx';
import { SystemLinks } from '../../components/SystemLinks.tsx';
import { keyedByContent } from '../../components/stable-keys.ts';
import { formatDate, todayInStockholm } from '../../i18n/format.ts';
import { PrivacyReviewModal } from './PrivacyReviewModal.tsx';
import { ProcessingActivityFormModal } from './ProcessingActivityFormModal.tsx';
import { agreementAttention, agreementHorizonMonths, monthsAhead } from './privacy-values.ts';
import { privacyReviewsQuery, processingActivityQuery, useDeleteProcessingActivity } from './privacy.queries.ts';
import { ReviewStateBadge } from './ReviewStateBadge.tsx';

const routeApi = getRouteApi('/authenticated/content/processing-activities/$activityId');

const listOr = (items: readonly string[], empty: string) => (items.length === 0 ? empty : items.join(', '));

/** One record of processing: every article 30 field, its systems and processors, its impact assessment and its reviews. */
export function ProcessingActivityPage() {
  const { t } = useTranslation('privacy');
  const { activityId } = routeApi.useParams();
  const navigate = useNavigate();
  const activity = useQuery(processingActivityQuery(activityId));
  const reviews = useQuery(privacyReviewsQuery(activityId));
  const [editing, setEditing] = useState(false);
  const [reviewing, setReviewing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const remove = useDeleteProcessingActivity();
  if (activity.isLoading) return <LoadingState />;
  if (activity.error || !activity.data) return <ErrorState error={activity.error} onRetry={() => void activity.refetch()} />;
  const a = activity.data;

  return (
    <>
      <AnchorLink to="/processing-activities" size="sm">
        <span aria-hidden="true">← </span>
        {t('record.backToRegister')}
      </AnchorLink>
      <Group justify="space-between" align="flex-start" mt="xs" mb="md" wrap="wrap" gap="md">
        <Stack gap={6} maw={760}>
          <Title order={1} size="h2" className="wrap-anywhere">
            {a.name}
          </Title>
          <Group gap="xs">
            <ReviewStateBadge state={a.reviewState} />
            {a.hasSpecialCategories && (
              <Badge color="blue.9" variant="outline" tt="none">
                {t('list.specialCategories')}
              </Badge>
            )}
            <ConfidentialBadge paragraph={a.confidentialOslParagraph} />
          </Group>
          <Text size="sm" c="gray.7">
            {a.lastReviewedOn ? t('record.lastReviewed', { date: formatDate(a.lastReviewedOn) }) : t('record.neverReviewed')}
            {' · '}
            {t('record.contentChanged', { date: formatDate(a.contentChangedAt) })}
          </Text>
        </Stack>
        <Group gap="sm">
          {a.can.review && <Button onClick={() => setReviewing(true)}>{t('record.review')}</Button>}
          {a.can.update && (
            <Button variant="default" onClick={() => setEditing(true)}>
              {t('record.edit')}
            </Button>
          )}
          {a.can.delete && (
            <Button variant="outline" color="red.9" onClick={() => setDeleting(true)}>
              {t('translation:common.delete')}
            </Button>
          )}
        </Group>
      </Group>

      <Stack gap="lg">
        {a.contentWithheld ? <WithheldContent activity={a} /> : <RecordContent activity={a} />}

        <SectionCard
          id="reviews"
          title={t('record.reviews')}
          actions={
            a.can.review && (
              <Button size="compact-sm" onClick={() => setReviewing(true)}>
                {t('record.review')}
              </Button>
            )
          }
        >
          <QueryTable<PrivacyReview>
            query={reviews}
            framed={false}
            caption={t('record.reviews')}
            rowKey={(review) => review.id}
            rowTestId="privacy-review-row"
            minWidth={640}
            empty={<ListEmptyState title={t('record.noReviews')} />}
            columns={[
              {
                key: 'date',
                header: t('review.reviewedOn'),
                nowrap: true,
                rowHeader: true,
                cell: (review) => formatDate(review.reviewedOn),
              },
              { key: 'outcome', header: t('review.outcome'), nowrap: true, cell: (review) => <ReviewStateBadge state={review.outcome} /> },
              { key: 'reviewer', header: t('review.reviewer'), cell: (review) => review.reviewerName },
              {
                key: 'remarks',
                header: t('review.remarks'),
                minWidth: 240,
                cell: (review) => (
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {review.remarks ?? '–'}
                  </Text>
                ),
              },
              { key: 'version', header: t('review.version'), nowrap: true, cell: (review) => review.activityVersion },
            ]}
          />
        </SectionCard>
      </Stack>

      {editing && <ProcessingActivityFormModal activity={a} onClose={() => setEditing(false)} />}
      {reviewing && <PrivacyReviewModal activity={a} onClose={() => setReviewing(false)} />}
      <ConfirmDialog
        opened={deleting}
        title={t('record.deleteTitle', { name: a.name })}
        text={t('record.deleteText')}
        confirmLabel={t('translation:common.delete')}
        loading={remove.isPending}
        onConfirm={() =>
          remove.mutate(a, {
            onSuccess: () => {
              notifySuccess(t('record.deleted', { name: a.name }));
              void navigate({ to: '/processing-activities' });
            },
            onError: notifyError,
          })
        }
        onClose={() => setDeleting(false)}
      />
    </>
  );
}

/** Every article 30 field of a record the caller may read in full. */
function RecordContent({ activity: a }: { activity: ProcessingActivity }) {
  const { t } = useTranslation('privacy');
  const none = t('record.none');
  const special = a.personalDataCategories.filter((category) => category.special).map((category) => category.name);
  const ordinary = a.personalDataCategories.filter((category) => !category.special).map((category) => category.name);
  const dpiaMissing = (a.dpiaNeeded || a.hasSpecialCategories) && a.dpiaDoneOn === null;
  return (
    <>
      <SectionCard id="purpose" title={t('record.purposeSection')}>
        <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="md" m={0}>
          <Fact label={t('record.purpose')} multiline>
            {a.purpose}
          </Fact>
          <Fact label={t('record.controller')}>
            {a.controllerBoard ? `${a.controllerDepartmentName} · ${a.controllerBoard}` : a.controllerDepartmentName}
          </Fact>
          <Fact label={t('record.legalBasis')}>{a.legalBasis ? t(`legalBasis.${a.legalBasis}`) : t('list.legalBasisMissing')}</Fact>
          <Fact label={t('record.legalBasisNote')}>{a.legalBasisNote ?? none}</Fact>
          {a.hasSpecialCategories && (
            <Fact label={t('record.specialCategoryBasis')}>
              {a.specialCategoryBasis ? t(`specialCategoryBasis.${a.specialCategoryBasis}`) : t('record.specialBasisMissing')}
            </Fact>
          )}
          <Fact label={t('record.criminalData')}>
            {a.criminalData
              ? `${t('translation:common.yes')}${a.criminalDataBasis ? ` – ${a.criminalDataBasis}` : ''}`
              : t('translation:common.no')}
          </Fact>
        </SimpleGrid>
      </SectionCard>

      <SectionCard id="data" title={t('record.dataSection')}>
        <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="md" m={0}>
          <Fact label={t('record.dataSubjects')}>{listOr(a.dataSubjectCategories, none)}</Fact>
          <Fact label={t('record.ordinaryCategories')}>{listOr(ordinary, none)}</Fact>
          <Fact label={t('record.specialCategories')}>{listOr(special, none)}</Fact>
          <Fact label={t('record.recipients')}>{listOr(a.recipients, none)}</Fact>
          <Fact label={t('record.transfers')}>
            {a.thirdCountryTransfers.length === 0
              ? t('record.noTransfers')
              : keyedByContent(a.thirdCountryTransfers, (transfer) => transfer.country).map(({ key, item }) => (
                  <span key={key} style={{ display: 'block' }}>
                    {t('record.transfer', item)}
                  </span>
                ))}
          </Fact>
          <Fact label={t('record.systems')}>
            <SystemLinks systems={a.systems} empty={t('record.noSystems')} />
          </Fact>
        </SimpleGrid>
      </SectionCard>

      <SectionCard id="keeping" title={t('form.keepingLegend')}>
        <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="md" m={0}>
          <Fact label={t('record.retention')}>{a.retention ?? t('record.retentionMissing')}</Fact>
          <Fact label={t('record.retentionPlanReference')}>{a.retentionPlanReference ?? none}</Fact>
          <Fact label={t('record.technicalMeasures')} multiline>
            {a.technicalMeasures ?? none}
          </Fact>
        </SimpleGrid>
      </SectionCard>

      <ProcessorsSection activity={a} />

      <SectionCard id="dpia" title={t('record.dpia')}>
        {dpiaMissing && (
          <Alert color="red.9" variant="outline" mb="sm">
            <Text size="sm">{t('record.dpiaMissing')}</Text>
          </Alert>
        )}
        <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="md" m={0}>
          <Fact label={t('record.dpiaNeeded')}>{a.dpiaNeeded ? t('translation:common.yes') : t('translation:common.no')}</Fact>
          <Fact label={t('record.dpiaDoneOn')}>{a.dpiaDoneOn ? formatDate(a.dpiaDoneOn) : t('record.dpiaNotDone')}</Fact>
        </SimpleGrid>
      </SectionCard>
    </>
  );
}

/**
 * A confidential record for a caller without `confidential.read`: why its content is not shown,
 * and what is (ADR 0030): the controller, the legal basis and the systems; the review state is in the header.
 */
function WithheldContent({ activity: a }: { activity: ProcessingActivity }) {
  const { t } = useTranslation('privacy');
  return (
    <>
      <WithheldNotice paragraph={a.confidentialOslParagraph} />
      <SectionCard id="purpose" title={t('record.purposeSection')}>
        <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="md" m={0}>
          <Fact label={t('record.controller')}>
            {a.controllerBoard ? `${a.controllerDepartmentName} · ${a.controllerBoard}` : a.controllerDepartmentName}
          </Fact>
          <Fact label={t('record.legalBasis')}>{a.legalBasis ? t(`legalBasis.${a.legalBasis}`) : t('list.legalBasisMissing')}</Fact>
          <Fact label={t('record.systems')}>
            <SystemLinks systems={a.systems} empty={t('record.noSystems')} />
          </Fact>
        </SimpleGrid>
      </SectionCard>
    </>
  );
}

/** The processors with their agreements; an unsigned, expired or soon expiring agreement is said in words. */
function ProcessorsSection({ activity }: { activity: ProcessingActivity }) {
  const { t } = useTranslation('privacy');
  const today = todayInStockholm();
  const horizon = monthsAhead(today, agreementHorizonMonths);
  return (
    <SectionCard id="processors" title={t('record.processors')}>
      {activity.processors.length === 0 ? (
        <Text size="sm">{t('list.noProcessors')}</Text>
      ) : (
        <DataTable
          caption={t('record.processors')}
          rows={activity.processors}
          rowKey={(processor) => processor.name}
          rowTestId="processor-row"
          minWidth={560}
          columns={[
            { key: 'name', header: t('record.processorName'), rowHeader: true, cell: (processor) => processor.name },
            {
              key: 'signed',
              header: t('record.agreementSignedOn'),
              nowrap: true,
              cell: (processor) => (processor.agreementSignedOn ? formatDate(processor.agreementSignedOn) : t('record.agreementUnsigned')),
            },
            {
              key: 'expires',
              header: t('record.agreementExpiresOn'),
              nowrap: true,
              cell: (processor) => (processor.agreementExpiresOn ? formatDate(processor.agreementExpiresOn) : t('record.noExpiry')),
            },
            {
              key: 'attention',
              header: t('record.agreementStatus'),
              nowrap: true,
              cell: (processor) => {
                const attention = agreementAttention(processor, today, horizon);
                return attention ? (
                  <Badge color={attention === 'expiring' ? '#9a3f00' : 'red.9'} variant="filled" tt="none" miw="max-content">
                    {t(`agreement.${attention}`)}
                  </Badge>
                ) : (
                  <Badge color="#1f6f36" variant="filled" tt="none" miw="max-content">
                    {t('agreement.valid')}
                  </Badge>
                );
              },
            },
          ]}
        />
      )}
    </SectionCard>
  );
}
