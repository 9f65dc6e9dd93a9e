import type { Asset, AssetNetworkPeriod } from '@forvalta/contracts';
import { Alert, Badge, Button, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { ConfidentialBadge } from '../../components/ConfidentialMark.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { ListEmptyState } from '../../components/ListEmptyState.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { useSectionList } from '../../components/list-address.ts';
import { QueryTable } from '../../components/QueryTable.tsx';
import { Fact, SectionCard } from '../../components/SectionCard.tsx';
import { SystemLinks } from '../../components/SystemLinks.tsx';
import { formatDate, formatDateTime, formatNumber } from '../../i18n/format.ts';
import { AuditEventTable } from '../audit/AuditEventTable.tsx';
import { AssetFormModal } from './AssetFormModal.tsx';
import { AssetLifecycleBadge, AssetModelText, ownerText } from './AssetBadges.tsx';
import { assetHistoryQuery, assetNetworkPeriodsQuery, assetQuery } from './assets.queries.ts';
import { MoveNetworkModal } from './MoveNetworkModal.tsx';

const routeApi = getRouteApi('/authenticated/content/assets/$assetId');

/** One asset: its fields, its owner with the reason, its networks over time, the systems it serves, and its history. */
export function AssetPage() {
  const { t, i18n } = useTranslation('assets');
  const { assetId } = routeApi.useParams();
  const asset = useQuery(assetQuery(assetId));
  const [editing, setEditing] = useState(false);
  const [moving, setMoving] = useState(false);
  if (asset.isLoading) return <LoadingState />;
  if (asset.error || !asset.data) return <ErrorState error={asset.error} onRetry={() => void asset.refetch()} />;
  const a = asset.data;
  const none = '–';

  return (
    <>
      <AnchorLink to="/assets" size="sm">
        <span aria-hidden="true">← </span>
        {t('asset.backToList')}
      </AnchorLink>
      <Group justify="space-between" align="flex-start" mt="xs" mb="md" wrap="wrap" gap="md">
        <Stack gap={6} maw={760}>
          <Title order={1} size="h2" className="wrap-anywhere">
            {a.label}
          </Title>
          <Group gap="xs">
            <Badge variant="outline" color="blue.9" tt="none">
              {t(`kind.${a.kind}`)}
            </Badge>
            <AssetLifecycleBadge lifecycle={a.lifecycle} />
            <ConfidentialBadge paragraph={a.confidentialOslParagraph} />
          </Group>
          <Text size="sm" c="gray.7">
            {t('asset.updated', { date: formatDate(a.updatedAt) })}
          </Text>
        </Stack>
        <Group gap="sm">
          {a.can.update && !a.networkDetailsWithheld && (
            <Button variant="default" onClick={() => setMoving(true)}>
              {t('move.open')}
            </Button>
          )}
          {a.can.update && <Button onClick={() => setEditing(true)}>{t('asset.edit')}</Button>}
        </Group>
      </Group>

      <Stack gap="lg">
        <SectionCard id="equipment" title={t('asset.equipmentSection')}>
          <SimpleGrid component="dl" cols={{ base: 1, sm: 2, md: 3 }} spacing="md" m={0}>
            <Fact label={t('asset.model')}>
              <AssetModelText asset={a} />
            </Fact>
            <Fact label={t('asset.serial')}>{a.serial ?? none}</Fact>
            <Fact label={t('asset.inventoryNumber')}>{a.inventoryNumber ?? none}</Fact>
            <Fact label={t('asset.department')}>{a.departmentName ?? none}</Fact>
            <Fact label={t('asset.person')}>{a.personName ?? none}</Fact>
            <Fact label={t('asset.purchaseDate')}>{a.purchaseDate ? formatDate(a.purchaseDate) : none}</Fact>
            <Fact label={t('asset.purchaseCost')}>
              {a.purchaseCost === null ? none : `${formatNumber(a.purchaseCost, i18n.language)} kr`}
            </Fact>
            <Fact label={t('asset.warrantyEnd')}>{a.warrantyEnd ? formatDate(a.warrantyEnd) : none}</Fact>
            <Fact label={t('asset.note')} multiline>
              {a.note ?? none}
            </Fact>
          </SimpleGrid>
        </SectionCard>

        <SectionCard id="owner" title={t('asset.ownerSection')}>
          <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="md" m={0}>
            <Fact label={t('asset.owner')}>{ownerText(a, (key) => t(key))}</Fact>
            {a.ownerKind !== 'it_unit' && (
              <Fact label={t('asset.ownerReason')} multiline>
                {a.ownerReason ?? t('asset.noReason')}
              </Fact>
            )}
          </SimpleGrid>
          {a.everOnTownHall && (
            <Text size="sm" mt="sm">
              {t('asset.everOnTownHall')}
            </Text>
          )}
        </SectionCard>

        <NetworkSection asset={a} />

        <SectionCard id="systems" title={t('asset.systems')}>
          <SystemLinks systems={a.systems} empty={t('asset.noSystems')} />
        </SectionCard>

        <HistorySection asset={a} />
      </Stack>

      {editing && <AssetFormModal asset={a} onClose={() => setEditing(false)} />}
      {moving && <MoveNetworkModal asset={a} onClose={() => setMoving(false)} />}
    </>
  );
}

/** Where it sits: the network now, the location, and every period on a network (ITP-6-SCHOOL-NET rests on them). */
function NetworkSection({ asset }: { asset: Asset }) {
  const { t } = useTranslation('assets');
  const periods = useQuery(assetNetworkPeriodsQuery(asset.id, !asset.networkDetailsWithheld));
  return (
    <SectionCard id="network" title={t('asset.networkSection')}>
      {asset.networkDetailsWithheld ? (
        <Alert color="blue.9" variant="outline">
          <Text size="sm">{t('asset.withheldText')}</Text>
        </Alert>
      ) : (
        <Stack gap="md">
          <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="md" m={0}>
            <Fact label={t('asset.network')}>{asset.network ? t(`network.${asset.network}`) : '–'}</Fact>
            <Fact label={t('asset.location')}>{asset.location ?? '–'}</Fact>
          </SimpleGrid>
          <QueryTable<AssetNetworkPeriod>
            query={periods}
            framed={false}
            caption={t('asset.periods')}
            rowKey={(period) => period.id}
            rowTestId="network-period-row"
            minWidth={560}
            empty={<ListEmptyState title={t('asset.noPeriods')} />}
            columns={[
              {
                key: 'network',
                header: t('asset.network'),
                rowHeader: true,
                nowrap: true,
                cell: (period) => t(`network.${period.network}`),
              },
              { key: 'started', header: t('asset.periodStarted'), nowrap: true, cell: (period) => formatDate(period.startedOn) },
              {
                key: 'ended',
                header: t('asset.periodEnded'),
                nowrap: true,
                cell: (period) => (period.endedOn ? formatDate(period.endedOn) : t('asset.periodOpen')),
              },
              {
                key: 'recorded',
                header: t('asset.periodRecorded'),
                cell: (period) => `${period.recordedByName}, ${formatDateTime(period.recordedAt)}`,
              },
            ]}
          />
        </Stack>
      )}
    </SectionCard>
  );
}

/** The asset's changes from the audit log; for a marked asset only those who see its network details read them. */
function HistorySection({ asset }: { asset: Asset }) {
  const { t } = useTranslation('assets');
  const list = useSectionList('history', routeApi.useSearch(), routeApi.useNavigate(), { pageSize: 10 });
  const events = useQuery(assetHistoryQuery(asset.id, { cursor: list.paging.cursor, limit: list.paging.pageSize }, true));
  return (
    <SectionCard id="history" title={t('asset.history')}>
      <AuditEventTable
        events={events}
        caption={t('asset.history')}
        name="history"
        paging={list.paging}
        pageSizes={[10, 25]}
        framed={false}
        empty={<Text size="sm">{t('translation:history.empty')}</Text>}
      />
    </SectionCard>
  );
}
