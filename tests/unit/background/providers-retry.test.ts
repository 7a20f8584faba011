import { describe, expect, it } from 'vitest';
import type { Fetched } from '@/lib/background/providers/http';
import { providerError } from '@/lib/background/providers/provider-error';
import { backoffDelay, RETRY_POLICY, withRetries } from '@/lib/background/providers/retry';
import type { ProviderErrorKind } from '@/lib/shared/protocol';

const T0 = 1_000_000;

function clockEnv(random = 0.5) {
  const clock = { now: T0 };
  const sleeps: number[] = [];
  return {
    clock,
    sleeps,
    env: {
      now: () => clock.now,
      random: () => random,
      sleep: async (ms: number) => {
        sleeps.push(ms);
        clock.now += ms;
      },
    },
  };
}

/** An attempt that fails with `kinds` in turn, then succeeds. */
function failing(kinds: ProviderErrorKind[], retryAfterMs?: (now: number) => number) {
  let calls = 0;
  return {
    calls: () => calls,
    attempt: (now: () => number) => async (): Promise<Fetched<string>> => {
      const kind = kinds[calls++];
      if (!kind) return { ok: true, value: 'tracks' };
      const retryAt = kind === 'rate-limited' && retryAfterMs ? now() + retryAfterMs(now()) : null;
      return { ok: false, error: providerError('bundle-social', kind, { retryAt }) };
    },
  };
}

describe('retries', () => {
  it.each(['server', 'network', 'timeout'] as const)(
    'retries %s with full-jitter exponential backoff, three tries in all',
    async (kind) => {
      const { env, sleeps } = clockEnv(0.5);
      const attempts = failing([kind, kind, kind, kind]);
      const result = await withRetries(env, attempts.attempt(env.now));
      expect(result.ok).toBe(false);
      expect(attempts.calls()).toBe(3);
      // random 0.5 of a ceiling of 1 s, then 2 s.
      expect(sleeps).toEqual([500, 1000]);
    },
  );

  it('succeeds on a later try', async () => {
    const { env } = clockEnv();
    const attempts = failing(['server', 'timeout']);
    expect(await withRetries(env, attempts.attempt(env.now))).toEqual({ ok: true, value: 'tracks' });
    expect(attempts.calls()).toBe(3);
  });

  it.each(['unauthenticated', 'forbidden', 'not-found', 'bad-request', 'invalid-response'] as const)(
    'does not retry %s',
    async (kind) => {
      const { env, sleeps } = clockEnv();
      const attempts = failing([kind]);
      await withRetries(env, attempts.attempt(env.now));
      expect(attempts.calls()).toBe(1);
      expect(sleeps).toEqual([]);
    },
  );

  it.each([
    [0, 1, 0],
    [0.999, 1, 999],
    [0.999, 2, 1998],
    [0.999, 4, 7992],
    [0.999, 10, 7992],
  ])('with random %f, try %i waits %i ms (capped at 8 s)', (random, tryNumber, expected) => {
    expect(backoffDelay(tryNumber, RETRY_POLICY, () => random)).toBe(expected);
  });

  it('waits out a short Retry-After, then tries again', async () => {
    const { env, sleeps } = clockEnv();
    const attempts = failing(['rate-limited'], () => 2_000);
    expect((await withRetries(env, attempts.attempt(env.now))).ok).toBe(true);
    expect(sleeps).toEqual([2_000]);
  });

  it('gives up at once on a long Retry-After and says when to come back', async () => {
    const { env, sleeps } = clockEnv();
    const attempts = failing(['rate-limited'], () => 60_000);
    const result = await withRetries(env, attempts.attempt(env.now));
    expect(!result.ok && result.error).toMatchObject({ kind: 'rate-limited', retryAt: T0 + 60_000 });
    expect(attempts.calls()).toBe(1);
    expect(sleeps).toEqual([]);
  });
});
