/**
 * The compliance analysis of a project (ITP-4.2.1-COMPLIANCE), pure: which items it has, and
 * whether it is finished. Items are derived on every read from the municipality's current policy
 * pack and its list of IT security guideline sections, so a clause or section added later shows
 * up as unjudged; judgements are stored by item key.
 */
import type { ComplianceAnalysis } from '@forvalta/contracts';
import { clauseHasKind, type Clause } from '../../policy/index.ts';

/**
 * The clauses that ask something of a system, as opposed to of people, equipment, documents or
 * the organisation. Clause IDs are stable across municipalities' pack versions (a version edits
 * texts and parameters, not IDs), so the list holds for every pack; a pack without one of them
 * simply has one item fewer.
 */
export const systemClauseIds: readonly string[] = [
  'ITP-1-SCOPE',
  'ITP-2-COST',
  'ITP-2-OPEN',
  'ITP-3-INFORM-NEW',
  'ITP-3-TRAIN',
  'ITP-4.2-OWNER',
  'ITP-4.2-MANAGER',
  'ITP-4.2-DEPUTY',
  'ITP-4.2-TRAIN-OTHERS',
  'ITP-4.2-REGISTER',
  'ITP-4.2-REVIEW',
  'ITP-4.2.1-BUDGET',
  'ITP-4.2.1-TRAIN-ADMINS',
  'ITP-4.2.2-RESOURCES',
  'ITP-4.2.3-DUTIES',
  'ITP-5-NEW-SYSTEM',
  'ITP-6-SHARED-COST',
  'ITP-7-LICENCE',
  'ITP-7-GENERIC',
  'ITP-7-SELF-DEVELOPED',
  'ITP-7-OPEN-SOURCE',
  'ITP-8-PERSONAL-DATA',
];

export interface StoredJudgement {
  judgement: 'meets' | 'partly' | 'does_not_meet' | 'not_applicable' | null;
  motivation: string | null;
  judgedAt: string | null;
  judgedByName: string | null;
}
export type StoredJudgements = Record<string, StoredJudgement>;

export interface GuidelineSection {
  id: string;
  code: string;
  title: string;
}

export const clauseItemKey = (clauseId: string) => `clause:${clauseId}`;
export const guidelineItemKey = (sectionId: string) => `guideline:${sectionId}`;

export function analysisItemsOf(
  clauses: readonly Clause[],
  sections: readonly GuidelineSection[],
  judgements: StoredJudgements,
): ComplianceAnalysis['items'] {
  const wanted = new Set(systemClauseIds);
  const policyItems = clauses
    .filter(
      (clause) =>
        wanted.has(clause.id) && (clauseHasKind(clause, 'rule') || clauseHasKind(clause, 'gate') || clauseHasKind(clause, 'record')),
    )
    .map((clause) => ({
      key: clauseItemKey(clause.id),
      source: 'policy' as const,
      reference: clause.id,
      titleSv: clause.titleSv,
      titleEn: clause.titleEn,
    }));
  // The guidelines are a Swedish document of the municipality's own: one title in both languages.
  const guidelineItems = sections.map((section) => ({
    key: guidelineItemKey(section.id),
    source: 'security_guidelines' as const,
    reference: section.code,
    titleSv: section.title,
    titleEn: section.title,
  }));
  return [...policyItems, ...guidelineItems].map((item) => {
    const stored = judgements[item.key];
    return {
      ...item,
      judgement: stored?.judgement ?? null,
      motivation: stored?.motivation ?? null,
      judgedAt: stored?.judgedAt ?? null,
      judgedByName: stored?.judgedByName ?? null,
    };
  });
}

/** What an item still needs: a judgement, and a motivation for anything but `meets`. */
export function itemGap(item: Pick<ComplianceAnalysis['items'][number], 'judgement' | 'motivation'>): 'judgement' | 'motivation' | null {
  if (item.judgement === null) return 'judgement';
  if (item.judgement !== 'meets' && !item.motivation?.trim()) return 'motivation';
  return null;
}

export function buildAnalysis(
  clauses: readonly Clause[],
  sections: readonly GuidelineSection[],
  judgements: StoredJudgements,
): ComplianceAnalysis {
  const items = analysisItemsOf(clauses, sections, judgements);
  return {
    items,
    finished: items.length > 0 && items.every((item) => itemGap(item) === null),
    judgedCount: items.filter((item) => item.judgement !== null).length,
  };
}
