/**
 * At most `limit` calls of the wrapped work run at once in this process; the rest wait their
 * turn in arrival order. For work that holds a lot of memory while it runs (a whole
 * municipality's compliance snapshot): sixteen at once would need sixteen snapshots, while
 * queueing costs the waiting callers only time they would have spent sharing the CPU anyway.
 */
export function concurrencyLimit(limit: number) {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async function run<Result>(work: () => Promise<Result>): Promise<Result> {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    running += 1;
    try {
      return await work();
    } finally {
      running -= 1;
      waiting.shift()?.();
    }
  };
}
