import { Button, Code, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saveComplianceAnalysis } from './projects.queries.ts';
import { notifySuccess } from '../../components/error-messages.ts';
import { handleWriteError, Section, useSaveProject, type SectionProps } from './project-page-parts.tsx';

const judgements = ['meets', 'partly', 'does_not_meet', 'not_applicable'] as const;

/** The compliance analysis (ITP-4.2.1-COMPLIANCE): every clause and guideline section judged, with a motivation. */
export function ComplianceSection({ project, onStale }: SectionProps) {
  const { t, i18n } = useTranslation('lifecycle');
  const editable = project.can.update;
  const store = useSaveProject();
  const analysis = project.complianceAnalysis;
  const [items, setItems] = useState(() =>
    analysis.items.map((item) => ({ key: item.key, judgement: item.judgement, motivation: item.motivation ?? '' })),
  );
  const save = useMutation({
    mutationFn: () =>
      saveComplianceAnalysis(project, {
        items: items.map((item) => ({ key: item.key, judgement: item.judgement, motivation: item.motivation.trim() || null })),
      }),
    onSuccess: (updated) => {
      store(updated);
      notifySuccess(t('project.complianceSaved'));
    },
    onError: (error) => handleWriteError(error, onStale),
  });
  const judged = items.filter((item) => item.judgement !== null).length;
  return (
    <Section id="compliance-analysis" title={t('project.compliance')}>
      <Stack>
        <Text size="sm" c="gray.7">
          {t('project.complianceHint')}
        </Text>
        <Text size="sm" aria-live="polite">
          {analysis.finished ? t('project.complianceFinished') : t('project.complianceProgress', { judged, total: items.length })}
        </Text>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate();
          }}
        >
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing={4} data-testid="compliance-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('project.requirement')}</Table.Th>
                  <Table.Th scope="col" w={200}>
                    {t('project.decision')}
                  </Table.Th>
                  <Table.Th scope="col">{t('project.motivationLabel', { reference: '' }).trim()}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {analysis.items.map((item, index) => {
                  const current = items[index]!;
                  const title = i18n.language === 'en' ? item.titleEn : item.titleSv;
                  return (
                    <Table.Tr key={item.key} data-testid="compliance-item">
                      <Table.Th scope="row" fw={400}>
                        <Code>{item.source === 'policy' ? item.reference : `${t('project.guidelines')} ${item.reference}`}</Code>
                        <Text size="sm">{title}</Text>
                      </Table.Th>
                      <Table.Td>
                        <NativeSelect
                          size="xs"
                          aria-label={t('project.judgementLabel', { reference: item.reference })}
                          value={current.judgement ?? ''}
                          disabled={!editable}
                          onChange={(event) => {
                            const value = event.currentTarget.value;
                            setItems((previous) =>
                              previous.map((entry, position) =>
                                position === index
                                  ? { ...entry, judgement: value === '' ? null : (value as (typeof judgements)[number]) }
                                  : entry,
                              ),
                            );
                          }}
                          data={[
                            { value: '', label: t('project.notJudged') },
                            ...judgements.map((value) => ({ value, label: t(`judgement.${value}`) })),
                          ]}
                        />
                      </Table.Td>
                      <Table.Td>
                        <TextInput
                          size="xs"
                          aria-label={t('project.motivationLabel', { reference: item.reference })}
                          value={current.motivation}
                          readOnly={!editable}
                          onChange={(event) => {
                            const value = event.currentTarget.value;
                            setItems((previous) =>
                              previous.map((entry, position) => (position === index ? { ...entry, motivation: value } : entry)),
                            );
                          }}
                        />
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {editable && (
            <Button type="submit" mt="sm" loading={save.isPending}>
              {t('project.saveCompliance')}
            </Button>
          )}
        </form>
      </Stack>
    </Section>
  );
}
