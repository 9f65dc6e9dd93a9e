import type { Lifecycle } from '@forvalta/contracts';
import { comparableHeader } from './column-proposal.ts';

/**
 * The cell values of municipalities' registers as the product's values (issue #17 §1): Swedish
 * words for lifecycles, yes and no, kinds and hosting; costs as Swedish Excel writes them; dates as
 * Excel serials, ISO or Swedish text; organisation paths; dependencies in free text. Each parser
 * answers `undefined` for an empty cell and `null` for one it cannot read, which the plan reports
 * as a skipped cell. Pure.
 */

const word = (text: string) => comparableHeader(text);

function lookup<Value>(table: Record<Value & string, readonly string[]>): (text: string) => Value | null | undefined {
  const byWord = new Map<string, Value>();
  for (const [value, words] of Object.entries(table) as Array<[Value & string, readonly string[]]>)
    for (const known of [value, ...words]) byWord.set(word(known), value);
  return (text) => (text.trim() === '' ? undefined : (byWord.get(word(text)) ?? null));
}

export const parseLifecycle = lookup<Lifecycle>({
  planned: ['planerad', 'planerat', 'planering', 'kommande', 'ny', 'upphandlas', 'under upphandling'],
  introducing: ['införande', 'under införande', 'införs', 'implementering', 'pilot', 'test'],
  in_production: ['i drift', 'drift', 'i produktion', 'produktion', 'aktiv', 'aktivt', 'används', 'in production', 'active', 'live'],
  retiring: ['avvecklas', 'under avveckling', 'avveckling', 'utfasning', 'fasas ut', 'retiring'],
  retired: ['avvecklad', 'avvecklat', 'avslutad', 'avslutat', 'ur drift', 'inaktiv', 'retired', 'inactive'],
});

export const parseYesNo = lookup<'yes' | 'no'>({
  yes: ['ja', 'j', 'x', 'sant', 'true', '1', 'y', 'finns', 'har'],
  no: ['nej', 'n', 'falskt', 'false', '0', 'saknas', 'har inte', 'inga', 'ingen'],
});

export const parseSystemKind = lookup<'shared' | 'department'>({
  shared: ['kommungemensamt', 'kommungemensam', 'gemensamt', 'gemensam', 'koncerngemensamt', 'shared', 'common'],
  department: ['verksamhetsunikt', 'verksamhetsspecifikt', 'verksamhetssystem', 'unikt', 'förvaltningsspecifikt', 'department'],
});

export const parseScope = lookup<'administrative' | 'teaching' | 'public'>({
  administrative: ['administrativt', 'administrativ', 'administration', 'verksamhet'],
  teaching: ['pedagogiskt', 'pedagogisk', 'undervisning', 'skola', 'elever', 'teaching'],
  public: ['publikt', 'publik', 'allmänheten', 'e-tjänst', 'invånare', 'public'],
});

export const parseHosting = lookup<'on_premises' | 'supplier_hosted' | 'cloud'>({
  on_premises: ['egen drift', 'lokalt', 'lokal', 'internt', 'egen server', 'kommunens datacenter', 'on premises', 'onprem'],
  supplier_hosted: ['leverantör', 'leverantörens drift', 'hos leverantör', 'leverantörsdrift', 'hostad', 'supplier', 'hosted'],
  cloud: ['moln', 'molnet', 'molntjänst', 'saas', 'cloud', 'extern molntjänst'],
});

export const parseCriticality = lookup<'low' | 'medium' | 'high' | 'critical'>({
  low: ['låg', 'lag', 'ej verksamhetskritiskt', 'ej kritisk', 'inte kritisk', 'nej', '1'],
  medium: ['medel', 'mellan', 'normal', 'måttlig', '2'],
  high: ['hög', 'viktig', 'ja', '3'],
  critical: ['kritisk', 'kritiskt', 'verksamhetskritiskt', 'mycket hög', 'samhällskritisk', '4'],
});

/** "12 500 kr", "1 234,50", "12500:-", "SEK 3 000", "1.234,50": a non-negative amount, at most 1,000,000,000. */
export function parseAmount(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  let cleaned = trimmed
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/^(sek|kr)/i, '')
    .replace(/(sek|kr|kronor|:-|\/år|perår)+\.?$/i, '');
  // A dot before three digits and a comma after is a thousands separator ("1.234,50").
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(cleaned)) cleaned = cleaned.replaceAll('.', '');
  cleaned = cleaned.replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return value <= 1_000_000_000 ? Math.round(value * 100) / 100 : null;
}

/** A whole count ("1 200 användare" reads as 1200). */
export function parseCount(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const match = /^(\d[\d\s\u00a0\u202f]*)\s*[a-zåäö]*$/i.exec(trimmed);
  if (!match) return null;
  const value = Number(match[1]!.replace(/[\s\u00a0\u202f]/g, ''));
  return Number.isInteger(value) && value <= 10_000_000 ? value : null;
}

const months: Record<string, number> = {
  januari: 1,
  jan: 1,
  februari: 2,
  feb: 2,
  mars: 3,
  mar: 3,
  april: 4,
  apr: 4,
  maj: 5,
  juni: 6,
  jun: 6,
  juli: 7,
  jul: 7,
  augusti: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  oktober: 10,
  okt: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};

function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || year > 2200 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

const excelEpoch = Date.UTC(1899, 11, 30);

/**
 * A date: ISO (with a time after it), an Excel serial (a CSV saved from a date column without its
 * format), 31/12/2026, 31.12.2026, "31 december 2026", "december 2026" (its last day). Prose such
 * as "Löpande – uppsägningstid 3–12 månader" is no date: null.
 */
export function parseDate(text: string): string | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/.exec(trimmed);
  if (match) return isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{5})(?:[.,]\d+)?$/.exec(trimmed);
  if (match) {
    const serial = Number(match[1]);
    // 1 January 1955 to 2200: a five-digit number in a date column is Excel's day count since 1899-12-30.
    if (serial < 20_090 || serial > 110_000) return null;
    return new Date(excelEpoch + serial * 86_400_000).toISOString().slice(0, 10);
  }
  match = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(trimmed);
  if (match) return isoDate(Number(match[3]), Number(match[2]), Number(match[1]));
  match = /^(\d{1,2})\s+([a-zåäö]+)\.?\s+(\d{4})$/i.exec(trimmed);
  if (match && months[match[2]!.toLocaleLowerCase('sv')])
    return isoDate(Number(match[3]), months[match[2]!.toLocaleLowerCase('sv')]!, Number(match[1]));
  match = /^([a-zåäö]+)\.?\s+(\d{4})$/i.exec(trimmed);
  if (match && months[match[1]!.toLocaleLowerCase('sv')]) {
    const month = months[match[1]!.toLocaleLowerCase('sv')]!;
    return new Date(Date.UTC(Number(match[2]), month, 0)).toISOString().slice(0, 10);
  }
  return null;
}

/** "Kommunkoncern / Kommun / Förvaltning" (also with > or \ between) as its parts, outermost first. */
export function parseOrganisationPath(text: string): string[] {
  // "Sektor omsorg/Socialförvaltningen / Äldreomsorgen": where the path spaces its separators, a
  // separator without spaces is part of a name; "IT/Drift" alone is still two parts.
  const spaced = /\s[/>\\|]\s/.test(text);
  return text
    .split(spaced ? /\s+[/>\\|]\s+/ : /\s*[/>\\|]\s*/)
    .map((part) => part.trim().replace(/\s+/g, ' '))
    .filter(Boolean);
}

/** E-mail addresses in a cell: one, or several separated by ; , or spaces ("Anna <anna@kommun.se>" too). */
export function parseEmails(text: string): string[] {
  return [...text.matchAll(/[^\s<>;,()"']+@[^\s<>;,()"']+\.[^\s<>;,()"']+/g)].map((match) => match[0].toLowerCase());
}

export interface ParsedDependency {
  system: string;
  method: 'file' | 'api' | 'database' | 'manual' | null;
  description: string | null;
}

const methodWords: Record<string, ParsedDependency['method']> = {
  api: 'api',
  rest: 'api',
  webbtjanst: 'api',
  webservice: 'api',
  soap: 'api',
  fil: 'file',
  file: 'file',
  filoverforing: 'file',
  sftp: 'file',
  ftp: 'file',
  csv: 'file',
  databas: 'database',
  database: 'database',
  db: 'database',
  sql: 'database',
  manuell: 'manual',
  manuellt: 'manual',
  manual: 'manual',
};

/**
 * "Stratsys: Ej verksamhetskritiskt (API); Raindance (fil)": each dependency's other system (the
 * text before a colon or parenthesis), its method from a parenthesis, the rest as its description.
 */
export function parseDependencies(text: string): ParsedDependency[] {
  return text
    .split(/\s*(?:[;\n\r]|,(?![^(]*\)))\s*/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      // The method is the last parenthesis ("Driftövervakning VA (SCADA) (api)"), else the first one.
      const parenthesis = /\(([^()]*)\)\s*$/.exec(part) ?? /\(([^)]*)\)/.exec(part);
      const method = parenthesis ? (methodWords[word(parenthesis[1]!)] ?? null) : null;
      const withoutMethod =
        method && parenthesis ? `${part.slice(0, parenthesis.index)}${part.slice(parenthesis.index + parenthesis[0].length)}`.trim() : part;
      const colon = withoutMethod.indexOf(':');
      // A parenthesis left once the method is taken is part of the other system's name.
      const system = (colon >= 0 ? withoutMethod.slice(0, colon) : method ? withoutMethod : withoutMethod.replace(/\(.*$/, '')).trim();
      const description = colon >= 0 ? withoutMethod.slice(colon + 1).trim() || null : null;
      return { system, method, description };
    })
    .filter((dependency) => dependency.system !== '');
}

/** Tags: separated by commas or semicolons, each at most 40 characters. */
export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[;,]/)
        .map((tag) => tag.trim())
        .filter((tag) => tag !== '' && tag.length <= 40),
    ),
  ].slice(0, 30);
}
