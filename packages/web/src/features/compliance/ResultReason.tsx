import type { ComplianceResult } from '@forvalta/contracts';
import { List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import { accessEvidenceLines } from './access-evidence.ts';
import { equipmentEvidenceLines } from './equipment-evidence.ts';
import { peopleEvidenceLines } from './people-evidence.ts';

type Evidence = Record<string, unknown>;
interface PersonEvidence {
  name: string | null;
  employmentStatus: string;
  isManager?: boolean;
}

const asArray = <T,>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);
const asString = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** The reason of a result in words, with its evidence in readable form (names, dates, lists), never raw JSON. */
export function ResultReason({ result }: { result: Pick<ComplianceResult, 'reason' | 'evidence'> }) {
  const { t, i18n } = useTranslation();
  const evidence = result.evidence as Evidence;
  const interval = typeof evidence.intervalMonths === 'number' ? evidence.intervalMonths : 12;
  const reason = t(`reasons.${result.reason}`, { intervalMonths: interval, defaultValue: result.reason });

  const person = (entry: PersonEvidence) =>
    `${entry.name ?? t('evidence.unknownPerson')} (${t(`evidence.employment.${entry.employmentStatus}`, { defaultValue: entry.employmentStatus })})`;
  const details: string[] = [];
  switch (result.reason) {
    case 'costs_missing':
    case 'costs_stated': {
      const missing = asArray<string>(evidence.missingCategories).map((category) =>
        t(`labels.cost.${category}`, { defaultValue: category }),
      );
      if (missing.length) details.push(t('evidence.missingCosts', { list: missing.join(', ') }));
      const costs = (evidence.yearlyCosts ?? {}) as Record<string, number | null>;
      const stated = Object.entries(costs)
        .filter(([, value]) => typeof value === 'number')
        .map(
          ([category, value]) =>
            `${t(`labels.cost.${category}`, { defaultValue: category })} ${formatNumber(value as number, i18n.language)} kr`,
        );
      if (stated.length) details.push(t('evidence.statedCosts', { list: stated.join(', ') }));
      break;
    }
    case 'no_deputy':
    case 'deputy_left':
    case 'deputy_is_manager':
    case 'deputy_appointed': {
      const deputies = asArray<PersonEvidence>(evidence.deputies);
      details.push(deputies.length ? t('evidence.deputies', { list: deputies.map(person).join(', ') }) : t('evidence.noDeputies'));
      break;
    }
    case 'no_manager':
    case 'several_managers':
    case 'manager_left':
    case 'manager_appointed': {
      const managers = asArray<PersonEvidence>(evidence.managers);
      details.push(managers.length ? t('evidence.managers', { list: managers.map(person).join(', ') }) : t('evidence.noManagers'));
      break;
    }
    case 'never_confirmed':
    case 'confirmation_stale':
    case 'confirmed': {
      const last = asString(evidence.lastConfirmedAt);
      details.push(last ? t('evidence.lastConfirmed', { date: formatDate(last) }) : t('evidence.neverConfirmed'));
      const due = asString(evidence.dueDate);
      if (due) details.push(t(result.reason === 'confirmed' ? 'evidence.due' : 'evidence.overdueSince', { date: formatDate(due) }));
      break;
    }
    case 'duties_missing':
    case 'duties_stale':
    case 'duties_confirmed': {
      const missing = asArray<{ duty: string; status: string | null }>(evidence.missingDuties);
      const stale = asArray<{ duty: string; confirmedAt: string | null }>(evidence.staleDuties);
      if (missing.length)
        details.push(
          t('evidence.missingDuties', {
            list: missing
              .map(
                (duty) =>
                  `${t(`labels.duty.${duty.duty}`)} (${duty.status ? t(`labels.dutyStatus.${duty.status}`) : t('evidence.notRecorded')})`,
              )
              .join('; '),
          }),
        );
      if (stale.length)
        details.push(
          t('evidence.staleDuties', {
            list: stale
              .map(
                (duty) =>
                  `${t(`labels.duty.${duty.duty}`)} (${duty.confirmedAt ? formatDate(duty.confirmedAt) : t('evidence.neverConfirmedShort')})`,
              )
              .join('; '),
          }),
        );
      // §4.2.3 "administer access rights": the access-rights module's record on the checklist.
      if (evidence.accessRights && typeof evidence.accessRights === 'object')
        details.push(...accessEvidenceLines(evidence.accessRights as Evidence, t, i18n.language));
      break;
    }
    case 'owner_recorded':
      if (asString(evidence.ownerDepartmentName)) details.push(t('evidence.owner', { name: evidence.ownerDepartmentName }));
      break;
    case 'out_of_scope':
    case 'system_retired':
    case 'in_scope':
    case 'scope_unknown':
      if (asString(evidence.scope))
        details.push(
          t('evidence.scope', { scope: t(`labels.scope.${evidence.scope as string}`, { defaultValue: evidence.scope as string }) }),
        );
      if (asString(evidence.lifecycle))
        details.push(t('evidence.lifecycle', { lifecycle: t(`labels.lifecycle.${evidence.lifecycle as string}`) }));
      break;
    case 'clause_exception': {
      const until = asString(evidence.until);
      details.push(until ? t('evidence.exceptionUntil', { date: formatDate(until) }) : t('evidence.exceptionOpen'));
      if (asString(evidence.ruleReason))
        details.push(t('evidence.wouldBe', { reason: t(`reasons.${evidence.ruleReason as string}`, { intervalMonths: interval }) }));
      break;
    }
    default:
      details.push(...peopleEvidenceLines(result.reason, evidence, t, i18n.language));
      details.push(...accessEvidenceLines(evidence, t, i18n.language));
      details.push(...equipmentEvidenceLines(result.reason, evidence, t, i18n.language));
      break;
  }

  return (
    <Stack gap={2}>
      <Text size="sm" fw={600}>
        {reason}
      </Text>
      {details.length > 0 && (
        <List size="sm" spacing={0} c="gray.8" listStyleType="none" styles={{ item: { overflowWrap: 'anywhere' } }}>
          {details.map((detail) => (
            <List.Item key={detail}>{detail}</List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
