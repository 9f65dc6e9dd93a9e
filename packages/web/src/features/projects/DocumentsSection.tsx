import type { Project } from '@forvalta/contracts';
import { Button, Group, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { updateProject } from './projects.queries.ts';
import { notifySuccess } from '../../components/error-messages.ts';
import { DescriptionSection, type DescriptionDraft } from './DescriptionSection.tsx';
import { handleWriteError, useSaveProject, type SectionProps } from './project-page-parts.tsx';
import { TimelineSection, type MilestoneDraft } from './TimelineSection.tsx';
import { trainingEntriesOf, TrainingPlanSection, type TrainingPlanDraft } from './TrainingPlanSection.tsx';

const trainingDraftOf = (project: Project): TrainingPlanDraft => ({
  text: project.trainingPlan.text ?? '',
  entries: project.trainingPlan.entries.map((entry) => ({
    audience: entry.audience,
    person: { personId: entry.personId, savedPersonId: entry.personId, savedName: entry.personName },
    description: entry.description,
    byDate: entry.byDate,
  })),
});

/**
 * The project's documents: description and specification, training plan and timeline, three
 * sections of one form saved together, so what is typed in one is never lost by saving another.
 */
export function DocumentsSection({ project, onStale }: SectionProps) {
  const { t } = useTranslation('lifecycle');
  const editable = project.can.update;
  const store = useSaveProject();
  const [description, setDescription] = useState<DescriptionDraft>({
    leadId: project.projectLeadPersonId,
    itContactId: project.itContactPersonId,
    description: project.description ?? '',
    specification: project.specification ?? '',
  });
  const [training, setTraining] = useState<TrainingPlanDraft>(() => trainingDraftOf(project));
  const [timeline, setTimeline] = useState<MilestoneDraft[]>(project.timeline);
  const save = useMutation({
    mutationFn: () =>
      updateProject(project, {
        projectLeadPersonId: description.leadId,
        itContactPersonId: description.itContactId,
        description: description.description.trim() || null,
        specification: description.specification.trim() || null,
        trainingPlan: { text: training.text.trim() || null, entries: trainingEntriesOf(training.entries) },
        timeline: timeline
          .filter((milestone) => milestone.title.trim() && milestone.date)
          .map((milestone) => ({ title: milestone.title.trim(), date: milestone.date! })),
      }),
    onSuccess: (updated) => {
      store(updated);
      // The saved entries carry the names the server resolved for the people just chosen.
      setTraining(trainingDraftOf(updated));
      notifySuccess(t('project.documentsSaved'));
    },
    onError: (error) => handleWriteError(error, onStale),
  });

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <Stack gap="lg">
        <DescriptionSection
          project={project}
          value={description}
          onChange={(change) => setDescription((previous) => ({ ...previous, ...change }))}
          editable={editable}
        />
        <TrainingPlanSection value={training} onChange={setTraining} editable={editable} />
        <TimelineSection value={timeline} onChange={setTimeline} editable={editable} />
        {editable && (
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('project.saveDocuments')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
