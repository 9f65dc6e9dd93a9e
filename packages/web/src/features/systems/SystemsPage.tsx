import type { SystemSummary } from '@forvalta/contracts';
import {
  Anchor,
  Button,
  Checkbox,
  Group,
  Menu,
  Paper,
  Select,
  Table,
  Text,
  TextInput,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { legacyApi } from '../../api/client.ts';
import { useCan } from '../../app/session.ts';
import { CursorPager } from '../../components/CursorPager.tsx';
import { useCursorPaging } from '../../components/cursor-paging.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { ListEmptyState } from '../../components/ListEmptyState.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { formatDate } from '../../i18n/format.ts';
import { DepartmentSelect } from '../organisation/departments/DepartmentSelect.tsx';
import { LifecycleBadge, UncoveredBadge } from './SystemBadges.tsx';
import { SystemFormModal } from './SystemFormModal.tsx';
import { exportUrl, kindValues, lifecycleValues, scopeValues, systemListQuery, type SystemFilters, type SystemSort } from './system-api.ts';

const routeApi = getRouteApi('/authenticated/content/systems');

function SortHeader({
  field,
  label,
  sort,
  onSort,
}: {
  field: 'name' | 'lifecycle' | 'updatedAt';
  label: string;
  sort: SystemSort;
  onSort: (sort: SystemSort) => void;
}) {
  const { t } = useTranslation();
  const active = sort === field || sort === `-${field}`;
  const descending = sort === `-${field}`;
  return (
    <Table.Th scope="col" aria-sort={active ? (descending ? 'descending' : 'ascending') : 'none'}>
      <UnstyledButton
        fw={700}
        fz="sm"
        onClick={() => onSort(active && !descending ? (`-${field}` as SystemSort) : field)}
        aria-label={`${label}. ${active ? t(descending ? 'systems.sortedDescending' : 'systems.sortedAscending') : ''} ${t('systems.sortBy', { column: label })}`}
      >
        {label} <span aria-hidden="true">{active ? (descending ? '▼' : '▲') : '↕'}</span>
      </UnstyledButton>
    </Table.Th>
  );
}

export function SystemsPage() {
  const { t } = useTranslation();
  const filters = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const canCreate = useCan('system.create');
  const [creating, setCreating] = useState(false);
  const [search, setSearch] = useState(filters.q ?? '');
  const sort = filters.sort ?? 'name';

  const setFilters = (changes: Partial<SystemFilters>) =>
    void navigate({ search: (previous) => ({ ...previous, ...changes }), replace: true });
  const updateSearch = useDebouncedCallback((value: string) => setFilters({ q: value.trim() || undefined }), 300);
  // Back and forward in the browser change the address; the search box follows it.
  useEffect(() => setSearch(filters.q ?? ''), [filters.q]);

  const query = systemListQuery(filters);
  const paging = useCursorPaging(JSON.stringify(query), 50);
  const systems = useQuery({
    queryKey: ['systems', 'list', query, paging.cursor, paging.pageSize],
    queryFn: ({ signal }) => legacyApi.list<SystemSummary>('/systems', { ...query, cursor: paging.cursor, limit: paging.pageSize }, signal),
    placeholderData: keepPreviousData,
  });
  const filtered = Object.keys(filters).some((key) => key !== 'sort');

  const createButton = canCreate && <Button onClick={() => setCreating(true)}>{t('systems.create')}</Button>;
  const exportMenu = (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default">
          {t('systems.export')} <span aria-hidden="true">&nbsp;▾</span>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component="a" href={exportUrl(filters, 'csv')} download>
          {t('systems.exportCsv')}
        </Menu.Item>
        <Menu.Item component="a" href={exportUrl(filters, 'xlsx')} download>
          {t('systems.exportXlsx')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );

  return (
    <>
      <PageHeader
        title={t('systems.title')}
        intro={t('systems.intro')}
        actions={
          <>
            {exportMenu}
            {createButton}
          </>
        }
      />
      <Group mb="xs" align="flex-end" gap="md" wrap="wrap" role="search" aria-label={t('systems.filters')}>
        <TextInput
          label={t('systems.searchLabel')}
          placeholder={t('systems.searchPlaceholder')}
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            updateSearch(event.currentTarget.value);
          }}
          type="search"
          w={260}
        />
        <DepartmentSelect
          label={t('systems.owner')}
          placeholder={t('systems.allDepartments')}
          value={filters.ownerDepartmentId ?? null}
          onChange={(value) => setFilters({ ownerDepartmentId: value ?? undefined })}
          w={260}
        />
        <Select
          label={t('systems.kind')}
          placeholder={t('common.all')}
          clearable
          value={filters.kind ?? null}
          onChange={(value) => setFilters({ kind: (value as SystemFilters['kind']) ?? undefined })}
          data={kindValues.map((value) => ({ value, label: t(`labels.kind.${value}`) }))}
          w={200}
        />
        <Select
          label={t('systems.lifecycle')}
          placeholder={t('common.all')}
          clearable
          value={filters.lifecycle ?? null}
          onChange={(value) => setFilters({ lifecycle: (value as SystemFilters['lifecycle']) ?? undefined })}
          data={lifecycleValues.map((value) => ({ value, label: t(`labels.lifecycle.${value}`) }))}
          w={180}
        />
        <Select
          label={t('systems.scope')}
          placeholder={t('common.all')}
          clearable
          value={filters.scope ?? null}
          onChange={(value) => setFilters({ scope: (value as SystemFilters['scope']) ?? undefined })}
          data={scopeValues.map((value) => ({ value, label: t(`labels.scope.${value}`) }))}
          w={160}
        />
      </Group>
      <Group mb="md" gap="lg" wrap="wrap">
        <Checkbox
          label={t('systems.filterUncovered')}
          checked={filters.uncovered ?? false}
          onChange={(event) => setFilters({ uncovered: event.currentTarget.checked || undefined })}
        />
        <Checkbox
          label={t('systems.filterUnconfirmed')}
          checked={filters.unconfirmed ?? false}
          onChange={(event) => setFilters({ unconfirmed: event.currentTarget.checked || undefined })}
        />
        {filters.tag && (
          <Text size="sm">
            {t('systems.tagFilter', { tag: filters.tag })}{' '}
            <Anchor component="button" type="button" size="sm" onClick={() => setFilters({ tag: undefined })}>
              {t('systems.removeTagFilter')}
            </Anchor>
          </Text>
        )}
        {filtered && (
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={() => {
              setSearch('');
              void navigate({ search: filters.sort ? { sort: filters.sort } : {}, replace: true });
            }}
          >
            {t('common.clearFilters')}
          </Button>
        )}
      </Group>

      <Paper withBorder radius="md">
        {systems.isLoading ? (
          <LoadingState />
        ) : systems.error ? (
          <ErrorState error={systems.error} onRetry={() => void systems.refetch()} />
        ) : !systems.data || systems.data.items.length === 0 ? (
          filtered ? (
            <ListEmptyState title={t('systems.empty')} hint={t('systems.emptyHint')} />
          ) : (
            <ListEmptyState title={t('systems.emptyAll')} action={createButton} />
          )
        ) : (
          <Table.ScrollContainer minWidth={900}>
            <Table verticalSpacing="xs" horizontalSpacing="sm" highlightOnHover aria-busy={systems.isFetching}>
              <VisuallyHidden component="caption">{t('systems.title')}</VisuallyHidden>
              <Table.Thead>
                <Table.Tr>
                  <SortHeader field="name" label={t('systems.name')} sort={sort} onSort={(value) => setFilters({ sort: value })} />
                  <Table.Th scope="col">{t('systems.owner')}</Table.Th>
                  <SortHeader
                    field="lifecycle"
                    label={t('systems.lifecycle')}
                    sort={sort}
                    onSort={(value) => setFilters({ sort: value })}
                  />
                  <Table.Th scope="col">{t('systems.manager')}</Table.Th>
                  <Table.Th scope="col">{t('systems.lastConfirmed')}</Table.Th>
                  <SortHeader field="updatedAt" label={t('systems.updated')} sort={sort} onSort={(value) => setFilters({ sort: value })} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {systems.data.items.map((system) => (
                  <Table.Tr key={system.id} data-testid="system-row">
                    <Table.Td miw={220}>
                      <AnchorLink to="/systems/$systemId" params={{ systemId: system.id }} fw={600} size="sm">
                        {system.name}
                      </AnchorLink>
                      <Text size="xs" c="gray.7" className="wrap-anywhere">
                        {[system.supplier, system.product].filter(Boolean).join(' · ')}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{system.ownerDepartmentName}</Text>
                      <Text size="xs" c="gray.7">
                        {t(`labels.kind.${system.kind}`)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <LifecycleBadge lifecycle={system.lifecycle} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{system.manager?.name ?? t('systems.noManager')}</Text>
                      <Text size="xs" c="gray.7">
                        {t('systems.deputyCount', { count: system.deputyCount })}
                      </Text>
                      {system.uncovered && <UncoveredBadge />}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {system.lastConfirmedAt ? formatDate(system.lastConfirmedAt) : t('systems.neverConfirmed')}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(system.updatedAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      {systems.data && systems.data.total > 0 && (
        <CursorPager
          pageIndex={paging.pageIndex}
          pageSize={paging.pageSize}
          itemCount={systems.data.items.length}
          total={systems.data.total}
          nextCursor={systems.data.nextCursor}
          onNext={paging.goNext}
          onPrevious={paging.goPrevious}
          onPageSizeChange={paging.setPageSize}
          pageSizes={[25, 50, 100]}
        />
      )}
      {creating && <SystemFormModal system={null} onClose={() => setCreating(false)} />}
    </>
  );
}
