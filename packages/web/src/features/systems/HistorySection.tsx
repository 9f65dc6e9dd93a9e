import { Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useSectionList } from '../../components/list-address.ts';
import { SectionCard } from '../../components/SectionCard.tsx';
import { AuditEventTable } from '../audit/AuditEventTable.tsx';
import { systemHistoryQuery } from '../audit/audit.queries.ts';

const routeApi = getRouteApi('/authenticated/content/systems/$systemId');

/** The system's history from the audit log: the record, its people, duties and integrations. */
export function HistorySection({ systemId }: { systemId: string }) {
  const { t } = useTranslation();
  // Its page is in the address under `history.`, beside the page's other lists.
  const list = useSectionList('history', routeApi.useSearch(), routeApi.useNavigate(), { pageSize: 10 });
  const events = useQuery(systemHistoryQuery(systemId, { cursor: list.paging.cursor, limit: list.paging.pageSize }));
  return (
    <SectionCard id="history" title={t('system.history')}>
      <AuditEventTable
        events={events}
        caption={t('system.history')}
        name="history"
        paging={list.paging}
        pageSizes={[10, 25]}
        framed={false}
        empty={<Text size="sm">{t('history.empty')}</Text>}
      />
    </SectionCard>
  );
}
