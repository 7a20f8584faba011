/**
 * Issue #12, item 1: one odd media URL must never empty a list. Whatever a provider sends as a
 * cover or preview URL, the list that is fetched is the list that is read back from the cache, every
 * item in it; an unusable URL costs only itself.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createCatalogCache } from '@/lib/background/catalog/catalog-cache';
import { cmlEntry, entryKey, LAYERS_ENTRY } from '@/lib/background/catalog/entry-key';
import { normalizeCmlList } from '@/lib/background/providers/bundle-social';
import { normalizeLayersList } from '@/lib/background/providers/layers';
import { cmlItemWithIds } from '@/tests/fixtures/providers/cml-items';
import { layersItemWithId } from '@/tests/fixtures/providers/layers-items';
import { ODD_MEDIA_URLS } from '@/tests/simulator';

const AT = Date.UTC(2026, 1, 15, 12);

beforeEach(() => fakeBrowser.reset());

describe('a list with odd media URLs', () => {
  it('is read back from the cache whole: a Layers list keeps every track', async () => {
    const items = Array.from({ length: 40 }, (_, n) => layersItemWithId(n));
    ODD_MEDIA_URLS.forEach((url, i) => {
      items[i] = layersItemWithId(i, { coverUrl: url, previewUrl: url });
    });
    const fetched = normalizeLayersList({ tracks: items, total: items.length });
    expect(fetched?.tracks).toHaveLength(40);
    expect(fetched?.dropped).toBe(0);

    const cache = createCatalogCache({ now: () => AT });
    const tracks = fetched?.tracks ?? [];
    await cache.write({ id: LAYERS_ENTRY, fetchedAt: AT, attemptedAt: AT, dropped: 0, error: null, tracks });
    const read = (await cache.read([LAYERS_ENTRY])).get(entryKey(LAYERS_ENTRY));
    expect(read?.tracks.map((t) => t.id)).toEqual(tracks.map((t) => t.id));
    // What was stored is what is read: the URLs kept at fetch time survive the read.
    expect(read?.tracks.map((t) => [t.coverUrl, t.previewUrl])).toEqual(
      tracks.map((t) => [t.coverUrl, t.previewUrl]),
    );
  });

  it('is read back from the cache whole: a CML list keeps every track', async () => {
    const items = Array.from({ length: 40 }, (_, n) => cmlItemWithIds(n));
    ODD_MEDIA_URLS.forEach((url, i) => {
      items[i] = cmlItemWithIds(i, {
        thumbnail_url: url,
        preview_url: url,
        trending_song_clip: {
          preview_url: url,
          duration: 30,
          song_clip_id: String(7349215836019472000n + BigInt(i)),
        },
      });
    });
    const fetched = normalizeCmlList(items, 'POP', AT);
    expect(fetched?.tracks).toHaveLength(40);

    const id = cmlEntry('POP', '7DAY');
    const cache = createCatalogCache({ now: () => AT });
    const tracks = fetched?.tracks ?? [];
    await cache.write({ id, fetchedAt: AT, attemptedAt: AT, dropped: 0, error: null, tracks });
    const read = (await cache.read([id])).get(entryKey(id));
    expect(read?.tracks).toEqual(tracks);
  });

  it('stored before this release with an unusable URL, is still read whole and loses only that URL', async () => {
    const items = Array.from({ length: 5 }, (_, n) => layersItemWithId(n));
    const tracks = normalizeLayersList({ tracks: items, total: 5 })?.tracks ?? [];
    const cache = createCatalogCache({ now: () => AT });
    await cache.write({ id: LAYERS_ENTRY, fetchedAt: AT, attemptedAt: AT, dropped: 0, error: null, tracks });
    // An older release stored URLs as the provider wrote them, and its entries as objects, not as
    // JSON text: rewrite two URLs that way and store the entry as it did.
    const key = entryKey(LAYERS_ENTRY);
    const stored = JSON.parse((await browser.storage.local.get(key))[key] as string) as {
      tracks: Record<string, unknown>[];
    };
    expect(stored.tracks).toHaveLength(5);
    stored.tracks[1] = { ...stored.tracks[1], coverUrl: 'HTTPS://media.layers.com/music/1/cover.jpg' };
    stored.tracks[3] = { ...stored.tracks[3], previewUrl: 'https://media.layers.com/music/3/a b.mp3' };
    await browser.storage.local.set({ [key]: stored });

    const read = (await cache.read([LAYERS_ENTRY])).get(entryKey(LAYERS_ENTRY));
    expect(read?.tracks.map((t) => t.id)).toEqual(tracks.map((t) => t.id));
    expect(read?.tracks[1]?.coverUrl).toBeNull();
    expect(read?.tracks[1]?.previewUrl).toBe(tracks[1]?.previewUrl);
    expect(read?.tracks[3]?.previewUrl).toBeNull();
    expect(read?.tracks[3]?.coverUrl).toBe(tracks[3]?.coverUrl);
  });
});
