import type { Random } from '../demo/random.ts';

/**
 * Version-4-shaped UUIDs drawn from a seeded generator, so that the same seed gives the same
 * record ids (and a benchmark can name the same system on every run). A separate generator from
 * the one that draws the content keeps the content stable if id usage changes.
 */
export interface IdSource {
  next(): string;
}

export function createIdSource(random: Random): IdSource {
  const word = () => Math.floor(random.next() * 0x1_0000_0000).toString(16).padStart(8, '0');
  return {
    next() {
      const hex = word() + word() + word() + word();
      const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
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
