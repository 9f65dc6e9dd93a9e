import type { AuditEvent } from '@forvalta/contracts';
import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function display(value: unknown): string {
  if (value === undefined) return '';
  if (value === null) return '–';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** A value as the reader knows it: the name of the system, person or department an id refers to, with the id beneath. */
function Value({ value, names }: { value: unknown; names: Record<string, string> }) {
  const text = display(value);
  const name = typeof value === 'string' ? names[value] : undefined;
  if (!name) return <>{text}</>;
  return (
    <>
      <Text span size="sm" ff="inherit" fw={600} style={{ fontFamily: 'var(--mantine-font-family)' }}>
        {name}
      </Text>
      <Text size="xs" c="gray.7">
        {text}
      </Text>
    </>
  );
}

/**
 * Before and after side by side, one row per field, changed fields highlighted. `names` maps
 * the ids the event refers to onto names (the list responses carry it for their page).
 */
export function AuditEventChanges({ event, names = {} }: { event: AuditEvent; names?: Record<string, string> }) {
  const { t } = useTranslation();
  const before = isRecord(event.before) ? event.before : {};
  const after = isRecord(event.after) ? event.after : {};
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  if (fields.length === 0) return <Text size="sm">{t('audit.noChanges')}</Text>;
  // A field counts as changed when the event has both sides and they differ; on create or delete every field is new or gone.
  const hasBoth = event.before !== null && event.after !== null;

  return (
    <Table withTableBorder withColumnBorders fz="sm" layout="fixed">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col" w="22%">
            {t('audit.field')}
          </Table.Th>
          <Table.Th scope="col">{t('audit.before')}</Table.Th>
          <Table.Th scope="col">{t('audit.after')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {fields.map((field) => {
          const beforeText = display(before[field]);
          const afterText = display(after[field]);
          const changed = hasBoth ? beforeText !== afterText : true;
          return (
            <Table.Tr key={field} className={changed && hasBoth ? 'changed-value' : undefined}>
              <Table.Th scope="row" fw={600}>
                {t(`audit.fields.${field}`, { defaultValue: field })}{' '}
                {changed && hasBoth && (
                  <Badge size="xs" color="yellow.9" variant="outline" tt="none">
                    {t('audit.changed')}
                  </Badge>
                )}
              </Table.Th>
              <Table.Td className="wrap-anywhere" ff={before[field] !== undefined ? 'monospace' : undefined}>
                <Value value={before[field]} names={names} />
              </Table.Td>
              <Table.Td className="wrap-anywhere" ff={after[field] !== undefined ? 'monospace' : undefined}>
                <Value value={after[field]} names={names} />
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
