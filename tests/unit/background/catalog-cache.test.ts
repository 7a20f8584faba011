import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  CACHE_BUDGET_BYTES,
  type CatalogEntry,
  createCatalogCache,
  evictionsFor,
} from '@/lib/background/catalog/catalog-cache';
import { compactTrack, expandTrack } from '@/lib/background/catalog/compact';
import { cmlEntry, entryKey, LAYERS_ENTRY } from '@/lib/background/catalog/entry-key';
import { normalizeCmlList } from '@/lib/background/providers/bundle-social';
import { normalizeLayersList } from '@/lib/background/providers/layers';
import { takeNotices } from '@/lib/background/storage';
import { GENRES } from '@/lib/shared/genres';
import type { Track } from '@/lib/shared/track';
import { BIG_CLIP_ID, cmlItem, fullCmlList } from '@/tests/fixtures/providers/cml-items';
import { createSimulator } from '@/tests/simulator';

const AT = Date.UTC(2026, 1, 15, 12);
const sim = createSimulator({ seed: 'cache-tests', now: AT });
const popTracks = normalizeCmlList(sim.catalog.cml('POP', '7DAY'), 'POP', AT)?.tracks ?? [];
const layersTracks = normalizeLayersList({ tracks: sim.catalog.layers(), total: 0 })?.tracks ?? [];

function entryOf(genre: (typeof GENRES)[number], tracks: Track[], at = AT): CatalogEntry {
  return { id: cmlEntry(genre, '7DAY'), fetchedAt: at, attemptedAt: at, dropped: 0, error: null, tracks };
}

describe('the stored form of a track', () => {
  it('gives back exactly the track it was given, for every awkward CML and Layers track', () => {
    expect(popTracks.length).toBeGreaterThan(50);
    for (const track of popTracks)
      expect(expandTrack(compactTrack(track), 'bundle-social', AT)).toEqual(track);
    for (const track of layersTracks) expect(expandTrack(compactTrack(track), 'layers', AT)).toEqual(track);
  });

  it.each([
    [
      'a history with a gap',
      [
        { date: '2026-02-01', rank_position_daily: '2' },
        { date: '2026-02-05', rank_position_daily: '1' },
      ],
    ],
    ['dates that are not dates', [{ date: 'yesterday', rank_position_daily: '2' }]],
    ['no history', []],
  ])('keeps %s as it was', (_, trending_history) => {
    const track = normalizeCmlList([cmlItem({ trending_history })], 'POP', AT)?.tracks[0] as Track;
    expect(expandTrack(compactTrack(track), 'bundle-social', AT)).toEqual(track);
  });

  it('keeps a preview of its own, and a null preview beside clips that have one', () => {
    const [own] =
      normalizeCmlList(
        [cmlItem({ preview_url: 'https://sf16-ies-music-va.tiktokcdn.com/own.mp3' })],
        'POP',
        AT,
      )?.tracks ?? [];
    expect(expandTrack(compactTrack(own as Track), 'bundle-social', AT).previewUrl).toBe(
      'https://sf16-ies-music-va.tiktokcdn.com/own.mp3',
    );
    const explicitNull = { ...(own as Track), previewUrl: null };
    expect(expandTrack(compactTrack(explicitNull), 'bundle-social', AT).previewUrl).toBeNull();
  });
});

/** A stored entry whose one track is not a track. */
const NOT_A_TRACK = {
  v: 1,
  provider: 'bundle-social',
  genre: 'POP',
  range: '7DAY',
  fetchedAt: AT,
  attemptedAt: AT,
  dropped: 0,
  error: null,
  tracks: [{ id: 5 }],
};

describe('the catalog cache', () => {
  beforeEach(() => fakeBrowser.reset());

  it('stores one key per entry and reads back the same tracks, ids byte for byte', async () => {
    const cache = createCatalogCache({ now: () => AT });
    await cache.write(entryOf('POP', popTracks));
    const stored = await browser.storage.local.get(null);
    expect(Object.keys(stored).sort()).toEqual(['catalog:bundle-social:7DAY:POP', 'catalogIndex']);
    const read = await cache.read([cmlEntry('POP', '7DAY')]);
    expect(read.get(entryKey(cmlEntry('POP', '7DAY')))?.tracks).toEqual(popTracks);
    const big = normalizeCmlList([cmlItem()], 'POP', AT)?.tracks ?? [];
    await cache.write(entryOf('ROCK', big));
    // Stored as one JSON string, the id written as the digits it came as.
    const raw = (await browser.storage.local.get('catalog:bundle-social:7DAY:ROCK'))[
      'catalog:bundle-social:7DAY:ROCK'
    ];
    expect(typeof raw).toBe('string');
    expect(raw).toContain(`"${BIG_CLIP_ID}"`);
    expect(
      (await cache.read([cmlEntry('ROCK', '7DAY')])).get('catalog:bundle-social:7DAY:ROCK')?.tracks[0]?.id,
    ).toBe(BIG_CLIP_ID);
  });

  it.each([
    ['not an object', 'garbage'],
    ['cut short', '{"v":1,"provider":"bundle-social","tracks":['],
    ['JSON of a track that is not a track', JSON.stringify(NOT_A_TRACK)],
    ['a track that is not a track', NOT_A_TRACK],
    ['another version', { v: 99 }],
  ])('treats a stored entry that is %s as missing, removes it and says so', async (_, value) => {
    await browser.storage.local.set({ 'catalog:bundle-social:7DAY:POP': value });
    const cache = createCatalogCache({ now: () => AT });
    expect((await cache.read([cmlEntry('POP', '7DAY')])).size).toBe(0);
    expect(await browser.storage.local.get('catalog:bundle-social:7DAY:POP')).toEqual({});
    expect(await takeNotices()).toEqual([
      'Cached tracks for bundle.social Pop (7DAY) could not be read and were cleared; they will be fetched again.',
    ]);
  });

  it('fits a whole range, 42 genres × 100 full-size tracks, plus the Layers catalog, within its budget', async () => {
    const cache = createCatalogCache({ now: () => AT });
    for (const [i, genre] of GENRES.entries()) {
      const tracks = normalizeCmlList(fullCmlList(genre, i * 100), genre, AT)?.tracks ?? [];
      expect(tracks).toHaveLength(100);
      await cache.write(entryOf(genre, tracks));
    }
    await cache.write({
      id: LAYERS_ENTRY,
      fetchedAt: AT,
      attemptedAt: AT,
      dropped: 0,
      error: null,
      tracks: layersTracks,
    });
    const bytes = await cache.totalBytes();
    if (process.env.CLEARTUNE_MEASURE) console.log(`42 genres × 100 tracks + Layers: ${bytes} bytes`);
    expect(bytes).toBeLessThan(CACHE_BUDGET_BYTES);
    const read = await cache.read(GENRES.map((genre) => cmlEntry(genre, '7DAY')));
    expect(read.size).toBe(42);
  });

  it('evicts the least recently used entries before a write would pass the budget', async () => {
    const clock = { now: AT };
    const probe = createCatalogCache({ now: () => clock.now });
    await probe.write(entryOf('POP', popTracks));
    const oneEntry = await probe.totalBytes();
    fakeBrowser.reset();
    const cache = createCatalogCache({ now: () => clock.now, budgetBytes: oneEntry * 2.5 });
    for (const genre of ['POP', 'ROCK'] as const) {
      clock.now += 1000;
      await cache.write(entryOf(genre, popTracks));
    }
    clock.now += 1000;
    await cache.touch([cmlEntry('POP', '7DAY')]); // POP was looked at after ROCK was written
    clock.now += 1000;
    await cache.write(entryOf('JAZZ', popTracks));
    const left = await cache.read(['POP', 'ROCK', 'JAZZ'].map((g) => cmlEntry(g as 'POP', '7DAY')));
    expect([...left.keys()].sort()).toEqual([
      'catalog:bundle-social:7DAY:JAZZ',
      'catalog:bundle-social:7DAY:POP',
    ]);
    expect(await cache.totalBytes()).toBeLessThanOrEqual(oneEntry * 2.5);
  });

  it('refuses a list larger than half its budget, and keeps every other list as it was', async () => {
    const clock = { now: AT };
    const probe = createCatalogCache({ now: () => clock.now });
    await probe.write(entryOf('POP', popTracks));
    const oneEntry = await probe.totalBytes();
    fakeBrowser.reset();
    const cache = createCatalogCache({ now: () => clock.now, budgetBytes: oneEntry * 4 });
    for (const genre of ['POP', 'ROCK', 'JAZZ'] as const) {
      clock.now += 1000;
      expect(await cache.write(entryOf(genre, popTracks))).toEqual({ stored: true });
    }
    const before = await browser.storage.local.get(null);
    // Three lists' worth of tracks in one list: more than any one list may take.
    const oversized = [0, 1, 2].flatMap((copy) =>
      popTracks.map((track) => ({ ...track, id: `${track.id}${copy}` })),
    );
    clock.now += 1000;
    const refused = await cache.write(entryOf('LATIN', oversized));
    expect(refused).toMatchObject({ stored: false, limitBytes: oneEntry * 2 });
    expect(!refused.stored && refused.bytes).toBeGreaterThan(oneEntry * 2);
    expect(await browser.storage.local.get(null)).toEqual(before);
  });

  it('never evicts the entry being written, even one larger than the budget', () => {
    const index = { a: { size: 10, usedAt: 1 }, big: { size: 500, usedAt: 0 }, b: { size: 10, usedAt: 2 } };
    expect(evictionsFor(index, 'big', 100)).toEqual(['a', 'b']);
  });

  it('rebuilds a damaged index from what is stored', async () => {
    const cache = createCatalogCache({ now: () => AT });
    await cache.write(entryOf('POP', popTracks));
    const before = await cache.totalBytes();
    await browser.storage.local.set({ catalogIndex: 'broken' });
    expect(await cache.totalBytes()).toBe(before);
  });
});
