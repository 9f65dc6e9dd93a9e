import type { SystemSummary } from '@forvalta/contracts';
import { Anchor, Button, Checkbox, Group, Menu, Select, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { ListEmptyState } from '../../components/ListEmptyState.tsx';
import { useAddressList } from '../../components/list-address.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { type Column, QueryTable } from '../../components/QueryTable.tsx';
import { formatDate } from '../../i18n/format.ts';
import { DepartmentSelect } from '../organisation/departments/DepartmentSelect.tsx';
import { LifecycleBadge, UncoveredBadge } from './SystemBadges.tsx';
import { SystemFormModal } from './SystemFormModal.tsx';
import { kindValues, lifecycleValues, scopeValues, type SystemFilters } from './system-values.ts';
import { exportUrl, systemListParameters, systemListQuery } from './systems.queries.ts';

const routeApi = getRouteApi('/authenticated/content/systems');

export function SystemsPage() {
  const { t } = useTranslation();
  const list = useAddressList(routeApi.useSearch(), routeApi.useNavigate(), { pageSize: 50, defaultSort: 'name' });
  const { filters, setFilters } = list;
  const canCreate = useCan('system.create');
  const [creating, setCreating] = useState(false);
  const systems = useQuery(systemListQuery({ ...systemListParameters(filters), cursor: list.paging.cursor, limit: list.paging.pageSize }));

  const createButton = canCreate && <Button onClick={() => setCreating(true)}>{t('systems.create')}</Button>;
  const columns: Column<SystemSummary>[] = [
    {
      key: 'name',
      header: t('systems.name'),
      sortField: 'name',
      minWidth: 220,
      cell: (system) => (
        <>
          <AnchorLink to="/systems/$systemId" params={{ systemId: system.id }} fw={600} size="sm">
            {system.name}
          </AnchorLink>
          <Text size="xs" c="gray.7" className="wrap-anywhere">
            {[system.supplier, system.product].filter(Boolean).join(' · ')}
          </Text>
        </>
      ),
    },
    {
      key: 'owner',
      header: t('systems.owner'),
      cell: (system) => (
        <>
          <Text size="sm">{system.ownerDepartmentName}</Text>
          <Text size="xs" c="gray.7">
            {t(`labels.kind.${system.kind}`)}
          </Text>
        </>
      ),
    },
    {
      key: 'lifecycle',
      header: t('systems.lifecycle'),
      sortField: 'lifecycle',
      cell: (system) => <LifecycleBadge lifecycle={system.lifecycle} />,
    },
    {
      key: 'manager',
      header: t('systems.manager'),
      cell: (system) => (
        <>
          <Text size="sm">{system.manager?.name ?? t('systems.noManager')}</Text>
          <Text size="xs" c="gray.7">
            {t('systems.deputyCount', { count: system.deputyCount })}
          </Text>
          {system.uncovered && <UncoveredBadge />}
        </>
      ),
    },
    {
      key: 'confirmed',
      header: t('systems.lastConfirmed'),
      nowrap: true,
      cell: (system) => (system.lastConfirmedAt ? formatDate(system.lastConfirmedAt) : t('systems.neverConfirmed')),
    },
    { key: 'updated', header: t('systems.updated'), sortField: 'updatedAt', nowrap: true, cell: (system) => formatDate(system.updatedAt) },
  ];
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
          {...list.searchInput}
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
        {list.filtered && (
          <Button variant="subtle" size="compact-sm" onClick={list.clearFilters}>
            {t('common.clearFilters')}
          </Button>
        )}
      </Group>

      <QueryTable
        query={systems}
        caption={t('systems.title')}
        columns={columns}
        rowKey={(system) => system.id}
        rowTestId="system-row"
        sort={list.sort}
        paging={list.paging}
        pageSizes={[25, 50, 100]}
        minWidth={900}
        empty={
          list.filtered ? (
            <ListEmptyState title={t('systems.empty')} hint={t('systems.emptyHint')} />
          ) : (
            <ListEmptyState title={t('systems.emptyAll')} action={createButton} />
          )
        }
      />
      {creating && <SystemFormModal system={null} onClose={() => setCreating(false)} />}
    </>
  );
}
