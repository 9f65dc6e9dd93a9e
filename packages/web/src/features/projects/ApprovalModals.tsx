import { Button, Group, Modal, NativeSelect, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { FormActions } from '../../components/FormActions.tsx';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField.tsx';
import { notifySuccess } from '../../components/error-messages.ts';
import { approveProject, rejectProject } from './projects.queries.ts';
import { handleWriteError, useSaveProject, type SectionProps } from './project-page-parts.tsx';
import { useRowKeys } from '../../components/stable-keys.ts';

/** The operational approval (driftgodkännande, ITP-4.2.1-APPROVAL): what is approved, on what conditions, under which case reference. */
export function ApproveModal({ project, onClose, onStale }: SectionProps & { onClose: () => void }) {
  const { t } = useTranslation('lifecycle');
  const store = useSaveProject();
  const [decision, setDecision] = useState<'approved' | 'approved_with_conditions'>('approved');
  const [conditions, setConditions] = useState<Array<{ text: string; deadline: string | null }>>([]);
  const conditionKeys = useRowKeys(conditions);
  const [scope, setScope] = useState('');
  const [approvedVersion, setApprovedVersion] = useState('');
  const [caseReference, setCaseReference] = useState('');
  const [decidedOn, setDecidedOn] = useState<string | null>(null);
  const approve = useMutation({
    mutationFn: () =>
      approveProject(project, {
        decision,
        scope: scope.trim(),
        ...(decision === 'approved_with_conditions'
          ? {
              conditions: conditions
                .filter((condition) => condition.text.trim())
                .map((condition) => ({ text: condition.text.trim(), deadline: condition.deadline })),
            }
          : {}),
        ...(approvedVersion.trim() ? { approvedVersion: approvedVersion.trim() } : {}),
        ...(caseReference.trim() ? { caseReference: caseReference.trim() } : {}),
        ...(decidedOn ? { decidedOn } : {}),
      }),
    onSuccess: (updated) => {
      store(updated);
      notifySuccess(t('project.actionDone', { state: t(`state.${updated.state}`) }));
      onClose();
    },
    onError: (error) => handleWriteError(error, onStale),
  });
  return (
    <Modal opened onClose={onClose} title={t('project.approvalTitle')} size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          approve.mutate();
        }}
      >
        <Stack>
          <NativeSelect
            label={t('project.decision')}
            value={decision}
            onChange={(event) => setDecision(event.currentTarget.value as typeof decision)}
            data={[
              { value: 'approved', label: t('project.decisionApproved') },
              { value: 'approved_with_conditions', label: t('project.decisionApprovedWithConditions') },
            ]}
          />
          {decision === 'approved_with_conditions' && (
            <Stack gap="xs">
              <Text size="sm" fw={600}>
                {t('project.conditions')}
              </Text>
              {conditions.map((condition, index) => (
                <Group key={conditionKeys[index]} align="flex-end" wrap="nowrap">
                  <TextInput
                    style={{ flex: 1 }}
                    label={t('project.conditionText', { number: index + 1 })}
                    value={condition.text}
                    onChange={(event) => {
                      const text = event.currentTarget.value;
                      setConditions((previous) => previous.map((item, position) => (position === index ? { ...item, text } : item)));
                    }}
                  />
                  <DateField
                    label={t('project.conditionDeadline', { number: index + 1 })}
                    value={condition.deadline}
                    onChange={(deadline) =>
                      setConditions((previous) => previous.map((item, position) => (position === index ? { ...item, deadline } : item)))
                    }
                  />
                </Group>
              ))}
              <Button
                variant="default"
                size="xs"
                onClick={() => setConditions((previous) => [...previous, { text: '', deadline: null }])}
                style={{ alignSelf: 'flex-start' }}
              >
                {t('project.addCondition')}
              </Button>
            </Stack>
          )}
          <Textarea
            label={t('project.scope')}
            required
            value={scope}
            onChange={(event) => setScope(event.currentTarget.value)}
            autosize
            minRows={2}
          />
          <TextInput
            label={t('project.approvedVersion')}
            value={approvedVersion}
            onChange={(event) => setApprovedVersion(event.currentTarget.value)}
          />
          <TextInput
            label={t('project.caseReference')}
            value={caseReference}
            onChange={(event) => setCaseReference(event.currentTarget.value)}
          />
          <DateField label={t('project.decidedOn')} value={decidedOn} onChange={setDecidedOn} />
          <FormActions
            onCancel={onClose}
            cancelLabel={t('projects.cancel')}
            submitLabel={t('action.approve')}
            loading={approve.isPending}
            disabled={!scope.trim()}
          />
        </Stack>
      </form>
    </Modal>
  );
}

export function RejectModal({ project, onClose, onStale }: SectionProps & { onClose: () => void }) {
  const { t } = useTranslation('lifecycle');
  const store = useSaveProject();
  const [reason, setReason] = useState('');
  const [caseReference, setCaseReference] = useState('');
  const reject = useMutation({
    mutationFn: () =>
      rejectProject(project, {
        reason: reason.trim(),
        ...(caseReference.trim() ? { caseReference: caseReference.trim() } : {}),
      }),
    onSuccess: (updated) => {
      store(updated);
      onClose();
    },
    onError: (error) => handleWriteError(error, onStale),
  });
  return (
    <Modal opened onClose={onClose} title={t('project.rejectTitle')}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          reject.mutate();
        }}
      >
        <Stack>
          <Textarea
            label={t('project.reason')}
            required
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            autosize
            minRows={3}
          />
          <TextInput
            label={t('project.caseReference')}
            value={caseReference}
            onChange={(event) => setCaseReference(event.currentTarget.value)}
          />
          <FormActions
            onCancel={onClose}
            cancelLabel={t('projects.cancel')}
            submitLabel={t('action.reject')}
            color="red"
            loading={reject.isPending}
            disabled={!reason.trim()}
          />
        </Stack>
      </form>
    </Modal>
  );
}
