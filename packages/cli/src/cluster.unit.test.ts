import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { parseWorkerCount, perWorkerLoginLimit } from './cluster.ts';

describe('serve --workers', () => {
  it('reads a worker count, auto as the usable cores, and refuses anything else', () => {
    expect(parseWorkerCount(undefined)).toBe(1);
    expect(parseWorkerCount('2')).toBe(2);
    expect(parseWorkerCount('auto')).toBe(os.availableParallelism());
    for (const refused of ['0', '-1', '1.5', 'many', '65']) expect(parseWorkerCount(refused), refused).toBeUndefined();
  });

  it('divides the login rate limit so that all workers together never allow more than configured', () => {
    for (const [limit, workers] of [
      [20, 1],
      [20, 2],
      [20, 3],
      [3, 2],
      [100, 16],
    ] as const) {
      const each = perWorkerLoginLimit(limit, workers);
      expect(each).toBeGreaterThanOrEqual(1);
      expect(each * workers, `${limit} over ${workers}`).toBeLessThanOrEqual(limit);
    }
    expect(perWorkerLoginLimit(20, 2)).toBe(10);
  });
});
