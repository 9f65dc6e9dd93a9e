import type { EmploymentStatus, Person } from '@forvalta/contracts';
import { Badge, Button, Group, Select, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { AnchorLink } from '../../../components/AnchorLink.tsx';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../app/session.ts';
import { ListEmptyState } from '../../../components/ListEmptyState.tsx';
import { useAddressList } from '../../../components/list-address.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { type Column, QueryTable } from '../../../components/QueryTable.tsx';
import { formatDate } from '../../../i18n/format.ts';
import { DepartmentSelect } from '../departments/DepartmentSelect.tsx';
import { departmentNameMap, useAllDepartments } from '../departments/departments.queries.ts';
import { EmploymentStatusModal } from './EmploymentStatusModal.tsx';
import { PersonFormModal } from './PersonFormModal.tsx';
import { peopleListQuery } from './people.queries.ts';

type Editing = { mode: 'create' } | { mode: 'edit'; person: Person } | null;
const routeApi = getRouteApi('/authenticated/content/people');

export function PeoplePage() {
  const { t } = useTranslation();
  // Creating has no record yet to ask, so it is the session's permission.
  const canCreate = useCan('person.write');
  const list = useAddressList(routeApi.useSearch(), routeApi.useNavigate(), { pageSize: 25, defaultSort: 'name' });
  const [editing, setEditing] = useState<Editing>(null);
  const [changingStatus, setChangingStatus] = useState<Person | null>(null);
  const people = useQuery(peopleListQuery(list.query));
  const departmentNames = departmentNameMap(useAllDepartments().data);

  const createButton = canCreate && <Button onClick={() => setEditing({ mode: 'create' })}>{t('people.create')}</Button>;
  const fullName = (person: Person) => `${person.firstName} ${person.lastName}`;
  const columns: Column<Person>[] = [
    {
      key: 'name',
      header: t('people.name'),
      sortField: 'name',
      minWidth: 220,
      cell: (person) => (
        <>
          <AnchorLink to="/people/$personId" params={{ personId: person.id }} fw={600} size="sm">
            {`${person.lastName}, ${person.firstName}`}
          </AnchorLink>
          <Text size="xs" c="gray.7" className="wrap-anywhere">
            {person.email}
          </Text>
        </>
      ),
    },
    { key: 'title', header: t('people.jobTitle'), cell: (person) => person.title ?? '' },
    {
      key: 'department',
      header: t('people.department'),
      cell: (person) => (person.departmentId ? (departmentNames.get(person.departmentId) ?? '') : ''),
    },
    {
      key: 'status',
      header: t('people.status'),
      nowrap: true,
      cell: (person) =>
        person.employmentStatus === 'active' ? (
          <Badge color="#1f6f36" variant="filled" tt="none" miw="max-content">
            {t('people.statusActive')}
          </Badge>
        ) : (
          <Badge color="gray.7" variant="outline" tt="none" miw="max-content">
            {t('people.statusLeft')}
            {person.endDate ? ` ${formatDate(person.endDate)}` : ''}
          </Badge>
        ),
    },
    { key: 'start', header: t('people.startDate'), nowrap: true, cell: (person) => formatDate(person.startDate) },
  ];

  return (
    <>
      <PageHeader title={t('people.title')} intro={t('people.intro')} actions={createButton} />
      <Group mb="md" align="flex-end" gap="md" wrap="wrap" role="search">
        <TextInput
          label={t('people.searchLabel')}
          placeholder={t('people.searchPlaceholder')}
          type="search"
          w={280}
          {...list.searchInput}
        />
        <DepartmentSelect
          label={t('people.department')}
          placeholder={t('people.allDepartments')}
          value={list.filters.departmentId ?? null}
          onChange={(departmentId) => list.setFilters({ departmentId: departmentId ?? undefined })}
          w={280}
        />
        <Select
          label={t('people.status')}
          placeholder={t('people.allStatuses')}
          value={list.filters.employmentStatus ?? null}
          onChange={(value) => list.setFilters({ employmentStatus: (value as EmploymentStatus | null) ?? undefined })}
          clearable
          data={[
            { value: 'active', label: t('people.statusActive') },
            { value: 'left', label: t('people.statusLeft') },
          ]}
          w={180}
        />
        {list.filtered && (
          <Button variant="subtle" onClick={list.clearFilters}>
            {t('common.clearFilters')}
          </Button>
        )}
      </Group>

      <QueryTable
        query={people}
        caption={t('people.title')}
        columns={columns}
        rowKey={(person) => person.id}
        sort={list.sort}
        paging={list.paging}
        minWidth={960}
        empty={
          list.filtered ? (
            <ListEmptyState title={t('people.empty')} hint={t('people.emptyHint')} />
          ) : (
            <ListEmptyState title={t('people.emptyAll')} action={createButton} />
          )
        }
        {...(people.data?.items.some(({ can }) => can.update)
          ? {
              rowActionsLabel: (person: Person) => t('people.actionsFor', { name: fullName(person) }),
              // Each row's actions are what the server says of that person (person.can); leaving is an update.
              rowActions: (person: Person) =>
                person.can.update
                  ? [
                      { label: t('common.edit'), onClick: () => setEditing({ mode: 'edit', person }) },
                      {
                        label: person.employmentStatus === 'active' ? t('people.markLeft') : t('people.reactivate'),
                        danger: person.employmentStatus === 'active',
                        onClick: () => setChangingStatus(person),
                      },
                    ]
                  : [],
            }
          : {})}
      />
      {editing && <PersonFormModal person={editing.mode === 'edit' ? editing.person : null} onClose={() => setEditing(null)} />}
      {changingStatus && <EmploymentStatusModal person={changingStatus} onClose={() => setChangingStatus(null)} />}
    </>
  );
}
