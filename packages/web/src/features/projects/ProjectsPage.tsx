import type { ProjectCreate, ProjectSummary } from '@forvalta/contracts';
import { FormActions } from '../../components/FormActions.tsx';
import { Badge, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { fieldErrorsOf, notifyError, notifySuccess } from '../../components/error-messages.ts';
import { ListEmptyState } from '../../components/ListEmptyState.tsx';
import { useAddressList } from '../../components/list-address.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { type Column, QueryTable } from '../../components/QueryTable.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { DepartmentSelect } from '../organisation/departments/DepartmentSelect.tsx';
import { type ProjectFilters, projectKindValues, projectStateValues, stateColours } from './project-values.ts';
import { useSystemOptions } from '../systems/systems.queries.ts';
import { projectListQuery, useCreateProject } from './projects.queries.ts';

const routeApi = getRouteApi('/authenticated/content/projects');

export function ProjectStateBadge({ state }: { state: (typeof projectStateValues)[number] }) {
  const { t } = useTranslation('lifecycle');
  return (
    <Badge color={stateColours[state].color} variant={stateColours[state].variant} tt="none" miw="max-content">
      {t(`state.${state}`)}
    </Badge>
  );
}

/** The portfolio of introduction and upgrade projects, with the budget totals of the selection. */
export function ProjectsPage() {
  const { t, i18n } = useTranslation('lifecycle');
  const canCreate = useCan('project.create');
  const list = useAddressList(routeApi.useSearch(), routeApi.useNavigate(), { pageSize: 25 });
  const { filters, setFilters } = list;
  const [creating, setCreating] = useState(false);
  const projects = useQuery(projectListQuery(filters, { cursor: list.paging.cursor, limit: list.paging.pageSize }));
  const number = (value: number) => formatNumber(value, i18n.language);
  const createButton = canCreate && <Button onClick={() => setCreating(true)}>{t('projects.create')}</Button>;
  const amount = { align: 'right', cellStyle: { fontVariantNumeric: 'tabular-nums' } } as const;
  const columns: Column<ProjectSummary>[] = [
    {
      key: 'title',
      header: t('projects.columnTitle'),
      cell: (project) => (
        <Stack gap={0}>
          <AnchorLink to="/projects/$projectId" params={{ projectId: project.id }} fw={600} size="sm">
            {project.title}
          </AnchorLink>
          <Text size="xs" c="gray.7">
            {t(`kind.${project.kind}`)}
          </Text>
        </Stack>
      ),
    },
    { key: 'state', header: t('projects.columnState'), cell: (project) => <ProjectStateBadge state={project.state} /> },
    {
      key: 'system',
      header: t('projects.columnSystem'),
      cell: (project) => (
        <AnchorLink to="/systems/$systemId" params={{ systemId: project.systemId }} size="sm">
          {project.systemName}
        </AnchorLink>
      ),
    },
    { key: 'department', header: t('projects.columnDepartment'), cell: (project) => project.departmentName },
    { key: 'lead', header: t('projects.columnLead'), cell: (project) => project.projectLeadName ?? '–' },
    {
      key: 'oneOff',
      header: t('projects.columnOneOff'),
      ...amount,
      cell: (project) => (
        <>
          {project.budgetTotals ? number(project.budgetTotals.oneOff) : '–'}
          {project.budgetTotals && !project.budgetComplete && (
            <Text size="xs" c="#9a3f00">
              {t('projects.budgetIncomplete')}
            </Text>
          )}
        </>
      ),
    },
    {
      key: 'yearly',
      header: t('projects.columnYearly'),
      ...amount,
      cell: (project) => (project.budgetTotals ? number(project.budgetTotals.yearly) : '–'),
    },
  ];

  return (
    <>
      <PageHeader title={t('projects.title')} intro={t('projects.intro')} actions={createButton} />
      <Group mb="md" align="flex-end" gap="md" wrap="wrap" role="search" aria-label={t('projects.filters')}>
        <TextInput label={t('projects.search')} placeholder={t('projects.searchPlaceholder')} type="search" w={240} {...list.searchInput} />
        <Select
          label={t('projects.stateLabel')}
          placeholder={t('projects.all')}
          clearable
          value={filters.state ?? null}
          onChange={(value) => setFilters({ state: (value as ProjectFilters['state']) ?? undefined })}
          data={projectStateValues.map((value) => ({ value, label: t(`state.${value}`) }))}
          w={240}
        />
        <Select
          label={t('projects.kindLabel')}
          placeholder={t('projects.all')}
          clearable
          value={filters.kind ?? null}
          onChange={(value) => setFilters({ kind: (value as ProjectFilters['kind']) ?? undefined })}
          data={projectKindValues.map((value) => ({ value, label: t(`kind.${value}`) }))}
          w={200}
        />
        <DepartmentSelect
          label={t('projects.columnDepartment')}
          placeholder={t('projects.all')}
          value={filters.departmentId ?? null}
          onChange={(value) => setFilters({ departmentId: value ?? undefined })}
          w={260}
        />
      </Group>

      <QueryTable
        query={projects}
        caption={t('projects.title')}
        columns={columns}
        rowKey={(project) => project.id}
        rowTestId="project-row"
        paging={list.paging}
        minWidth={960}
        empty={
          <ListEmptyState
            title={list.filtered ? t('projects.empty') : t('projects.emptyAll')}
            action={list.filtered ? undefined : createButton}
          />
        }
        footer={
          projects.data && (
            <Text size="sm" px="sm" pt="sm" data-testid="portfolio-totals">
              {t('projects.portfolioTotals', {
                oneOff: number(projects.data.budgetTotals.oneOff),
                yearly: number(projects.data.budgetTotals.yearly),
              })}
            </Text>
          )
        }
      />
      {creating && <ProjectCreateModal onClose={() => setCreating(false)} />}
    </>
  );
}

function ProjectCreateModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('lifecycle');
  const navigate = useNavigate();
  const systems = useSystemOptions();
  const form = useForm<{ kind: string; title: string; systemId: string | null; departmentId: string | null }>({
    initialValues: { kind: 'introduction', title: '', systemId: null, departmentId: null },
    validate: {
      title: (value) => (value.trim() ? null : t('projects.titleLabel')),
      systemId: (value) => (value ? null : t('projects.systemLabel')),
      departmentId: (value) => (value ? null : t('projects.departmentLabel')),
    },
  });
  const create = useCreateProject({
    onSuccess: (project) => {
      notifySuccess(t('projects.created', { title: project.title }));
      onClose();
      void navigate({ to: '/projects/$projectId', params: { projectId: project.id } });
    },
    onError: (error) => {
      const fields = fieldErrorsOf(error);
      if (Object.keys(fields).length > 0) form.setErrors(fields);
      else notifyError(error);
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('projects.createTitle')} size="lg">
      <form
        onSubmit={form.onSubmit((values) =>
          create.mutate({
            kind: values.kind as ProjectCreate['kind'],
            title: values.title.trim(),
            systemId: values.systemId!,
            departmentId: values.departmentId!,
          }),
        )}
        noValidate
      >
        <Stack>
          <Select
            label={t('projects.kindLabel')}
            allowDeselect={false}
            data={projectKindValues.map((value) => ({ value, label: t(`kind.${value}`) }))}
            {...form.getInputProps('kind')}
          />
          <TextInput label={t('projects.titleLabel')} required {...form.getInputProps('title')} />
          <Select
            label={t('projects.systemLabel')}
            required
            searchable
            data={(systems.data?.items ?? []).map((system) => ({ value: system.id, label: system.name }))}
            {...form.getInputProps('systemId')}
            onChange={(value) => {
              form.setFieldValue('systemId', value);
              const system = systems.data?.items.find((item) => item.id === value);
              if (system && !form.values.departmentId) form.setFieldValue('departmentId', system.ownerDepartmentId);
            }}
          />
          <DepartmentSelect label={t('projects.departmentLabel')} required {...form.getInputProps('departmentId')} />
          <FormActions onCancel={onClose} cancelLabel={t('projects.cancel')} submitLabel={t('projects.save')} loading={create.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
