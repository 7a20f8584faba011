import { describe, expect, it } from 'vitest';
import {
  cmlTrendingUrl,
  fetchCmlTrending,
  fetchTeams,
  normalizeCmlList,
} from '@/lib/background/providers/bundle-social';
import { CML_PREVIEW_LIFETIME_MS } from '@/lib/shared/time';
import { BIG_CLIP_ID, cmlItem, cmlItemWithIds, FULL_CLIP_ID } from '@/tests/fixtures/providers/cml-items';
import {
  AWKWARD,
  BIG_ID,
  createSimulator,
  DEMO_CREDENTIALS,
  HTML_TITLE,
  MIXED_INVALID,
  SINGLE_TEAM_KEY,
  simulatorFetch,
  UNKNOWN_KEYS,
} from '@/tests/simulator';

const AT = Date.UTC(2026, 1, 15, 12);
const one = (item: unknown) => normalizeCmlList([item], 'POP', AT);

describe('bundle.social CML items become tracks', () => {
  it('maps a documented item field by field', () => {
    const result = one(cmlItem());
    expect(result).toEqual({
      dropped: 0,
      tracks: [
        {
          provider: 'bundle-social',
          id: BIG_CLIP_ID,
          idKind: 'cml-song-clip',
          title: 'Lo-Fi analog beat',
          untitled: false,
          artist: 'Gloveity',
          album: null,
          durationSec: 183,
          coverUrl: 'https://p16-sign-va.tiktokcdn.com/cover.jpeg',
          previewUrl: 'https://sf16-ies-music-va.tiktokcdn.com/preview.mp3',
          previewExpiresAt: AT + CML_PREVIEW_LIFETIME_MS,
          genres: ['HIP_HOP/RAP', 'LO-FI', 'POP'],
          rank: 1,
          rankHistory: [
            { date: '2026-02-13', rank: null },
            { date: '2026-02-14', rank: 3 },
            { date: '2026-02-15', rank: 1 },
          ],
          userCount: null,
          language: null,
          cleared: true,
          clips: {
            trending: {
              id: BIG_CLIP_ID,
              durationSec: 30,
              previewUrl: 'https://sf16-ies-music-va.tiktokcdn.com/trending.mp3',
            },
            full: {
              id: FULL_CLIP_ID,
              durationSec: 183,
              previewUrl: 'https://sf16-ies-music-va.tiktokcdn.com/full.mp3',
            },
          },
        },
      ],
    });
  });

  it.each([
    [
      'a null name gets a readable title',
      { commercial_music_name: null },
      { title: 'Untitled track by Gloveity', untitled: true },
    ],
    [
      'a blank name too',
      { commercial_music_name: '   ' },
      { title: 'Untitled track by Gloveity', untitled: true },
    ],
    [
      'HTML in a title stays literal text',
      { commercial_music_name: '<img src=x onerror=alert(1)>' },
      { title: '<img src=x onerror=alert(1)>' },
    ],
    ['a string rank becomes a number', { rank_position: '100' }, { rank: 100 }],
    ['a null rank is no rank', { rank_position: null }, { rank: null }],
    ['a non-numeric rank is no rank', { rank_position: 'n/a' }, { rank: null }],
    ['genres outside the enum are kept', { genres: ['AFROBEATS'] }, { genres: ['AFROBEATS', 'POP'] }],
    ['missing genres are the queried genre', { genres: undefined }, { genres: ['POP'] }],
    ['a null duration falls back to the trending clip', { duration: null }, { durationSec: 30 }],
    ['a null trending clip makes the full clip the id', { trending_song_clip: null }, { id: FULL_CLIP_ID }],
    [
      'a null preview falls back to the trending clip',
      { preview_url: null },
      { previewUrl: 'https://sf16-ies-music-va.tiktokcdn.com/trending.mp3' },
    ],
    [
      'an http cover becomes null',
      { thumbnail_url: 'http://p16.tiktokcdn.com/cover.jpeg' },
      { coverUrl: null },
    ],
    [
      'a javascript: preview becomes null',
      {
        preview_url: 'javascript:alert(1)',
        trending_song_clip: null,
        full_duration_song_clip: { song_clip_id: FULL_CLIP_ID },
      },
      { previewUrl: null },
    ],
  ])('%s', (_, overrides, expected) => {
    const result = one(cmlItem(overrides));
    expect(result?.dropped).toBe(0);
    expect(result?.tracks[0]).toMatchObject(expected);
  });

  it('keeps both clips, each with its own id, and only https previews on them', () => {
    const track = one(
      cmlItem({
        full_duration_song_clip: { preview_url: 'http://x.test/full.mp3', song_clip_id: FULL_CLIP_ID },
      }),
    )?.tracks[0];
    expect(track?.clips).toEqual({
      trending: {
        id: BIG_CLIP_ID,
        durationSec: 30,
        previewUrl: 'https://sf16-ies-music-va.tiktokcdn.com/trending.mp3',
      },
      full: { id: FULL_CLIP_ID, durationSec: null, previewUrl: null },
    });
  });

  it.each([
    ['no clip at all', { trending_song_clip: null, full_duration_song_clip: null }],
    ['no artist', { artist: undefined }],
    ['no thumbnail', { thumbnail_url: undefined }],
    ['a numeric rank', { rank_position: 3 }],
    [
      'a numeric clip id (precision already lost)',
      { trending_song_clip: { song_clip_id: 7349215836019472000 } },
    ],
    ['a string duration', { duration: '183' }],
    ['genres as a string', { genres: 'POP' }],
    ['history as an object', { trending_history: { date: '2026-02-15' } }],
  ])('drops and counts an item with %s, keeping the others', (_, overrides) => {
    const result = normalizeCmlList(
      [cmlItemWithIds(1), cmlItemWithIds(2, overrides), cmlItemWithIds(3)],
      'POP',
      AT,
    );
    expect(result?.dropped).toBe(1);
    expect(result?.tracks.map((t) => t.rank)).toEqual([2, 4]);
  });

  it('counts items that are not objects at all', () => {
    expect(normalizeCmlList([null, 'Golden Static', 42, cmlItem()], 'POP', AT)?.dropped).toBe(3);
  });

  it('keeps the first of a track listed twice, without counting it as dropped', () => {
    const result = normalizeCmlList(
      [cmlItem({ rank_position: '1' }), cmlItem({ rank_position: '9' })],
      'POP',
      AT,
    );
    expect(result?.tracks.map((t) => t.rank)).toEqual([1]);
    expect(result?.dropped).toBe(0);
  });

  it.each([
    ['an object', { items: [] }],
    ['a string', '<html>'],
    ['null', null],
  ])('refuses a body that is %s instead of an array', (_, body) => {
    expect(normalizeCmlList(body, 'POP', AT)).toBeNull();
  });

  it.each([
    ['HIP_HOP/RAP', 'genre=HIP_HOP%2FRAP'],
    ['R&B/SOUL', 'genre=R%26B%2FSOUL'],
    ['DRUM&BASS', 'genre=DRUM%26BASS'],
  ] as const)('URL-encodes the genre %s', (genre, encoded) => {
    const url = cmlTrendingUrl({ teamId: 't 1', genre, range: '30DAY' });
    expect(url).toContain(encoded);
    expect(new URL(url).searchParams.get('genre')).toBe(genre);
    expect(new URL(url).searchParams.get('dateRange')).toBe('30DAY');
  });
});

describe('the bundle.social client against the contract simulator', () => {
  const env = (sim = createSimulator({ seed: 'providers', now: AT })) => ({
    sim,
    http: { fetch: simulatorFetch(sim), now: () => AT, timeoutMs: 100 },
  });
  const query = {
    apiKey: DEMO_CREDENTIALS.bundleSocialKey,
    teamId: DEMO_CREDENTIALS.teamId,
    genre: 'POP',
    range: '7DAY',
  } as const;

  it('sends the key in x-api-key and gets the whole list', async () => {
    const { sim, http } = env();
    const result = await fetchCmlTrending(http, query);
    expect(result.ok && result.value.tracks.length).toBe(sim.catalog.cml('POP', '7DAY').length);
    expect(sim.requests[0]?.headers['x-api-key']).toBe(DEMO_CREDENTIALS.bundleSocialKey);
  });

  it('keeps a 19-digit id above 2^53 byte for byte', async () => {
    const { sim, http } = env();
    expect(Number(BIG_ID).toString()).not.toBe(BIG_ID);
    const result = await fetchCmlTrending(http, query);
    if (!result.ok) throw new Error(result.error.message);
    const track = result.value.tracks[AWKWARD.bigId.index];
    expect(track?.id).toBe(BIG_ID);
    expect(sim.catalog.cmlBody('POP', '7DAY')).toContain(`"song_clip_id":"${BIG_ID}"`);
  });

  it('keeps an HTML title as literal text', async () => {
    const { http } = env();
    const result = await fetchCmlTrending(http, query);
    expect(result.ok && result.value.tracks.some((t) => t.title === HTML_TITLE)).toBe(true);
  });

  it('drops exactly the invalid items of a mixed list', async () => {
    const { sim, http } = env();
    sim.setScenario('bundle-social', 'mixed-invalid');
    const result = await fetchCmlTrending(http, query);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.dropped).toBe(Object.keys(MIXED_INVALID.cml.invalid).length);
    expect(result.value.tracks.length).toBe(MIXED_INVALID.cml.valid.length);
  });

  it.each([
    ['a missing key', '', 'unauthenticated', 401, 'open-settings'],
    ['an unknown key', UNKNOWN_KEYS.bundleSocial, 'forbidden', 403, 'open-settings'],
  ])('reports %s without repeating it', async (_, apiKey, kind, status, action) => {
    const { http } = env();
    const result = await fetchCmlTrending(http, { ...query, apiKey });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ kind, status, action, provider: 'bundle-social' });
    expect(result.error.message).toMatch(/^bundle\.social .+: .+\.$/);
    if (apiKey) expect(JSON.stringify(result.error)).not.toContain(apiKey);
  });

  it('reports a team outside the organisation as not-found, pointing at Settings', async () => {
    const { http } = env();
    const result = await fetchCmlTrending(http, { ...query, teamId: 'someone-elses-team' });
    expect(!result.ok && result.error).toMatchObject({
      kind: 'not-found',
      status: 404,
      action: 'open-settings',
    });
  });

  it.each([
    ['server-error', 'server', 500],
    ['bad-gateway', 'server', 502],
    ['html-error', 'server', 503],
    ['malformed-json', 'invalid-response', 200],
    ['not-found', 'not-found', 404],
    ['offline', 'network', null],
    ['hang', 'timeout', null],
  ] as const)('maps the %s scenario to %s', async (scenario, kind, status) => {
    const { sim, http } = env();
    sim.setScenario('bundle-social', scenario);
    const result = await fetchCmlTrending(http, query);
    expect(!result.ok && result.error).toMatchObject({ kind, status, provider: 'bundle-social' });
  });

  it('treats an HTML page served with 200 as invalid-response, naming the provider', async () => {
    const { sim, http } = env();
    sim.setScenario('bundle-social', 'html-error', { status: 200 });
    const result = await fetchCmlTrending(http, query);
    expect(!result.ok && result.error.kind).toBe('invalid-response');
    expect(!result.ok && result.error.message).toContain('bundle.social');
  });

  it('treats an empty list as zero tracks, not an error', async () => {
    const { sim, http } = env();
    sim.setScenario('bundle-social', 'empty');
    expect(await fetchCmlTrending(http, query)).toMatchObject({
      ok: true,
      value: { tracks: [], dropped: 0 },
    });
  });

  it('lists the teams a key sees, skipping invalid team items', async () => {
    const { sim, http } = env();
    const all = await fetchTeams(http, DEMO_CREDENTIALS.bundleSocialKey);
    expect(all.ok && all.value.map((t) => t.id)).toEqual(sim.catalog.teams().map((t) => t.id));
    const solo = await fetchTeams(http, SINGLE_TEAM_KEY);
    expect(solo.ok && solo.value).toHaveLength(1);
    sim.setScenario('bundle-social', 'mixed-invalid');
    const mixed = await fetchTeams(http, DEMO_CREDENTIALS.bundleSocialKey);
    expect(mixed.ok && mixed.value).toHaveLength(MIXED_INVALID.teams.valid.length);
  });
});

describe('CML media and field sizes (issue #12)', () => {
  const elsewhere = 'https://tracker.example/p.mp3';

  it('gives a track whose previews are on another host no preview, and keeps the track, its clips and cover', () => {
    const list = one(
      cmlItem({
        preview_url: elsewhere,
        trending_song_clip: { preview_url: elsewhere, duration: 30, song_clip_id: BIG_CLIP_ID },
        full_duration_song_clip: { preview_url: elsewhere, duration: 183, song_clip_id: FULL_CLIP_ID },
      }),
    );
    expect(list?.dropped).toBe(0);
    const track = list?.tracks[0];
    expect(track?.previewUrl).toBeNull();
    expect(track?.clips?.trending).toEqual({ id: BIG_CLIP_ID, durationSec: 30, previewUrl: null });
    expect(track?.coverUrl).toBe('https://p16-sign-va.tiktokcdn.com/cover.jpeg');
  });

  it('keeps at most 500 items of a list (bundle.social sends 100) and counts the rest as dropped', () => {
    const items = (n: number) => Array.from({ length: n }, (_, i) => cmlItemWithIds(i));
    expect(normalizeCmlList(items(500), 'POP', 0)).toMatchObject({ dropped: 0 });
    const over = normalizeCmlList(items(502), 'POP', 0);
    expect(over?.tracks).toHaveLength(500);
    expect(over?.dropped).toBe(2);
  });

  it('keeps 64 genres of up to 64 characters, and drops the rest', () => {
    const many = Array.from({ length: 200 }, (_, i) => `GENRE_${i}`);
    const track = one(cmlItem({ genres: [...many, 'x'.repeat(65)] }))?.tracks[0];
    expect(track?.genres).toHaveLength(64);
    expect(track?.genres).toContain('POP');
    expect(track?.genres.every((genre) => genre.length <= 64)).toBe(true);
    const edge = one(cmlItem({ genres: ['y'.repeat(64), 'z'.repeat(65)] }))?.tracks[0];
    expect(edge?.genres).toEqual(['y'.repeat(64), 'POP']);
  });

  it('keeps the latest 60 days of rank history (bundle.social sends 30)', () => {
    const day = (d: number) => new Date(Date.UTC(2026, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
    const history = (n: number) =>
      Array.from({ length: n }, (_, d) => ({ date: day(d), rank_position_daily: String(d + 1) }));
    expect(one(cmlItem({ trending_history: history(60) }))?.tracks[0]?.rankHistory).toHaveLength(60);
    const long = one(cmlItem({ trending_history: history(5000) }))?.tracks[0]?.rankHistory;
    expect(long).toHaveLength(60);
    expect(long?.at(-1)).toEqual({ date: day(4999), rank: 5000 });
    expect(long?.[0]).toEqual({ date: day(4940), rank: 4941 });
  });

  it('shortens a title and artist past 300 characters', () => {
    const long = 'c'.repeat(20_000);
    const track = one(cmlItem({ commercial_music_name: long, artist: long }))?.tracks[0];
    expect(track?.title).toBe(`${'c'.repeat(299)}…`);
    expect(track?.artist).toBe(`${'c'.repeat(299)}…`);
    expect(track?.untitled).toBe(false);
  });
});
