import type { Random } from '../demo/random.ts';
import { timeOrderedCounterLimit, timeOrderedUuid } from '../platform/time-ordered-ids.ts';

/**
 * Ids drawn from a seeded generator, so that the same seed gives the same record ids (and a
 * benchmark can name the same system on every run). A separate generator from the one that draws
 * the content keeps the content stable if id usage changes.
 *
 * The ids are time-ordered (the UUID version 7 layout), each larger than the one before: a bulk
 * load then appends to the primary-key and foreign-key indexes (system_id leads several) instead
 * of writing to a random page of each for every row. The 48-bit "time" is a seeded start within
 * 2020–2025 rather than the clock, so that the ids stay the same for a seed; a 26-bit counter
 * follows it, then 48 seeded random bits.
 */
export interface IdSource {
  next(): string;
}

export { timeOrderedCounterLimit, timeOrderedUuid } from '../platform/time-ordered-ids.ts';

const startOf2020 = Date.UTC(2020, 0, 1);
const fiveYears = 5 * 365 * 86_400_000;
const hex = (value: number, digits: number) => value.toString(16).padStart(digits, '0');

export function createIdSource(random: Random): IdSource {
  const randomBits = (bits: number) => Math.floor(random.next() * 2 ** bits);
  let time = startOf2020 + randomBits(32) * Math.floor(fiveYears / 2 ** 32);
  let counter = 0;
  return {
    next() {
      counter += 1;
      if (counter === timeOrderedCounterLimit) {
        counter = 0;
        time += 1;
      }
      return timeOrderedUuid(time, counter, `${hex(randomBits(24), 6)}${hex(randomBits(24), 6)}`);
    },
  };
}

/** A small stable string hash (FNV-1a), to derive a per-municipality seed from its code. */
export function seedFor(seed: number, text: string): number {
  let hash = 0x811c9dc5 ^ seed;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
