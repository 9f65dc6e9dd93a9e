import type { ImportKind, ImportMapping, ImportProposal } from '@forvalta/contracts';
import { Alert, Badge, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../components/error-messages.ts';
import { type Column, DataTable } from '../../components/QueryTable.tsx';
import { hasPermission, useCurrentUser } from '../../app/session.ts';
import { mappingsQuery, useSaveMapping } from './imports.queries.ts';

const leaveOut = '__none__';

/** The mapping restricted to the file's headers: a saved mapping names columns this file may not have. */
export function mappingForHeaders(headers: readonly string[], mapping: ImportMapping): ImportMapping {
  return Object.fromEntries(headers.map((header) => [header, mapping[header] ?? null]));
}

/**
 * The proposed column mapping, one select per column of the file with its first value beside it,
 * to correct before the dry run; a municipality's saved mappings to start from, and saving the
 * corrected one under a name for the next file (importMapping.manage).
 */
export function ColumnMapping({
  kind,
  proposal,
  mapping,
  onChange,
}: {
  kind: ImportKind;
  proposal: ImportProposal;
  mapping: ImportMapping;
  onChange: (mapping: ImportMapping) => void;
}) {
  const { t } = useTranslation('imports');
  const me = useCurrentUser();
  const canSave = hasPermission(me, 'importMapping.manage');
  const saved = useQuery({ ...mappingsQuery(kind), enabled: canSave });
  const save = useSaveMapping(kind);
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<string | null>(null);
  const fieldOptions = [
    { value: leaveOut, label: t('mapping.leaveOut') },
    ...proposal.fields.map((field) => ({ value: field, label: t(`field.${field}`) })),
  ];
  const taken = new Map<string, number>();
  for (const field of Object.values(mapping)) if (field) taken.set(field, (taken.get(field) ?? 0) + 1);
  const confidence = new Map(proposal.columns.map((column) => [column.column, column.confidence]));

  const rows = proposal.headers.map((header, index) => ({ header, index }));
  const columns: Column<(typeof rows)[number]>[] = [
    { key: 'column', header: t('mapping.column'), rowHeader: true, cell: (row) => row.header },
    {
      key: 'sample',
      header: t('mapping.sample'),
      cell: (row) => (
        <Text size="sm" className="wrap-anywhere">
          {proposal.sample.find((values) => (values[row.index] ?? '').trim() !== '')?.[row.index] ?? '–'}
        </Text>
      ),
    },
    {
      key: 'field',
      header: t('mapping.field'),
      cell: (row) => {
        const field = mapping[row.header] ?? null;
        return (
          <Stack gap={2}>
            <Select
              aria-label={t('mapping.fieldFor', { column: row.header })}
              data={fieldOptions}
              value={field ?? leaveOut}
              allowDeselect={false}
              searchable
              onChange={(value) => onChange({ ...mapping, [row.header]: value === leaveOut || value === null ? null : (value as never) })}
              w={260}
              data-testid={`mapping-${row.header}`}
            />
            {field && (taken.get(field) ?? 0) > 1 && (
              <Text size="xs" c="red.9">
                {t('mapping.twice')}
              </Text>
            )}
          </Stack>
        );
      },
    },
    {
      key: 'proposal',
      header: t('mapping.proposal'),
      nowrap: true,
      cell: (row) => {
        const value = confidence.get(row.header);
        if (!value) return '–';
        return (
          // Dark enough for white text (WCAG AA): green for a known name, brown for a guess to check.
          <Badge variant="filled" color={value === 'exact' ? '#1f6f36' : '#9a3f00'} tt="none" miw="max-content">
            {t(`mapping.confidence.${value}`)}
          </Badge>
        );
      },
    },
  ];

  const savedItems = saved.data?.items ?? [];
  const existing = savedItems.find((item) => item.name === name.trim());
  return (
    <Stack gap="md">
      {canSave && savedItems.length > 0 && (
        <Select
          label={t('mapping.useSaved')}
          placeholder={t('mapping.useSavedPlaceholder')}
          data={savedItems.map((item) => ({ value: item.id, label: item.name }))}
          value={chosen}
          onChange={(id) => {
            setChosen(id);
            const item = savedItems.find((candidate) => candidate.id === id);
            if (item) {
              onChange(mappingForHeaders(proposal.headers, item.mapping));
              setName(item.name);
            }
          }}
          w={320}
        />
      )}
      <DataTable caption={t('mapping.caption')} columns={columns} rows={rows} rowKey={(row) => row.header} rowTestId="mapping-row" />
      {canSave && (
        <Group align="flex-end">
          <TextInput
            label={t('mapping.name')}
            description={t('mapping.nameHelp')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            w={320}
          />
          <Button
            variant="default"
            disabled={name.trim() === ''}
            loading={save.isPending}
            onClick={() =>
              save.mutate({ name: name.trim(), mapping, existing: existing ? { id: existing.id, version: existing.version } : undefined })
            }
          >
            {existing ? t('mapping.saveChanged') : t('mapping.save')}
          </Button>
        </Group>
      )}
      {save.isSuccess && (
        <Text size="sm" role="status">
          {t('mapping.saved', { name: save.data.name })}
        </Text>
      )}
      {save.error && (
        <Alert color="red" variant="light" role="alert">
          {errorMessage(save.error)}
        </Alert>
      )}
    </Stack>
  );
}
