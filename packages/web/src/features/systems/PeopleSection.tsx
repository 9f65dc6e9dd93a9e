import type { Assignment, AssignmentRole, System } from '@forvalta/contracts';
import { Badge, Button, Checkbox, Group, Modal, NumberInput, Select, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { DateField } from '../../components/DateField.tsx';
import { notifyError, notifySuccess } from '../../components/error-messages.ts';
import { FormActions } from '../../components/FormActions.tsx';
import { useSectionList } from '../../components/list-address.ts';
import { type Column, QueryTable } from '../../components/QueryTable.tsx';
import { SectionCard } from '../../components/SectionCard.tsx';
import type { UrlPaging } from '../../components/url-paging.ts';
import { formatDate, formatNumber, todayInStockholm } from '../../i18n/format.ts';
import { PersonPicker } from '../organisation/roles/PersonPicker.tsx';
import { RuleViolationAlert } from './RuleViolationAlert.tsx';
import { assignmentListQuery, useAppoint, useChangeAssignment } from './systems.queries.ts';

function AppointModal({ system, onClose }: { system: System; onClose: () => void }) {
  const { t } = useTranslation();
  const [personId, setPersonId] = useState<string | null>(null);
  const [role, setRole] = useState<AssignmentRole>(system.manager ? 'deputy' : 'manager');
  const [startDate, setStartDate] = useState<string | null>(todayInStockholm());
  const [hours, setHours] = useState<number | string>('');
  const [violation, setViolation] = useState<unknown>(null);
  const [personError, setPersonError] = useState<string | null>(null);
  const appoint = useAppoint(system.id, {
    onSuccess: (created) => {
      notifySuccess(t('stewards.appointed', { name: created.personName, role: t(`labels.role.${created.role}`) }));
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
          appoint.mutate({
            personId,
            role,
            ...(startDate ? { startDate } : {}),
            allottedHoursPerWeek: hours === '' ? null : Number(hours),
          });
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
  const [endDate, setEndDate] = useState<string | null>(todayInStockholm());
  const [hours, setHours] = useState<number | string>(assignment.allottedHoursPerWeek ?? '');
  const [violation, setViolation] = useState<unknown>(null);
  const save = useChangeAssignment(system.id, assignment, {
    onSuccess: () => {
      notifySuccess(t('stewards.assignmentSaved', { name: assignment.personName }));
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
          save.mutate({ endDate: endDate || null, allottedHoursPerWeek: hours === '' ? null : Number(hours) });
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

const routeApi = getRouteApi('/authenticated/content/systems/$systemId');

/** Systemansvarig and ersättare, with who held the role when (ITP-4.2-MANAGER, ITP-4.2-DEPUTY, ITP-4.2.2-RESOURCES). */
export function PeopleSection({ system }: { system: System }) {
  const { t, i18n } = useTranslation();
  // "Show ended" is in the address (`people.ended`), so a shared link shows the same history.
  const list = useSectionList<UrlPaging & { ended?: boolean }>('people', routeApi.useSearch(), routeApi.useNavigate());
  const includeEnded = list.filters.ended ?? false;
  const [appointing, setAppointing] = useState(false);
  const [changing, setChanging] = useState<Assignment | null>(null);
  const canAssign = system.can.assign;
  const assignments = useQuery(assignmentListQuery(system.id, includeEnded));
  const roleOf = (assignment: Assignment) => t(`labels.role.${assignment.role}`);
  const columns: Column<Assignment>[] = [
    {
      key: 'person',
      header: t('stewards.person'),
      cell: (assignment) => (
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
      ),
    },
    {
      key: 'role',
      header: t('stewards.role'),
      cell: (assignment) => (
        <>
          {roleOf(assignment)}
          {!assignment.current && (
            <Text span size="xs" c="gray.7">
              {' '}
              ({t('stewards.ended')})
            </Text>
          )}
        </>
      ),
    },
    {
      key: 'period',
      header: t('stewards.period'),
      nowrap: true,
      cell: (assignment) => `${formatDate(assignment.startDate)} – ${assignment.endDate ? formatDate(assignment.endDate) : ''}`,
    },
    {
      key: 'hours',
      header: t('stewards.hoursShort'),
      cell: (assignment) =>
        assignment.allottedHoursPerWeek === null
          ? '–'
          : t('stewards.hoursValue', { hours: formatNumber(assignment.allottedHoursPerWeek, i18n.language) }),
    },
  ];

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
        onChange={(event) => list.setFilters({ ended: event.currentTarget.checked || undefined })}
      />
      <QueryTable
        query={assignments}
        caption={t('system.people')}
        columns={columns}
        rowKey={(assignment) => assignment.id}
        rowTestId="assignment-row"
        framed={false}
        empty={<Text size="sm">{t('stewards.none')}</Text>}
        {...(canAssign
          ? {
              rowActionsLabel: (assignment: Assignment) =>
                t('stewards.changeLabel', { name: assignment.personName, role: roleOf(assignment) }),
              // An ended assignment is history: it is not changed any more.
              rowActions: (assignment: Assignment) =>
                assignment.current ? [{ label: t('stewards.change'), onClick: () => setChanging(assignment) }] : [],
            }
          : {})}
      />
      {appointing && <AppointModal system={system} onClose={() => setAppointing(false)} />}
      {changing && <EndModal system={system} assignment={changing} onClose={() => setChanging(null)} />}
    </SectionCard>
  );
}
