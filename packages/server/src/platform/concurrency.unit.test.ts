import { describe, expect, it } from 'vitest';
import { concurrencyLimit } from './concurrency.ts';

describe('concurrencyLimit', () => {
  it('runs at most the limit at once, the rest in arrival order, and frees a turn when work fails', async () => {
    const turn = concurrencyLimit(2);
    let running = 0;
    let mostAtOnce = 0;
    const started: number[] = [];
    const releases: Array<() => void> = [];
    const task = (number: number) =>
      turn(async () => {
        started.push(number);
        running += 1;
        mostAtOnce = Math.max(mostAtOnce, running);
        await new Promise<void>((resolve) => releases.push(resolve));
        running -= 1;
        if (number === 1) throw new Error('task 1 fails');
        return number;
      });
    const results = [1, 2, 3, 4, 5].map((number) => task(number).catch((error: Error) => error.message));
    const settle = () => new Promise((resolve) => setImmediate(resolve));
    await settle();
    expect(started).toEqual([1, 2]);
    while (releases.length > 0) {
      releases.shift()!();
      await settle();
    }
    expect(await Promise.all(results)).toEqual(['task 1 fails', 2, 3, 4, 5]);
    expect(started).toEqual([1, 2, 3, 4, 5]);
    expect(mostAtOnce).toBe(2);
  });
});
