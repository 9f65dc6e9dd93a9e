import { Button, Menu, Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session.ts';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { ListEmptyState } from '../../components/ListEmptyState.tsx';
import { FilterToggle, ListFilters } from '../../components/ListFilters.tsx';
import { useAddressList } from '../../components/list-address.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { todayInStockholm } from '../../i18n/format.ts';
import { DepartmentSelect } from '../organisation/departments/DepartmentSelect.tsx';
import { SystemFilterSelect } from '../systems/SystemFilterSelect.tsx';
import { ConfidentialExportModal } from './ConfidentialExportModal.tsx';
import { ProcessingActivitiesTable } from './ProcessingActivitiesTable.tsx';
import { ProcessingActivityFormModal } from './ProcessingActivityFormModal.tsx';
import { type ActivityFilters, agreementHorizonMonths, reviewStateValues } from './privacy-values.ts';
import { processingActivitiesExportUrl, processingActivityListQuery } from './privacy.queries.ts';

const routeApi = getRouteApi('/authenticated/content/processing-activities');

/** The record of processing (registerförteckning, GDPR art. 30): every processing of personal data, with its review by the DPO. */
export function ProcessingActivitiesPage() {
  const { t } = useTranslation('privacy');
  const list = useAddressList(routeApi.useSearch(), routeApi.useNavigate(), { pageSize: 25, defaultSort: 'name' });
  const { filters, setFilters } = list;
  const today = todayInStockholm();
  const activities = useQuery(
    processingActivityListQuery(filters, today, { sort: list.sort.value, cursor: list.paging.cursor, limit: list.paging.pageSize }),
  );
  const canCreate = useCan('processingActivity.write');
  const canExport = useCan('processingActivityExport.read');
  const canReview = useCan('processingActivity.review');
  const [creating, setCreating] = useState(false);
  const [exportingConfidential, setExportingConfidential] = useState(false);

  return (
    <>
      <PageHeader
        title={t('list.title')}
        intro={t('list.intro')}
        actions={
          <>
            {canReview && (
              <ButtonLink to="/processing-activities/queue" variant="default">
                {t('queue.title')}
              </ButtonLink>
            )}
            {canExport && (
              // The article 30 register with the filters on screen, as a supervisory authority would ask for it.
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <Button variant="default">
                    {t('list.export')} <span aria-hidden="true">&nbsp;▾</span>
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item component="a" href={processingActivitiesExportUrl(filters, today, 'xlsx')} download>
                    {t('list.exportXlsx')}
                  </Menu.Item>
                  <Menu.Item component="a" href={processingActivitiesExportUrl(filters, today, 'pdf')} download>
                    {t('list.exportPdf')}
                  </Menu.Item>
                  {/* The register's `can` says who may take the confidential records along (ADR 0030). */}
                  {activities.data?.can.exportConfidential && (
                    <>
                      <Menu.Divider />
                      <Menu.Item onClick={() => setExportingConfidential(true)}>{t('list.exportConfidential')}</Menu.Item>
                    </>
                  )}
                </Menu.Dropdown>
              </Menu>
            )}
            {canCreate && <Button onClick={() => setCreating(true)}>{t('list.create')}</Button>}
          </>
        }
      />
      <ListFilters
        label={t('list.filters')}
        list={list}
        searchLabel={t('list.search')}
        clearLabel={t('list.clearFilters')}
        toggles={
          <>
            <FilterToggle
              label={t('list.onlySpecialCategories')}
              checked={filters.specialCategories}
              onChange={(specialCategories) => setFilters({ specialCategories })}
            />
            <FilterToggle
              label={t('list.onlyMissingReview')}
              checked={filters.missingReview}
              onChange={(missingReview) => setFilters({ missingReview })}
            />
            <FilterToggle
              label={t('list.onlyAgreementExpiring', { count: agreementHorizonMonths })}
              checked={filters.agreementExpiring}
              onChange={(agreementExpiring) => setFilters({ agreementExpiring })}
            />
          </>
        }
      >
        <SystemFilterSelect
          label={t('list.system')}
          placeholder={t('list.allSystems')}
          value={filters.systemId}
          onChange={(systemId) => setFilters({ systemId })}
        />
        <DepartmentSelect
          label={t('list.controller')}
          placeholder={t('list.allDepartments')}
          value={filters.departmentId ?? null}
          onChange={(value) => setFilters({ departmentId: value ?? undefined })}
          w={{ base: '100%', sm: 260 }}
        />
        <Select
          label={t('list.reviewState')}
          placeholder={t('list.allStates')}
          clearable
          value={filters.reviewState ?? null}
          onChange={(value) => setFilters({ reviewState: (value as ActivityFilters['reviewState']) ?? undefined })}
          data={reviewStateValues.map((state) => ({ value: state, label: t(`reviewState.${state}`) }))}
          w={{ base: '100%', sm: 220 }}
        />
      </ListFilters>
      <ProcessingActivitiesTable
        query={activities}
        caption={t('list.title')}
        sort={list.sort}
        paging={list.paging}
        empty={<ListEmptyState title={list.filtered ? t('list.empty') : t('list.emptyAll')} />}
      />
      {exportingConfidential && <ConfidentialExportModal filters={filters} today={today} onClose={() => setExportingConfidential(false)} />}
      {creating && <ProcessingActivityFormModal activity={null} onClose={() => setCreating(false)} />}
    </>
  );
}
