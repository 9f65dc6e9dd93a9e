import { NumberInput, Table, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format.ts';
import { budgetCategories, sharedResources } from './project-form-rules.ts';

export type Amount = { oneOff: number | null; yearly: number | null };
export type Amounts = Record<string, Amount>;
export type BudgetGroup = 'categories' | 'shared';
export type Period = 'oneOff' | 'yearly';

export const sumOf = (amounts: Amounts, period: Period) =>
  Object.values(amounts).reduce((total, amount) => total + (amount[period] ?? 0), 0);

/**
 * The budget by the categories of §4.2.1 and the reinforcements of shared resources (§6), with
 * totals; editable as the project's current budget, read-only for an earlier revision. `testId`
 * prefixes the table's and totals' test ids.
 */
export function BudgetTable({
  caption,
  categories,
  shared,
  captionHidden = false,
  onChange,
  testId,
}: {
  caption: string;
  /** When a heading already says what the table is (in a dialog), the caption is for screen readers only. */
  captionHidden?: boolean;
  categories: Amounts;
  shared: Amounts;
  /** Without it the table is read-only. */
  onChange?: (group: BudgetGroup, key: string, period: Period, value: number | null) => void;
  testId: string;
}) {
  const { t, i18n } = useTranslation('lifecycle');
  const number = (value: number) => formatNumber(value, i18n.language);

  const amountCell = (group: BudgetGroup, key: string, period: Period, label: string) => {
    const value = (group === 'categories' ? categories : shared)[key]?.[period] ?? null;
    if (!onChange) {
      return (
        <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }} c={value === null ? '#9a3f00' : undefined}>
          {value === null ? t('project.notStated') : number(value)}
        </Table.Td>
      );
    }
    return (
      <Table.Td>
        <NumberInput
          aria-label={`${label}, ${t(`project.${period}`)}`}
          value={value ?? ''}
          placeholder={t('project.notStated')}
          min={0}
          thousandSeparator=" "
          decimalScale={0}
          hideControls
          size="xs"
          styles={{ input: { textAlign: 'right' } }}
          onChange={(next) => onChange(group, key, period, next === '' ? null : Number(next))}
        />
      </Table.Td>
    );
  };

  return (
    <Table.ScrollContainer minWidth={520}>
      <Table data-testid={`${testId}-table`} verticalSpacing={4}>
        {captionHidden ? (
          <VisuallyHidden component="caption">{caption}</VisuallyHidden>
        ) : (
          <caption style={{ textAlign: 'left', fontWeight: 600, paddingBottom: 4 }}>{caption}</caption>
        )}
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('project.budgetCategory')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('project.oneOff')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('project.yearly')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {budgetCategories.map((key) => (
            <Table.Tr key={key}>
              <Table.Th scope="row" fw={400}>
                {t(`category.${key}`)}
              </Table.Th>
              {amountCell('categories', key, 'oneOff', t(`category.${key}`))}
              {amountCell('categories', key, 'yearly', t(`category.${key}`))}
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Th scope="row">{t('project.totalCategories')}</Table.Th>
            <Table.Td ta="right" fw={700} data-testid={`${testId}-total-categories-oneoff`}>
              {number(sumOf(categories, 'oneOff'))}
            </Table.Td>
            <Table.Td ta="right" fw={700}>
              {number(sumOf(categories, 'yearly'))}
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="colgroup" colSpan={3}>
              {t('project.sharedReinforcements')}
            </Table.Th>
          </Table.Tr>
          {sharedResources.map((key) => (
            <Table.Tr key={`shared-${key}`}>
              <Table.Th scope="row" fw={400}>
                {t(`shared.${key}`)}
              </Table.Th>
              {amountCell('shared', key, 'oneOff', `${t('project.sharedReinforcements')}: ${t(`shared.${key}`)}`)}
              {amountCell('shared', key, 'yearly', `${t('project.sharedReinforcements')}: ${t(`shared.${key}`)}`)}
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Th scope="row">{t('project.totalShared')}</Table.Th>
            <Table.Td ta="right" fw={700}>
              {number(sumOf(shared, 'oneOff'))}
            </Table.Td>
            <Table.Td ta="right" fw={700}>
              {number(sumOf(shared, 'yearly'))}
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">{t('project.totalProject')}</Table.Th>
            <Table.Td ta="right" fw={700} data-testid={`${testId}-total-oneoff`}>
              {number(sumOf(categories, 'oneOff') + sumOf(shared, 'oneOff'))} kr
            </Table.Td>
            <Table.Td ta="right" fw={700} data-testid={`${testId}-total-yearly`}>
              {number(sumOf(categories, 'yearly') + sumOf(shared, 'yearly'))} kr
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
