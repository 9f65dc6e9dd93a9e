import type { Assignment, AssignmentRole, System } from '@forvalta/contracts';
import { FormActions } from '../../components/FormActions.tsx';
import { Badge, Button, Checkbox, Group, Modal, NumberInput, Select, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { legacyApi, isApiError } from '../../api/client.ts';
import { useCurrentUser } from '../../app/session.ts';
import { DateField } from '../../components/DateField.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { notifyError, notifySuccess } from '../../components/error-messages.ts';
import { LoadingState } from '../../components/LoadingState.tsx';
import { formatDate, formatNumber, todayInStockholm } from '../../i18n/format.ts';
import { PersonPicker } from '../organisation/roles/PersonPicker.tsx';
import { RuleViolationAlert } from './RuleViolationAlert.tsx';
import { SectionCard } from '../../components/SectionCard.tsx';
import { canOnSystem } from './system-api.ts';

function invalidateSystem(queryClient: ReturnType<typeof useQueryClient>, systemId: string) {
  void queryClient.invalidateQueries({ queryKey: ['systems'] });
  void queryClient.invalidateQueries({ queryKey: ['assignments', systemId] });
  void queryClient.invalidateQueries({ queryKey: ['compliance'] });
}

function AppointModal({ system, onClose }: { system: System; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [personId, setPersonId] = useState<string | null>(null);
  const [role, setRole] = useState<AssignmentRole>(system.manager ? 'deputy' : 'manager');
  const [startDate, setStartDate] = useState<string | null>(todayInStockholm());
  const [hours, setHours] = useState<number | string>('');
  const [violation, setViolation] = useState<unknown>(null);
  const [personError, setPersonError] = useState<string | null>(null);
  const appoint = useMutation({
    mutationFn: () =>
      legacyApi.post<Assignment>(`/systems/${system.id}/assignments`, {
        personId,
        role,
        ...(startDate ? { startDate } : {}),
        allottedHoursPerWeek: hours === '' ? null : Number(hours),
      }),
    onSuccess: (created) => {
      notifySuccess(t('stewards.appointed', { name: created.personName, role: t(`labels.role.${created.role}`) }));
      invalidateSystem(queryClient, system.id);
      onClose();
    },
    onError: (error) => (isApiError(error, 'rule_violation') || isApiError(error, 'conflict') ? setViolation(error) : notifyError(error)),
  });
  return (
    <Modal opened onClose={onClose} title={t('stewards.appointTitle', { name: system.name })} size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!personId) return setPersonError(t('common.required'));
          appoint.mutate();
        }}
        noValidate
      >
        <Stack gap="md">
          {violation !== null && <RuleViolationAlert error={violation} />}
          <PersonPicker
            label={t('stewards.person')}
            required
            value={personId}
            onChange={(value) => {
              setPersonId(value);
              setPersonError(null);
            }}
            error={personError}
          />
          <Select
            label={t('stewards.role')}
            allowDeselect={false}
            value={role}
            onChange={(value) => setRole((value as AssignmentRole) ?? 'deputy')}
            data={(['manager', 'deputy'] as const).map((value) => ({ value, label: t(`labels.role.${value}`) }))}
            description={role === 'manager' && system.manager ? t('stewards.takesOver', { name: system.manager.name }) : undefined}
          />
          <DateField label={t('stewards.startDate')} value={startDate} onChange={setStartDate} />
          <NumberInput
            label={t('stewards.hours')}
            description={t('common.optional')}
            min={0}
            max={80}
            decimalSeparator=","
            value={hours}
            onChange={setHours}
          />
          <FormActions onCancel={onClose} submitLabel={t('stewards.appoint')} loading={appoint.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

function EndModal({ system, assignment, onClose }: { system: System; assignment: Assignment; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [endDate, setEndDate] = useState<string | null>(todayInStockholm());
  const [hours, setHours] = useState<number | string>(assignment.allottedHoursPerWeek ?? '');
  const [violation, setViolation] = useState<unknown>(null);
  const save = useMutation({
    mutationFn: () =>
      legacyApi.patch<Assignment>(`/systems/${system.id}/assignments/${assignment.id}`, assignment.version, {
        endDate: endDate || null,
        allottedHoursPerWeek: hours === '' ? null : Number(hours),
      }),
    onSuccess: () => {
      notifySuccess(t('stewards.assignmentSaved', { name: assignment.personName }));
      invalidateSystem(queryClient, system.id);
      onClose();
    },
    onError: (error) => (isApiError(error, 'rule_violation') ? setViolation(error) : notifyError(error)),
  });
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('stewards.changeTitle', { name: assignment.personName, role: t(`labels.role.${assignment.role}`) })}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
        noValidate
      >
        <Stack gap="md">
          {violation !== null && <RuleViolationAlert error={violation} />}
          <DateField
            label={t('stewards.endDate')}
            description={t('stewards.endDateHint')}
            value={endDate}
            onChange={setEndDate}
            data-autofocus
          />
          <NumberInput label={t('stewards.hours')} min={0} max={80} decimalSeparator="," value={hours} onChange={setHours} />
          <FormActions onCancel={onClose} loading={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

/** Systemansvarig and ersättare, with who held the role when (ITP-4.2-MANAGER, ITP-4.2-DEPUTY, ITP-4.2.2-RESOURCES). */
export function PeopleSection({ system }: { system: System }) {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const [includeEnded, setIncludeEnded] = useState(false);
  const [appointing, setAppointing] = useState(false);
  const [changing, setChanging] = useState<Assignment | null>(null);
  const canAssign = canOnSystem(me, system, 'system.assign');
  const assignments = useQuery({
    queryKey: ['assignments', system.id, includeEnded],
    queryFn: ({ signal }) =>
      legacyApi.list<Assignment>(`/systems/${system.id}/assignments`, includeEnded ? { includeEnded: 'true' } : {}, signal),
  });

  return (
    <SectionCard
      id="people"
      title={t('system.people')}
      actions={
        canAssign && (
          <Button size="xs" onClick={() => setAppointing(true)}>
            {t('stewards.appoint')}
          </Button>
        )
      }
    >
      <Checkbox
        mb="sm"
        label={t('stewards.includeEnded')}
        checked={includeEnded}
        onChange={(event) => setIncludeEnded(event.currentTarget.checked)}
      />
      {assignments.isLoading ? (
        <LoadingState />
      ) : assignments.error ? (
        <ErrorState error={assignments.error} onRetry={() => void assignments.refetch()} />
      ) : assignments.data?.items.length === 0 ? (
        <Text size="sm">{t('stewards.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="xs">
            <VisuallyHidden component="caption">{t('system.people')}</VisuallyHidden>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('stewards.person')}</Table.Th>
                <Table.Th scope="col">{t('stewards.role')}</Table.Th>
                <Table.Th scope="col">{t('stewards.period')}</Table.Th>
                <Table.Th scope="col">{t('stewards.hoursShort')}</Table.Th>
                {canAssign && (
                  <Table.Th scope="col" ta="right">
                    {t('common.actions')}
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {assignments.data?.items.map((assignment) => (
                <Table.Tr key={assignment.id} data-testid="assignment-row">
                  <Table.Td>
                    <Group gap={6}>
                      <Text size="sm" fw={600}>
                        {assignment.personName}
                      </Text>
                      {assignment.personEmploymentStatus === 'left' && (
                        <Badge color="red.9" variant="outline" tt="none">
                          {t('stewards.personLeft')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    {t(`labels.role.${assignment.role}`)}
                    {!assignment.current && (
                      <Text span size="xs" c="gray.7">
                        {' '}
                        ({t('stewards.ended')})
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {formatDate(assignment.startDate)} – {assignment.endDate ? formatDate(assignment.endDate) : ''}
                  </Table.Td>
                  <Table.Td>
                    {assignment.allottedHoursPerWeek === null
                      ? '–'
                      : t('stewards.hoursValue', { hours: formatNumber(assignment.allottedHoursPerWeek, i18n.language) })}
                  </Table.Td>
                  {canAssign && (
                    <Table.Td ta="right">
                      {assignment.current && (
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => setChanging(assignment)}
                          aria-label={t('stewards.changeLabel', { name: assignment.personName, role: t(`labels.role.${assignment.role}`) })}
                        >
                          {t('stewards.change')}
                        </Button>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {appointing && <AppointModal system={system} onClose={() => setAppointing(false)} />}
      {changing && <EndModal system={system} assignment={changing} onClose={() => setChanging(null)} />}
    </SectionCard>
  );
}
