import { Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ListEmptyState } from '../../components/ListEmptyState.tsx';
import { SectionCard } from '../../components/SectionCard.tsx';
import { type UrlPaging, useUrlPaging } from '../../components/url-paging.ts';
import { MailboxesTable } from './MailboxesTable.tsx';
import { mailboxListQueryOptions } from './privacy.queries.ts';

/**
 * The functional mailboxes a person watches or stands in for, on their page: when someone leaves,
 * the secretariat sees at once which mailboxes their leaving uncovers (ITP-8-MAILBOX). Shown only
 * for those who watch one, as most staff watch none.
 */
export function PersonMailboxesSection({ personId }: { personId: string }) {
  const { t } = useTranslation('privacy');
  // The page of this section is kept in memory: the person page's address belongs to the page.
  const [page, setPage] = useState<UrlPaging>({});
  const paging = useUrlPaging(page, (changes) => setPage((previous) => ({ ...previous, ...changes })), 10);
  const mailboxes = useQuery(mailboxListQueryOptions({}, { sort: 'address', cursor: paging.cursor, limit: paging.pageSize }, personId));
  if (!mailboxes.data || mailboxes.data.total === 0) return null;
  return (
    <SectionCard id="mailboxes" title={t('person.title')}>
      <Text size="sm" c="gray.7" mb="sm">
        {t('person.intro')}
      </Text>
      <MailboxesTable
        query={mailboxes}
        framed={false}
        caption={t('person.title')}
        paging={paging}
        pageSizes={[10, 25, 50]}
        empty={<ListEmptyState title={t('mailboxes.emptyAll')} />}
      />
    </SectionCard>
  );
}
