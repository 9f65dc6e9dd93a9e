import type { IncidentReportKind } from '@forvalta/contracts';
import { Badge, Button, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { ConfidentialBadge, WithheldNotice } from '../../components/ConfidentialMark.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { notifyError, notifySuccess } from '../../components/error-messages.ts';
import { LoadingState } from '../../components/LoadingState.tsx';
import { Fact, SectionCard } from '../../components/SectionCard.tsx';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import { IncidentClock } from './IncidentClock.tsx';
import { IncidentFormModal } from './IncidentFormModal.tsx';
import { incidentQuery, useCloseIncident } from './incidents.queries.ts';
import { ReportModal } from './ReportModal.tsx';

const routeApi = getRouteApi('/authenticated/content/incidents/$incidentId');

/** One incident: its three clocks, the reports as sent, the systems it affected, lessons and actions. */
export function IncidentPage() {
  const { t } = useTranslation(['incidents', 'translation']);
  const { incidentId } = routeApi.useParams();
  const incident = useQuery(incidentQuery(incidentId));
  const [editing, setEditing] = useState(false);
  const [closing, setClosing] = useState(false);
  const [reporting, setReporting] = useState<IncidentReportKind | null>(null);
  const close = useCloseIncident(incident.data ?? ({ id: incidentId, version: 0 } as never));
  if (incident.isLoading) return <LoadingState />;
  if (incident.error || !incident.data) return <ErrorState error={incident.error} onRetry={() => void incident.refetch()} />;
  const i = incident.data;
  const now = new Date().toISOString();
  const unsent = i.deadlines.filter((deadline) => deadline.sentAt === null && deadline.state !== 'not_required');
  const nextToSend = unsent.find(
    (deadline) => deadline.kind !== 'final_report' || i.reports.some((report) => report.kind === 'notification'),
  );
  const systemName = (id: string) => i.systems.find((system) => system.id === id)?.name ?? id;

  return (
    <>
      <AnchorLink to="/incidents" size="sm">
        <span aria-hidden="true">← </span>
        {t('page.back')}
      </AnchorLink>
      <Group justify="space-between" align="flex-start" mt="xs" mb="md" wrap="wrap" gap="md">
        <Stack gap={6} maw={760}>
          <Title order={1} size="h2" className="wrap-anywhere">
            {i.title}
          </Title>
          <Group gap="xs">
            <Badge color={i.status === 'open' ? '#9a3f00' : 'gray.7'} variant="outline" tt="none">
              {t(`status.${i.status}`)}
            </Badge>
            <Text size="sm" c="gray.7">
              {t(`significant.${i.significant}`)}
            </Text>
            <ConfidentialBadge paragraph={i.confidentialOslParagraph} />
          </Group>
        </Stack>
        <Group gap="sm">
          {i.can.recordReport && nextToSend && (
            <Button onClick={() => setReporting(nextToSend.kind)}>
              {t('page.recordReport')}: {t(`report.${nextToSend.kind}`)}
            </Button>
          )}
          {i.can.update && (
            <Button variant="default" onClick={() => setEditing(true)}>
              {t('page.edit')}
            </Button>
          )}
          {i.can.update && i.status === 'open' && (!i.significant || i.reports.length === 3) && (
            <Button variant="outline" onClick={() => setClosing(true)}>
              {t('page.close')}
            </Button>
          )}
        </Group>
      </Group>

      <Stack gap="lg">
        <SectionCard id="clocks" title={t('page.clocks')}>
          {!i.significant && (
            <Text size="sm" mb="sm">
              {t('page.notSignificant')}
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            {i.deadlines.map((deadline) => (
              <IncidentClock key={deadline.kind} deadline={deadline} now={now} />
            ))}
          </SimpleGrid>
        </SectionCard>
        {i.contentWithheld && <WithheldNotice paragraph={i.confidentialOslParagraph} />}
        <SectionCard id="facts" title={t('page.facts')}>
          <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="md" m={0}>
            <Fact label={t('page.detectedAt')}>{formatDateTime(i.detectedAt)}</Fact>
            <Fact label={t('page.recordedBy')}>{i.recordedByName}</Fact>
            {i.closedAt && <Fact label={t('page.closedAt')}>{formatDateTime(i.closedAt)}</Fact>}
            <Fact label={t('page.systems')}>
              <Stack gap={2}>
                {i.systems.map((system) => (
                  <Text size="sm" key={system.id}>
                    <AnchorLink to="/systems/$systemId" params={{ systemId: system.id }} size="sm">
                      {system.name}
                    </AnchorLink>
                    {system.ownerDepartmentName ? ` · ${t('page.owner')}: ${system.ownerDepartmentName}` : ''}
                    {system.nis2 ? ` · ${t('page.nis2')}` : ''}
                  </Text>
                ))}
              </Stack>
            </Fact>
            <Fact label={t('page.description')} multiline>
              {i.description ?? '–'}
            </Fact>
            <Fact label={t('page.lessons')} multiline>
              {i.lessons ?? '–'}
            </Fact>
          </SimpleGrid>
        </SectionCard>
        <SectionCard id="reports" title={t('page.reports')}>
          {i.reports.length === 0 ? (
            <Text size="sm">{t('page.noReports')}</Text>
          ) : (
            <Stack gap="sm">
              {i.reports.map((report) => (
                <Stack gap={2} key={report.kind} data-testid={`report-${report.kind}`}>
                  <Text fw={700} size="sm">
                    {t(`report.${report.kind}`)} · {t('clock.sentAt', { time: formatDateTime(report.sentAt) })} · {report.recordedByName}
                  </Text>
                  {report.content && (
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {report.content}
                    </Text>
                  )}
                </Stack>
              ))}
            </Stack>
          )}
        </SectionCard>
        <SectionCard id="actions" title={t('page.actions')}>
          {i.followUpActions.length === 0 ? (
            <Text size="sm">{t('page.noActions')}</Text>
          ) : (
            <List size="sm" spacing={4}>
              {i.followUpActions.map((action) => (
                <List.Item key={`${action.systemId}:${action.description}`}>
                  {action.description} · {systemName(action.systemId)}
                  {action.dueDate ? ` · ${formatDate(action.dueDate)}` : ''} ·{' '}
                  {action.riskAnalysisId ? (
                    <AnchorLink to="/systems/$systemId" params={{ systemId: action.systemId }} hash="risk-analyses" size="sm">
                      {t('page.riskAnalysis')}
                    </AnchorLink>
                  ) : (
                    t('page.noRiskAnalysis')
                  )}
                </List.Item>
              ))}
            </List>
          )}
        </SectionCard>
      </Stack>

      {editing && <IncidentFormModal incident={i} onClose={() => setEditing(false)} />}
      {reporting && <ReportModal incident={i} kind={reporting} onClose={() => setReporting(null)} />}
      <ConfirmDialog
        opened={closing}
        title={t('page.closeTitle', { name: i.title })}
        text={t('page.closeText')}
        confirmLabel={t('page.close')}
        loading={close.isPending}
        onConfirm={() =>
          close.mutate(undefined, {
            onSuccess: () => {
              notifySuccess(t('page.closed'));
              setClosing(false);
            },
            onError: notifyError,
          })
        }
        onClose={() => setClosing(false)}
      />
    </>
  );
}
