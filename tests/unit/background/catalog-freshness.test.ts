import { describe, expect, it } from 'vitest';
import { buildPart, mergeTracks, type PartInput } from '@/lib/background/catalog/answer';
import type { CatalogEntry } from '@/lib/background/catalog/catalog-cache';
import { cmlEntry, type EntryId, LAYERS_ENTRY } from '@/lib/background/catalog/entry-key';
import { ERROR_RETRY_MS, isDue, isFresh } from '@/lib/background/catalog/freshness';
import { normalizeCmlList } from '@/lib/background/providers/bundle-social';
import { providerError } from '@/lib/background/providers/provider-error';
import type { ProviderErrorKind } from '@/lib/shared/protocol';
import { cmlItem, cmlItemWithIds } from '@/tests/fixtures/providers/cml-items';

const T0 = Date.UTC(2026, 1, 15, 12);
const MIN = 60_000;
const HOUR = 60 * MIN;
const tracks = normalizeCmlList([cmlItemWithIds(1), cmlItemWithIds(2)], 'POP', T0)?.tracks ?? [];

function entry(id: EntryId, overrides: Partial<CatalogEntry> = {}): CatalogEntry {
  return { id, fetchedAt: T0, attemptedAt: T0, dropped: 0, error: null, tracks, ...overrides };
}
const failed = (kind: ProviderErrorKind, at = T0, retryAt: number | null = null) =>
  entry(cmlEntry('POP', '7DAY'), {
    attemptedAt: at,
    error: providerError('bundle-social', kind, { retryAt }),
  });

describe('freshness', () => {
  it.each([
    ['CML 1 day', cmlEntry('POP', '1DAY'), 1 * HOUR],
    ['CML 7 days', cmlEntry('POP', '7DAY'), 3 * HOUR],
    ['CML 30 days', cmlEntry('POP', '30DAY'), 6 * HOUR],
    ['Layers', LAYERS_ENTRY, 12 * HOUR],
  ])('%s is fresh for %i ms and not a millisecond more', (_, id, limit) => {
    expect(isFresh(entry(id), T0 + limit - 1)).toBe(true);
    expect(isFresh(entry(id), T0 + limit)).toBe(false);
    expect(isDue(entry(id), T0 + limit - 1, 0)).toBe(false);
    expect(isDue(entry(id), T0 + limit, 0)).toBe(true);
  });

  it('never keeps CML fresh past the six hours its preview URLs live', () => {
    for (const range of ['1DAY', '7DAY', '30DAY'] as const) {
      expect(isFresh(entry(cmlEntry('POP', range)), T0 + 6 * HOUR)).toBe(false);
    }
  });

  it('lets the periodic refresh renew an entry early', () => {
    expect(isDue(entry(cmlEntry('POP', '7DAY')), T0 + 2.5 * HOUR, 0, 30 * MIN)).toBe(true);
    expect(isDue(entry(cmlEntry('POP', '7DAY')), T0 + 2 * HOUR, 0, 30 * MIN)).toBe(false);
  });

  it.each([
    ['nothing cached', undefined, T0, 0, true],
    ['a server error just now', failed('server'), T0 + ERROR_RETRY_MS - 1, 0, false],
    ['a server error a minute ago', failed('server'), T0 + ERROR_RETRY_MS, 0, true],
    ['a rejected key, a day later', failed('forbidden'), T0 + 24 * HOUR, 0, false],
    ['a rejected key, after the key changed', failed('forbidden'), T0 + MIN, T0 + 1, true],
    [
      'a Layers catalog not found, a minute later',
      entry(LAYERS_ENTRY, { error: providerError('layers', 'not-found') }),
      T0 + ERROR_RETRY_MS,
      0,
      true,
    ],
    ['a team not found, after the team changed', failed('not-found'), T0 + MIN, T0 + 1, true],
    ['a rate limit before its time', failed('rate-limited', T0, T0 + HOUR), T0 + HOUR - 1, 0, false],
    [
      'a rate limit before its time, even after a settings change',
      failed('rate-limited', T0, T0 + HOUR),
      T0 + MIN,
      T0 + 1,
      false,
    ],
    ['a rate limit at its time', failed('rate-limited', T0, T0 + HOUR), T0 + HOUR, 0, true],
  ])('with %s, a refresh is due: %s', (_, current, now, settingsChangedAt, expected) => {
    expect(isDue(current, now, settingsChangedAt)).toBe(expected);
  });
});

describe('an answer part', () => {
  const pop = cmlEntry('POP', '7DAY');
  const base = {
    provider: 'bundle-social' as const,
    expected: 1,
    refreshing: false,
    blocked: null,
    now: T0 + MIN,
  };
  const offline = providerError('bundle-social', 'offline');
  const noKey = providerError('bundle-social', 'not-configured', { missing: 'key' });
  const serverError = providerError('bundle-social', 'server', { status: 502 });

  it.each([
    ['fresh tracks', { entries: [entry(pop)] }, 'fresh', 2, null],
    ['old tracks', { entries: [entry(pop)], now: T0 + 4 * HOUR }, 'stale', 2, null],
    [
      'old tracks being refreshed',
      { entries: [entry(pop)], now: T0 + 4 * HOUR, refreshing: true },
      'refreshing',
      2,
      null,
    ],
    [
      'old tracks and a failed refresh',
      { entries: [entry(pop, { error: serverError })] },
      'error',
      2,
      'server',
    ],
    ['old tracks while offline', { entries: [entry(pop)], blocked: offline }, 'error', 2, 'offline'],
    ['an empty list', { entries: [entry(pop, { tracks: [] })] }, 'empty', 0, null],
    ['nothing at all yet', { entries: [] }, 'empty', 0, null],
    [
      'a failed first fetch',
      { entries: [entry(pop, { fetchedAt: null, tracks: [], error: serverError })] },
      'error',
      0,
      'server',
    ],
    ['no key, whatever is cached', { entries: [entry(pop)], blocked: noKey }, 'error', 0, 'not-configured'],
    ['some genres of ALL missing', { entries: [entry(pop)], expected: 42 }, 'stale', 2, null],
  ] as [string, Partial<PartInput>, string, number, string | null][])(
    'with %s is %s',
    (_, input, status, count, errorKind) => {
      const { part, tracks: served } = buildPart({ ...base, entries: [], ...input });
      expect(part.status).toBe(status);
      expect(served).toHaveLength(count);
      expect(part.error?.kind ?? null).toBe(errorKind);
    },
  );

  it('reports the oldest fetch time and the sum of dropped items across genres', () => {
    const rock = entry(cmlEntry('ROCK', '7DAY'), { fetchedAt: T0 - HOUR, dropped: 2 });
    const { part } = buildPart({ ...base, entries: [entry(pop, { dropped: 1 }), rock], expected: 2 });
    expect(part).toMatchObject({ fetchedAt: T0 - HOUR, dropped: 3, status: 'fresh' });
  });
});

describe('merging genres', () => {
  it('lists a track charted in two genres once, with both genres, ordered by rank', () => {
    const pop = normalizeCmlList([cmlItemWithIds(1, { rank_position: '5' })], 'POP', T0)?.tracks ?? [];
    const rock =
      normalizeCmlList(
        [cmlItemWithIds(2, { rank_position: '1' }), cmlItemWithIds(1, { rank_position: '9', genres: [] })],
        'ROCK',
        T0,
      )?.tracks ?? [];
    const merged = mergeTracks([pop, rock]);
    expect(merged.map((t) => [t.id, t.rank, t.genres])).toEqual([
      [rock[0]?.id, 1, ['HIP_HOP/RAP', 'LO-FI', 'ROCK']],
      [pop[0]?.id, 5, ['HIP_HOP/RAP', 'LO-FI', 'POP', 'ROCK']],
    ]);
  });

  it('keeps one list in its own order', () => {
    const list = normalizeCmlList([cmlItem({ rank_position: '3' })], 'POP', T0)?.tracks ?? [];
    expect(mergeTracks([list])).toEqual(list);
  });
});
