import { Alert, Button, CopyButton, Group, Stack, Text, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A secret the server answers only once (an API token, the SCIM token, an invitation or reset
 * link): the warning, the secret in monospace selected on focus, a copy button and done. Only its
 * hash is kept, so closing loses it for good. The warning is bold text in the alert rather than its
 * title: Mantine's orange title has too little contrast on the light alert (WCAG 1.4.3).
 */
export function SecretShownOnce(props: {
  warning: string;
  usage: ReactNode;
  label: string;
  description?: string;
  secret: string;
  texts: { copy: string; copied: string; done: string };
  onDone: () => void;
  alertColor?: string;
  /** Said between the secret and the buttons (e.g. how to pass a link on). */
  children?: ReactNode;
}) {
  return (
    <Stack gap="md">
      <Alert color={props.alertColor ?? 'orange'} variant={props.alertColor ? 'outline' : 'light'} role="alert">
        <Text fw={700} size="sm" mb={4}>
          {props.warning}
        </Text>
        <Text size="sm">{props.usage}</Text>
      </Alert>
      <TextInput
        label={props.label}
        description={props.description}
        value={props.secret}
        readOnly
        // The secret in monospace, to tell l from 1 and O from 0; the label in the page's type.
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        onFocus={(event) => event.currentTarget.select()}
      />
      {props.children}
      <Group justify="space-between">
        <CopyButton value={props.secret}>
          {({ copied, copy }) => (
            <Button variant={copied ? 'light' : 'filled'} color={copied ? 'green.9' : undefined} onClick={copy}>
              {copied ? props.texts.copied : props.texts.copy}
            </Button>
          )}
        </CopyButton>
        <Button variant="default" onClick={props.onDone}>
          {props.texts.done}
        </Button>
      </Group>
    </Stack>
  );
}
