import type { Budget } from '@forvalta/contracts';
import { Badge, Button, List, Modal, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { budgetRevisionsQuery } from './projects.queries.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { formatDateTime, formatNumber } from '../../i18n/format.ts';
import { budgetChanges } from './project-form-rules.ts';
import { BudgetTable } from './BudgetTable.tsx';

/** Every revision of the budget, newest first, with what each changed; an earlier one can be opened as a table. */
export function BudgetHistory({ projectId, currentRevision }: { projectId: string; currentRevision: number }) {
  const { t, i18n } = useTranslation('lifecycle');
  const [shown, setShown] = useState<Budget | null>(null);
  const revisions = useQuery(budgetRevisionsQuery(projectId));
  const amount = (value: number | null) => (value === null ? t('project.notStated') : `${formatNumber(value, i18n.language)} kr`);
  const items = revisions.data?.items ?? [];

  return (
    <Stack gap="xs" component="section" aria-labelledby="budget-history-heading" data-testid="budget-history">
      <Title order={3} size="h5" id="budget-history-heading">
        {t('project.budgetHistory')}
      </Title>
      {revisions.error ? (
        <ErrorState error={revisions.error} onRetry={() => void revisions.refetch()} />
      ) : revisions.isLoading ? (
        <LoadingState />
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('project.revisionColumn')}</Table.Th>
                <Table.Th scope="col">{t('project.recordedColumn')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('project.oneOff')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('project.yearly')}
                </Table.Th>
                <Table.Th scope="col">{t('project.changesColumn')}</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>{t('project.openRevisionColumn')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((revision, index) => {
                const previous = items[index + 1];
                const changes = previous ? budgetChanges(previous, revision) : [];
                return (
                  <Table.Tr key={revision.revision} data-testid="budget-revision-row">
                    <Table.Th scope="row" fw={600} style={{ whiteSpace: 'nowrap' }}>
                      {revision.revision}{' '}
                      {revision.revision === currentRevision && (
                        <Badge variant="outline" color="gray.7" tt="none" size="sm">
                          {t('project.currentRevision')}
                        </Badge>
                      )}
                    </Table.Th>
                    <Table.Td>
                      <Text size="sm">{formatDateTime(revision.recordedAt)}</Text>
                      <Text size="xs" c="gray.7">
                        {revision.recordedByName}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                      {amount(revision.totals.project.oneOff)}
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                      {amount(revision.totals.project.yearly)}
                    </Table.Td>
                    <Table.Td>
                      {!previous ? (
                        <Text size="sm">{t('project.firstRevision')}</Text>
                      ) : changes.length === 0 ? (
                        <Text size="sm">
                          {previous.note !== revision.note ? t('project.onlyNoteChanged') : t('project.noAmountChanged')}
                        </Text>
                      ) : (
                        <List size="sm" spacing={2} data-testid="budget-change">
                          {changes.map((change) => (
                            <List.Item key={`${change.group}-${change.key}-${change.period}`}>
                              {t('project.budgetChange', {
                                item: `${change.group === 'shared' ? `${t('project.sharedReinforcements')}: ` : ''}${t(`${change.group}.${change.key}`)}`,
                                period: t(`project.${change.period}Short`),
                                before: amount(change.before),
                                after: amount(change.after),
                              })}
                            </List.Item>
                          ))}
                        </List>
                      )}
                      {revision.note && (
                        <Text size="xs" c="gray.7">
                          {t('project.budgetNote')}: {revision.note}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Button variant="default" size="xs" onClick={() => setShown(revision)}>
                        {t('project.showRevision', { revision: revision.revision })}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {shown && (
        <Modal opened onClose={() => setShown(null)} size="lg" title={t('project.revisionTitle', { revision: shown.revision })}>
          <Stack>
            <Text size="sm">
              {t('project.budgetRevision', { revision: shown.revision, at: formatDateTime(shown.recordedAt), name: shown.recordedByName })}
            </Text>
            <BudgetTable
              caption={t('project.revisionTitle', { revision: shown.revision })}
              categories={shown.categories}
              shared={shown.sharedReinforcements}
              testId="budget-revision"
              captionHidden
            />
            {shown.note && (
              <Text size="sm">
                {t('project.budgetNote')}: {shown.note}
              </Text>
            )}
          </Stack>
        </Modal>
      )}
    </Stack>
  );
}
