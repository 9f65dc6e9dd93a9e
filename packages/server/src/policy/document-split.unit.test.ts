import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { proposeClauses } from './document-clauses.ts';
import { formatOfDocument, splitDocument } from './document-split.ts';

const fixture = (extension: string) => fs.readFileSync(path.join(import.meta.dirname, 'fixtures', `falkenas-it-policy.${extension}`));

describe('splitting a policy document and proposing its clauses', () => {
  it('reads the same headings and paragraphs from the DOCX (numbered heading styles), the PDF with text and the plain text', async () => {
    const [docx, pdf, text = []] = await Promise.all(
      ['docx', 'pdf', 'txt'].map(async (extension) => {
        const bytes = fixture(extension);
        return splitDocument(bytes, formatOfDocument(bytes));
      }),
    );
    expect(formatOfDocument(fixture('docx'))).toBe('docx');
    expect(formatOfDocument(fixture('pdf'))).toBe('pdf');
    expect(formatOfDocument(fixture('txt'))).toBe('text');
    expect(docx).toEqual(text);
    expect(pdf).toEqual(text);
    expect(text.filter((block) => block.kind === 'heading').map((block) => block.text)).toEqual([
      '1 Syfte och omfattning',
      '2 Ansvar',
      '2.1 Systemägare',
      '2.2 Systemförvaltare',
      '2.3 Förteckning',
      '3 Säkerhet',
      '3.1 Riskanalys',
      '3.2 Behörigheter',
      '3.3 Loggning',
      '4 Utbildning',
      '5 Incidenter',
      '6 Uppföljning',
    ]);
    expect(text).toContainEqual({ kind: 'paragraph', text: 'Åtkomst till känsliga personuppgifter ska loggas och loggarna granskas.' });
  });

  it('proposes one clause per obligation-bearing paragraph, with the section number of its heading', async () => {
    const bytes = fixture('docx');
    const proposal = proposeClauses(await splitDocument(bytes, 'docx'), 'FALK');
    expect(proposal.title).toBe('IT-policy för Falkenäs kommun');
    expect(proposal.clauses.map(({ clause, obligations }) => [clause.id, clause.section, clause.title.sv, obligations])).toEqual([
      ['FALK-2.1-1', '2.1', 'Systemägare', ['ska']],
      ['FALK-2.2-1', '2.2', 'Systemförvaltare', ['ska', 'ansvarar för']],
      ['FALK-2.3-1', '2.3', 'Förteckning', ['åligger']],
      ['FALK-3.1-1', '3.1', 'Riskanalys', ['skall']],
      ['FALK-3.2-1', '3.2', 'Behörigheter', ['ska']],
      ['FALK-3.3-1', '3.3', 'Loggning', ['ska']],
      ['FALK-4-1', '4', 'Utbildning', ['ska']],
      ['FALK-5-1', '5', 'Incidenter', ['ansvarar för']],
    ]);
    // Purpose and follow-up state no obligation: left for the author to add as information if wanted.
    expect(proposal.otherParagraphs).toBe(2);
    expect(proposal.clauses[0]!.clause).toMatchObject({
      kind: 'rule',
      binding: null,
      text: { sv: 'Varje verksamhetssystem ska ha en systemägare på förvaltningsnivå.' },
    });
  });

  it('finds the obligation words as whole words only, in any case, and titles a second clause of a section by its words', () => {
    const proposal = proposeClauses(
      [
        { kind: 'heading', text: '7.2 Lösenord' },
        { kind: 'paragraph', text: 'Skalbara system och en skalle nämns här, ingen skyldighet.' },
        { kind: 'paragraph', text: 'Lösenord SKA bytas när de röjts.' },
        { kind: 'paragraph', text: 'Det åligger var och en att skydda sitt lösenord mot obehöriga i alla lägen och på alla enheter.' },
      ],
      'X',
    );
    expect(proposal.clauses.map(({ clause }) => [clause.id, clause.title.sv])).toEqual([
      ['X-7.2-1', 'Lösenord'],
      ['X-7.2-2', 'Det åligger var och en att skydda sitt …'],
    ]);
    expect(proposal.otherParagraphs).toBe(1);
  });
});
