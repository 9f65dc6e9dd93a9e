import type { AuditEvent, AuditEventList } from '@forvalta/contracts';
import type { UseQueryResult } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExpandRowButton } from '../../components/ExpandRowButton.tsx';
import { type Column, QueryTable } from '../../components/QueryTable.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { AuditEventChanges } from './AuditEventChanges.tsx';

interface AuditEventTableProps {
  events: UseQueryResult<AuditEventList>;
  caption: string;
  /** Prefix of the detail rows' ids and the rows' test id (audit, history). */
  name: string;
  empty: ReactNode;
  paging: Parameters<typeof QueryTable>[0]['paging'];
  pageSizes?: number[];
  /** The actor cell; the log makes it a filter link, a system's history shows the name. */
  actor?: (event: AuditEvent) => ReactNode;
  /** The log shows the record id; a system's history is about one system. */
  withEntityId?: boolean;
  framed?: boolean;
}

/** Audit events with their before/after, one row each, expandable: the log and a system's history. */
export function AuditEventTable({ events, name, actor, withEntityId, ...table }: AuditEventTableProps) {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const toggle = (id: string) =>
    setExpanded((previous) => {
      const next = new Set(previous);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const detailsId = (event: AuditEvent) => `${name}-details-${event.id}`;

  const columns: Column<AuditEvent>[] = [
    {
      key: 'details',
      header: t('audit.details'),
      headerHidden: true,
      width: 48,
      cell: (event) => (
        <ExpandRowButton
          open={expanded.has(event.id)}
          controls={detailsId(event)}
          label={t(expanded.has(event.id) ? 'audit.hideDetails' : 'audit.showDetails', { sequence: event.sequence })}
          onToggle={() => toggle(event.id)}
        />
      ),
    },
    {
      key: 'time',
      header: t('audit.time'),
      nowrap: true,
      cell: (event) => <time dateTime={event.occurredAt}>{formatDateTime(event.occurredAt)}</time>,
    },
    { key: 'actor', header: t('audit.actor'), cell: actor ?? ((event) => event.actorName ?? '–') },
    { key: 'action', header: t('audit.action'), cell: (event) => t(`audit.actions.${event.action}`, { defaultValue: event.action }) },
    {
      key: 'entity',
      header: t('audit.entityType'),
      cell: (event) => t(`audit.entityTypes.${event.entityType}`, { defaultValue: event.entityType }),
    },
  ];
  if (withEntityId) {
    columns.push({
      key: 'entityId',
      header: t('audit.entityId'),
      cell: (event) => (
        <span className="wrap-anywhere" style={{ fontFamily: 'monospace', fontSize: 'var(--mantine-font-size-xs)' }}>
          {event.entityId ?? ''}
        </span>
      ),
    });
  }

  return (
    <QueryTable
      query={events}
      columns={columns}
      rowKey={(event) => event.id}
      rowTestId={`${name}-row`}
      rowDetails={(event) =>
        expanded.has(event.id) ? { id: detailsId(event), content: <AuditEventChanges event={event} names={events.data?.names} /> } : null
      }
      minWidth={withEntityId ? 860 : 640}
      {...table}
    />
  );
}
