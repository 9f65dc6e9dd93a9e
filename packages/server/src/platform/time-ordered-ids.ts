import { randomBytes } from 'node:crypto';

/**
 * Time-ordered ids (the UUID version 7 layout) for rows written in bulk: each larger than the one
 * before, so a load appends to the primary-key index instead of writing to a random page of it.
 * The workload generator seeds the time (generate/deterministic-ids.ts); the bulk audit path uses the clock.
 */
/** The counter's bits in a time-ordered id: ids one millisecond (or one writer) can number. */
export const timeOrderedCounterLimit = 2 ** 26;

const hex = (value: number, digits: number) => value.toString(16).padStart(digits, '0');

/**
 * A UUID in the version 7 layout: 48 bits of time in milliseconds, the version (7) and the
 * counter's top 12 bits, the variant (10) and its low 14 bits, then 48 bits given as 12 hex
 * digits. Ids of one time sort by their counter, so a writer that counts gets ascending ids.
 */
export function timeOrderedUuid(timeMilliseconds: number, counter: number, tailHex: string): string {
  const timeHex = hex(timeMilliseconds, 12);
  return `${timeHex.slice(0, 8)}-${timeHex.slice(8)}-${hex(0x7000 | (counter >>> 14), 4)}-${hex(0x8000 | (counter & 0x3fff), 4)}-${tailHex}`;
}

/**
 * Ascending ids for the rows one bulk write creates (an import's records): the write's time, a
 * counter and 48 random bits, so two writes of the same millisecond stay apart. Each id is larger
 * than the one before, so the rows append to the primary-key index and to every index ending in id.
 */
export function timeOrderedIds(timeMilliseconds: number): () => string {
  let counter = 0;
  let tails = '';
  return () => {
    if (counter === timeOrderedCounterLimit) throw new Error('timeOrderedIds: at most 2^26 ids per write (the counter has 26 bits)');
    // The random tails are drawn 4,096 at a time: one randomBytes call per id costs more than the rest of the id.
    const offset = (counter % 4096) * 12;
    if (offset === 0) tails = randomBytes(6 * 4096).toString('hex');
    const id = timeOrderedUuid(timeMilliseconds, counter, tails.slice(offset, offset + 12));
    counter += 1;
    return id;
  };
}
