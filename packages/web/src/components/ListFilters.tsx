import { Anchor, Checkbox, Group, TextInput } from '@mantine/core';
import type { ChangeEvent, ReactNode } from 'react';

/** What a list page's filters need of its address list (useAddressList). */
interface FilteredList {
  searchInput: { value: string; onChange: (event: ChangeEvent<HTMLInputElement>) => void };
  filtered: boolean;
  clearFilters: () => void;
}

interface ListFiltersProps {
  /** The accessible name of the search region ("Filtrera avtal"). */
  label: string;
  list: FilteredList;
  /** The free-text search's label; leave out for a list without one. */
  searchLabel?: string;
  clearLabel: string;
  /** The selects, after the search box. */
  children?: ReactNode;
  /** On/off filters (FilterToggle), on a line of their own under the selects. */
  toggles?: ReactNode;
}

/**
 * The filter bar of every register list: search, selects, then the on/off filters and "clear the
 * filters" once something narrows the list. The filters live in the address (useAddressList), so
 * the server pages the filtered list and a filtered view can be linked to.
 */
export function ListFilters({ label, list, searchLabel, clearLabel, children, toggles }: ListFiltersProps) {
  const clear = list.filtered && (
    <Anchor component="button" type="button" size="sm" onClick={list.clearFilters}>
      {clearLabel}
    </Anchor>
  );
  return (
    <>
      <Group mb={toggles ? 'xs' : 'md'} align="flex-end" gap="md" wrap="wrap" role="search" aria-label={label}>
        {searchLabel && <TextInput type="search" label={searchLabel} w={{ base: '100%', sm: 220 }} {...list.searchInput} />}
        {children}
        {!toggles && clear}
      </Group>
      {toggles && (
        <Group mb="md" gap="lg" wrap="wrap">
          {toggles}
          {clear}
        </Group>
      )}
    </>
  );
}

/** An on/off filter: on narrows the list, off leaves the parameter out of the address. */
export function FilterToggle({
  label,
  checked,
  onChange,
}: {
  label: string;
  checked: boolean | undefined;
  onChange: (checked: true | undefined) => void;
}) {
  return <Checkbox label={label} checked={checked ?? false} onChange={(event) => onChange(event.currentTarget.checked || undefined)} />;
}
