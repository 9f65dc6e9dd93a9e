import { Select, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session.ts';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { ChartWithTable } from '../../components/ChartWithTable.tsx';
import { ListEmptyState } from '../../components/ListEmptyState.tsx';
import { FilterToggle, ListFilters } from '../../components/ListFilters.tsx';
import { useAddressList } from '../../components/list-address.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { SectionCard } from '../../components/SectionCard.tsx';
import { formatDate } from '../../i18n/format.ts';
import { ConsumptionSection } from './ConsumptionSection.tsx';
import { LicencePositionChart } from './LicencePositionChart.tsx';
import { LicencePositionTable } from './LicencePositionTable.tsx';
import { LicencesSection } from './LicencesSection.tsx';
import { licencePositionQuery, softwareOptionsQuery } from './software.queries.ts';

const routeApi = getRouteApi('/authenticated/content/licences');

/**
 * The licence position (ITP-7-LICENCE): what the current licences entitle against what is
 * installed or assigned, per product and kind, as a chart and as the table it pictures; then the
 * licences themselves and the consumption counts they are compared with.
 */
export function LicencesPage() {
  const { t } = useTranslation('software');
  const search = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const list = useAddressList(search, navigate, { pageSize: 25 });
  const { filters, setFilters } = list;
  const position = useQuery(
    licencePositionQuery({
      softwareId: filters.softwareId,
      overOnly: filters.overOnly ? 'true' : undefined,
      cursor: list.paging.cursor,
      limit: list.paging.pageSize,
    }),
  );
  const products = useQuery(softwareOptionsQuery());
  const canManage = useCan('licence.manage');
  const over = position.data?.overCount ?? 0;

  return (
    <>
      <PageHeader
        title={t('licences.title')}
        intro={t('licences.intro')}
        actions={
          canManage && (
            <ButtonLink to="/licences/import" variant="default">
              {t('consumptionImport.open')}
            </ButtonLink>
          )
        }
      />
      <ListFilters
        label={t('licences.filters')}
        list={list}
        clearLabel={t('software.clearFilters')}
        toggles={
          <FilterToggle label={t('licences.onlyOver')} checked={filters.overOnly} onChange={(overOnly) => setFilters({ overOnly })} />
        }
      >
        <Select
          label={t('software.product')}
          placeholder={t('licences.allProducts')}
          searchable
          clearable
          value={filters.softwareId ?? null}
          onChange={(value) => setFilters({ softwareId: value ?? undefined })}
          data={(products.data?.items ?? []).map((software) => ({ value: software.id, label: software.product }))}
          w={{ base: '100%', sm: 260 }}
        />
      </ListFilters>
      <Stack gap="lg">
        <SectionCard id="position" title={t('position.title')}>
          <Text size="sm" mb="sm" fw={over > 0 ? 700 : 400} c={over > 0 ? 'red.9' : undefined} role="status">
            {over > 0 ? t('position.overCount', { count: over }) : t('position.allCovered')}
            {position.data ? ` · ${t('position.asOf', { date: formatDate(position.data.asOf) })}` : ''}
          </Text>
          {position.data && position.data.items.length > 0 ? (
            <ChartWithTable chart={<LicencePositionChart rows={position.data.items} />} tableLabel={t('position.showTable')} defaultOpen>
              <LicencePositionTable
                query={position}
                caption={t('position.title')}
                paging={list.paging}
                framed={false}
                empty={<ListEmptyState title={t('position.empty')} />}
              />
            </ChartWithTable>
          ) : (
            <LicencePositionTable
              query={position}
              caption={t('position.title')}
              framed={false}
              empty={<ListEmptyState title={list.filtered ? t('position.emptyFiltered') : t('position.empty')} />}
            />
          )}
        </SectionCard>
        <LicencesSection softwareId={filters.softwareId} canManage={canManage} />
        <ConsumptionSection softwareId={filters.softwareId} canManage={canManage} />
      </Stack>
    </>
  );
}
