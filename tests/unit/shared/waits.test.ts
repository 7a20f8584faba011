import { describe, expect, it } from 'vitest';
import { isWaiting, sentenceAt } from '@/lib/shared/waits';

const AT = Date.UTC(2026, 11, 3, 12);
const limited = {
  kind: 'rate-limited',
  provider: 'bundle-social' as const,
  message: 'bundle.social is limiting requests for now: wait 2 minutes before trying again.',
  retryAt: AT + 120_000,
};

describe('rate-limit sentences as time passes', () => {
  it.each([
    [0, 'bundle.social is limiting requests for now: wait 2 minutes before trying again.'],
    [31_000, 'bundle.social is limiting requests for now: wait 89 seconds before trying again.'],
    [118_500, 'bundle.social is limiting requests for now: wait 2 seconds before trying again.'],
    [119_999, 'bundle.social is limiting requests for now: wait 1 second before trying again.'],
    [120_000, 'bundle.social should take requests again: try again now.'],
    [3_600_000, 'bundle.social should take requests again: try again now.'],
  ])('%i ms after: %s', (elapsed, sentence) => {
    expect(sentenceAt(limited, AT + elapsed)).toBe(sentence);
    expect(isWaiting(limited, AT + elapsed)).toBe(elapsed < 120_000);
  });

  it('leaves every other error, and a rate limit without a time, as the background worded it', () => {
    const offline = {
      ...limited,
      kind: 'offline',
      message: 'bundle.social could not be reached.',
      retryAt: null,
    };
    expect(sentenceAt(offline, AT)).toBe(offline.message);
    expect(sentenceAt({ ...limited, retryAt: null }, AT + 10 ** 9)).toBe(limited.message);
    expect(isWaiting({ ...limited, retryAt: null }, AT)).toBe(false);
    expect(isWaiting(null, AT)).toBe(false);
  });
});
