import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';

/**
 * CSV as municipalities' systems and Excel write it: UTF-8 with or without a byte order mark,
 * Windows-1252 (Swedish Excel's "CSV (semikolonavgränsad)"), or UTF-16 ("Unicode-text", tab
 * separated); semicolons, commas or tabs between the cells.
 */

export class UnreadableCsvError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

/** The file's text: the encoding from its byte order mark, else UTF-8 if it is valid UTF-8, else Windows-1252. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return Buffer.from(bytes.subarray(3)).toString('utf8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return Buffer.from(bytes.subarray(2)).toString('utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return iconv.decode(Buffer.from(bytes.subarray(2)), 'utf16be');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: Windows-1252 is what Swedish Windows saves, and every byte sequence decodes in it.
    return iconv.decode(Buffer.from(bytes), 'windows-1252');
  }
}

const separators = [';', ',', '\t'] as const;

/** The separator that occurs most often in the first line outside quotes (a semicolon on a tie: Swedish Excel's). */
export function detectSeparator(text: string): string {
  const counts = new Map<string, number>(separators.map((separator) => [separator, 0]));
  let quoted = false;
  for (const character of text) {
    if (character === '"') quoted = !quoted;
    else if (!quoted && (character === '\n' || character === '\r')) break;
    else if (!quoted && counts.has(character)) counts.set(character, counts.get(character)! + 1);
  }
  let best: string = ';';
  for (const separator of separators) if (counts.get(separator)! > counts.get(best)!) best = separator;
  return best;
}

/** Every line of the file as cells, the header line first; blank lines stay, as empty rows, so row numbers match the file's lines. */
export function parseCsv(bytes: Uint8Array): string[][] {
  const text = decodeText(bytes);
  try {
    return parse(text, {
      delimiter: detectSeparator(text),
      relax_column_count: true,
      skip_empty_lines: false,
      trim: false,
    }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new UnreadableCsvError(`The CSV file could not be read${line ? ` (line ${line})` : ''}: ${(error as Error).message}`, line);
  }
}
