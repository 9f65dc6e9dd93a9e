import type { EmploymentStatus, Person } from '@forvalta/contracts';
import { Badge, Button, Group, Menu, Paper, Select, Table, Text, TextInput, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { legacyApi } from '../../../api/client.ts';
import { useCan } from '../../../app/session.ts';
import { CursorPager } from '../../../components/CursorPager.tsx';
import { useCursorPaging } from '../../../components/cursor-paging.ts';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { ListEmptyState } from '../../../components/ListEmptyState.tsx';
import { LoadingState } from '../../../components/LoadingState.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { formatDate } from '../../../i18n/format.ts';
import { DepartmentSelect } from '../departments/DepartmentSelect.tsx';
import { departmentNameMap, useAllDepartments } from '../departments/department-queries.ts';
import { EmploymentStatusModal } from './EmploymentStatusModal.tsx';
import { PersonFormModal } from './PersonFormModal.tsx';

type NameSort = 'name' | '-name';
type Editing = { mode: 'create' } | { mode: 'edit'; person: Person } | null;

export function PeoplePage() {
  const { t } = useTranslation();
  const canWrite = useCan('person.write');
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search.trim(), 300);
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const [status, setStatus] = useState<EmploymentStatus | null>(null);
  const [sort, setSort] = useState<NameSort>('name');
  const [editing, setEditing] = useState<Editing>(null);
  const [changingStatus, setChangingStatus] = useState<Person | null>(null);

  const filters = { q: debouncedSearch, departmentId, employmentStatus: status, sort };
  const paging = useCursorPaging(JSON.stringify(filters));
  const people = useQuery({
    queryKey: ['people', 'list', filters, paging.cursor, paging.pageSize],
    queryFn: ({ signal }) => legacyApi.list<Person>('/people', { ...filters, cursor: paging.cursor, limit: paging.pageSize }, signal),
    // Keep the rows on screen while the next page loads, so the table does not jump.
    placeholderData: keepPreviousData,
  });
  const departments = useAllDepartments();
  const departmentNames = departmentNameMap(departments.data);
  const filtered = Boolean(debouncedSearch || departmentId || status);

  const createButton = canWrite && <Button onClick={() => setEditing({ mode: 'create' })}>{t('people.create')}</Button>;
  const fullName = (person: Person) => `${person.firstName} ${person.lastName}`;

  return (
    <>
      <PageHeader title={t('people.title')} intro={t('people.intro')} actions={createButton} />
      <Group mb="md" align="flex-end" gap="md" wrap="wrap" role="search">
        <TextInput
          label={t('people.searchLabel')}
          placeholder={t('people.searchPlaceholder')}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          type="search"
          w={280}
        />
        <DepartmentSelect
          label={t('people.department')}
          placeholder={t('people.allDepartments')}
          value={departmentId}
          onChange={setDepartmentId}
          w={280}
        />
        <Select
          label={t('people.status')}
          placeholder={t('people.allStatuses')}
          value={status}
          onChange={(value) => setStatus(value as EmploymentStatus | null)}
          clearable
          data={[
            { value: 'active', label: t('people.statusActive') },
            { value: 'left', label: t('people.statusLeft') },
          ]}
          w={180}
        />
        {filtered && (
          <Button
            variant="subtle"
            onClick={() => {
              setSearch('');
              setDepartmentId(null);
              setStatus(null);
            }}
          >
            {t('common.clearFilters')}
          </Button>
        )}
      </Group>

      <Paper withBorder radius="md">
        {people.isLoading ? (
          <LoadingState />
        ) : people.error ? (
          <ErrorState error={people.error} onRetry={() => void people.refetch()} />
        ) : !people.data || people.data.items.length === 0 ? (
          filtered ? (
            <ListEmptyState title={t('people.empty')} hint={t('people.emptyHint')} />
          ) : (
            <ListEmptyState title={t('people.emptyAll')} action={createButton} />
          )
        ) : (
          <Table.ScrollContainer minWidth={960}>
            <Table verticalSpacing="xs" horizontalSpacing="xs" highlightOnHover aria-busy={people.isFetching}>
              <VisuallyHidden component="caption">{t('people.title')}</VisuallyHidden>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col" aria-sort={sort === 'name' ? 'ascending' : 'descending'}>
                    <UnstyledButton
                      onClick={() => setSort(sort === 'name' ? '-name' : 'name')}
                      fw={700}
                      fz="sm"
                      aria-label={`${t('people.name')}, ${sort === 'name' ? t('people.sortedAscending') : t('people.sortedDescending')}. ${t('people.sortByName')}`}
                    >
                      {t('people.name')} <span aria-hidden="true">{sort === 'name' ? '▲' : '▼'}</span>
                    </UnstyledButton>
                  </Table.Th>
                  <Table.Th scope="col">{t('people.jobTitle')}</Table.Th>
                  <Table.Th scope="col">{t('people.department')}</Table.Th>
                  <Table.Th scope="col">{t('people.status')}</Table.Th>
                  <Table.Th scope="col">{t('people.startDate')}</Table.Th>
                  {canWrite && (
                    <Table.Th scope="col" ta="right">
                      {t('common.actions')}
                    </Table.Th>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {people.data.items.map((person) => (
                  <Table.Tr key={person.id}>
                    <Table.Td miw={220}>
                      <Text fw={600} size="sm">{`${person.lastName}, ${person.firstName}`}</Text>
                      <Text size="xs" c="gray.7" className="wrap-anywhere">
                        {person.email}
                      </Text>
                    </Table.Td>
                    <Table.Td>{person.title ?? ''}</Table.Td>
                    <Table.Td>{person.departmentId ? (departmentNames.get(person.departmentId) ?? '') : ''}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {person.employmentStatus === 'active' ? (
                        <Badge color="#1f6f36" variant="filled" tt="none" miw="max-content">
                          {t('people.statusActive')}
                        </Badge>
                      ) : (
                        <Badge color="gray.7" variant="outline" tt="none" miw="max-content">
                          {t('people.statusLeft')}
                          {person.endDate ? ` ${formatDate(person.endDate)}` : ''}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(person.startDate)}</Table.Td>
                    {canWrite && (
                      <Table.Td>
                        <Group justify="flex-end">
                          <Menu position="bottom-end" withinPortal>
                            <Menu.Target>
                              <Button size="xs" variant="default" aria-label={t('people.actionsFor', { name: fullName(person) })}>
                                {t('common.actions')} <span aria-hidden="true">&nbsp;▾</span>
                              </Button>
                            </Menu.Target>
                            <Menu.Dropdown>
                              <Menu.Item onClick={() => setEditing({ mode: 'edit', person })}>{t('common.edit')}</Menu.Item>
                              <Menu.Item
                                c={person.employmentStatus === 'active' ? 'red.9' : undefined}
                                onClick={() => setChangingStatus(person)}
                              >
                                {person.employmentStatus === 'active' ? t('people.markLeft') : t('people.reactivate')}
                              </Menu.Item>
                            </Menu.Dropdown>
                          </Menu>
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      {people.data && people.data.total > 0 && (
        <CursorPager
          pageIndex={paging.pageIndex}
          pageSize={paging.pageSize}
          itemCount={people.data.items.length}
          total={people.data.total}
          nextCursor={people.data.nextCursor}
          onNext={paging.goNext}
          onPrevious={paging.goPrevious}
          onPageSizeChange={paging.setPageSize}
        />
      )}
      {editing && <PersonFormModal person={editing.mode === 'edit' ? editing.person : null} onClose={() => setEditing(null)} />}
      {changingStatus && <EmploymentStatusModal person={changingStatus} onClose={() => setChangingStatus(null)} />}
    </>
  );
}
