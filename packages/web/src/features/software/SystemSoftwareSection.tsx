import type { System } from '@forvalta/contracts';
import { Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session.ts';
import { ListEmptyState } from '../../components/ListEmptyState.tsx';
import { useSectionList } from '../../components/list-address.ts';
import { SectionCard } from '../../components/SectionCard.tsx';
import { todayInStockholm } from '../../i18n/format.ts';
import { ContractsTable } from '../contracts/ContractsTable.tsx';
import { contractListQueryOptions } from '../contracts/contracts.queries.ts';
import { SoftwareTable } from './SoftwareTable.tsx';
import { LicencePositionTable } from './LicencePositionTable.tsx';
import { licencePositionQuery, softwareListQueryOptions } from './software.queries.ts';

const routeApi = getRouteApi('/authenticated/content/systems/$systemId');

/**
 * A system's software (with the IT chief's decision each needs) and the contracts that cover it
 * (#software, where ITP-7's fix links on the system land), and the licence position of that software.
 */
export function SystemSoftwareSection({ system }: { system: System }) {
  const { t } = useTranslation('software');
  const canReadSoftware = useCan('software.read');
  const canReadContracts = useCan('contract.read');
  const canReadLicences = useCan('licence.read');
  const search = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const softwareList = useSectionList('software', search, navigate, { pageSize: 10, defaultSort: 'product' });
  const licenceList = useSectionList('licences', search, navigate, { pageSize: 10 });
  const contractList = useSectionList('contracts', search, navigate, { pageSize: 10, defaultSort: 'noticeDate' });
  const software = useQuery({
    ...softwareListQueryOptions(
      { systemId: system.id },
      { sort: softwareList.sort.value, cursor: softwareList.paging.cursor, limit: softwareList.paging.pageSize },
    ),
    enabled: canReadSoftware,
  });
  const contracts = useQuery({
    ...contractListQueryOptions({ systemId: system.id }, todayInStockholm(), {
      sort: contractList.sort.value,
      cursor: contractList.paging.cursor,
      limit: contractList.paging.pageSize,
    }),
    enabled: canReadContracts,
  });
  // The entitlement against the installations of each product the system uses (ITP-7-LICENCE).
  const position = useQuery({
    ...licencePositionQuery({ systemId: system.id, cursor: licenceList.paging.cursor, limit: licenceList.paging.pageSize }),
    enabled: canReadLicences,
  });
  if (!canReadSoftware && !canReadContracts) return null;
  return (
    <SectionCard id="software" title={t('system.title')}>
      {canReadSoftware && (
        <>
          <Title order={3} size="h5" mb="xs">
            {t('system.software')}
          </Title>
          <SoftwareTable
            query={software}
            caption={t('system.softwareCaption', { name: system.name })}
            sort={softwareList.sort}
            paging={softwareList.paging}
            pageSizes={[10, 25, 50]}
            framed={false}
            showSystems={false}
            empty={<ListEmptyState title={t('system.noSoftware')} />}
          />
          {canReadLicences && (
            <>
              <Title order={3} size="h5" mb="xs" mt="md">
                {t('system.licences')}
              </Title>
              <LicencePositionTable
                query={position}
                caption={t('system.licencesCaption', { name: system.name })}
                paging={licenceList.paging}
                pageSizes={[10, 25, 50]}
                framed={false}
                empty={<ListEmptyState title={t('system.noLicences')} />}
              />
            </>
          )}
        </>
      )}
      {canReadContracts && (
        <>
          <Title order={3} size="h5" mb="xs" mt="md">
            {t('system.contracts')}
          </Title>
          <ContractsTable
            query={contracts}
            caption={t('system.contractsCaption', { name: system.name })}
            sort={contractList.sort}
            paging={contractList.paging}
            pageSizes={[10, 25, 50]}
            framed={false}
            showSystems={false}
            empty={<ListEmptyState title={t('system.noContracts')} />}
          />
        </>
      )}
    </SectionCard>
  );
}
