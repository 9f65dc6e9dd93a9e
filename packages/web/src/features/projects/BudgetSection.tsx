import type { BudgetInput } from '@forvalta/contracts';
import { Badge, Button, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { projectKeys, saveBudget } from './projects.queries.ts';
import { notifySuccess } from '../../components/error-messages.ts';
import { LoadingState } from '../../components/LoadingState.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { BudgetHistory } from './BudgetHistory.tsx';
import { BudgetTable, type Amounts, type BudgetGroup, type Period } from './BudgetTable.tsx';
import { budgetCategories, sharedResources } from './project-form-rules.ts';
import { handleWriteError, Section, useSaveProject, type SectionProps } from './project-page-parts.tsx';

const BudgetChart = lazy(() => import('./BudgetChart.tsx').then((module) => ({ default: module.BudgetChart })));

const amountsOf = (keys: readonly string[], stored: Amounts | undefined): Amounts =>
  Object.fromEntries(keys.map((key) => [key, stored?.[key] ?? { oneOff: null, yearly: null }]));

/** The project budget (ITP-4.2.1-BUDGET, ITP-6-SHARED-COST): every save is a new revision, and the revisions are listed below it. */
export function BudgetSection({ project, onStale }: SectionProps) {
  const { t } = useTranslation('lifecycle');
  const editable = project.can.update;
  const store = useSaveProject();
  const queryClient = useQueryClient();
  const budget = project.budget;
  const [categories, setCategories] = useState<Amounts>(() => amountsOf(budgetCategories, budget?.categories));
  const [shared, setShared] = useState<Amounts>(() => amountsOf(sharedResources, budget?.sharedReinforcements));
  const [note, setNote] = useState(budget?.note ?? '');

  const save = useMutation({
    mutationFn: () => saveBudget(project, { categories, sharedReinforcements: shared, note: note.trim() || null } as BudgetInput),
    onSuccess: async (updated) => {
      store(updated);
      await queryClient.invalidateQueries({ queryKey: projectKeys.detail(project.id) });
      notifySuccess(t('project.budgetSaved', { revision: updated.budget?.revision ?? 1 }));
    },
    onError: (error) => handleWriteError(error, onStale),
  });

  const change = (group: BudgetGroup, key: string, period: Period, value: number | null) =>
    (group === 'categories' ? setCategories : setShared)((previous) => ({ ...previous, [key]: { ...previous[key]!, [period]: value } }));
  const chartData = budgetCategories.map((key) => ({
    category: t(`category.${key}`),
    oneOff: categories[key]!.oneOff ?? 0,
    yearly: categories[key]!.yearly ?? 0,
  }));

  return (
    <Section id="budget" title={t('project.budget')}>
      <Stack>
        <Text size="sm" c="gray.7">
          {t('project.budgetHint')}
        </Text>
        {budget ? (
          <Text size="sm">
            {t('project.budgetRevision', { revision: budget.revision, at: formatDateTime(budget.recordedAt), name: budget.recordedByName })}{' '}
            {budget.missing.length > 0 && (
              <Badge color="#9a3f00" variant="filled" tt="none">
                {t('project.budgetMissing', { count: budget.missing.length })}
              </Badge>
            )}
          </Text>
        ) : (
          <Text size="sm">{t('project.noBudget')}</Text>
        )}
        <form
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate();
          }}
        >
          <BudgetTable
            caption={t('project.budget')}
            categories={categories}
            shared={shared}
            onChange={editable ? change : undefined}
            testId="budget"
          />
          {editable && (
            <Stack mt="sm" align="flex-start">
              <Textarea
                label={t('project.budgetNote')}
                value={note}
                onChange={(event) => setNote(event.currentTarget.value)}
                autosize
                minRows={1}
                w="100%"
              />
              <Button type="submit" loading={save.isPending}>
                {t('project.saveBudget')}
              </Button>
            </Stack>
          )}
          {!editable && budget?.note && (
            <Text size="sm" mt="sm">
              {t('project.budgetNote')}: {budget.note}
            </Text>
          )}
        </form>
        <Suspense fallback={<LoadingState />}>
          <BudgetChart
            data={chartData}
            title={t('project.budgetChart')}
            oneOffLabel={t('project.oneOff')}
            yearlyLabel={t('project.yearly')}
          />
        </Suspense>
        {budget && <BudgetHistory projectId={project.id} currentRevision={budget.revision} />}
      </Stack>
    </Section>
  );
}
