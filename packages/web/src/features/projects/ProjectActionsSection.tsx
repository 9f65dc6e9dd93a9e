import type { GateGap, ProjectAction } from '@forvalta/contracts';
import { Alert, Button, Group, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { notifySuccess } from '../../components/error-messages.ts';
import { ApproveModal, RejectModal } from './ApprovalModals.tsx';
import { GapList } from './GateProgress.tsx';
import { runProjectAction } from './projects.queries.ts';
import { handleWriteError, Section, useSaveProject, type SectionProps } from './project-page-parts.tsx';

/** The workflow's actions the user may take now; a refused submission lists what is missing. */
export function ProjectActionsSection({ project, onStale }: SectionProps) {
  const { t } = useTranslation('lifecycle');
  const store = useSaveProject();
  const [refused, setRefused] = useState<GateGap[] | null>(null);
  const [approving, setApproving] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  const action = useMutation({
    mutationFn: (name: ProjectAction) => runProjectAction(project, name),
    onSuccess: (updated) => {
      setRefused(null);
      store(updated);
      notifySuccess(t('project.actionDone', { state: t(`state.${updated.state}`) }));
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'rule_violation' && error.problem?.errors?.length) {
        setRefused(error.problem.errors.map((entry) => ({ path: entry.path, message: entry.message, code: entry.code ?? '' })));
      } else handleWriteError(error, onStale);
    },
  });
  // The server says which actions the caller may take now (`can`: permission, department, project
  // lead, state and separation of duties); the decisions open their own dialogs.
  const simple = project.availableActions.filter((name) => name !== 'approve' && name !== 'reject' && project.can[name]);
  const { approve: showApproval, reject: showRejection } = project.can;
  if (simple.length === 0 && !showApproval && !showRejection && !refused) return null;
  return (
    <Section id="actions" title={t('project.actions')}>
      <Stack gap="sm">
        <Group gap="sm">
          {simple.map((name) => (
            <Button
              key={name}
              variant={name === 'submit' ? 'filled' : 'default'}
              loading={action.isPending && action.variables === name}
              onClick={() => action.mutate(name)}
            >
              {t(`action.${name}`)}
            </Button>
          ))}
          {showApproval && <Button onClick={() => setApproving(true)}>{t('action.approve')}</Button>}
          {showRejection && (
            <Button color="red" variant="outline" onClick={() => setRejecting(true)}>
              {t('action.reject')}
            </Button>
          )}
        </Group>
        {refused && (
          <Alert color="red" variant="light" role="alert" title={t('project.refused')} data-testid="submit-refused">
            <GapList gaps={refused} project={project} />
          </Alert>
        )}
      </Stack>
      {approving && <ApproveModal project={project} onClose={() => setApproving(false)} onStale={onStale} />}
      {rejecting && <RejectModal project={project} onClose={() => setRejecting(false)} onStale={onStale} />}
    </Section>
  );
}
