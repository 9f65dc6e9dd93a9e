/**
 * A key that sorts in Swedish order with plain byte comparison on both databases:
 * case and accents folded, and å, ä, ö placed after z in that order (swedish-ui.md).
 */
export function swedishSortKey(text: string): string {
  return text
    .toLocaleLowerCase('sv')
    .replaceAll('å', '{')
    .replaceAll('ä', '|')
    .replaceAll('æ', '|')
    .replaceAll('ö', '}')
    .replaceAll('ø', '}')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim();
}

/** Lower-cased text for case-insensitive search that also works for å, ä, ö in SQLite. */
export function searchText(...parts: Array<string | null | undefined>): string {
  return parts
    .filter((part): part is string => Boolean(part))
    .join(' ')
    .toLocaleLowerCase('sv');
}

/** Escapes LIKE wildcards so user input is matched literally. */
export function likePattern(query: string): string {
  return `%${query.toLocaleLowerCase('sv').replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}
