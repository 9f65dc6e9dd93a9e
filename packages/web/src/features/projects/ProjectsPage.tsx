import type { Project, ProjectCreate } from '@forvalta/contracts';
import { Badge, Button, Group, Modal, Paper, Select, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedCallback } from '@mantine/hooks';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { legacyApi } from '../../api/client.ts';
import { useCan } from '../../app/session.ts';
import { ListPager } from '../../components/CursorPager.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { fieldErrorsOf, notifyError, notifySuccess } from '../../components/error-messages.ts';
import { ListEmptyState } from '../../components/ListEmptyState.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useUrlPaging, type UrlPaging } from '../../components/url-paging.ts';
import { formatNumber } from '../../i18n/format.ts';
import { DepartmentSelect } from '../organisation/departments/DepartmentSelect.tsx';
import {
  projectKindValues,
  projectStateValues,
  stateColours,
  useSystemOptions,
  type ProjectFilters,
  type ProjectListPage,
} from './project-api.ts';

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
  const filters = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const [creating, setCreating] = useState(false);
  const [search, setSearch] = useState(filters.q ?? '');
  // A change of filter starts at the first page: a cursor belongs to one query.
  const setFilters = (changes: Partial<ProjectFilters>) =>
    void navigate({ search: (previous) => ({ ...previous, ...changes, cursors: undefined }), replace: true });
  const updateSearch = useDebouncedCallback((value: string) => setFilters({ q: value.trim() || undefined }), 300);
  // Back and forward in the browser change the address; the search box follows it.
  useEffect(() => setSearch(filters.q ?? ''), [filters.q]);

  const { state = null, kind = null, departmentId = null, q = '' } = filters;
  const movePage = useCallback(
    (changes: UrlPaging, options: { replace: boolean }) =>
      void navigate({ search: (previous) => ({ ...previous, ...changes }), replace: options.replace }),
    [navigate],
  );
  // Paging pushes history entries, so the browser's back button goes to the page before.
  const paging = useUrlPaging(filters, movePage, 25);
  const query = { state, kind, departmentId, q, sort: '-updatedAt' };
  const projects = useQuery({
    queryKey: ['projects', 'list', query, paging.cursor, paging.pageSize],
    queryFn: ({ signal }) =>
      legacyApi.get<ProjectListPage>('/projects', { ...query, cursor: paging.cursor, limit: paging.pageSize }, signal),
    placeholderData: keepPreviousData,
  });
  const number = (value: number) => formatNumber(value, i18n.language);
  const filtered = Boolean(state || kind || departmentId || q);
  const createButton = canCreate && <Button onClick={() => setCreating(true)}>{t('projects.create')}</Button>;

  return (
    <>
      <PageHeader title={t('projects.title')} intro={t('projects.intro')} actions={createButton} />
      <Group mb="md" align="flex-end" gap="md" wrap="wrap" role="search" aria-label={t('projects.filters')}>
        <TextInput
          label={t('projects.search')}
          placeholder={t('projects.searchPlaceholder')}
          type="search"
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            updateSearch(event.currentTarget.value);
          }}
          w={240}
        />
        <Select
          label={t('projects.stateLabel')}
          placeholder={t('projects.all')}
          clearable
          value={state}
          onChange={(value) => setFilters({ state: (value as ProjectFilters['state']) ?? undefined })}
          data={projectStateValues.map((value) => ({ value, label: t(`state.${value}`) }))}
          w={240}
        />
        <Select
          label={t('projects.kindLabel')}
          placeholder={t('projects.all')}
          clearable
          value={kind}
          onChange={(value) => setFilters({ kind: (value as ProjectFilters['kind']) ?? undefined })}
          data={projectKindValues.map((value) => ({ value, label: t(`kind.${value}`) }))}
          w={200}
        />
        <DepartmentSelect
          label={t('projects.columnDepartment')}
          placeholder={t('projects.all')}
          value={departmentId}
          onChange={(value) => setFilters({ departmentId: value ?? undefined })}
          w={260}
        />
      </Group>

      <Paper withBorder radius="md">
        {projects.isLoading ? (
          <LoadingState />
        ) : projects.error ? (
          <ErrorState error={projects.error} onRetry={() => void projects.refetch()} />
        ) : !projects.data || projects.data.items.length === 0 ? (
          <ListEmptyState title={filtered ? t('projects.empty') : t('projects.emptyAll')} action={filtered ? undefined : createButton} />
        ) : (
          <>
            <Table.ScrollContainer minWidth={960}>
              <Table verticalSpacing="xs" horizontalSpacing="sm" highlightOnHover aria-busy={projects.isFetching}>
                <VisuallyHidden component="caption">{t('projects.title')}</VisuallyHidden>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('projects.columnTitle')}</Table.Th>
                    <Table.Th scope="col">{t('projects.columnState')}</Table.Th>
                    <Table.Th scope="col">{t('projects.columnSystem')}</Table.Th>
                    <Table.Th scope="col">{t('projects.columnDepartment')}</Table.Th>
                    <Table.Th scope="col">{t('projects.columnLead')}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('projects.columnOneOff')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('projects.columnYearly')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {projects.data.items.map((project) => (
                    <Table.Tr key={project.id} data-testid="project-row">
                      <Table.Td>
                        <Stack gap={0}>
                          <AnchorLink to="/projects/$projectId" params={{ projectId: project.id }} fw={600} size="sm">
                            {project.title}
                          </AnchorLink>
                          <Text size="xs" c="gray.7">
                            {t(`kind.${project.kind}`)}
                          </Text>
                        </Stack>
                      </Table.Td>
                      <Table.Td>
                        <ProjectStateBadge state={project.state} />
                      </Table.Td>
                      <Table.Td>
                        <AnchorLink to="/systems/$systemId" params={{ systemId: project.systemId }} size="sm">
                          {project.systemName}
                        </AnchorLink>
                      </Table.Td>
                      <Table.Td>{project.departmentName}</Table.Td>
                      <Table.Td>{project.projectLeadName ?? '–'}</Table.Td>
                      <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                        {project.budgetTotals ? number(project.budgetTotals.oneOff) : '–'}
                        {project.budgetTotals && !project.budgetComplete && (
                          <Text size="xs" c="#9a3f00">
                            {t('projects.budgetIncomplete')}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                        {project.budgetTotals ? number(project.budgetTotals.yearly) : '–'}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Text size="sm" px="sm" pt="sm" data-testid="portfolio-totals">
              {t('projects.portfolioTotals', {
                oneOff: number(projects.data.budgetTotals.oneOff),
                yearly: number(projects.data.budgetTotals.yearly),
              })}
            </Text>
          </>
        )}
      </Paper>
      <ListPager page={projects.data} paging={paging} />
      {creating && <ProjectCreateModal onClose={() => setCreating(false)} />}
    </>
  );
}

function ProjectCreateModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('lifecycle');
  const queryClient = useQueryClient();
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
  const create = useMutation({
    mutationFn: (body: ProjectCreate) => legacyApi.post<Project>('/projects', body),
    onSuccess: (project) => {
      void queryClient.invalidateQueries({ queryKey: ['projects'] });
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
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('projects.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('projects.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
