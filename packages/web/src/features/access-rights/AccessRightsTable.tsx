import type { AccessRight } from '@forvalta/contracts';
import { Checkbox, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { ListEmptyState } from '../../components/ListEmptyState.tsx';
import { type Column, QueryTable, type RowAction } from '../../components/QueryTable.tsx';
import { formatDate } from '../../i18n/format.ts';
import { AccessRightBadges } from './AccessRightBadges.tsx';
import { AccessRightEndDialog, AccessRightExceptionDialog } from './AccessRightDialogs.tsx';
import { type AccessRightFilters, accessRightListQuery, accessLevelsQuery } from './access-rights.queries.ts';
import { useSectionPaging } from './section-paging.ts';

interface AccessRightsTableProps {
  /** Fixed filters: a system's rights, a person's, the leavers' queue (flagged). */
  scope: Partial<AccessRightFilters>;
  caption: string;
  /** Which of person and system the rows name (the other is the page's own). */
  show: 'person' | 'system' | 'both';
  testId: string;
}

/**
 * Who has what (issue #14): the rights of a system, a person or the leavers' queue, filtered and
 * paged on the server, each row with its state and the end and exception actions its `can` allows.
 */
export function AccessRightsTable({ scope, caption, show, testId }: AccessRightsTableProps) {
  const { t } = useTranslation('access');
  const [state, setState] = useState<AccessRight['state'] | null>(scope.state ?? 'active');
  const [flaggedOnly, setFlaggedOnly] = useState(scope.flagged ?? false);
  const [levelId, setLevelId] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const { cursor, reset, paging } = useSectionPaging();
  const [ending, setEnding] = useState<AccessRight | null>(null);
  const [activating, setActivating] = useState<AccessRight | null>(null);
  const levels = useQuery({ ...accessLevelsQuery(scope.systemId ?? ''), enabled: scope.systemId !== undefined });
  const filters: Partial<AccessRightFilters> = {
    ...scope,
    ...(state ? { state } : {}),
    ...(flaggedOnly ? { flagged: true } : {}),
    ...(levelId ? { levelId } : {}),
    ...(q ? { q } : {}),
  };
  const rights = useQuery(accessRightListQuery(filters, { cursor, limit: paging.pageSize }));
  const change =
    <Value,>(set: (value: Value) => void) =>
    (value: Value) => {
      set(value);
      reset();
    };

  const columns: Column<AccessRight>[] = [
    ...(show !== 'system'
      ? [
          {
            key: 'person',
            header: t('rights.columnPerson'),
            rowHeader: true,
            cell: (right: AccessRight) => (
              <Stack gap={0}>
                <AnchorLink to="/people/$personId" params={{ personId: right.personId }} size="sm" fw={600}>
                  {right.personName}
                </AnchorLink>
                <Text size="xs" c="gray.7">
                  {right.personEmail}
                </Text>
              </Stack>
            ),
          },
        ]
      : []),
    ...(show !== 'person'
      ? [
          {
            key: 'system',
            header: t('rights.columnSystem'),
            rowHeader: show === 'system',
            cell: (right: AccessRight) => (
              <AnchorLink to="/systems/$systemId" params={{ systemId: right.systemId }} size="sm" fw={600}>
                {right.systemName}
              </AnchorLink>
            ),
          },
        ]
      : []),
    { key: 'level', header: t('rights.columnLevel'), cell: (right) => right.levelName },
    { key: 'state', header: t('rights.columnState'), cell: (right) => <AccessRightBadges right={right} /> },
    { key: 'start', header: t('rights.columnStart'), nowrap: true, cell: (right) => formatDate(right.startDate) },
    { key: 'end', header: t('rights.columnEnd'), nowrap: true, cell: (right) => formatDate(right.endDate ?? right.endedAt) },
    {
      key: 'source',
      header: t('rights.columnSource'),
      cell: (right) => (
        <Text size="sm">
          {t(`rights.source.${right.source}`)}
          {right.grantedByName ? ` · ${right.grantedByName}` : ''}
        </Text>
      ),
    },
  ];
  const rowActions = (right: AccessRight): RowAction[] => [
    ...(right.can.activateException ? [{ label: t('rights.activateException'), onClick: () => setActivating(right) }] : []),
    ...(right.can.end ? [{ label: t('rights.end'), onClick: () => setEnding(right), danger: true }] : []),
  ];

  return (
    <Stack gap="sm">
      <Group align="flex-end" gap="md" wrap="wrap" role="search" aria-label={t('rights.filters')}>
        <TextInput label={t('rights.search')} value={search} onChange={(event) => change(setSearch)(event.currentTarget.value)} w={220} />
        <Select
          label={t('rights.stateFilter')}
          placeholder={t('rights.allStates')}
          clearable
          value={state}
          onChange={change((value: string | null) => setState(value as AccessRight['state'] | null))}
          data={(['pending_acknowledgement', 'active', 'ended'] as const).map((value) => ({ value, label: t(`rights.state.${value}`) }))}
          w={200}
        />
        {scope.systemId && (
          <Select
            label={t('rights.levelFilter')}
            placeholder={t('rights.allLevels')}
            clearable
            value={levelId}
            onChange={change(setLevelId)}
            data={(levels.data?.items ?? []).map((level) => ({ value: level.id, label: level.name }))}
            w={200}
          />
        )}
        {scope.flagged === undefined && (
          <Checkbox
            label={t('rights.flaggedOnly')}
            checked={flaggedOnly}
            onChange={(event) => change(setFlaggedOnly)(event.currentTarget.checked)}
            mb={8}
          />
        )}
      </Group>
      <QueryTable
        query={rights}
        caption={caption}
        columns={columns}
        rowKey={(right) => right.id}
        rowActions={rowActions}
        rowActionsLabel={(right) => t('rights.actionsFor', { name: right.personName, system: right.systemName })}
        rowTestId={testId}
        empty={<ListEmptyState title={t('rights.none')} />}
        paging={paging}
        framed={false}
        minWidth={900}
      />
      {ending && <AccessRightEndDialog right={ending} onClose={() => setEnding(null)} />}
      {activating && <AccessRightExceptionDialog right={activating} onClose={() => setActivating(null)} />}
    </Stack>
  );
}
