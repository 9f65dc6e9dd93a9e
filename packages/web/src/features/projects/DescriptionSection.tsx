import type { Project } from '@forvalta/contracts';
import { Group, Stack, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PersonPicker } from '../organisation/roles/PersonPicker.tsx';
import { Section } from './project-page-parts.tsx';

export interface DescriptionDraft {
  leadId: string | null;
  itContactId: string | null;
  description: string;
  specification: string;
}

/** Project lead, IT unit contact, project description and system specification (ITP-4.2.1-INITIATE). */
export function DescriptionSection({
  project,
  value,
  onChange,
  editable,
}: {
  project: Project;
  value: DescriptionDraft;
  onChange: (change: Partial<DescriptionDraft>) => void;
  editable: boolean;
}) {
  const { t } = useTranslation('lifecycle');
  return (
    <Section id="documents" title={t('project.documents')}>
      <Stack>
        {editable && (
          <Group grow align="flex-start" wrap="wrap">
            <PersonPicker
              label={t('project.lead')}
              placeholder={project.projectLeadName ?? t('project.choosePerson')}
              description={project.projectLeadName ? t('project.current', { name: project.projectLeadName }) : undefined}
              value={value.leadId === project.projectLeadPersonId ? null : value.leadId}
              onChange={(leadId) => onChange({ leadId: leadId ?? project.projectLeadPersonId })}
              clearable
            />
            <PersonPicker
              label={t('project.itContact')}
              placeholder={project.itContactName ?? t('project.choosePerson')}
              description={project.itContactName ? t('project.current', { name: project.itContactName }) : undefined}
              value={value.itContactId === project.itContactPersonId ? null : value.itContactId}
              onChange={(itContactId) => onChange({ itContactId: itContactId ?? project.itContactPersonId })}
              clearable
            />
          </Group>
        )}
        <Textarea
          label={t('project.description')}
          value={value.description}
          onChange={(event) => onChange({ description: event.currentTarget.value })}
          autosize
          minRows={3}
          readOnly={!editable}
        />
        <Textarea
          label={t('project.specification')}
          value={value.specification}
          onChange={(event) => onChange({ specification: event.currentTarget.value })}
          autosize
          minRows={3}
          readOnly={!editable}
        />
      </Stack>
    </Section>
  );
}
