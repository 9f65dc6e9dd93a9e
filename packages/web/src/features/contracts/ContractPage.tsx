import type { NoticeDecision } from '@forvalta/contracts';
import { Alert, Button, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { notifyError, notifySuccess } from '../../components/error-messages.ts';
import { LoadingState } from '../../components/LoadingState.tsx';
import { Fact, SectionCard } from '../../components/SectionCard.tsx';
import { SystemLinks } from '../../components/SystemLinks.tsx';
import { formatDate, formatNumber, todayInStockholm } from '../../i18n/format.ts';
import { ContractFormModal } from './ContractFormModal.tsx';
import { NoticeStanding } from './ContractsTable.tsx';
import { daysUntil } from './contracts-values.ts';
import { contractQuery, useDeleteContract, useRecordNoticeDecision } from './contracts.queries.ts';

const routeApi = getRouteApi('/authenticated/content/contracts/$contractId');

/** One contract: its terms, the last day to give notice for the running term, and the notice decision. */
export function ContractPage() {
  const { t, i18n } = useTranslation('software');
  const { contractId } = routeApi.useParams();
  const navigate = useNavigate();
  const contract = useQuery(contractQuery(contractId));
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [deciding, setDeciding] = useState<NoticeDecision | null>(null);
  const remove = useDeleteContract();
  const record = useRecordNoticeDecision(contract.data ?? ({ id: contractId, version: 0 } as never));
  if (contract.isLoading) return <LoadingState />;
  if (contract.error || !contract.data) return <ErrorState error={contract.error} onRetry={() => void contract.refetch()} />;
  const c = contract.data;
  const today = todayInStockholm();
  const days = daysUntil(c.noticeDate, today);
  const decided = c.noticeDecision !== null && c.noticeDecidedForTerm;

  return (
    <>
      <AnchorLink to="/contracts" size="sm">
        <span aria-hidden="true">← </span>
        {t('contract.back')}
      </AnchorLink>
      <Group justify="space-between" align="flex-start" mt="xs" mb="md" wrap="wrap" gap="md">
        <Stack gap={6} maw={760}>
          <Title order={1} size="h2" className="wrap-anywhere">
            {c.title}
          </Title>
          <Group gap="xs">
            <NoticeStanding contract={c} />
            <Text size="sm" c="gray.7">
              {c.supplierName}
              {c.reference ? ` · ${c.reference}` : ''}
            </Text>
          </Group>
        </Stack>
        <Group gap="sm">
          {c.can.update && (
            <Button variant="default" onClick={() => setEditing(true)}>
              {t('page.edit')}
            </Button>
          )}
          {c.can.delete && (
            <Button variant="outline" color="red.9" onClick={() => setDeleting(true)}>
              {t('translation:common.delete')}
            </Button>
          )}
        </Group>
      </Group>

      <Stack gap="lg">
        <SectionCard id="notice" title={t('contract.noticeSection')}>
          <Text size="lg" fw={700} data-testid="notice-date">
            {t('contract.noticeBy', { date: formatDate(c.noticeDate) })}
          </Text>
          <Text size="sm" c={!decided && days < 0 ? 'red.9' : 'gray.7'} fw={!decided && days < 0 ? 700 : 400} mb="sm">
            {decided
              ? t('contract.decidedOn', { decision: t(`noticeDecision.${c.noticeDecision}`), date: formatDate(c.noticeDecidedOn) })
              : days < 0
                ? t('contract.noticePassedDays', { count: -days })
                : t('contract.noticeInDays', { count: days })}
          </Text>
          {!c.ended && c.can.update && (
            <Group gap="sm">
              <Button color="red.9" variant="outline" onClick={() => setDeciding('terminate')}>
                {t('contract.terminate')}
              </Button>
              <Button variant="default" onClick={() => setDeciding('continue')}>
                {t('contract.continue')}
              </Button>
            </Group>
          )}
          {c.ended && (
            <Alert color="gray" variant="light" mt="sm">
              {t('contract.endedText')}
            </Alert>
          )}
        </SectionCard>
        <SectionCard id="terms" title={t('contract.terms')}>
          <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="md" m={0}>
            <Fact label={t('contract.startsOn')}>{formatDate(c.startsOn)}</Fact>
            <Fact label={t('contract.endsOn')}>{formatDate(c.endsOn)}</Fact>
            <Fact label={t('contract.termEnds')}>{formatDate(c.currentTermEndsOn)}</Fact>
            <Fact label={t('contract.noticePeriod')}>{t(`unitCount.${c.noticePeriod.unit}`, { count: c.noticePeriod.amount })}</Fact>
            <Fact label={t('contract.automaticRenewal')}>
              {c.automaticRenewal ? t('contract.renews', { count: c.renewalMonths ?? 12 }) : t('translation:common.no')}
            </Fact>
            <Fact label={t('contract.reminderDays')}>{t('contract.reminderValue', { count: c.reminderDays })}</Fact>
            <Fact label={t('contract.yearlyCost')}>{c.yearlyCost === null ? '–' : `${formatNumber(c.yearlyCost, i18n.language)} kr`}</Fact>
            <Fact label={t('contract.systems')}>
              <SystemLinks systems={c.systems} empty="–" />
            </Fact>
            <Fact label={t('contract.licences')}>{t('contract.licenceCount', { count: c.licenceIds.length })}</Fact>
            <Fact label={t('contract.notes')} multiline>
              {c.notes ?? '–'}
            </Fact>
          </SimpleGrid>
        </SectionCard>
      </Stack>

      {editing && <ContractFormModal contract={c} onClose={() => setEditing(false)} />}
      <ConfirmDialog
        opened={deciding !== null}
        title={deciding ? t(`contract.${deciding}Title`, { name: c.title }) : ''}
        text={deciding ? t(`contract.${deciding}Text`, { date: formatDate(c.currentTermEndsOn) }) : ''}
        confirmLabel={deciding ? t(`contract.${deciding}`) : ''}
        loading={record.isPending}
        onConfirm={() =>
          deciding &&
          record.mutate(
            { noticeDecision: deciding, noticeDecidedOn: today },
            {
              onSuccess: () => {
                notifySuccess(t('contract.decisionRecorded'));
                setDeciding(null);
              },
              onError: notifyError,
            },
          )
        }
        onClose={() => setDeciding(null)}
      />
      <ConfirmDialog
        opened={deleting}
        title={t('contract.deleteTitle', { name: c.title })}
        text={t('contract.deleteText')}
        confirmLabel={t('translation:common.delete')}
        loading={remove.isPending}
        onConfirm={() =>
          remove.mutate(c, {
            onSuccess: () => {
              notifySuccess(t('contract.deleted', { name: c.title }));
              void navigate({ to: '/contracts' });
            },
            onError: notifyError,
          })
        }
        onClose={() => setDeleting(false)}
      />
    </>
  );
}
