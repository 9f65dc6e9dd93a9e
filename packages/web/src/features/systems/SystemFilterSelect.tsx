import { Select } from '@mantine/core';
import { useSystemOptions } from './systems.queries.ts';

/** Narrows a list to the records of one business system; every system of the municipality is offered. */
export function SystemFilterSelect({
  label,
  placeholder,
  value,
  onChange,
}: {
  label: string;
  placeholder: string;
  value: string | undefined;
  onChange: (systemId: string | undefined) => void;
}) {
  const systems = useSystemOptions();
  return (
    <Select
      label={label}
      placeholder={placeholder}
      searchable
      clearable
      value={value ?? null}
      onChange={(systemId) => onChange(systemId ?? undefined)}
      data={(systems.data?.items ?? []).map((system) => ({ value: system.id, label: system.name }))}
      w={{ base: '100%', sm: 220 }}
    />
  );
}
