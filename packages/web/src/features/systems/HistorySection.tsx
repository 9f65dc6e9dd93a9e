import { Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useCursorPaging } from '../../components/cursor-paging.ts';
import { SectionCard } from '../../components/SectionCard.tsx';
import { AuditEventTable } from '../audit/AuditEventTable.tsx';
import { systemHistoryQuery } from '../audit/audit.queries.ts';

/** The system's history from the audit log: the record, its people, duties and integrations. */
export function HistorySection({ systemId }: { systemId: string }) {
  const { t } = useTranslation();
  // A section of the system page: its page is kept here, the page's address is the system's.
  const paging = useCursorPaging(systemId, 10);
  const events = useQuery(systemHistoryQuery(systemId, { cursor: paging.cursor, limit: paging.pageSize }));
  return (
    <SectionCard id="history" title={t('system.history')}>
      <AuditEventTable
        events={events}
        caption={t('system.history')}
        name="history"
        paging={paging}
        pageSizes={[10, 25]}
        framed={false}
        empty={<Text size="sm">{t('history.empty')}</Text>}
      />
    </SectionCard>
  );
}
