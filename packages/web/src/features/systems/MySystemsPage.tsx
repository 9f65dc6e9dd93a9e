import type { ComplianceResult, SystemSummary } from '@forvalta/contracts';
import { Badge, Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { useAddressList } from '../../components/list-address.ts';
import { notifyError, notifySuccess } from '../../components/error-messages.ts';
import { ListEmptyState } from '../../components/ListEmptyState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { type Column, QueryTable } from '../../components/QueryTable.tsx';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import { complianceResultsQuery } from '../compliance/compliance.queries.ts';
import { FixLink } from '../compliance/FixLink.tsx';
import { LifecycleBadge, UncoveredBadge } from './SystemBadges.tsx';
import { twelveMonthsAgo } from './system-values.ts';
import { mySystemsQuery, useConfirmSystem } from './systems.queries.ts';

const routeApi = getRouteApi('/authenticated/content/my-systems');

/** The failing clauses of the systems on one page, asked for in one request. */
function useFailingResults(systemIds: string[]) {
  return useQuery({
    ...complianceResultsQuery({ systems: systemIds.join(','), status: 'fail', limit: 200 }),
    enabled: systemIds.length > 0,
  });
}

function FailingClauses({ results, loading }: { results: ComplianceResult[] | undefined; loading: boolean }) {
  const { t } = useTranslation();
  if (loading)
    return (
      <Text size="sm" c="gray.7">
        {t('app.loading')}
      </Text>
    );
  if (!results) return <Text size="sm">–</Text>;
  if (results.length === 0) return <Text size="sm">{t('mySystems.allMet')}</Text>;
  return (
    <Stack gap={2}>
      {results.map((result) => (
        <FixLink key={result.clauseId} fixPath={result.fixPath} color="red.9">
          {result.clauseId}:{' '}
          {t(`reasons.${result.reason}`, {
            intervalMonths: (result.evidence.intervalMonths as number | undefined) ?? 12,
            defaultValue: result.reason,
          })}
        </FixLink>
      ))}
    </Stack>
  );
}

/** One of the summary figures, counted by the server over all my systems, not just this page. */
function CountCard({ label, filter }: { label: string; filter: { unconfirmedSince?: string; uncovered?: 'true' } }) {
  const { i18n } = useTranslation();
  const me = useCurrentUser();
  const count = useQuery(mySystemsQuery(me.personId, { limit: 1, ...filter }));
  return (
    <Card withBorder padding="md" radius="md">
      <Text size="sm" c="gray.7" fw={600}>
        {label}
      </Text>
      <Text fz={28} fw={700}>
        {count.data ? formatNumber(count.data.total, i18n.language) : '–'}
      </Text>
    </Card>
  );
}

function ConfirmRowButton({ system }: { system: SystemSummary }) {
  const { t } = useTranslation();
  const confirm = useConfirmSystem(system, {
    onSuccess: () => notifySuccess(t('system.confirmed', { name: system.name })),
    onError: notifyError,
  });
  return (
    <Button
      size="xs"
      color="#1f6f36"
      onClick={() => confirm.mutate()}
      loading={confirm.isPending}
      aria-label={t('mySystems.confirmLabel', { name: system.name })}
    >
      {t('system.confirm')}
    </Button>
  );
}

/** The systems I answer for as systemansvarig or ersättare, and what is overdue. */
export function MySystemsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { paging } = useAddressList(routeApi.useSearch(), routeApi.useNavigate(), { pageSize: 25 });
  const systems = useQuery(mySystemsQuery(me.personId, { limit: paging.pageSize, cursor: paging.cursor, sort: 'name' }));
  const limit = twelveMonthsAgo();
  const overdue = (system: SystemSummary) => !system.lastConfirmedAt || system.lastConfirmedAt.slice(0, 10) < limit;
  const items = systems.data?.items ?? [];
  const failing = useFailingResults(items.map((system) => system.id));
  const failingOf = (systemId: string) => failing.data?.items.filter((result) => result.subjectId === systemId);

  const columns: Column<SystemSummary>[] = [
    {
      key: 'name',
      header: t('systems.name'),
      minWidth: 200,
      cell: (system) => (
        <>
          <AnchorLink to="/systems/$systemId" params={{ systemId: system.id }} fw={600} size="sm">
            {system.name}
          </AnchorLink>
          <Group gap={6} mt={4}>
            <LifecycleBadge lifecycle={system.lifecycle} />
            {system.uncovered && <UncoveredBadge />}
          </Group>
        </>
      ),
    },
    {
      key: 'role',
      header: t('mySystems.myRole'),
      cell: (system) => (system.manager?.personId === me.personId ? t('labels.role.manager') : t('labels.role.deputy')),
    },
    {
      key: 'confirmed',
      header: t('systems.lastConfirmed'),
      nowrap: true,
      cell: (system) => (
        <>
          <Text size="sm">{system.lastConfirmedAt ? formatDate(system.lastConfirmedAt) : t('systems.neverConfirmed')}</Text>
          {overdue(system) && (
            <Badge color="red.9" variant="outline" tt="none" mt={4}>
              {t('mySystems.overdue')}
            </Badge>
          )}
        </>
      ),
    },
    {
      key: 'failing',
      header: t('mySystems.failing'),
      cell: (system) => <FailingClauses results={failingOf(system.id)} loading={failing.isLoading} />,
    },
    { key: 'actions', header: t('common.actions'), align: 'right', cell: (system) => <ConfirmRowButton system={system} /> },
  ];

  return (
    <>
      <PageHeader title={t('mySystems.title')} intro={t('mySystems.intro')} />
      {!me.personId ? (
        <ListEmptyState title={t('mySystems.noPerson')} />
      ) : (
        <>
          {items.length > 0 && (
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg" mb="lg">
              <CountCard label={t('mySystems.count')} filter={{}} />
              <CountCard label={t('mySystems.overdueCount')} filter={{ unconfirmedSince: limit }} />
              <CountCard label={t('mySystems.uncoveredCount')} filter={{ uncovered: 'true' }} />
            </SimpleGrid>
          )}
          <QueryTable
            query={systems}
            caption={t('mySystems.title')}
            columns={columns}
            rowKey={(system) => system.id}
            rowTestId="my-system-row"
            paging={paging}
            minWidth={900}
            empty={<ListEmptyState title={t('mySystems.empty')} hint={t('mySystems.emptyHint')} />}
          />
        </>
      )}
    </>
  );
}
