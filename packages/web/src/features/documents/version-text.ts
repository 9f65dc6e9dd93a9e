/**
 * A version's text as blocks to show: the texts are plain or lightly marked-up ("# Rubrik",
 * "- punkt", blank lines between paragraphs). Only that much is read: the text is shown as text,
 * never as HTML, so nothing in a document can run in the reader's browser.
 */
export type TextBlock =
  | { kind: 'heading'; level: 3 | 4 | 5; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] };

const headingPattern = /^(#{1,3})\s+(.*)$/;
const itemPattern = /^\s*(?:[-*•]|\d+[.)])\s+(.*)$/;

export function textBlocks(text: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  let paragraph: string[] = [];
  let items: string[] | null = null;
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', text: paragraph.join('\n') });
    if (items) blocks.push({ kind: 'list', items });
    paragraph = [];
    items = null;
  };
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    const heading = headingPattern.exec(line);
    const item = itemPattern.exec(line);
    if (line.trim() === '') {
      flush();
    } else if (heading) {
      flush();
      // The page's h1 is the document's title and the text sits under an h2: its top headings are h3.
      blocks.push({ kind: 'heading', level: (heading[1]!.length + 2) as 3 | 4 | 5, text: heading[2]!.trim() });
    } else if (item) {
      if (paragraph.length > 0) flush();
      items ??= [];
      items.push(item[1]!.trim());
    } else if (items && /^\s+/.test(line)) {
      // An indented line continues the list item above it.
      items[items.length - 1] = `${items[items.length - 1]} ${line.trim()}`;
    } else {
      if (items) flush();
      paragraph.push(line.trim());
    }
  }
  flush();
  return blocks;
}

/** 1 234 567 bytes → "1,2 MB" in Swedish, "1.2 MB" in English. */
export function formatFileSize(bytes: number, language: string): string {
  const format = (value: number) =>
    new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'sv-SE', { maximumFractionDigits: value < 10 ? 1 : 0 }).format(value);
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${format(bytes / 1024)} kB`;
  return `${format(bytes / (1024 * 1024))} MB`;
}
