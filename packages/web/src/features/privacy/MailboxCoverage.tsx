import { Anchor, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format.ts';
import type { MailboxFilters } from './privacy-values.ts';
import { mailboxListQueryOptions } from './privacy.queries.ts';

/**
 * How many of the mailboxes selected (the department and the search, not the "only uncovered"
 * box) are covered: the server counts the whole selection, so one row is fetched. The bar is a
 * picture of the sentence beside it, which says the same in words.
 */
export function MailboxCoverage({ filters, onShowUncovered }: { filters: MailboxFilters; onShowUncovered: () => void }) {
  const { t, i18n } = useTranslation('privacy');
  const summary = useQuery(
    mailboxListQueryOptions({ q: filters.q, departmentId: filters.departmentId }, { sort: undefined, cursor: undefined, limit: 1 }),
  );
  if (!summary.data || summary.data.total === 0) return null;
  const { total, coveredCount } = summary.data;
  const uncovered = total - coveredCount;
  const share = Math.floor((coveredCount / total) * 100);
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      mb="md"
      component="section"
      aria-labelledby="mailbox-coverage-heading"
      data-testid="mailbox-coverage"
    >
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text id="mailbox-coverage-heading" fw={700}>
            {t('mailboxes.coverageTitle')}
          </Text>
          <Text size="sm" fw={600}>
            {t('mailboxes.coverageShare', { share: formatNumber(share, i18n.language) })}
          </Text>
        </Group>
        <Progress.Root size="lg" radius="sm" aria-hidden="true">
          <Progress.Section value={(coveredCount / total) * 100} color="#1f6f36" />
          <Progress.Section value={(uncovered / total) * 100} color="red.9" />
        </Progress.Root>
        <Group gap="md" wrap="wrap">
          <Text size="sm">{t('mailboxes.coverageSummary', { covered: coveredCount, total })}</Text>
          {uncovered > 0 && !filters.uncovered && (
            <Anchor component="button" type="button" size="sm" onClick={onShowUncovered}>
              {t('mailboxes.showUncovered', { count: uncovered })}
            </Anchor>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
