import type { TFunction } from 'i18next';
import { formatDate, formatNumber } from '../../i18n/format.ts';

// The evidence of issue #13's rules in words: a department's share, the people missing, the
// courses, a document's version and review date. ResultReason shows the lines.

type Evidence = Record<string, unknown>;
const names = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : [];
const numberOf = (value: unknown): number | null => (typeof value === 'number' ? value : null);
const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

export function peopleEvidenceLines(reason: string, evidence: Evidence, t: TFunction, language: string): string[] {
  const lines: string[] = [];
  const asked = numberOf(evidence.asked);
  const met = numberOf(evidence.met);
  if (asked !== null && met !== null && asked > 0) {
    lines.push(
      t('evidence.share', {
        met: formatNumber(met, language),
        asked: formatNumber(asked, language),
        share: formatNumber(numberOf(evidence.sharePercent) ?? 0, language),
        threshold: formatNumber(numberOf(evidence.thresholdPercent) ?? 0, language),
      }),
    );
  }
  const missing = names(evidence.notMet);
  const missingCount = numberOf(evidence.notMetCount) ?? missing.length;
  if (missing.length > 0) {
    const list = missing.join(', ');
    lines.push(
      t('evidence.notMet', {
        list: missingCount > missing.length ? t('evidence.notMetMore', { list, count: missingCount - missing.length }) : list,
      }),
    );
  }
  const since = text(evidence.trainedSince);
  if (since) lines.push(t('evidence.trainedSince', { date: formatDate(since) }));
  const courses = names(evidence.courses);
  if (courses.length > 0) lines.push(t('evidence.courses', { list: courses.join(', ') }));
  if (evidence.usersApproximated === true)
    lines.push(t('evidence.usersApproximated', { list: names(evidence.otherDepartments).join(', ') }));
  if (Array.isArray(evidence.untrained) && evidence.untrained.length > 0) {
    const people = (evidence.untrained as Array<{ name?: string | null }>).map((person) => person.name ?? t('evidence.unknownPerson'));
    lines.push(t('evidence.untrained', { list: people.join(', ') }));
  }
  const documents = names(evidence.documents);
  if (documents.length > 0) lines.push(t('evidence.documents', { list: documents.join('; ') }));
  const workingDays = numberOf(evidence.workingDays);
  if (workingDays !== null) lines.push(t('evidence.workingDays', { count: workingDays }));
  const versionNumber = numberOf(evidence.versionNumber);
  if (versionNumber !== null) {
    const adoptedOn = text(evidence.adoptedOn);
    lines.push(
      t('evidence.documentVersion', {
        number: versionNumber,
        date: adoptedOn ? formatDate(adoptedOn) : '–',
        body: text(evidence.adoptedBy) ?? '–',
      }),
    );
  }
  const due = text(evidence.dueDate);
  if (due)
    lines.push(t(reason === 'document_review_overdue' ? 'evidence.documentOverdue' : 'evidence.documentDue', { date: formatDate(due) }));
  return lines;
}
