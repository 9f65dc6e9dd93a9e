import type { ChangeNotice, ChangeNoticeCreate } from '@forvalta/contracts';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { useApiMutation } from '../../api/mutations.ts';
import { type NoticeFilters, noticeListQuery } from './notice-filters.ts';

export const changeNoticeKeys = {
  all: ['change-notices'] as const,
  list: (query: object) => ['change-notices', 'list', query] as const,
  detail: (id: string) => ['change-notices', 'detail', id] as const,
};
/** An acknowledgement also moves the compliance figures (ITP-4.2.2 counts open notices). */
const acknowledgementInvalidates = [changeNoticeKeys.all, ['compliance']] as const;

export const changeNoticeListQuery = (filters: NoticeFilters, page: { cursor: string | undefined; limit: number }) => {
  const query = { ...noticeListQuery(filters), ...page } as const;
  return queryOptions({
    queryKey: changeNoticeKeys.list(query),
    queryFn: ({ signal }) => api.get('/change-notices', { query, signal }),
    placeholderData: keepPreviousData,
  });
};

export const changeNoticeQuery = (id: string) =>
  queryOptions({
    queryKey: changeNoticeKeys.detail(id),
    queryFn: ({ signal }) => api.get('/change-notices/:id', { params: { id }, signal }),
  });

export const useAcknowledgeNotice = (notice: Pick<ChangeNotice, 'id' | 'version'>) =>
  useApiMutation(
    (note: string) =>
      api.post('/change-notices/:id/acknowledge', {
        params: { id: notice.id },
        version: notice.version,
        body: { note: note.trim() || null },
      }),
    acknowledgementInvalidates,
  );

export const useCreateNotice = () =>
  useApiMutation((body: ChangeNoticeCreate) => api.post('/change-notices', { body }), [changeNoticeKeys.all]);
