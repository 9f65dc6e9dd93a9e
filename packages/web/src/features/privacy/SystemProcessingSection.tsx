import type { System } from '@forvalta/contracts';
import { Button, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session.ts';
import { ListEmptyState } from '../../components/ListEmptyState.tsx';
import { useSectionList } from '../../components/list-address.ts';
import { SectionCard } from '../../components/SectionCard.tsx';
import { todayInStockholm } from '../../i18n/format.ts';
import { ProcessingActivitiesTable } from './ProcessingActivitiesTable.tsx';
import { ProcessingActivityFormModal } from './ProcessingActivityFormModal.tsx';
import { processingActivityListQuery } from './privacy.queries.ts';

const routeApi = getRouteApi('/authenticated/content/systems/$systemId');

/**
 * The records of processing that cover a system (#privacy, where ITP-8-PERSONAL-DATA's fix link
 * lands), with "Ny" preselecting the system and its owner as the controller. The button shows for
 * those who draft records (their role) and for the system's stewards (who may update the system);
 * the server decides on saving.
 */
export function SystemProcessingSection({ system }: { system: System }) {
  const { t } = useTranslation('privacy');
  const list = useSectionList('privacy', routeApi.useSearch(), routeApi.useNavigate(), { pageSize: 10, defaultSort: 'name' });
  const activities = useQuery(
    processingActivityListQuery({ systemId: system.id }, todayInStockholm(), {
      sort: list.sort.value,
      cursor: list.paging.cursor,
      limit: list.paging.pageSize,
    }),
  );
  const mayDraft = useCan('processingActivity.write') || system.can.update;
  const [creating, setCreating] = useState(false);
  const create = mayDraft && (
    <Button size="sm" onClick={() => setCreating(true)} aria-label={t('system.createFor', { name: system.name })}>
      {t('system.create')}
    </Button>
  );
  return (
    <SectionCard id="privacy" title={t('system.title')} actions={create}>
      <Text size="sm" c="gray.7" mb="sm">
        {system.processesPersonalData ? t('system.processes') : t('system.notProcesses')}
      </Text>
      <ProcessingActivitiesTable
        query={activities}
        caption={t('system.caption', { name: system.name })}
        sort={list.sort}
        paging={list.paging}
        pageSizes={[10, 25, 50]}
        framed={false}
        showSystems={false}
        empty={<ListEmptyState title={t('system.empty')} hint={system.processesPersonalData ? t('system.emptyHint') : undefined} />}
      />
      {creating && (
        <ProcessingActivityFormModal
          activity={null}
          preset={{ systemId: system.id, controllerDepartmentId: system.ownerDepartmentId }}
          presetSystem={{ id: system.id, name: system.name }}
          onClose={() => setCreating(false)}
        />
      )}
    </SectionCard>
  );
}
