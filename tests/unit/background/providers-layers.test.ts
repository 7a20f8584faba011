import { describe, expect, it } from 'vitest';
import { fetchLayersMusic, normalizeLayersList } from '@/lib/background/providers/layers';
import { LAYERS_ID, layersItem, layersItemWithId } from '@/tests/fixtures/providers/layers-items';
import {
  createSimulator,
  DEMO_CREDENTIALS,
  LAYERS_AWKWARD,
  LAYERS_NO_SCOPE_KEY,
  MIXED_INVALID,
  simulatorFetch,
  UNKNOWN_KEYS,
} from '@/tests/simulator';

const one = (item: unknown) => normalizeLayersList({ tracks: [item], total: 1 });

describe('Layers tracks become tracks', () => {
  it('maps a documented track field by field', () => {
    expect(one(layersItem())).toEqual({
      dropped: 0,
      tracks: [
        {
          provider: 'layers',
          id: LAYERS_ID,
          idKind: 'layers-track',
          title: 'Sunset Drive',
          untitled: false,
          artist: 'Mae & Co',
          album: 'Singles',
          durationSec: 28,
          coverUrl: 'https://media.layers.com/music/8f1d6c3e/cover.jpg',
          previewUrl: 'https://media.layers.com/music/8f1d6c3e/preview.mp3',
          previewExpiresAt: null,
          genres: [],
          rank: 1,
          rankHistory: [],
          userCount: 412980,
          language: 'en',
          cleared: true,
          clips: null,
        },
      ],
    });
  });

  it.each([
    ['isCommerceMusic: false is not cleared', { isCommerceMusic: false }, { cleared: false }],
    ['an empty album is no album', { album: '' }, { album: null }],
    [
      'an empty title gets a readable title',
      { title: '' },
      { title: 'Untitled track by Mae & Co', untitled: true },
    ],
    ['HTML in a title stays literal text', { title: '<b>bold</b>' }, { title: '<b>bold</b>' }],
    ['an http preview becomes null', { previewUrl: 'http://media.layers.com/p.mp3' }, { previewUrl: null }],
    ['a data: cover becomes null', { coverUrl: 'data:image/png;base64,AAAA' }, { coverUrl: null }],
    ['a fractional duration is kept', { duration: 29.5 }, { durationSec: 29.5 }],
  ])('%s', (_, overrides, expected) => {
    const result = one(layersItem(overrides));
    expect(result?.dropped).toBe(0);
    expect(result?.tracks[0]).toMatchObject(expected);
  });

  it.each([
    ['a numeric id', { id: 12345 }],
    ['an id that is not a UUID', { id: '6817312022837872642' }],
    ['no title', { title: undefined }],
    ['a string userCount', { userCount: 'many' }],
    ['a string isCommerceMusic', { isCommerceMusic: 'yes' }],
    ['no isCommerceMusic', { isCommerceMusic: undefined }],
    ['no previewUrl', { previewUrl: undefined }],
  ])('drops and counts a track with %s, keeping the others', (_, overrides) => {
    const result = normalizeLayersList({
      tracks: [layersItemWithId(1), layersItemWithId(2, overrides), layersItemWithId(3)],
      total: 3,
    });
    expect(result?.dropped).toBe(1);
    expect(result?.tracks.map((t) => t.id.slice(-1))).toEqual(['1', '3']);
  });

  it('ranks by position in the list, which Layers sorts by use', () => {
    const result = normalizeLayersList({
      tracks: [layersItemWithId(1), null, layersItemWithId(2)],
      total: 3,
    });
    expect(result?.tracks.map((t) => t.rank)).toEqual([1, 3]);
  });

  it.each([
    ['an array', [layersItem()]],
    ['an object without tracks', { total: 0 }],
    ['tracks that are not a list', { tracks: 'none' }],
    ['the error envelope', { error: { code: 'INTERNAL', message: 'x' } }],
  ])('refuses a body that is %s', (_, body) => {
    expect(normalizeLayersList(body)).toBeNull();
  });
});

describe('the Layers client against the contract simulator', () => {
  const setup = () => {
    const sim = createSimulator({ seed: 'providers' });
    return { sim, http: { fetch: simulatorFetch(sim), now: () => 0, timeoutMs: 100 } };
  };

  it('sends a Bearer key and gets the whole catalog, uncleared tracks marked', async () => {
    const { sim, http } = setup();
    const result = await fetchLayersMusic(http, DEMO_CREDENTIALS.layersKey);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.tracks).toHaveLength(sim.catalog.layers().length);
    expect(result.value.tracks[LAYERS_AWKWARD.notCleared]?.cleared).toBe(false);
    expect(sim.requests[0]?.headers.authorization).toBe(`Bearer ${DEMO_CREDENTIALS.layersKey}`);
  });

  it('drops exactly the invalid tracks of a mixed list', async () => {
    const { sim, http } = setup();
    sim.setScenario('layers', 'mixed-invalid');
    const result = await fetchLayersMusic(http, DEMO_CREDENTIALS.layersKey);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.dropped).toBe(Object.keys(MIXED_INVALID.layers.invalid).length);
    expect(result.value.tracks).toHaveLength(MIXED_INVALID.layers.valid.length);
  });

  it.each([
    ['an unknown key', UNKNOWN_KEYS.layers, 'unauthenticated', 401, /rejected the API key/],
    ['a key without publish:read', LAYERS_NO_SCOPE_KEY, 'forbidden', 403, /publish:read/],
  ])('reports %s with the request id and without the key', async (_, key, kind, status, message) => {
    const { http } = setup();
    const result = await fetchLayersMusic(http, key);
    if (result.ok) throw new Error('expected a failure');
    expect(result.error).toMatchObject({ kind, status, action: 'open-settings', provider: 'layers' });
    expect(result.error.message).toMatch(message);
    expect(result.error.requestId).toEqual(expect.any(String));
    expect(JSON.stringify(result.error)).not.toContain(key);
  });

  it.each([
    ['server-error', 'server', 500],
    ['bad-gateway', 'server', 502],
    ['malformed-json', 'invalid-response', 200],
    ['connection-refused', 'network', null],
  ] as const)('maps the %s scenario to %s', async (scenario, kind, status) => {
    const { sim, http } = setup();
    sim.setScenario('layers', scenario);
    const result = await fetchLayersMusic(http, DEMO_CREDENTIALS.layersKey);
    expect(!result.ok && result.error).toMatchObject({ kind, status, provider: 'layers' });
  });
});

describe('Layers media and field sizes (issue #12)', () => {
  it('gives a track whose cover is on another host no cover, and keeps the track and its preview', () => {
    const list = one(layersItem({ coverUrl: 'https://tracker.example/cover.jpg' }));
    expect(list?.dropped).toBe(0);
    expect(list?.tracks[0]?.coverUrl).toBeNull();
    expect(list?.tracks[0]?.previewUrl).toBe('https://media.layers.com/music/8f1d6c3e/preview.mp3');
  });

  it('keeps at most 5,000 tracks of a catalog and counts the rest as dropped', () => {
    const items = (n: number) => Array.from({ length: n }, (_, i) => layersItemWithId(i));
    expect(normalizeLayersList({ tracks: items(5000), total: 5000 })).toMatchObject({ dropped: 0 });
    const over = normalizeLayersList({ tracks: items(5003), total: 5003 });
    expect(over?.tracks).toHaveLength(5000);
    expect(over?.dropped).toBe(3);
    expect(over?.tracks.at(-1)?.rank).toBe(5000);
  });

  it('shortens a title, author and album past 300 characters, and keeps those at 300 whole', () => {
    const at = 'a'.repeat(300);
    const kept = one(layersItem({ title: at, author: at, album: at }))?.tracks[0];
    expect([kept?.title, kept?.artist, kept?.album]).toEqual([at, at, at]);
    const long = 'b'.repeat(100_000);
    const cut = one(layersItem({ title: long, author: long, album: long }))?.tracks[0];
    expect(cut?.title).toBe(`${'b'.repeat(299)}…`);
    expect(cut?.artist).toBe(`${'b'.repeat(299)}…`);
    expect(cut?.album).toBe(`${'b'.repeat(299)}…`);
  });

  it('never cuts a character in half', () => {
    const title = `${'a'.repeat(298)}🎵🎵🎵`;
    const track = one(layersItem({ title }))?.tracks[0];
    expect(track?.title).toBe(`${'a'.repeat(298)}…`);
    expect(track?.title).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});
