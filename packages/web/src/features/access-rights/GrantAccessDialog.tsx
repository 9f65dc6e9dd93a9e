import type { AccessGate } from '@forvalta/contracts';
import { Alert, List, Modal, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField.tsx';
import { fieldErrorsOf, notifyError, notifySuccess } from '../../components/error-messages.ts';
import { FormActions } from '../../components/FormActions.tsx';
import { todayInStockholm } from '../../i18n/format.ts';
import { PersonPicker } from '../organisation/roles/PersonPicker.tsx';
import { accessGateQuery, accessLevelsQuery, useGrantAccessRight } from './access-rights.queries.ts';

/** The gate as it stands for the chosen person, before anything is saved (ITP-3-INFORM-NEW). */
export function GateState({ gate }: { gate: AccessGate }) {
  const { t } = useTranslation('access');
  const missing = gate.documents.filter((document) => !document.acknowledged);
  if (!gate.wouldBePending)
    return (
      <Alert color="green" variant="light" styles={{ title: { color: '#1f6f36' } }} title={t('grant.gateOpen')} data-testid="gate-state">
        {!gate.firstRight
          ? t('grant.gateNotFirst')
          : gate.documents.length === 0
            ? t('grant.gateNoDocuments')
            : t('grant.gateAcknowledged')}
      </Alert>
    );
  return (
    <Alert
      color="orange"
      variant="light"
      styles={{ title: { color: '#9a3f00' } }}
      title={t('grant.gatePendingTitle')}
      data-testid="gate-state"
    >
      <Stack gap={4}>
        <Text size="sm">{t('grant.gatePendingText')}</Text>
        <List size="sm">
          {missing.map((document) => (
            <List.Item key={document.versionId}>
              {t('grant.gateDocument', { title: document.documentTitle, version: document.versionNumber })}
            </List.Item>
          ))}
        </List>
      </Stack>
    </Alert>
  );
}

/** Granting a right in a system: the person, the level, the dates and why, with the gate shown before saving. */
export function GrantAccessDialog({ systemId, systemName, onClose }: { systemId: string; systemName: string; onClose: () => void }) {
  const { t } = useTranslation('access');
  const [personId, setPersonId] = useState<string | null>(null);
  const [levelId, setLevelId] = useState<string | null>(null);
  const [startDate, setStartDate] = useState<string | null>(todayInStockholm());
  const [endDate, setEndDate] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [caseReference, setCaseReference] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const levels = useQuery(accessLevelsQuery(systemId));
  const gate = useQuery({ ...accessGateQuery(systemId, personId ?? ''), enabled: personId !== null });
  const grant = useGrantAccessRight({
    onSuccess: (granted) => {
      notifySuccess(
        granted.right.state === 'pending_acknowledgement'
          ? t('grant.grantedPending', { name: granted.right.personName })
          : t('grant.granted', { name: granted.right.personName, system: systemName }),
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
    <Modal opened onClose={onClose} title={t('grant.title', { system: systemName })} size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const missing: Record<string, string> = {};
          if (!personId) missing.personId = t('grant.required');
          if (!levelId) missing.levelId = t('grant.required');
          if (Object.keys(missing).length > 0) return setErrors(missing);
          grant.mutate({
            personId: personId!,
            systemId,
            levelId: levelId!,
            ...(startDate ? { startDate } : {}),
            endDate: endDate || null,
            reason: reason.trim() || null,
            caseReference: caseReference.trim() || null,
          });
        }}
        noValidate
      >
        <Stack gap="md">
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
          <Select
            label={t('grant.level')}
            required
            value={levelId}
            onChange={(value) => {
              setLevelId(value);
              setErrors(({ levelId: _, ...rest }) => rest);
            }}
            data={(levels.data?.items ?? []).map((level) => ({
              value: level.id,
              label: level.privileged ? `${level.name} (${t('rights.privileged')})` : level.name,
            }))}
            error={errors.levelId}
            nothingFoundMessage={t('grant.noLevels')}
          />
          <DateField label={t('grant.startDate')} value={startDate} onChange={setStartDate} error={errors.startDate} />
          <DateField
            label={t('grant.endDate')}
            description={t('grant.endDateHint')}
            value={endDate}
            onChange={setEndDate}
            error={errors.endDate}
          />
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
          <FormActions onCancel={onClose} submitLabel={t('grant.submit')} loading={grant.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
