import type { ComplianceSummaryView } from '@forvalta/contracts';
import { Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import type { Framework } from './compliance.queries.ts';
import { formatScore, scoreClass } from './compliance-format.ts';

type Counts = { passed: number; failed: number; notApplicable: number; score: number | null };

/** The framework as a link's search: the policy is the address without one. */
export const frameworkLink = (framework: Framework) => (framework === 'nis2' ? { framework } : {});

/** A clause's short label in the heat map's header: the id without its framework's prefix. */
const shortClauseId = (clauseId: string) => clauseId.replace(/^(ITP|NIS2)-/, '');

function HeatCell({
  counts,
  clauseId,
  departmentId,
  label,
  framework,
}: {
  counts: Counts | undefined;
  clauseId: string;
  departmentId: string | null;
  label: string;
  framework: Framework;
}) {
  const { t, i18n } = useTranslation();
  if (!counts || counts.passed + counts.failed === 0) {
    return (
      <Table.Td className="heat-cell">
        <span className="heat-value heat-none">
          <span aria-hidden="true">–</span>
          <span className="visually-hidden-text">{t('compliance.notJudged')}</span>
        </span>
      </Table.Td>
    );
  }
  const text = formatScore(counts.score, i18n.language);
  const failed = counts.failed > 0 ? t('compliance.failedShort', { count: counts.failed }) : t('compliance.allMetShort');
  return (
    <Table.Td className="heat-cell" data-testid={`heat-${clauseId}-${departmentId ?? 'none'}`}>
      <Link
        to="/compliance/clauses/$clauseId"
        params={{ clauseId }}
        search={{ ...frameworkLink(framework), ...(departmentId ? { department: departmentId } : {}) }}
        className={scoreClass(counts.score)}
      >
        <span className="visually-hidden-text">{t('compliance.cellContext', { department: label, clause: clauseId })}: </span>
        <Text span fw={700} size="sm" display="block">
          {text}
        </Text>
        <Text span fz={11} display="block">
          {failed}
        </Text>
      </Link>
    </Table.Td>
  );
}

/** The heat map: a row per department, a column per clause that counts in the share, each cell linked to its clause page. */
export function HeatMap({ summary, framework }: { summary: ComplianceSummaryView; framework: Framework }) {
  const { t, i18n } = useTranslation();
  const rows = summary.departments.filter((department) => department.passed + department.failed + department.notApplicable > 0);
  // The clauses that count in the share: not those without a rule, nor the structural ones.
  const columns = summary.clauses.filter((clause) => clause.check !== 'not_checked' && clause.check !== 'structural');
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table withTableBorder withColumnBorders verticalSpacing={4} horizontalSpacing={4} data-testid="heat-map">
        <caption style={{ captionSide: 'top', textAlign: 'left', padding: '0 0 8px' }}>
          <Text size="sm" c="gray.7" span>
            {t('compliance.heatMapCaption')}
          </Text>
        </caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('compliance.department')}</Table.Th>
            <Table.Th scope="col" ta="center">
              {t('compliance.overall')}
            </Table.Th>
            {columns.map((clause) => (
              <Table.Th scope="col" key={clause.clauseId} ta="center" fz="xs">
                <AnchorLink
                  to="/compliance/clauses/$clauseId"
                  params={{ clauseId: clause.clauseId }}
                  search={frameworkLink(framework)}
                  size="xs"
                  fw={700}
                  title={i18n.language === 'en' ? clause.titleEn : clause.titleSv}
                >
                  {shortClauseId(clause.clauseId)}
                </AnchorLink>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((department) => {
            const name = department.departmentName ?? t('compliance.noDepartment');
            return (
              <Table.Tr key={department.departmentId ?? 'none'}>
                <Table.Th scope="row" fz="sm" fw={600} miw={160}>
                  {name}
                </Table.Th>
                <Table.Td className="heat-cell">
                  <span className={`heat-value ${scoreClass(department.score)}`}>
                    <Text span fw={700} size="sm">
                      {formatScore(department.score, i18n.language)}
                    </Text>
                  </span>
                </Table.Td>
                {columns.map((clause) => (
                  <HeatCell
                    key={clause.clauseId}
                    clauseId={clause.clauseId}
                    departmentId={department.departmentId}
                    label={name}
                    framework={framework}
                    counts={department.clauses.find((entry) => entry.clauseId === clause.clauseId)}
                  />
                ))}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
