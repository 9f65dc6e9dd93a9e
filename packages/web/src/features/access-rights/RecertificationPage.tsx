import type { RecertificationItem } from '@forvalta/contracts';
import { Button, Checkbox, Group, Progress, Select, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { notifyError, notifySuccess } from '../../components/error-messages.ts';
import { ListEmptyState } from '../../components/ListEmptyState.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { type Column, QueryTable } from '../../components/QueryTable.tsx';
import { formatDate } from '../../i18n/format.ts';
import { AccessRightBadges } from './AccessRightBadges.tsx';
import {
  type RecertificationDecision,
  recertificationItemsQuery,
  recertificationQuery,
  useDecideRecertification,
} from './recertifications.queries.ts';
import { useSectionPaging } from './section-paging.ts';

const routeApi = getRouteApi('/authenticated/content/recertifications/$campaignId');

type Pending = Omit<RecertificationDecision, 'campaignId'> & { label: string };

/**
 * A recertification campaign worked through as a list (issue #14): keep or end each right, or
 * several at once after a confirmation that names how many; the server refuses a count that
 * differs from what the person saw.
 */
export function RecertificationPage() {
  const { t } = useTranslation('access');
  const { campaignId } = routeApi.useParams();
  const campaign = useQuery(recertificationQuery(campaignId));
  const [decision, setDecision] = useState<'undecided' | 'keep' | 'end' | null>('undecided');
  const { cursor, reset, paging } = useSectionPaging(50);
  const items = useQuery(recertificationItemsQuery(campaignId, decision ? { decision } : {}, { cursor, limit: paging.pageSize }));
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [pending, setPending] = useState<Pending | null>(null);
  const decide = useDecideRecertification({
    onSuccess: () => {
      notifySuccess(t('recertification.decided'));
      setSelected(new Set());
      setPending(null);
    },
    onError: (error) => {
      setPending(null);
      notifyError(error);
    },
  });
  if (campaign.isLoading) return <LoadingState />;
  if (campaign.error || !campaign.data) return <ErrorState error={campaign.error} onRetry={() => void campaign.refetch()} />;
  const c = campaign.data;
  const rows = items.data?.items ?? [];
  const decidable = rows.filter((item) => item.canDecide);
  const send = (chosen: Pending) => decide.mutate({ campaignId, ...chosen } as RecertificationDecision);
  const one = (item: RecertificationItem, choice: 'keep' | 'end') =>
    send({ decision: choice, rightIds: [item.rightId], expectedCount: 1, label: '' });
  const toggle = (rightId: string, on: boolean) =>
    setSelected((previous) => {
      const next = new Set(previous);
      if (on) next.add(rightId);
      else next.delete(rightId);
      return next;
    });
  const percent = c.progress.total === 0 ? 100 : Math.round(((c.progress.kept + c.progress.ended) / c.progress.total) * 100);

  const columns: Column<RecertificationItem>[] = [
    {
      key: 'select',
      header: t('recertification.select'),
      headerHidden: true,
      cell: (item) =>
        item.canDecide && item.decision === null ? (
          <Checkbox
            aria-label={t('recertification.selectRow', { name: item.personName, system: item.systemName })}
            checked={selected.has(item.rightId)}
            onChange={(event) => toggle(item.rightId, event.currentTarget.checked)}
          />
        ) : null,
    },
    {
      key: 'person',
      header: t('rights.columnPerson'),
      rowHeader: true,
      cell: (item) => (
        <AnchorLink to="/people/$personId" params={{ personId: item.personId }} size="sm" fw={600}>
          {item.personName}
        </AnchorLink>
      ),
    },
    { key: 'system', header: t('rights.columnSystem'), cell: (item) => item.systemName },
    { key: 'level', header: t('rights.columnLevel'), cell: (item) => item.levelName },
    {
      key: 'state',
      header: t('rights.columnState'),
      cell: (item) => (
        <AccessRightBadges
          right={{
            state: item.rightState,
            flaggedForRemoval: item.flaggedForRemoval || item.personEmploymentStatus === 'left',
            privileged: item.privileged,
          }}
        />
      ),
    },
    {
      key: 'decision',
      header: t('recertification.columnDecision'),
      cell: (item) =>
        item.decision ? (
          <Text size="sm">
            {t(`recertification.decision.${item.decision}`)}
            {item.decidedByName ? ` · ${item.decidedByName}` : ''}
          </Text>
        ) : item.canDecide ? (
          <Group gap="xs" wrap="nowrap">
            <Button
              size="xs"
              variant="default"
              onClick={() => one(item, 'keep')}
              aria-label={t('recertification.keepRow', { name: item.personName, system: item.systemName })}
            >
              {t('recertification.keep')}
            </Button>
            <Button
              size="xs"
              color="red.9"
              variant="outline"
              onClick={() => one(item, 'end')}
              aria-label={t('recertification.endRow', { name: item.personName, system: item.systemName })}
            >
              {t('recertification.end')}
            </Button>
          </Group>
        ) : (
          <Text size="sm">{t('recertification.undecided')}</Text>
        ),
    },
  ];

  return (
    <>
      <PageHeader title={c.title} intro={t('recertification.intro', { date: formatDate(c.dueDate) })} />
      <Stack gap="md">
        <Stack gap={4} data-testid="recertification-progress">
          <Text size="sm">
            {t('recertification.progress', {
              kept: c.progress.kept,
              ended: c.progress.ended,
              undecided: c.progress.undecided,
              total: c.progress.total,
            })}
            {c.overdue ? ` ${t('recertification.overdue')}` : ''}
          </Text>
          <Progress value={percent} aria-label={t('recertification.progressLabel', { percent })} color="#1f6f36" />
        </Stack>
        <Group align="flex-end" justify="space-between" wrap="wrap">
          <Select
            label={t('recertification.show')}
            placeholder={t('recertification.all')}
            clearable
            value={decision}
            onChange={(value) => {
              setDecision(value as typeof decision);
              setSelected(new Set());
              reset();
            }}
            data={(['undecided', 'keep', 'end'] as const).map((value) => ({ value, label: t(`recertification.filter.${value}`) }))}
            w={220}
          />
          <Group gap="xs">
            <Button
              variant="default"
              disabled={selected.size === 0}
              onClick={() =>
                setPending({
                  decision: 'keep',
                  rightIds: [...selected],
                  expectedCount: selected.size,
                  label: t('recertification.keepSelected', { count: selected.size }),
                })
              }
            >
              {t('recertification.keepSelected', { count: selected.size })}
            </Button>
            <Button
              color="red.9"
              variant="outline"
              disabled={selected.size === 0}
              onClick={() =>
                setPending({
                  decision: 'end',
                  rightIds: [...selected],
                  expectedCount: selected.size,
                  label: t('recertification.endSelected', { count: selected.size }),
                })
              }
            >
              {t('recertification.endSelected', { count: selected.size })}
            </Button>
            {c.can.decide && c.progress.undecided > 0 && (
              <Button
                variant="default"
                onClick={() =>
                  setPending({
                    decision: 'keep',
                    allUndecided: true,
                    expectedCount: c.progress.undecided,
                    label: t('recertification.keepAll', { count: c.progress.undecided }),
                  })
                }
              >
                {t('recertification.keepAll', { count: c.progress.undecided })}
              </Button>
            )}
          </Group>
        </Group>
        {decidable.length === 0 && rows.length > 0 && <Text size="sm">{t('recertification.notYours')}</Text>}
        <QueryTable
          query={items}
          caption={t('recertification.caption', { title: c.title })}
          columns={columns}
          rowKey={(item) => item.rightId}
          rowTestId="recertification-row"
          empty={<ListEmptyState title={t('recertification.none')} />}
          paging={paging}
          minWidth={900}
        />
      </Stack>
      <ConfirmDialog
        opened={pending !== null}
        title={t('recertification.confirmTitle')}
        text={pending ? t(`recertification.confirm.${pending.decision}`, { count: pending.expectedCount }) : ''}
        confirmLabel={pending?.label ?? ''}
        loading={decide.isPending}
        onConfirm={() => pending && send(pending)}
        onClose={() => setPending(null)}
      />
    </>
  );
}
