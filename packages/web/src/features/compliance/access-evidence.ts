import type { TFunction } from 'i18next';
import { formatDate, formatNumber } from '../../i18n/format.ts';

// The evidence of issue #14's access-rights rules in words: who holds a right without having been
// informed, the manager's exceptions (shown as exceptions), leavers' rights with the day they are
// due to end, overdue recertifications, privileged holders. ResultReason shows the lines.

type Evidence = Record<string, unknown>;
interface RightEvidence {
  name?: string | null;
  level?: string | null;
  activatedOn?: string | null;
  exceptionReason?: string | null;
  leftOn?: string | null;
  endBy?: string | null;
}

const rightsOf = (value: unknown): RightEvidence[] => (Array.isArray(value) ? (value as RightEvidence[]) : []);
const numberOf = (value: unknown): number | null => (typeof value === 'number' ? value : null);
const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

export function accessEvidenceLines(evidence: Evidence, t: TFunction, language: string): string[] {
  const lines: string[] = [];
  const name = (right: RightEvidence) => right.name ?? t('evidence.unknownPerson');
  const more = (list: string[], total: number | null) =>
    total !== null && total > list.length
      ? t('evidence.notMetMore', { list: list.join('; '), count: total - list.length })
      : list.join('; ');

  const active = numberOf(evidence.activeRights);
  if (active !== null && active > 0)
    lines.push(t('evidence.access.activeRights', { count: active, formatted: formatNumber(active, language) }));
  const uninformed = rightsOf(evidence.uninformed);
  if (uninformed.length > 0) {
    const list = uninformed.map((right) =>
      t('evidence.access.rightActivated', { name: name(right), level: right.level ?? '–', date: formatDate(right.activatedOn) }),
    );
    lines.push(t('evidence.access.uninformed', { list: more(list, numberOf(evidence.uninformedCount)) }));
  }
  const exceptions = rightsOf(evidence.exceptions);
  if (exceptions.length > 0) {
    const list = exceptions.map((right) =>
      t('evidence.access.exceptionRight', { name: name(right), level: right.level ?? '–', reason: right.exceptionReason ?? '–' }),
    );
    lines.push(t('evidence.access.exceptions', { list: more(list, numberOf(evidence.exceptionCount)) }));
  }
  const grace = numberOf(evidence.graceWorkingDays);
  if (grace !== null) lines.push(t('evidence.access.grace', { count: grace }));
  const leaverRights = Array.isArray(evidence.rights) ? rightsOf(evidence.rights) : [];
  if (leaverRights.length > 0) {
    const list = leaverRights.map((right) =>
      t('evidence.access.leaverRight', {
        name: name(right),
        level: right.level ?? '–',
        left: formatDate(right.leftOn),
        endBy: formatDate(right.endBy),
      }),
    );
    lines.push(t('evidence.access.leaverRights', { list: more(list, numberOf(evidence.leaverRightCount)) }));
  }
  if (Array.isArray(evidence.overdue)) {
    for (const entry of evidence.overdue as Array<{ levels: string; oldest: string; dueDate: string }>) {
      lines.push(t(`evidence.access.overdue.${entry.levels}`, { oldest: formatDate(entry.oldest), due: formatDate(entry.dueDate) }));
    }
  }
  if ('lastRecertifiedOn' in evidence) {
    const last = text(evidence.lastRecertifiedOn);
    lines.push(last ? t('evidence.access.lastRecertified', { date: formatDate(last) }) : t('evidence.access.neverRecertified'));
  }
  const holders = numberOf(evidence.privilegedHolders);
  const limit = numberOf(evidence.limit);
  if (holders !== null && limit !== null) lines.push(t('evidence.access.privileged', { holders, limit }));
  return lines;
}
