import type { GateGap, Project } from '@forvalta/contracts';
import { Anchor, Code, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { i18next } from '../../i18n/index.ts';
import { sectionOfGap } from './project-values.ts';
import { Section } from './project-page-parts.tsx';
import { keyedByContent } from '../../components/stable-keys.ts';

/** A gate's missing piece in the interface language; the server's (English) words are the last resort. */
export function gapText(gap: GateGap, project: Pick<Project, 'complianceAnalysis'>): string {
  const t = i18next.getFixedT(null, 'lifecycle');
  if (gap.path === 'description' || gap.path === 'specification' || gap.path === 'timeline' || gap.path === 'trainingPlan')
    return t(`gap.${gap.path}`);
  if (gap.path === 'trainingPlan.entries') {
    if (/system managers/i.test(gap.message)) return t('gap.trainingSystemManagers');
    if (/IT unit/i.test(gap.message)) return t('gap.trainingItUnit');
  }
  if (gap.path === 'budget' && /no budget/i.test(gap.message)) return t('gap.budget');
  const budgetAmount = /^budget\.(categories|sharedReinforcements)\.(\w+)\.(oneOff|yearly)$/.exec(gap.path);
  if (budgetAmount) {
    const [, group, key, period] = budgetAmount;
    const item = `${t(`${group === 'categories' ? 'category' : 'shared'}.${key}`)} (${t(`project.${period}`)})`;
    return t('gap.budgetAmount', { item });
  }
  if (gap.path.startsWith('complianceAnalysis.items.')) {
    const key = gap.path.slice('complianceAnalysis.items.'.length);
    const item = project.complianceAnalysis.items.find((candidate) => candidate.key === key);
    const reference = item ? `${item.reference} ${i18next.language === 'en' ? item.titleEn : item.titleSv}` : key;
    return t(/motivation/i.test(gap.message) ? 'gap.motivation' : 'gap.compliance', { reference });
  }
  if (gap.path === 'riskAnalysis' && /no risk analysis/i.test(gap.message)) return t('gap.riskAnalysis');
  if (gap.path === 'riskAnalysis.scenarios') return t(/consequence/i.test(gap.message) ? 'gap.noConsequence' : 'gap.noScenario');
  if (gap.path === 'projectLeadPersonId') return t('gap.projectLead');
  if (gap.path === 'complianceAnalysis') return t('gap.complianceEmpty');
  return gap.message;
}

/** The gaps, with the unjudged compliance items folded into one line so the list stays readable. */
export function GapList({ gaps, project }: { gaps: GateGap[]; project: Project }) {
  const { t } = useTranslation('lifecycle');
  const compliance = gaps.filter((gap) => gap.path.startsWith('complianceAnalysis.items.'));
  const others = gaps.filter((gap) => !gap.path.startsWith('complianceAnalysis.items.'));
  const rows = others.map((gap) => ({ code: gap.code, text: gapText(gap, project), section: sectionOfGap(gap.path) }));
  if (compliance.length === 1)
    rows.push({ code: compliance[0]!.code, text: gapText(compliance[0]!, project), section: 'compliance-analysis' });
  if (compliance.length > 1)
    rows.push({ code: compliance[0]!.code, text: t('gap.complianceCount', { count: compliance.length }), section: 'compliance-analysis' });
  return (
    <List spacing="xs" data-testid="gate-gaps">
      {keyedByContent(rows, (row) => `${row.code} ${row.text}`).map(({ key, item: row }) => (
        <List.Item key={key} data-testid="gate-gap">
          <Code>{row.code}</Code> {row.text}{' '}
          <Anchor href={`#${row.section}`} size="sm" c="blue.9">
            {t('project.gapLink', { section: t(`gap.section.${row.section}`) })}
          </Anchor>
        </List.Item>
      ))}
    </List>
  );
}

/** What the submit gate still misses, each piece linked to the section where it is fixed. */
export function GateProgressSection({ project }: { project: Project }) {
  const { t } = useTranslation('lifecycle');
  return (
    <Section id="progress" title={t('project.progress')}>
      {project.submitGaps.length === 0 ? (
        <Text size="sm" data-testid="gate-ready">
          {t('project.progressReady')}
        </Text>
      ) : (
        <Stack gap="xs">
          <Text size="sm">{t('project.progressCount', { count: project.submitGaps.length })}</Text>
          <GapList gaps={project.submitGaps} project={project} />
        </Stack>
      )}
    </Section>
  );
}
