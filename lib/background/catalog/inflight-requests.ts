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
  };
}
