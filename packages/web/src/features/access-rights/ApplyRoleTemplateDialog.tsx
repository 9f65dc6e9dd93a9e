import type { RoleTemplate } from '@forvalta/contracts';
import { List, Modal, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField.tsx';
import { fieldErrorsOf, notifyError, notifySuccess } from '../../components/error-messages.ts';
import { FormActions } from '../../components/FormActions.tsx';
import { todayInStockholm } from '../../i18n/format.ts';
import { PersonPicker } from '../organisation/roles/PersonPicker.tsx';
import { personAccessGateQuery } from './access-rights.queries.ts';
import { GateState } from './GrantAccessDialog.tsx';
import { useApplyRoleTemplate } from './role-templates.queries.ts';

/**
 * A department head (or the IT unit) requests every right of a template for a person in one step,
 * with the first-grant gate shown before saving: the gate is the person's, whichever system asks.
 */
export function ApplyRoleTemplateDialog({ template, onClose }: { template: RoleTemplate; onClose: () => void }) {
  const { t } = useTranslation('access');
  const [personId, setPersonId] = useState<string | null>(null);
  const [startDate, setStartDate] = useState<string | null>(todayInStockholm());
  const [reason, setReason] = useState('');
  const [caseReference, setCaseReference] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const gate = useQuery({ ...personAccessGateQuery(personId ?? ''), enabled: personId !== null });
  const apply = useApplyRoleTemplate(template, {
    onSuccess: (applied) => {
      const pending = applied.rights.some((right) => right.state === 'pending_acknowledgement');
      notifySuccess(
        t(pending ? 'templates.appliedPending' : 'templates.applied', { count: applied.rights.length, held: applied.alreadyHeld }),
      );
      onClose();
    },
    onError: (error) => {
      const fields = fieldErrorsOf(error);
      if (Object.keys(fields).length > 0) setErrors(fields);
      else notifyError(error);
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('templates.applyTitle', { name: template.name })} size="lg">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!personId) return setErrors({ personId: t('grant.required') });
          apply.mutate({
            personId,
            ...(startDate ? { startDate } : {}),
            reason: reason.trim() || null,
            caseReference: caseReference.trim() || null,
          });
        }}
      >
        <Stack gap="md">
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('templates.applyLevels')}
            </Text>
            <List size="sm" data-testid="apply-levels">
              {template.levels.map((level) => (
                <List.Item key={level.levelId}>
                  {t('templates.levelInSystem', { level: level.levelName, system: level.systemName })}
                </List.Item>
              ))}
            </List>
          </Stack>
          <PersonPicker
            label={t('grant.person')}
            required
            value={personId}
            onChange={(value) => {
              setPersonId(value);
              setErrors(({ personId: _, ...rest }) => rest);
            }}
            error={errors.personId ?? null}
          />
          {gate.data && <GateState gate={gate.data} />}
          <DateField label={t('grant.startDate')} value={startDate} onChange={setStartDate} error={errors.startDate} />
          <Textarea
            label={t('grant.reason')}
            description={t('rights.optional')}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            maxLength={2000}
            autosize
            minRows={2}
          />
          <TextInput
            label={t('grant.caseReference')}
            description={t('rights.optional')}
            value={caseReference}
            onChange={(event) => setCaseReference(event.currentTarget.value)}
            maxLength={120}
          />
          <FormActions onCancel={onClose} submitLabel={t('templates.applySubmit')} loading={apply.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
