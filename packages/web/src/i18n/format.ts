/**
 * Formats for the screen. Dates are ISO (the Swedish norm) in both languages; times are shown in
 * Europe/Stockholm whatever the browser's zone, because the register is about Swedish municipalities.
 */
const timeZone = 'Europe/Stockholm';

const dateTimeParts = new Intl.DateTimeFormat('sv-SE', {
  timeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

const dateParts = new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });

function partsOf(format: Intl.DateTimeFormat, instant: Date): Record<string, string> {
  const parts: Record<string, string> = {};
  for (const part of format.formatToParts(instant)) parts[part.type] = part.value;
  return parts;
}

/** 2026-11-28 14:05 in Stockholm time. */
export function formatDateTime(isoTimestamp: string | null | undefined): string {
  if (!isoTimestamp) return '–';
  const parts = partsOf(dateTimeParts, new Date(isoTimestamp));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** 2026-11-28: the Stockholm calendar date of an instant, or a date as stored. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '–';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const parts = partsOf(dateParts, new Date(value));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** Today's date in Stockholm, YYYY-MM-DD. */
export function todayInStockholm(): string {
  return formatDate(new Date().toISOString());
}

/**
 * The UTC instant at which a Stockholm calendar day starts (or the next one starts, for an
 * inclusive end date), for the audit log's from/to filters.
 */
export function stockholmDayStart(date: string, dayOffset = 0): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const noonUtc = new Date(Date.UTC(year, month - 1, day + dayOffset, 12));
  // The offset of Stockholm at noon that day (+01:00 or +02:00) is the offset at midnight too,
  // except on the two switch days, where being an hour off in a filter does no harm.
  const stockholmNoon = partsOf(dateTimeParts, noonUtc);
  const offsetHours = Number(stockholmNoon.hour) - 12;
  return new Date(Date.UTC(year, month - 1, day + dayOffset, 0 - offsetHours)).toISOString();
}

const numberFormats = new Map<string, Intl.NumberFormat>();
/** 1 234 in Swedish, 1,234 in English. */
export function formatNumber(value: number, locale: string): string {
  const tag = locale === 'en' ? 'en-GB' : 'sv-SE';
  let format = numberFormats.get(tag);
  if (!format) {
    format = new Intl.NumberFormat(tag);
    numberFormats.set(tag, format);
  }
  return format.format(value);
}

/** Swedish collation: å, ä, ö after z. Used for every client-side sort of names. */
export const swedishCollator = new Intl.Collator('sv');
