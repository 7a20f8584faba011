/**
 * Layers breakouts need the count an earlier refresh saw: kept through a refresh, carried when
 * the count has not moved, stored compactly and read back.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { compactTrack, expandTrack } from '@/lib/background/catalog/compact';
import { createCatalogEngine } from '@/lib/background/catalog/engine';
import { carryUserCounts } from '@/lib/background/catalog/user-growth';
import { fastestGrowing } from '@/lib/shared/breakout';
import { type Track, trackKey } from '@/lib/shared/track';
import { createTestEnv, HOUR, saveDemoCredentials } from '@/tests/fixtures/providers/test-env';

const LAYERS = { source: 'layers', genre: 'POP', range: '7DAY' } as const;

const track = (id: string, userCount: number | null, previousUserCount?: number | null): Track => ({
  provider: 'layers',
  id,
  idKind: 'layers-track',
  title: id,
  untitled: false,
  artist: 'A',
  album: null,
  durationSec: 30,
  coverUrl: null,
  previewUrl: null,
  previewExpiresAt: null,
  genres: [],
  rank: null,
  rankHistory: [],
  userCount,
  ...(previousUserCount === undefined ? {} : { previousUserCount }),
  language: null,
  cleared: true,
  clips: null,
});

describe('carrying Layers use counts from one refresh to the next', () => {
  it('keeps the earlier count of a track whose count changed', () => {
    const [grown] = carryUserCounts([track('a', 100)], [track('a', 150)]);
    expect(grown?.previousUserCount).toBe(100);
  });

  it('keeps the earlier previous count while the count has not moved', () => {
    const [same] = carryUserCounts([track('a', 150, 100)], [track('a', 150)]);
    expect(same?.previousUserCount).toBe(100);
  });

  it('adds nothing to a track seen for the first time or without a count', () => {
    const fresh = carryUserCounts([track('a', 100)], [track('b', 10), track('a', null)]);
    expect(fresh.map((t) => t.previousUserCount)).toEqual([undefined, undefined]);
  });

  it('survives the compact stored form', () => {
    const grown = track('a', 150, 100);
    expect(expandTrack(compactTrack(grown), 'layers', 0)).toEqual(grown);
    expect(expandTrack(compactTrack(track('b', 5)), 'layers', 0)).toEqual(track('b', 5));
  });
});

describe('a refresh of the Layers list', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await saveDemoCredentials();
  });

  it('marks the track whose count grew since the cached list as growing fastest', async () => {
    const env = createTestEnv();
    const engine = createCatalogEngine(env);
    const first = await engine.getCatalog(LAYERS);
    const target = first.tracks.find((t) => (t.userCount ?? 0) > 100);
    expect(target).toBeDefined();
    // The cached list as an earlier refresh would have left it: this track had half its uses.
    const stored = await browser.storage.local.get(null);
    const [key, text] = Object.entries(stored).find(([k]) => k.startsWith('catalog:layers')) as [
      string,
      string,
    ];
    const entry = JSON.parse(text) as { tracks: { id: string; userCount?: number }[] };
    const cached = entry.tracks.find((t) => t.id === target?.id);
    if (!cached || !target?.userCount) throw new Error('no cached track');
    cached.userCount = Math.floor(target.userCount / 2);
    await browser.storage.local.set({ [key]: JSON.stringify(entry) });

    env.clock.now += HOUR;
    const refreshed = await engine.refreshCatalog(LAYERS);
    const grown = refreshed.tracks.find((t) => t.id === target.id);
    expect(grown?.previousUserCount).toBe(Math.floor(target.userCount / 2));
    const marked = fastestGrowing(refreshed.tracks.map((t) => ({ ...t, key: trackKey(t) })));
    expect([...marked]).toEqual([trackKey(target)]);
  });
});
