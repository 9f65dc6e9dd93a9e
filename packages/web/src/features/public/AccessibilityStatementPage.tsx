import { Anchor, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../i18n/format.ts';
import { PublicShell } from './PublicRegisterPage.tsx';

/** The day the statement was last reviewed against the service; DIGG asks for it to be shown. */
const statementDate = '2026-12-01';

/**
 * The accessibility statement (tillgänglighetsredogörelse) that the law on accessibility of digital
 * public services (2018:1937) asks of a public body, in the order DIGG's model prescribes:
 * compliance status, what is not accessible, how to report, supervision by DIGG, how it was
 * tested, and the date of the statement.
 */
export function AccessibilityStatementPage() {
  const { t } = useTranslation();
  const of = (key: string) => t(`accessibilityStatement.${key}`);
  return (
    <PublicShell>
      <Stack gap="md" maw={760}>
        <Title order={1}>{of('title')}</Title>
        <Text>{of('intro')}</Text>
        <Title order={2}>{of('statusTitle')}</Title>
        <Text>{of('status')}</Text>
        <Title order={2}>{of('shortcomingsTitle')}</Title>
        <List>
          <List.Item>{of('shortcomingGraph')}</List.Item>
          <List.Item>{of('shortcomingCharts')}</List.Item>
        </List>
        <Title order={2}>{of('reportTitle')}</Title>
        <Text>{of('report')}</Text>
        <Title order={2}>{of('supervisionTitle')}</Title>
        <Text>{of('supervision')}</Text>
        <Anchor href="https://www.digg.se/anmal-bristande-tillganglighet" c="blue.9">
          {of('supervisionLink')}
        </Anchor>
        <Title order={2}>{of('testingTitle')}</Title>
        <Text>{of('testing')}</Text>
        <Title order={2}>{of('dateTitle')}</Title>
        <Text>{t('accessibilityStatement.date', { date: formatDate(statementDate) })}</Text>
      </Stack>
    </PublicShell>
  );
}
