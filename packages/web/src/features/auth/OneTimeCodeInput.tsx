import { TextInput } from '@mantine/core';

/** The six digits of an authenticator app (a space in the middle allowed), offered by the browser from an SMS or app. */
export function OneTimeCodeInput(props: {
  label: string;
  description: string;
  value: string;
  error?: string | null;
  autoFocus?: boolean;
  onChange: (value: string) => void;
}) {
  return (
    <TextInput
      label={props.label}
      description={props.description}
      autoComplete="one-time-code"
      inputMode="numeric"
      maxLength={7}
      required
      data-autofocus={props.autoFocus || undefined}
      value={props.value}
      error={props.error}
      onChange={(event) => props.onChange(event.currentTarget.value)}
    />
  );
}
