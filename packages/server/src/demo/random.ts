/** A small seeded PRNG (mulberry32): demo and generated data are the same for the same seed. */
export function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    integer: (minimum: number, maximum: number) => minimum + Math.floor(next() * (maximum - minimum + 1)),
    pick: <Item>(items: readonly Item[]): Item => items[Math.floor(next() * items.length)]!,
    chance: (probability: number) => next() < probability,
  };
}
export type Random = ReturnType<typeof createRandom>;

export const daysAgo = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000);
export const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/** A lifecycle mix like a real register's: mostly in production, some on the way in or out. */
export function randomLifecycle(random: Random): 'planned' | 'introducing' | 'in_production' | 'retiring' | 'retired' {
  const roll = random.next();
  if (roll < 0.78) return 'in_production';
  if (roll < 0.84) return 'introducing';
  if (roll < 0.89) return 'planned';
  if (roll < 0.95) return 'retiring';
  return 'retired';
}
