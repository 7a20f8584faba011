import type { ProviderErrorKind } from '../../shared/protocol';
import type { Fetched } from './http';

export interface RetryEnv {
  now: () => number;
  /** In [0, 1): the jitter source. */
  random: () => number;
  sleep: (ms: number) => Promise<void>;
}

export interface RetryPolicy {
  /** Tries in all, the first included. */
  maxTries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A `Retry-After` up to this long is waited out; a longer one is surfaced as `rate-limited`. */
  maxRateLimitWaitMs: number;
}

/**
 * Three tries keep a first-run popup's worst case near a minute (3 × 15 s timeouts plus waits);
 * full jitter on 1 s, 2 s spreads many clients' retries after a provider outage.
 */
export const RETRY_POLICY: RetryPolicy = {
  maxTries: 3,
  baseDelayMs: 1000,
  maxDelayMs: 8000,
  maxRateLimitWaitMs: 10_000,
};

/** Worth trying again: the provider or the path to it had a bad moment. 4xx answers will not change. */
const TRANSIENT: ReadonlySet<ProviderErrorKind> = new Set(['server', 'network', 'timeout']);

/** Full-jitter exponential backoff: a uniform wait in [0, min(max, base · 2^(try-1))). */
export function backoffDelay(tryNumber: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (tryNumber - 1));
  return Math.floor(random() * ceiling);
}

/** Runs `attempt` until it succeeds, fails for good, or the tries run out. */
export async function withRetries<T>(
  env: RetryEnv,
  attempt: () => Promise<Fetched<T>>,
  policy: RetryPolicy = RETRY_POLICY,
): Promise<Fetched<T>> {
  for (let tryNumber = 1; ; tryNumber++) {
    const result = await attempt();
    if (result.ok || tryNumber >= policy.maxTries) return result;
    const { error } = result;
    if (TRANSIENT.has(error.kind)) {
      await env.sleep(backoffDelay(tryNumber, policy, env.random));
    } else if (error.kind === 'rate-limited' && error.retryAt !== null) {
      const wait = error.retryAt - env.now();
      if (wait > policy.maxRateLimitWaitMs) return result;
      await env.sleep(Math.max(0, wait));
    } else {
      return result;
    }
  }
}
