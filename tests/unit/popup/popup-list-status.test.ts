import { describe, expect, it } from 'vitest';
import { isFirstRun, partsToReport, statusText } from '../../../lib/popup/catalog-status';
import { scrollToReveal, visibleRange } from '../../../lib/popup/virtual';
import { answer, cmlTrack, part } from './popup-fixtures';

const notConfigured = (provider: 'bundle-social' | 'layers') =>
  part({
    provider,
    status: 'error',
    fetchedAt: null,
    error: {
      kind: 'not-configured',
      provider,
      message: `${provider} is not connected.`,
      status: null,
      requestId: null,
      retryAt: null,
      action: 'open-settings',
    },
  });

describe('virtual list', () => {
  it('renders only the rows in view plus overscan', () => {
    expect(visibleRange(0, 400, 100, 5000, 2)).toEqual({ start: 0, end: 7 });
    expect(visibleRange(100_000, 400, 100, 5000, 2)).toEqual({ start: 998, end: 1007 });
    expect(visibleRange(499_800, 400, 100, 5000, 2)).toEqual({ start: 4996, end: 5000 });
    expect(visibleRange(0, 400, 100, 0)).toEqual({ start: 0, end: 0 });
  });

  it('scrolls as little as possible to reveal a row', () => {
    expect(scrollToReveal(0, 300, 400, 100)).toBe(0);
    expect(scrollToReveal(8, 0, 400, 100)).toBe(500);
    expect(scrollToReveal(3, 100, 400, 100)).toBe(100);
  });
});

describe('status line', () => {
  const now = 10_000_000;
  it('says how old the data is', () => {
    expect(statusText(answer([], [part({ fetchedAt: now - 12 * 60_000 })]), false, now)).toBe(
      'Updated 12 min. ago',
    );
  });
  it('uses the oldest part', () => {
    const parts = [
      part({ fetchedAt: now - 60_000 }),
      part({ provider: 'layers', fetchedAt: now - 3 * 3_600_000 }),
    ];
    expect(statusText(answer([], parts), false, now)).toBe('Updated 3 hr. ago');
  });
  it('says when it is refreshing or offline', () => {
    expect(statusText(answer([], [part({ status: 'refreshing', fetchedAt: now })]), false, now)).toBe(
      'Refreshing… (updated just now)',
    );
    expect(statusText(answer([], [part({ fetchedAt: now - 7_200_000 })], true), false, now)).toBe(
      'Offline — updated 2 hr. ago',
    );
  });
});

describe('first run and provider errors', () => {
  it('is a first run when no provider is connected', () => {
    expect(isFirstRun(answer([], [notConfigured('bundle-social'), notConfigured('layers')]))).toBe(true);
    expect(isFirstRun(answer([], [notConfigured('bundle-social'), part({ provider: 'layers' })]))).toBe(
      false,
    );
    expect(isFirstRun(answer([cmlTrack()], [notConfigured('bundle-social')]))).toBe(false);
  });

  it('mentions an unconnected provider only when the user picked it', () => {
    const a = answer([cmlTrack()], [part(), notConfigured('layers')]);
    expect(partsToReport(a, 'all')).toEqual([]);
    expect(partsToReport(a, 'layers').map((p) => p.provider)).toEqual(['layers']);
  });

  it('reports a real error in any source', () => {
    const failing = part({
      status: 'error',
      error: {
        kind: 'unauthenticated',
        provider: 'bundle-social',
        message: 'bundle.social refused the API key.',
        status: 401,
        requestId: null,
        retryAt: null,
        action: 'open-settings',
      },
    });
    expect(partsToReport(answer([], [failing]), 'all')).toHaveLength(1);
  });
});
