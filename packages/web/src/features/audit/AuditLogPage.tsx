import { Button, Group, Pill, Select, TextInput, UnstyledButton } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField.tsx';
import { ListEmptyState } from '../../components/ListEmptyState.tsx';
import { useAddressList } from '../../components/list-address.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { downloadByPost } from '../../api/client.ts';
import { notifyError } from '../../components/error-messages.ts';
import { AuditEventTable } from './AuditEventTable.tsx';
import { auditActions, auditApiFilters, auditEntityTypes, auditEventListQuery, auditKeys, type AuditFilters } from './audit.queries.ts';

/** "Agneta Strömberg <admin@tanum.demo>" → "Agneta Strömberg", for labels. */
const shortActorName = (actorName: string) => actorName.replace(/\s*<[^>]*>$/, '');
const routeApi = getRouteApi('/authenticated/content/audit-log');

export function AuditLogPage() {
  const { t } = useTranslation();
  const list = useAddressList(routeApi.useSearch(), routeApi.useNavigate(), { pageSize: 50 });
  const { filters, setFilters } = list;
  const events = useQuery(auditEventListQuery(filters, { cursor: list.paging.cursor, limit: list.paging.pageSize }));
  const queryClient = useQueryClient();
  // The export is recorded in the log (audit_exported): the list is read again after it.
  const exportLog = useMutation({
    mutationFn: (format: 'csv' | 'xlsx') => downloadByPost('/audit-events/export', { format, ...auditApiFilters(filters) }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: auditKeys.all }),
    onError: notifyError,
  });

  return (
    <>
      <PageHeader title={t('audit.title')} intro={t('audit.intro')} />
      <Group mb="md" align="flex-end" gap="md" wrap="wrap" role="search">
        <Select
          label={t('audit.entityType')}
          placeholder={t('audit.allTypes')}
          clearable
          value={filters.entityType ?? null}
          onChange={(value) => setFilters({ entityType: (value as (typeof auditEntityTypes)[number] | null) ?? undefined })}
          data={auditEntityTypes.map((value) => ({ value, label: t(`audit.entityTypes.${value}`) }))}
          w={200}
        />
        <Select
          label={t('audit.action')}
          placeholder={t('audit.allActions')}
          clearable
          searchable
          value={filters.action ?? null}
          onChange={(value) => setFilters({ action: (value as AuditFilters['action'] | null) ?? undefined })}
          data={auditActions
            .map((value) => ({ value, label: t(`audit.actions.${value}`) }))
            .sort((left, right) => left.label.localeCompare(right.label, 'sv'))}
          w={240}
        />
        <TextInput
          label={t('audit.entityId')}
          defaultValue={filters.entityId ?? ''}
          key={filters.entityId ?? ''}
          onBlur={(event) => setFilters({ entityId: event.currentTarget.value.trim() || undefined })}
          onKeyDown={(event) => {
            if (event.key === 'Enter') setFilters({ entityId: event.currentTarget.value.trim() || undefined });
          }}
          w={300}
        />
        <DateField
          label={t('audit.from')}
          value={filters.from ?? null}
          onChange={(from) => setFilters({ from: from ?? undefined })}
          w={170}
        />
        <DateField label={t('audit.to')} value={filters.to ?? null} onChange={(to) => setFilters({ to: to ?? undefined })} w={170} />
        {list.filtered && (
          <Button variant="subtle" onClick={list.clearFilters}>
            {t('common.clearFilters')}
          </Button>
        )}
      </Group>
      <Group mb="md" gap="sm" role="group" aria-label={t('audit.export.label')}>
        <Button variant="default" loading={exportLog.isPending && exportLog.variables === 'csv'} onClick={() => exportLog.mutate('csv')}>
          {t('audit.export.csv')}
        </Button>
        <Button variant="default" loading={exportLog.isPending && exportLog.variables === 'xlsx'} onClick={() => exportLog.mutate('xlsx')}>
          {t('audit.export.xlsx')}
        </Button>
      </Group>
      {filters.actorLoginId && (
        <Group mb="md" gap="xs">
          <Pill
            size="lg"
            withRemoveButton
            removeButtonProps={{ 'aria-label': t('audit.removePersonFilter') }}
            onRemove={() => setFilters({ actorLoginId: undefined, actorName: undefined })}
          >
            {t('audit.personFilter', { name: filters.actorName ?? '' })}
          </Pill>
        </Group>
      )}

      <AuditEventTable
        events={events}
        caption={t('audit.title')}
        name="audit"
        withEntityId
        paging={list.paging}
        pageSizes={[25, 50, 100]}
        empty={<ListEmptyState title={t('audit.empty')} hint={t('audit.emptyHint')} />}
        actor={(event) =>
          event.actorLoginId ? (
            <UnstyledButton
              c="blue.8"
              td="underline"
              fz="sm"
              onClick={() => setFilters({ actorLoginId: event.actorLoginId ?? undefined, actorName: shortActorName(event.actorName) })}
              title={t('audit.onlyThisPerson', { name: shortActorName(event.actorName) })}
            >
              {shortActorName(event.actorName)}
            </UnstyledButton>
          ) : (
            event.actorName
          )
        }
      />
    </>
  );
}
