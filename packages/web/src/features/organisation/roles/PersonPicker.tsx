import type { Person } from '@forvalta/contracts';
import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { personPickerQuery } from '../people/people.queries.ts';

type PersonPickerProps = Omit<SelectProps, 'data' | 'searchable' | 'onSearchChange' | 'searchValue' | 'filter'>;

/**
 * Finds a person by asking the server (a municipality has thousands); only the first 20 matches
 * are offered, so one keeps typing to narrow down.
 */
export function PersonPicker(props: PersonPickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search.trim(), 250);
  const [chosen, setChosen] = useState<Person | null>(null);
  const people = useQuery(personPickerQuery(debouncedSearch));
  const options = useMemo(() => {
    const found = people.data?.items ?? [];
    // The chosen person stays an option even when the latest search no longer finds them.
    const all = chosen && !found.some((person) => person.id === chosen.id) ? [chosen, ...found] : found;
    return all.map((person) => ({ value: person.id, label: `${person.firstName} ${person.lastName} (${person.email})` }));
  }, [people.data, chosen]);

  return (
    <Select
      {...props}
      searchable
      data={options}
      searchValue={search}
      onSearchChange={setSearch}
      // The server already filtered; filtering again here would hide matches on e-mail or title.
      filter={({ options: all }) => all}
      nothingFoundMessage={people.isFetching ? t('app.loading') : t('roleAssignments.personNothingFound')}
      onChange={(value, option) => {
        setChosen(people.data?.items.find((person) => person.id === value) ?? null);
        props.onChange?.(value, option);
      }}
    />
  );
}
