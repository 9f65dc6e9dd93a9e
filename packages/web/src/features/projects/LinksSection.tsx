import type { Project } from '@forvalta/contracts';
import { ActionIcon, Anchor, Button, Group, List, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { updateProject } from './projects.queries.ts';
import { notifySuccess } from '../../components/error-messages.ts';
import { isWebAddress } from './project-form-rules.ts';
import { handleWriteError, Section, useSaveProject, type SectionProps } from './project-page-parts.tsx';
import { keyedByContent } from '../../components/stable-keys.ts';

/** Attachments and links of the project (the procurement, the contract, the supplier's documents); each change is saved at once. */
export function LinksSection({ project, onStale }: SectionProps) {
  const { t } = useTranslation('lifecycle');
  const editable = project.can.update;
  const store = useSaveProject();
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const [tried, setTried] = useState(false);
  const save = useMutation({
    mutationFn: (links: Project['links']) => updateProject(project, { links }),
    onSuccess: (updated, links) => {
      store(updated);
      if (links.length > project.links.length) {
        setTitle('');
        setUrl('');
        setTried(false);
      }
      notifySuccess(t('project.linksSaved'));
    },
    onError: (error) => handleWriteError(error, onStale),
  });
  const titleError = tried && !title.trim() ? t('project.linkTitleMissing') : undefined;
  const urlError = tried && !isWebAddress(url.trim()) ? t('project.linkUrlInvalid') : undefined;

  return (
    <Section id="links" title={t('project.links')}>
      <Stack>
        {project.links.length === 0 ? (
          <Text size="sm">{t('project.noLinks')}</Text>
        ) : (
          <List spacing="xs" data-testid="project-links">
            {keyedByContent(project.links, (link) => link.url).map(({ key, item: link }, index) => (
              <List.Item key={key} data-testid="project-link">
                <Group gap="xs" wrap="nowrap">
                  <Anchor href={link.url} target="_blank" rel="noopener noreferrer" size="sm" c="blue.9">
                    {link.title}
                  </Anchor>
                  <Text size="xs" c="gray.7" style={{ overflowWrap: 'anywhere' }}>
                    {link.url}
                  </Text>
                  {editable && (
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('project.removeLink', { title: link.title })}
                      loading={save.isPending}
                      onClick={() => save.mutate(project.links.filter((_, position) => position !== index))}
                    >
                      ✕
                    </ActionIcon>
                  )}
                </Group>
              </List.Item>
            ))}
          </List>
        )}
        {editable && (
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              setTried(true);
              if (title.trim() && isWebAddress(url.trim())) save.mutate([...project.links, { title: title.trim(), url: url.trim() }]);
            }}
          >
            <Group align="flex-end" wrap="wrap">
              <TextInput
                label={t('project.linkTitle')}
                value={title}
                onChange={(event) => setTitle(event.currentTarget.value)}
                error={titleError}
                maxLength={120}
                w={260}
              />
              <TextInput
                label={t('project.linkUrl')}
                description={t('project.linkUrlHint')}
                type="url"
                value={url}
                onChange={(event) => setUrl(event.currentTarget.value)}
                error={urlError}
                maxLength={2000}
                style={{ flex: 1, minWidth: 260 }}
              />
              <Button type="submit" variant="default" mb={urlError || titleError ? 20 : 0} loading={save.isPending}>
                {t('project.addLink')}
              </Button>
            </Group>
          </form>
        )}
      </Stack>
    </Section>
  );
}
