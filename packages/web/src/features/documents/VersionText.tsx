import type { DocumentVersion } from '@forvalta/contracts';
import { Anchor, Group, List, Stack, Text, Title } from '@mantine/core';
import { keyedByContent } from '../../components/stable-keys.ts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { attachmentAddress } from './documents.queries.ts';
import { formatFileSize, textBlocks } from './version-text.ts';

/** A version as one reads it: its text in a readable measure, its attached file, the guidelines' sections. */
export function VersionText({ version }: { version: DocumentVersion }) {
  const { t, i18n } = useTranslation('documents');
  const blocks = useMemo(() => textBlocks(version.text ?? ''), [version.text]);
  return (
    <Stack gap="md">
      {version.attachment && (
        <Group gap="xs" data-testid="version-attachment">
          <Text size="sm">{t('version.attachment')}</Text>
          <Anchor href={attachmentAddress(version)} size="sm" fw={600} download>
            {t('version.download', {
              name: version.attachment.fileName,
              size: formatFileSize(version.attachment.size, i18n.language),
            })}
          </Anchor>
        </Group>
      )}
      {blocks.length === 0 && !version.attachment && <Text size="sm">{t('version.noText')}</Text>}
      {blocks.length > 0 && (
        <Stack gap="sm" maw={720} data-testid="version-text">
          {keyedByContent(blocks, (block) => `${block.kind}:${block.kind === 'list' ? block.items.join('\n') : block.text}`).map(
            ({ key, item: block }) => {
              if (block.kind === 'heading') {
                return (
                  <Title key={key} order={block.level} size={block.level === 3 ? 'h4' : 'h5'} mt="xs">
                    {block.text}
                  </Title>
                );
              }
              if (block.kind === 'list') {
                return (
                  <List key={key} spacing={4} size="md" withPadding>
                    {keyedByContent(block.items, (item) => item).map(({ key: itemKey, item }) => (
                      <List.Item key={itemKey}>{item}</List.Item>
                    ))}
                  </List>
                );
              }
              return (
                <Text key={key} style={{ whiteSpace: 'pre-line', lineHeight: 1.6 }}>
                  {block.text}
                </Text>
              );
            },
          )}
        </Stack>
      )}
      {version.sections.length > 0 && (
        // Read as the document's own headings and paragraphs, not a table: the guidelines are text
        // to read, and a table's third column ran off a phone's screen.
        <Stack gap="sm" maw={720} component="section" aria-labelledby="version-sections-heading">
          <Title order={2} size="h4" id="version-sections-heading">
            {t('version.sections')}
          </Title>
          {version.sections.map((section) => (
            <Stack key={section.id} gap={4} data-testid="version-section">
              <Title order={3} size="h5">
                {section.code} {section.title}
              </Title>
              {section.description && <Text style={{ whiteSpace: 'pre-line', lineHeight: 1.6 }}>{section.description}</Text>}
            </Stack>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
