/**
 * The contract simulator's seeded catalogs: determinism, rank/history consistency, id handling and
 * every documented awkward case.
 */
import { describe, expect, it } from 'vitest';
import {
  AWKWARD,
  type AwkwardCase,
  BIG_ID,
  BIG_ID_9,
  type CmlTrack,
  createSimulator,
  DATE_RANGES,
  DEMO_CREDENTIALS,
  EMPTY_LIST,
  GENRES,
  HTML_ARTIST,
  HTML_TITLE,
  LAYERS_AWKWARD,
  LAYERS_TRACK_COUNT,
  listSize,
  PATHS,
  SHORT_LISTS,
} from '../../simulator';

const NOW = new Date('2026-02-15T12:00:00Z');
const TODAY = '2026-02-15';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const sim = createSimulator({ now: NOW });
const pop = sim.catalog.cml('POP', '7DAY');
const clips = (t: CmlTrack) => [t.full_duration_song_clip, t.trending_song_clip].filter((c) => c !== null);

async function rawCml(s: ReturnType<typeof createSimulator>, genre: string, range: string) {
  const res = await s.handle({
    url: `https://api.bundle.social${PATHS.trendingList}?teamId=${DEMO_CREDENTIALS.teamId}&genre=${encodeURIComponent(genre)}&dateRange=${range}`,
    headers: { 'x-api-key': DEMO_CREDENTIALS.bundleSocialKey },
  });
  return res.body;
}
async function rawLayers(s: ReturnType<typeof createSimulator>) {
  const res = await s.handle({
    url: `https://api.layers.com${PATHS.layersMusic}`,
    headers: { authorization: `Bearer ${DEMO_CREDENTIALS.layersKey}` },
  });
  return res.body;
}

describe('determinism', () => {
  it('gives byte-identical responses for the same seed and now', async () => {
    const a = createSimulator({ seed: 42, now: NOW });
    const b = createSimulator({ seed: 42, now: NOW.getTime() });
    // Asked in different orders: lists are built lazily and independently.
    const orderA = ['POP', 'R&B/SOUL', 'J-POP', 'DANCE_POP'];
    const bodiesA = [];
    for (const g of orderA) bodiesA.push(await rawCml(a, g, '30DAY'));
    const bodiesB = [];
    for (const g of [...orderA].reverse()) bodiesB.unshift(await rawCml(b, g, '30DAY'));
    expect(bodiesA).toEqual(bodiesB);
    expect(await rawLayers(a)).toBe(await rawLayers(b));
  });

  it('changes with the seed, and history dates move with now', async () => {
    const a = createSimulator({ seed: 1, now: NOW });
    const b = createSimulator({ seed: 2, now: NOW });
    expect(await rawCml(a, 'ROCK', '7DAY')).not.toBe(await rawCml(b, 'ROCK', '7DAY'));
    expect(await rawLayers(a)).not.toBe(await rawLayers(b));
    const later = createSimulator({ seed: 1, now: new Date('2026-03-01T09:00:00Z') });
    const last = later.catalog.cml('ROCK')[0]!.trending_history.at(-1)!;
    expect(last.date).toBe('2026-03-01');
    a.setNow(new Date('2026-03-01T09:00:00Z'));
    expect(a.catalog.cml('ROCK')[0]!.trending_history.at(-1)!.date).toBe('2026-03-01');
  });

  it('hands out copies: mutating catalog data does not change responses', async () => {
    const s = createSimulator({ now: NOW });
    const before = await rawCml(s, 'POP', '7DAY');
    s.catalog.cml('POP', '7DAY')[0]!.artist = 'changed';
    s.catalog.layers()[0]!.title = 'changed';
    expect(await rawCml(s, 'POP', '7DAY')).toBe(before);
    expect(await rawLayers(s)).not.toContain('"changed"');
  });

  it('is fast to create and to answer the default list', async () => {
    const started = performance.now();
    const s = createSimulator({ seed: 'fresh-seed', now: NOW });
    await rawCml(s, 'POP', '7DAY');
    await rawLayers(s);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('CML lists', () => {
  it('hold 100 items except the documented short lists and the one empty list', () => {
    expect(sim.catalog.cml(EMPTY_LIST.genre, EMPTY_LIST.range)).toEqual([]);
    for (const [key, size] of Object.entries(SHORT_LISTS)) {
      const [genre, range] = [key.slice(0, key.lastIndexOf('/')), key.slice(key.lastIndexOf('/') + 1)];
      expect(sim.catalog.cml(genre as never, range as never)).toHaveLength(size);
    }
    expect(listSize('ROCK', '1DAY')).toBe(100);
    expect(sim.catalog.cml('ROCK', '1DAY')).toHaveLength(100);
  });

  it('rank "1".."N" as strings, each equal to its last history day, history oldest first ending today', () => {
    for (const genre of ['POP', 'HIP_HOP/RAP', 'CHILDHOOD', 'K-POP'] as const)
      for (const range of DATE_RANGES) {
        const list = sim.catalog.cml(genre, range);
        list.forEach((track, i) => {
          expect(track.rank_position).toBe(String(i + 1));
          const history = track.trending_history;
          expect(history.length).toBeGreaterThan(0);
          expect(history.length).toBeLessThanOrEqual(30);
          expect(history.at(-1)).toEqual({ date: TODAY, rank_position_daily: track.rank_position });
          for (let d = 1; d < history.length; d++) {
            const step = Date.parse(history[d]!.date) - Date.parse(history[d - 1]!.date);
            expect(step).toBe(86_400_000);
          }
          for (const point of history) {
            expect(point.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
            if (point.rank_position_daily !== null) {
              expect(point.rank_position_daily).toMatch(/^[1-9]\d*$/);
              expect(Number(point.rank_position_daily)).toBeLessThanOrEqual(100);
            }
          }
        });
      }
  });

  it('include unranked (null) days, and clearly rising and falling tracks', () => {
    const all = GENRES.slice(0, 6).flatMap((g) => sim.catalog.cml(g, '30DAY'));
    const points = all.flatMap((t) => t.trending_history);
    expect(points.some((p) => p.rank_position_daily === null)).toBe(true);
    const ranks = (t: CmlTrack) =>
      t.trending_history
        .map((p) => p.rank_position_daily)
        .filter((r) => r !== null)
        .map(Number);
    const rising = ranks(sim.catalog.awkward('rising'));
    expect(rising[0]! - rising.at(-1)!).toBeGreaterThanOrEqual(50);
    expect(sim.catalog.awkward('rising').trending_history[0]!.rank_position_daily).toBeNull();
    const falling = ranks(sim.catalog.awkward('falling'));
    expect(falling.at(-1)! - falling[0]!).toBeGreaterThanOrEqual(30);
    // Ordinary tracks rise and fall too, not only the pinned ones.
    const moves = all
      .map((t) => ranks(t))
      .filter((r) => r.length > 5)
      .map((r) => r[0]! - r.at(-1)!);
    expect(moves.filter((m) => m >= 20).length).toBeGreaterThan(5);
    expect(moves.filter((m) => m <= -15).length).toBeGreaterThan(5);
  });

  it('send ids as 19-digit strings; BIG_ID survives in the raw body and breaks under Number()', async () => {
    const body = await rawCml(sim, 'POP', '7DAY');
    expect(body).toContain(`"song_clip_id":"${BIG_ID}"`);
    expect(JSON.parse(body)[AWKWARD.bigId.index].trending_song_clip.song_clip_id).toBe(BIG_ID);
    expect(String(Number(BIG_ID))).not.toBe(BIG_ID);
    expect(BigInt(Number(BIG_ID))).not.toBe(BigInt(BIG_ID));
    expect(BigInt(BIG_ID) > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
    expect(sim.catalog.awkward('bigId9').trending_song_clip?.song_clip_id).toBe(BIG_ID_9);
    expect(BigInt(Number(BIG_ID_9))).not.toBe(BigInt(BIG_ID_9));
    expect(body).not.toMatch(/"song_clip_id":\d/);
    for (const genre of GENRES.slice(0, 10))
      for (const track of sim.catalog.cml(genre, '7DAY'))
        for (const clip of clips(track)) expect(clip.song_clip_id).toMatch(/^[1-9]\d{18}$/);
    const leading = new Set(
      GENRES.flatMap((g) => sim.catalog.cml(g, '30DAY')).flatMap((t) =>
        clips(t).map((c) => c.song_clip_id[0]),
      ),
    );
    expect([...leading].sort()).toEqual(expect.arrayContaining(['6', '7', '9']));
  });

  it('mostly carry different song_clip_ids and durations for the full and the trending clip', () => {
    const both = pop.filter((t) => t.full_duration_song_clip && t.trending_song_clip);
    const different = both.filter(
      (t) => t.full_duration_song_clip!.song_clip_id !== t.trending_song_clip!.song_clip_id,
    );
    expect(different.length / both.length).toBeGreaterThan(0.7);
    expect(different.length).toBeLessThan(both.length);
    for (const t of different) {
      if (t.trending_song_clip!.duration == null || t.full_duration_song_clip!.duration == null) continue;
      expect(t.trending_song_clip!.duration).toBeLessThan(t.full_duration_song_clip!.duration);
    }
  });

  it('serve thumbnails and previews from https TikTok CDN hosts, signed for six hours', () => {
    const expires = Math.floor(NOW.getTime() / 1000) + 6 * 3600;
    for (const track of pop) {
      expect(track.thumbnail_url).toMatch(/^https:\/\/p16-sign-va\.tiktokcdn\.com\/.+\.jpeg\?x-expires=\d+/);
      expect(track.thumbnail_url).toContain(`x-expires=${expires}`);
      for (const url of [track.preview_url, ...clips(track).map((c) => c.preview_url)])
        if (url) expect(url).toMatch(/^https:\/\/sf16-ies-music-va\.tiktokcdn\.com\/.+\.mp3\?x-expires=\d+/);
    }
  });

  it('keep the spec’s fields and never send commercial_music_id', async () => {
    const body = await rawCml(sim, 'POP', '7DAY');
    expect(body).not.toContain('commercial_music_id');
    for (const track of pop) {
      expect(Object.keys(track)).toEqual([
        'commercial_music_name',
        'duration',
        'thumbnail_url',
        'artist',
        'preview_url',
        'genres',
        'rank_position',
        'trending_history',
        'full_duration_song_clip',
        'trending_song_clip',
      ]);
      expect(typeof track.rank_position).toBe('string');
      expect(typeof track.artist).toBe('string');
      expect(Array.isArray(track.genres)).toBe(true);
    }
  });

  it('repeat a genre’s tracks across its ranges with the same ids', () => {
    const ids = (range: (typeof DATE_RANGES)[number]) =>
      new Set(sim.catalog.cml('ROCK', range).map((t) => t.trending_song_clip?.song_clip_id));
    const week = ids('7DAY');
    expect([...ids('1DAY')].filter((id) => week.has(id)).length).toBeGreaterThan(50);
  });
});

describe('CML awkward cases', () => {
  const at = (which: AwkwardCase) => sim.catalog.awkward(which);

  it('every AWKWARD location exists', () => {
    for (const which of Object.keys(AWKWARD) as AwkwardCase[]) expect(() => at(which)).not.toThrow();
  });

  it('null name, duration and previews', () => {
    expect(at('nullName').commercial_music_name).toBeNull();
    expect(at('nullName').artist).toEqual(expect.any(String));
    expect(at('nullDuration').duration).toBeNull();
    expect(at('nullPreview').preview_url).toBeNull();
    expect(at('nullPreview').trending_song_clip?.preview_url).toMatch(/^https:/);
    const none = at('noPreviewAnywhere');
    expect([
      none.preview_url,
      none.full_duration_song_clip?.preview_url,
      none.trending_song_clip?.preview_url,
    ]).toEqual([null, null, null]);
    expect(pop.filter((t) => t.commercial_music_name === null)).toHaveLength(1);
  });

  it('null clips, a shared clip and a bare clip', () => {
    expect(at('nullTrendingClip').trending_song_clip).toBeNull();
    expect(at('nullTrendingClip').full_duration_song_clip?.song_clip_id).toMatch(/^\d{19}$/);
    expect(at('nullFullClip').full_duration_song_clip).toBeNull();
    expect(at('nullFullClip').trending_song_clip?.song_clip_id).toMatch(/^\d{19}$/);
    const same = at('sameClip');
    expect(same.trending_song_clip).toEqual(same.full_duration_song_clip);
    expect(at('bareClip').trending_song_clip).toEqual({ song_clip_id: expect.stringMatching(/^\d{19}$/) });
  });

  it('genres outside the request enum, and none at all', () => {
    expect(at('unknownGenre').genres).toEqual(['POP', 'AFROBEATS']);
    expect(at('lofiInHipHop').genres).toEqual(['HIP_HOP/RAP', 'LO-FI']);
    expect(at('emptyGenres').genres).toEqual([]);
    const outside = GENRES.flatMap((g) => sim.catalog.cml(g, '7DAY'))
      .flatMap((t) => t.genres)
      .filter((g) => !(GENRES as readonly string[]).includes(g));
    expect(new Set(outside).size).toBeGreaterThan(2);
  });

  it('the same track, with the same ids, in two genres', () => {
    const a = at('duplicate');
    const b = at('duplicateElsewhere');
    expect(AWKWARD.duplicate.genre).not.toBe(AWKWARD.duplicateElsewhere.genre);
    expect(b.trending_song_clip?.song_clip_id).toBe(a.trending_song_clip?.song_clip_id);
    expect(b.full_duration_song_clip?.song_clip_id).toBe(a.full_duration_song_clip?.song_clip_id);
    expect([b.commercial_music_name, b.artist, b.genres]).toEqual([
      a.commercial_music_name,
      a.artist,
      a.genres,
    ]);
    expect(b.rank_position).not.toBe(a.rank_position);
  });

  it('non-Latin, right-to-left, HTML, accented, emoji and very long titles', () => {
    expect(at('japanese').commercial_music_name).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    expect(at('korean').commercial_music_name).toMatch(/[\uac00-\ud7af]/);
    expect(at('cyrillic').commercial_music_name).toMatch(/[\u0400-\u04ff]/);
    expect(at('arabic').commercial_music_name).toMatch(/[\u0600-\u06ff]/);
    expect(at('hebrew').commercial_music_name).toMatch(/[\u0590-\u05ff]/);
    expect(at('htmlTitle').commercial_music_name).toBe(HTML_TITLE);
    expect(at('htmlArtist').artist).toBe(HTML_ARTIST);
    expect(at('accents').commercial_music_name).toBe('Café Noché');
    expect(at('emojiTitle').commercial_music_name).toMatch(/\p{Extended_Pictographic}/u);
    expect(at('longTitle').commercial_music_name!.length).toBeGreaterThan(200);
    expect(
      sim.catalog
        .cml('J-POP')
        .filter((t) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(t.commercial_music_name ?? '')).length,
    ).toBeGreaterThan(50);
    expect(
      sim.catalog.cml('K-POP').filter((t) => /[\uac00-\ud7af]/.test(t.commercial_music_name ?? '')).length,
    ).toBeGreaterThan(50);
    expect(
      sim.catalog.cml('RUSSIAN_POP').filter((t) => /[\u0400-\u04ff]/.test(t.commercial_music_name ?? ''))
        .length,
    ).toBeGreaterThan(50);
  });

  it('rank "100" sits last, where string sorting would put it third', () => {
    const trap = at('rankSortTrap');
    expect(trap.rank_position).toBe('100');
    expect(
      pop
        .map((t) => t.rank_position)
        .sort()
        .slice(0, 3),
    ).toEqual(['1', '10', '100']);
  });
});

describe('Layers catalog', () => {
  const tracks = sim.catalog.layers();

  it('holds at least 500 tracks with UUID ids and the documented fields', () => {
    expect(tracks.length).toBe(LAYERS_TRACK_COUNT);
    expect(tracks.length).toBeGreaterThanOrEqual(500);
    expect(new Set(tracks.map((t) => t.id)).size).toBe(tracks.length);
    for (const t of tracks) {
      expect(Object.keys(t)).toEqual([
        'id',
        'title',
        'author',
        'album',
        'duration',
        'previewUrl',
        'coverUrl',
        'language',
        'userCount',
        'isCommerceMusic',
      ]);
      expect(t.id).toMatch(UUID);
      expect(t.previewUrl).toBe(`https://media.layers.com/music/${t.id}/preview.mp3`);
      expect(t.coverUrl).toBe(`https://media.layers.com/music/${t.id}/cover.jpg`);
      expect(t.language).toMatch(/^[a-z]{2}$/);
      expect(typeof t.isCommerceMusic).toBe('boolean');
      expect(Number.isInteger(t.userCount)).toBe(true);
      expect(t.duration).toBeGreaterThan(0);
    }
  });

  it('sorts by userCount descending', () => {
    for (let i = 1; i < tracks.length; i++)
      expect(tracks[i]!.userCount).toBeLessThanOrEqual(tracks[i - 1]!.userCount);
    expect(tracks[LAYERS_AWKWARD.tie]!.userCount).toBe(tracks[LAYERS_AWKWARD.tie + 1]!.userCount);
    expect(tracks[LAYERS_AWKWARD.zeroUsers]!.userCount).toBe(0);
  });

  it('mixes cleared and non-cleared tracks, languages and empty albums', () => {
    const notCleared = tracks.filter((t) => !t.isCommerceMusic).length;
    expect(notCleared).toBeGreaterThan(50);
    expect(notCleared).toBeLessThan(tracks.length / 2);
    expect(tracks[LAYERS_AWKWARD.notCleared]!.isCommerceMusic).toBe(false);
    const languages = new Set(tracks.map((t) => t.language));
    expect([...languages]).toEqual(expect.arrayContaining(['en', 'es', 'pt', 'ja', 'ko', 'fr', 'de', 'ar']));
    expect(tracks.filter((t) => t.album === '').length).toBeGreaterThan(50);
    expect(tracks[LAYERS_AWKWARD.emptyAlbum]!.album).toBe('');
    expect(tracks[LAYERS_AWKWARD.htmlTitle]!.title).toBe(HTML_TITLE);
    expect(tracks[LAYERS_AWKWARD.arabic]!.language).toBe('ar');
    expect(tracks[LAYERS_AWKWARD.fractionalDuration]!.duration).toBe(29.5);
  });
});
