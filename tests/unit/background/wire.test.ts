/**
 * Packed tracks (lib/shared/wire.ts): what the popup gets back is exactly what the background had,
 * for real catalogs and for every odd shape a track can take, in about a third of the bytes.
 */
import { describe, expect, it } from 'vitest';
import { memoizeMerge } from '@/lib/background/catalog/answer';
import { catalogHandlers } from '@/lib/background/catalog/handlers';
import { normalizeCmlList } from '@/lib/background/providers/bundle-social';
import { normalizeLayersList } from '@/lib/background/providers/layers';
import { GENRES } from '@/lib/shared/genres';
import type { CatalogAnswer } from '@/lib/shared/protocol';
import type { Track } from '@/lib/shared/track';
import { unpackAnswer, unpackTracks } from '@/lib/shared/unpack';
import { packAnswer, packTracks } from '@/lib/shared/wire';
import { createSimulator } from '../../simulator';

const AT = Date.parse('2026-12-04T08:00:00Z');
const sim = createSimulator({ seed: 'wire' });
const allGenres = memoizeMerge()(
  GENRES.map((genre) => normalizeCmlList(sim.catalog.cml(genre, '7DAY'), genre, AT)?.tracks ?? []),
);
const layers = normalizeLayersList({ tracks: sim.catalog.layers(), total: 0 })?.tracks ?? [];

const roundTrip = (tracks: Track[]) => unpackTracks(JSON.parse(JSON.stringify(packTracks(tracks))));

describe('packed tracks', () => {
  it('come back exactly as they left, for every genre of a range and for Layers', () => {
    expect(allGenres.length).toBeGreaterThan(3000);
    expect(roundTrip(allGenres)).toEqual(allGenres);
    expect(roundTrip(layers)).toEqual(layers);
  });

  it('take under 30 % of the plain answer for "All genres"', () => {
    const plain = JSON.stringify(allGenres).length;
    const packed = JSON.stringify(packTracks(allGenres)).length;
    expect(packed / plain).toBeLessThan(0.3);
  });

  it('keep every odd shape: nulls, gaps in a history, URLs without a query, an absent or null previous count', () => {
    const [first] = allGenres as [Track, ...Track[]];
    const odd: Track[] = [
      { ...first, coverUrl: null, previewUrl: null, clips: null, album: 'Album', language: 'es' },
      {
        ...first,
        id: 'b',
        previewUrl: 'https://media.layers.com/preview/other.mp3',
        coverUrl: 'https://media.layers.com/covers/a.jpg',
        rankHistory: [
          { date: '2026-11-01', rank: 3 },
          { date: '2026-11-03', rank: null },
        ],
        clips: { trending: null, full: { id: '123', durationSec: null, previewUrl: null } },
        untitled: true,
        cleared: false,
      },
      { ...first, id: 'c', rankHistory: [], rank: null, genres: [] },
      { ...(layers[0] as Track), previousUserCount: null },
      { ...(layers[0] as Track), previousUserCount: 41 },
    ];
    expect(roundTrip(odd)).toEqual(odd);
    expect('previousUserCount' in (roundTrip([layers[0] as Track])[0] as Track)).toBe(
      'previousUserCount' in (layers[0] as Track),
    );
  });

  it('are what the background answers when the popup asks for them', async () => {
    const answer: CatalogAnswer = { tracks: allGenres.slice(0, 50), parts: [], offline: false };
    const seen: unknown[] = [];
    const handlers = catalogHandlers(
      () =>
        ({
          getCatalog: async (query: unknown) => {
            seen.push(query);
            return answer;
          },
        }) as never,
    );
    const query = { source: 'all', genre: 'POP', range: '7DAY' } as const;
    const packed = (await handlers.getCatalog?.({ ...query, packed: true }, {} as never)) as CatalogAnswer;
    expect(packed.tracks).toEqual([]);
    expect(unpackAnswer(packed)).toEqual(answer);
    // The engine sees the query without the wire option, and a plain ask stays plain.
    expect(seen).toEqual([query]);
    expect(await handlers.getCatalog?.(query, {} as never)).toEqual(answer);
    expect(unpackAnswer(packAnswer(answer))).toEqual(answer);
  });
});
