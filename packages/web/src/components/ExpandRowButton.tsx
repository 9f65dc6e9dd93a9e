import { UnstyledButton } from '@mantine/core';

interface ExpandRowButtonProps {
  open: boolean;
  /** The id of the row it shows or hides. */
  controls: string;
  label: string;
  onToggle: () => void;
}

/** The disclosure button of a table row whose details open below it (audit log, history). */
export function ExpandRowButton({ open, controls, label, onToggle }: ExpandRowButtonProps) {
  return (
    <UnstyledButton onClick={onToggle} aria-expanded={open} aria-controls={controls} aria-label={label} px={8} py={2} fz="lg">
      <span aria-hidden="true">{open ? '▾' : '▸'}</span>
    </UnstyledButton>
  );
}
