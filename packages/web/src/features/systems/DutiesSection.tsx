import type { Duty, DutyRegisterEvidence, System } from '@forvalta/contracts';
import { Anchor, Button, Select, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState.tsx';
import { notifyError, notifySuccess } from '../../components/error-messages.ts';
import { LoadingState } from '../../components/LoadingState.tsx';
import { formatDate } from '../../i18n/format.ts';
import { SectionCard } from '../../components/SectionCard.tsx';
import { dutyStatusValues } from './system-values.ts';
import { dutiesQuery, useSaveDuty } from './systems.queries.ts';

/**
 * What the register itself holds for "administer access rights" (§4.2.3): the open rights and the
 * last recertification, linked to the system's access section, so the manager's word has its proof beside it.
 */
function RegisterEvidence({ evidence }: { evidence: DutyRegisterEvidence }) {
  const { t } = useTranslation();
  return (
    <Text size="sm" mb={4} data-testid="duty-register-evidence">
      <Anchor href="#access" size="sm">
        {t('duties.openRights', { count: evidence.openRights })}
      </Anchor>
      {' · '}
      {evidence.lastRecertifiedOn
        ? t('duties.lastRecertified', { date: formatDate(evidence.lastRecertifiedOn) })
        : t('duties.neverRecertified')}
    </Text>
  );
}

function DutyRow({ system, duty, editable }: { system: System; duty: Duty; editable: boolean }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState(duty.status);
  const [evidence, setEvidence] = useState(duty.evidence ?? '');
  const label = t(`labels.duty.${duty.duty}`);
  const changed = status !== duty.status || evidence !== (duty.evidence ?? '');
  const save = useSaveDuty(system.id, duty, { onSuccess: () => notifySuccess(t('duties.saved', { duty: label })), onError: notifyError });
  return (
    <Table.Tr data-testid="duty-row">
      <Table.Th scope="row" fw={600} fz="sm" miw={200}>
        {label}
      </Table.Th>
      <Table.Td miw={170}>
        {editable ? (
          <Select
            size="xs"
            aria-label={t('duties.statusFor', { duty: label })}
            allowDeselect={false}
            value={status}
            onChange={(value) => value && setStatus(value as Duty['status'])}
            data={dutyStatusValues.map((value) => ({ value, label: t(`labels.dutyStatus.${value}`) }))}
          />
        ) : (
          t(`labels.dutyStatus.${duty.status}`)
        )}
      </Table.Td>
      <Table.Td miw={220}>
        {duty.registerEvidence && <RegisterEvidence evidence={duty.registerEvidence} />}
        {editable ? (
          <TextInput
            size="xs"
            aria-label={t('duties.evidenceFor', { duty: label })}
            placeholder={t('duties.evidencePlaceholder')}
            value={evidence}
            onChange={(event) => setEvidence(event.currentTarget.value)}
          />
        ) : (
          <Text size="sm" className="wrap-anywhere">
            {duty.evidence ?? '–'}
          </Text>
        )}
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        {duty.confirmedAt ? (
          <Text size="sm">
            {formatDate(duty.confirmedAt)}
            <Text span size="xs" c="gray.7" display="block">
              {duty.confirmedByName}
            </Text>
          </Text>
        ) : (
          <Text size="sm" c="gray.7">
            {t('duties.notConfirmed')}
          </Text>
        )}
      </Table.Td>
      {editable && (
        <Table.Td ta="right">
          <Button
            size="xs"
            variant={changed ? 'filled' : 'default'}
            onClick={() => save.mutate({ status, evidence: evidence.trim() || null })}
            loading={save.isPending}
            aria-label={t('duties.saveFor', { duty: label })}
          >
            {changed ? t('common.save') : t('duties.reconfirm')}
          </Button>
        </Table.Td>
      )}
    </Table.Tr>
  );
}

/** The eight duties of §4.2.3 with status, evidence and who confirmed them when (ITP-4.2.3-DUTIES). */
export function DutiesSection({ system }: { system: System }) {
  const { t } = useTranslation();
  const editable = system.can.updateDuties;
  const duties = useQuery(dutiesQuery(system.id));
  return (
    <SectionCard id="duties" title={t('system.duties')}>
      <Text size="sm" c="gray.7" mb="sm">
        {t('duties.intro')}
      </Text>
      {duties.isLoading ? (
        <LoadingState />
      ) : duties.error ? (
        <ErrorState error={duties.error} onRetry={() => void duties.refetch()} />
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="xs">
            <VisuallyHidden component="caption">{t('system.duties')}</VisuallyHidden>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('duties.duty')}</Table.Th>
                <Table.Th scope="col">{t('duties.status')}</Table.Th>
                <Table.Th scope="col">{t('duties.evidence')}</Table.Th>
                <Table.Th scope="col">{t('duties.confirmed')}</Table.Th>
                {editable && (
                  <Table.Th scope="col" ta="right">
                    <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {duties.data?.items.map((duty) => (
                // A new version (after saving) starts the row again from what is stored.
                <DutyRow key={`${duty.duty}-${duty.version}`} system={system} duty={duty} editable={editable} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </SectionCard>
  );
}
