/** At most `limit` tasks at once; the rest wait their turn in order. Keeps a 42-genre fill polite. */
export function createLimiter(limit: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async function run<T>(task: () => Promise<T>): Promise<T> {
    // A finishing task hands its slot straight to the next in line, so no newcomer can slip in between.
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    else active++;
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active--;
    }
  };
}

/**
 * One promise per key while it runs: ten popups asking for the same list make one request.
 * Memory only, by design: a restarted worker simply starts a new request.
 */
export function createInflight<T>() {
  const running = new Map<string, Promise<T>>();
  return {
    run(key: string, task: () => Promise<T>): Promise<T> {
      const existing = running.get(key);
      if (existing) return existing;
      const started = task().finally(() => running.delete(key));
      running.set(key, started);
      return started;
    },
    has: (key: string): boolean => running.has(key),
    get: (key: string): Promise<T> | undefined => running.get(key),
  };
}
