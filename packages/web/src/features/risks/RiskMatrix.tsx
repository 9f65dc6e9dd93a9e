import type { RiskAnalysis } from '@forvalta/contracts';
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { bandColours, riskBand } from './risk-bands.ts';

/**
 * The 4×4 matrix as a heat map that is a real table: likelihood in rows (highest first),
 * consequence in columns, each cell with its count and its risk level in words, so colour is
 * never the only cue.
 */
export function RiskMatrix({ analysis, residual = false }: { analysis: RiskAnalysis; residual?: boolean }) {
  const { t } = useTranslation('lifecycle');
  const title = residual ? t('risks.matrixResidual') : t('risks.matrixInherent');
  const counts = new Map<string, number>();
  for (const scenario of analysis.scenarios) {
    const likelihood = residual ? scenario.residualLikelihood : scenario.likelihood;
    const consequence = residual ? scenario.residualConsequence : scenario.consequence;
    if (likelihood === null || consequence === null) continue;
    const key = `${likelihood}-${consequence}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const levels = [4, 3, 2, 1] as const;
  const consequences = [1, 2, 3, 4] as const;
  return (
    <Table
      withTableBorder
      withColumnBorders
      data-testid={residual ? 'risk-matrix-residual' : 'risk-matrix'}
      style={{ tableLayout: 'fixed' }}
    >
      <caption style={{ textAlign: 'left', fontWeight: 600, paddingBottom: 4 }}>{t('risks.matrixCaption', { title })}</caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">
            {t('risks.likelihood')} \ {t('risks.consequence')}
          </Table.Th>
          {consequences.map((consequence) => (
            <Table.Th scope="col" key={consequence} ta="center">
              {consequence}. {analysis.matrix.consequenceLabels[consequence - 1]}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {levels.map((likelihood) => (
          <Table.Tr key={likelihood}>
            <Table.Th scope="row">
              {likelihood}. {analysis.matrix.likelihoodLabels[likelihood - 1]}
            </Table.Th>
            {consequences.map((consequence) => {
              const count = counts.get(`${likelihood}-${consequence}`) ?? 0;
              const band = riskBand(likelihood * consequence);
              const colours = bandColours[band];
              return (
                <Table.Td
                  key={consequence}
                  ta="center"
                  style={{ background: colours.background, color: colours.color }}
                  data-testid={`cell-${likelihood}-${consequence}`}
                >
                  <Text size="sm" fw={count > 0 ? 700 : 400} c="inherit">
                    {count > 0 ? t('risks.cellText', { count }) : t('risks.cellEmpty')}
                  </Text>
                  <Text size="xs" c="inherit">
                    {t(`riskLevel.${band}`)} ({likelihood * consequence})
                  </Text>
                </Table.Td>
              );
            })}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
