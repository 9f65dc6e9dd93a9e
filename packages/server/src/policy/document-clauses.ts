/**
 * Clauses proposed from a split policy document (issue #21): one per paragraph that states an
 * obligation ("ska", "skall", "ansvarar för", "åligger"), with the section number of the heading
 * above it. The author then merges, splits, titles, chooses each clause's kind and binds it; a
 * proposal is a rule clause without a rule until then, so it counts as not checked. Pure.
 */
import type { PackFileClause } from '@forvalta/contracts';
import type { DocumentBlock } from './document-split.ts';

/** The words that make a sentence an obligation in Swedish policy language, as whole words. */
const obligationPatterns: readonly { word: string; pattern: RegExp }[] = [
  { word: 'skall', pattern: /(?<![\p{L}])skall(?![\p{L}])/iu },
  { word: 'ska', pattern: /(?<![\p{L}])ska(?![\p{L}])/iu },
  { word: 'ansvarar för', pattern: /(?<![\p{L}])ansvarar\s+för(?![\p{L}])/iu },
  { word: 'åligger', pattern: /(?<![\p{L}])åligger(?![\p{L}])/iu },
];

export interface ProposedClause {
  clause: PackFileClause;
  /** The obligation words the paragraph uses, for the author to see why it was proposed. */
  obligations: string[];
}

export interface DocumentSection {
  number: string;
  title: string;
}

export interface DocumentProposal {
  title: string | null;
  sections: DocumentSection[];
  clauses: ProposedClause[];
  /** Paragraphs without an obligation: not proposed, counted so the author knows what was left. */
  otherParagraphs: number;
}

const sectionNumber = /^(?:§\s*)?(\d+(?:\.\d+)*)\.?\s+(.+)$/u;

function obligationsIn(text: string): string[] {
  return obligationPatterns.filter(({ pattern }) => pattern.test(text)).map(({ word }) => word);
}

/** A short title from the paragraph's first words, for the author to reword. */
function shortTitle(text: string): string {
  const words = text.replace(/[.:;,]+$/u, '').split(/\s+/u);
  return words.length <= 8 ? words.join(' ') : `${words.slice(0, 8).join(' ')} …`;
}

/** An id for the clause from the pack's prefix and section: FALK-3.1-2 is the second proposal of 3.1. */
function clauseId(prefix: string, section: string, index: number): string {
  return `${prefix}-${section}-${index}`.slice(0, 60);
}

export function proposeClauses(blocks: readonly DocumentBlock[], prefix = 'KLAUSUL'): DocumentProposal {
  const sections: DocumentSection[] = [];
  const clauses: ProposedClause[] = [];
  const perSection = new Map<string, number>();
  let title: string | null = null;
  let section = { number: '0', title: '' };
  let otherParagraphs = 0;
  for (const block of blocks) {
    if (block.kind === 'heading') {
      const numbered = sectionNumber.exec(block.text);
      if (numbered) {
        section = { number: numbered[1]!, title: numbered[2]!.trim() };
        sections.push(section);
      } else if (title === null && sections.length === 0) title = block.text;
      continue;
    }
    const obligations = obligationsIn(block.text);
    // The document's title: a short first line above every heading (a DOCX's Title style is a paragraph to mammoth).
    if (title === null && sections.length === 0 && obligations.length === 0 && block.text.split(/\s+/u).length <= 12) {
      title = block.text;
      continue;
    }
    if (obligations.length === 0) {
      otherParagraphs += 1;
      continue;
    }
    const index = (perSection.get(section.number) ?? 0) + 1;
    perSection.set(section.number, index);
    const clauseTitle = (section.title && index === 1 ? section.title : shortTitle(block.text)).slice(0, 200);
    clauses.push({
      obligations,
      clause: {
        id: clauseId(prefix, section.number, index),
        section: section.number,
        kind: 'rule',
        // The English is the author's to write; until then it repeats the Swedish, so the clause is complete.
        title: { sv: clauseTitle, en: clauseTitle },
        text: { sv: block.text.slice(0, 8000), en: block.text.slice(0, 8000) },
        binding: null,
      },
    });
  }
  return { title, sections, clauses, otherParagraphs };
}
