import type { IncidentDeadline } from '@forvalta/contracts';
import { Badge, Paper, Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/format.ts';
import { remainingOf } from './incidents-values.ts';

// Text colours that keep 4.5:1 on white (WCAG 2.1 AA), as the other badges of the web.
const stateColours: Record<IncidentDeadline['state'], string> = {
  not_required: 'gray.7',
  open: '#9a3f00',
  overdue: 'red.9',
  met: '#1f6f36',
  late: 'red.9',
};

export function DeadlineStateBadge({ deadline }: { deadline: IncidentDeadline }) {
  const { t } = useTranslation('incidents');
  const filled = deadline.state === 'overdue' || deadline.state === 'met';
  return (
    <Badge color={stateColours[deadline.state]} variant={filled ? 'filled' : 'outline'} tt="none" miw="max-content">
      {t(`state.${deadline.state}`)}
    </Badge>
  );
}

/** A running deadline's time left or past: hours for the 24 and 72 hours, days for the final report's month. */
export function remainingText(t: TFunction, deadline: IncidentDeadline, now: string): string {
  const { key, count } = remainingOf(deadline, now);
  return t(`clock.${key}`, { count });
}

/** One of an incident's three clocks: what is due, by when, how much time is left or past, and when it was sent. */
export function IncidentClock({ deadline, now }: { deadline: IncidentDeadline; now: string }) {
  const { t } = useTranslation('incidents');
  const running = deadline.state === 'open' || deadline.state === 'overdue';
  const hours = deadline.kind === 'early_warning' ? 24 : 72;
  return (
    <Paper withBorder p="md" radius="md" data-testid={`clock-${deadline.kind}`}>
      <Stack gap={6} align="flex-start">
        <Text fw={700}>{t(`report.${deadline.kind}`)}</Text>
        <DeadlineStateBadge deadline={deadline} />
        <Text size="sm">{t('clock.dueAt', { time: formatDateTime(deadline.dueAt) })}</Text>
        {running && (
          <Text size="lg" fw={700} c={deadline.state === 'overdue' ? 'red.9' : undefined} data-testid="clock-hours">
            {remainingText(t, deadline, now)}
          </Text>
        )}
        {deadline.sentAt && <Text size="sm">{t('clock.sentAt', { time: formatDateTime(deadline.sentAt) })}</Text>}
        <Text size="xs" c="gray.7">
          {t(`basis.${deadline.basis}`, { hours })}
        </Text>
      </Stack>
    </Paper>
  );
}
