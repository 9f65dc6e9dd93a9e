import { describe, expect, it } from 'vitest';
import { formatFileSize, textBlocks } from './version-text.ts';

describe('textBlocks', () => {
  it('reads headings, paragraphs and lists, the top heading under the page title and the text heading', () => {
    expect(
      textBlocks('# Syfte\nRiktlinjerna gäller alla.\nÄven konsulter.\n\n## Lösenord\n- Minst 12 tecken\n- Byts vid misstanke\n\nSlut.'),
    ).toEqual([
      { kind: 'heading', level: 3, text: 'Syfte' },
      { kind: 'paragraph', text: 'Riktlinjerna gäller alla.\nÄven konsulter.' },
      { kind: 'heading', level: 4, text: 'Lösenord' },
      { kind: 'list', items: ['Minst 12 tecken', 'Byts vid misstanke'] },
      { kind: 'paragraph', text: 'Slut.' },
    ]);
  });

  it('keeps markup-looking text as text and joins an indented line to its item', () => {
    expect(textBlocks('1. Första\n   fortsätter\n2) Andra\n<script>x</script>')).toEqual([
      { kind: 'list', items: ['Första fortsätter', 'Andra'] },
      { kind: 'paragraph', text: '<script>x</script>' },
    ]);
  });

  it('answers nothing for an empty text and treats Windows line ends as line ends', () => {
    expect(textBlocks('')).toEqual([]);
    expect(textBlocks('Ett\r\n\r\nTvå')).toEqual([
      { kind: 'paragraph', text: 'Ett' },
      { kind: 'paragraph', text: 'Två' },
    ]);
  });
});

describe('formatFileSize', () => {
  it('says bytes, kilobytes and megabytes in the interface language', () => {
    expect(formatFileSize(512, 'sv')).toBe('512 B');
    expect(formatFileSize(2048, 'sv')).toBe('2 kB');
    expect(formatFileSize(1_300_000, 'sv')).toBe('1,2 MB');
    expect(formatFileSize(1_300_000, 'en')).toBe('1.2 MB');
  });
});
