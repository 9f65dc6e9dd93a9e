import type { Project } from '@forvalta/contracts';
import { List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../i18n/format.ts';
import { Section } from './project-page-parts.tsx';
import { keyedByContent } from '../../components/stable-keys.ts';

/** The decisions on the operational approval, newest first: given, with conditions, or refused. */
export function ApprovalsSection({ project }: { project: Project }) {
  const { t } = useTranslation('lifecycle');
  if (project.approvals.length === 0) return null;
  return (
    <Section id="approvals" title={t('project.approvals')}>
      <Stack gap="sm">
        {project.approvals.map((approval) => (
          <div key={approval.id} data-testid="approval">
            <Text size="sm" fw={600}>
              {t('project.approvalLine', {
                decision:
                  approval.decision === 'rejected'
                    ? t('state.rejected')
                    : approval.decision === 'approved'
                      ? t('project.decisionApproved')
                      : t('project.decisionApprovedWithConditions'),
                date: formatDate(approval.decidedOn),
                name: approval.approverName,
              })}
            </Text>
            {approval.caseReference && (
              <Text size="sm">
                {t('project.caseReference')}: {approval.caseReference}
              </Text>
            )}
            {approval.scope && (
              <Text size="sm">
                {t('project.scope')}: {approval.scope}
                {approval.approvedVersion ? ` (${approval.approvedVersion})` : ''}
              </Text>
            )}
            {approval.reason && <Text size="sm">{approval.reason}</Text>}
            {approval.conditions.length > 0 && (
              <List size="sm">
                {keyedByContent(approval.conditions, (condition) => condition.text).map(({ key, item: condition }) => (
                  <List.Item key={key}>
                    {condition.text}
                    {condition.deadline ? ` (${formatDate(condition.deadline)})` : ''}
                  </List.Item>
                ))}
              </List>
            )}
          </div>
        ))}
      </Stack>
    </Section>
  );
}
