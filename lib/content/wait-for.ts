import type { Scope } from './scope';

/** Polls `check` until it returns something, or gives null after `timeoutMs` (or on disposal). */
export function waitFor<T>(
  scope: Scope,
  check: () => T | null,
  timeoutMs: number,
  everyMs = 100,
): Promise<T | null> {
  return new Promise((resolve) => {
    const started = Date.now();
    const tick = () => {
      const found = check();
      if (found !== null) return resolve(found);
      if (Date.now() - started >= timeoutMs) return resolve(null);
      scope.timeout(tick, everyMs);
    };
    scope.onDispose(() => resolve(null));
    tick();
  });
}
