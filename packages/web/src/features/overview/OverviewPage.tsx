import { Badge, Card, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { peopleListQuery } from '../organisation/people/people.queries.ts';
import { buildDepartmentTree, departmentNameMap, useAllDepartments } from '../organisation/departments/departments.queries.ts';

// The chart library is the largest dependency; the summary cards should not wait for it.
const DepartmentChart = lazy(() => import('./DepartmentChart.tsx').then((module) => ({ default: module.DepartmentChart })));

/** Counting needs only `total`, so one row is asked for. */
function usePeopleTotal(employmentStatus?: 'active') {
  return useQuery({ ...peopleListQuery({ limit: 1, ...(employmentStatus ? { employmentStatus } : {}) }), select: (page) => page.total });
}

function SummaryCard({ label, value, hint, loading }: { label: string; value: string; hint?: string; loading: boolean }) {
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-label={label}>
      <Text size="sm" c="gray.7" fw={600}>
        {label}
      </Text>
      {loading ? (
        <Skeleton height={36} width={80} mt={6} />
      ) : (
        <Text fz={32} fw={700} lh={1.3}>
          {value}
        </Text>
      )}
      {hint && !loading && (
        <Text size="sm" c="gray.7">
          {hint}
        </Text>
      )}
    </Card>
  );
}

export function OverviewPage() {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const departments = useAllDepartments();
  const activePeople = usePeopleTotal('active');
  const allPeople = usePeopleTotal();
  const tree = useMemo(() => buildDepartmentTree(departments.data ?? []), [departments.data]);
  const names = departmentNameMap(departments.data);
  const number = (value: number | undefined) => (value === undefined ? '–' : formatNumber(value, i18n.language));

  return (
    <>
      <PageHeader title={t('overview.title')} intro={t('overview.welcome', { name: me.name })} />
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg" mb="xl">
        <SummaryCard
          label={t('overview.departments')}
          value={number(tree.length)}
          hint={t('overview.departmentsHint', { count: departments.data?.length ?? 0 })}
          loading={departments.isLoading}
        />
        <SummaryCard
          label={t('overview.activePeople')}
          value={number(activePeople.data)}
          {...(allPeople.data !== undefined ? { hint: t('overview.activePeopleHint', { total: number(allPeople.data) }) } : {})}
          loading={activePeople.isLoading}
        />
        <Card withBorder padding="lg" radius="md" component="section" aria-label={t('overview.you')}>
          <Text size="sm" c="gray.7" fw={600}>
            {t('overview.you')}
          </Text>
          <Text fw={700} size="lg" className="wrap-anywhere">
            {me.name}
          </Text>
          <Text size="sm" c="gray.7" className="wrap-anywhere">
            {me.email}
          </Text>
          <Text size="sm" fw={600} mt="sm" id="your-roles">
            {t('overview.yourRoles')}
          </Text>
          <Group gap={6} mt={4} role="list" aria-labelledby="your-roles">
            {me.roles.length === 0 && <Text size="sm">{t('overview.noRoles')}</Text>}
            {me.roles.map((role) => (
              <Badge key={`${role.role}-${role.departmentId ?? ''}`} variant="outline" color="blue.9" role="listitem" tt="none">
                {role.departmentId
                  ? t('roles.ofDepartment', { role: t(`roles.${role.role}`), department: names.get(role.departmentId) ?? '…' })
                  : t(`roles.${role.role}`)}
              </Badge>
            ))}
          </Group>
        </Card>
      </SimpleGrid>

      <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="chart-title">
        <Stack gap="xs">
          <Title order={2} size="h4" id="chart-title">
            {t('overview.chartTitle')}
          </Title>
          <Text size="sm" c="gray.7">
            {t('overview.chartDescription')}
          </Text>
          {departments.error ? (
            <ErrorState error={departments.error} onRetry={() => void departments.refetch()} />
          ) : departments.isLoading ? (
            <Skeleton height={320} />
          ) : tree.length === 0 ? (
            <Text>{t('overview.chartEmpty')}</Text>
          ) : (
            <Suspense fallback={<Skeleton height={320} />}>
              <DepartmentChart nodes={tree} />
            </Suspense>
          )}
        </Stack>
      </Card>
    </>
  );
}
