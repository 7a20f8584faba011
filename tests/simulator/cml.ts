/**
 * The seeded bundle.social CML catalog: 42 genres × 3 date ranges of trending-list items, shaped
 * exactly like `GET /api/v1/misc/tiktok/cml/trending-list` (bundle-social-openapi-subset.json).
 *
 * Every list is a pure function of (seed, now's UTC date, genre, range), built lazily and memoized
 * by the caller. Awkward cases sit at fixed, documented places: see `AWKWARD`.
 */
import { Rng } from './rng';
import { englishArtist, englishTitle, type Lang, titleAndArtist } from './words';

/** The 42 genre values of the spec's `genre` enum, in the spec's order. */
export const GENRES = [
  'ROCK',
  'POP',
  'LATIN',
  'METAL',
  'ELECTRONIC',
  'HIP_HOP/RAP',
  'ALTERNATIVE/INDIE',
  'R&B/SOUL',
  'COUNTRY',
  'CLASSICAL',
  'JAZZ',
  'CHILDHOOD',
  'ALTERNATIVE_HIP_HOP',
  'AMBIENT',
  'BOSSA_NOVA',
  'BRAZILIAN_FUNK_STYLE',
  'CHILL_BEATS',
  'CHILLOUT',
  'CHINESE_POP',
  'CHRISTIAN_MUSIC',
  'COUNTRY_POP',
  'DANCE_POP',
  'DISCO',
  'DJ',
  'DRUM&BASS',
  'DUBSTEP',
  'EDM',
  'FUNK',
  'HOUSE',
  'INDIE_POP',
  'J-POP',
  'K-POP',
  'LATIN_POP',
  'LO-FI',
  'OLD_SCHOOL',
  'PUNK',
  'RUSSIAN_POP',
  'SOUL',
  'SOUNDTRACK',
  'SYNTH_POP',
  'TECHNO',
  'TEEN_POP',
] as const;
export type SimGenre = (typeof GENRES)[number];

/** The spec's `dateRange` enum. */
export const DATE_RANGES = ['1DAY', '7DAY', '30DAY'] as const;
export type SimDateRange = (typeof DATE_RANGES)[number];

export const DEFAULT_GENRE: SimGenre = 'POP';
export const DEFAULT_DATE_RANGE: SimDateRange = '7DAY';

/** One clip of a track, as the API sends it (`preview_url` and `duration` are optional and nullable). */
export interface CmlClip {
  preview_url?: string | null;
  duration?: number | null;
  song_clip_id: string;
}

export interface CmlHistoryPoint {
  date: string;
  rank_position_daily: string | null;
}

/** One item of the trending list, field order as in the spec. */
export interface CmlTrack {
  commercial_music_name: string | null;
  duration: number | null;
  thumbnail_url: string;
  artist: string;
  preview_url: string | null;
  genres: string[];
  rank_position: string;
  trending_history: CmlHistoryPoint[];
  full_duration_song_clip: CmlClip | null;
  trending_song_clip: CmlClip | null;
}

/** Where one awkward case lives: `catalog.cml(genre, range)[index]`. */
export interface CmlLocation {
  genre: SimGenre;
  range: SimDateRange;
  index: number;
}

/**
 * The song clip id (19 digits, a string) of the trending clip at `AWKWARD.bigId`: far above 2^53,
 * `Number(BIG_ID)` is not `BIG_ID`. Every CML id is 19 digits, but this one is pinned for tests.
 */
export const BIG_ID = '7349215836019472385';
/** A pinned id starting with 9 (the trending clip at `AWKWARD.bigId9`). */
export const BIG_ID_9 = '9186624107735512901';

/**
 * Every awkward case of the CML catalog and where it is. Most sit in POP/7DAY, the default view.
 *
 * - `bigId`: trending clip id `BIG_ID`; `bigId9`: trending clip id `BIG_ID_9`.
 * - `accents`: title "Café Noché", artist "Chloé Moreau".
 * - `duplicate` / `duplicateElsewhere`: the same track (same ids, genres `['POP', 'DANCE_POP']`) in two genres.
 * - `nullName`: `commercial_music_name: null`. `nullDuration`: `duration: null` (and the full clip's too).
 * - `nullPreview`: top-level `preview_url: null` (the clips still have previews).
 * - `noPreviewAnywhere`: `preview_url: null` and both clips' `preview_url: null`.
 * - `rising` / `falling`: clearly rising (rank 80 → 55, then a Breakout to 5 within 3 days) and falling
 *   (rank 1 → 43) 30-day trajectories.
 * - `newEntry`: history null (not ranked) for all but the last 3 days.
 * - `unknownGenre`: `genres: ['POP', 'AFROBEATS']`; `lofiInHipHop`: `['HIP_HOP/RAP', 'LO-FI']`; `emptyGenres`: `[]`.
 * - `nullTrendingClip`: `trending_song_clip: null`; `nullFullClip`: `full_duration_song_clip: null`.
 * - `sameClip`: both clips carry the same `song_clip_id` and duration (most tracks differ).
 * - `bareClip`: the trending clip is only `{ song_clip_id }` (no `preview_url`, no `duration` keys).
 * - `japanese`, `korean`, `cyrillic`: non-Latin titles and artists (J-POP, K-POP and RUSSIAN_POP are
 *   non-Latin throughout, CHINESE_POP is Chinese).
 * - `arabic`, `hebrew`: right-to-left titles and artists.
 * - `htmlTitle`: title `<img src=x onerror=alert(1)>`; `htmlArtist`: artist `<script>alert("xss")</script>`.
 * - `emojiTitle`: title with emoji; `longTitle`: a 200+ character title.
 * - `rankSortTrap`: `rank_position: "100"` (the last item: sorted as strings it comes third, after "1" and "10").
 */
export const AWKWARD = {
  bigId: { genre: 'POP', range: '7DAY', index: 0 },
  accents: { genre: 'POP', range: '7DAY', index: 1 },
  duplicate: { genre: 'POP', range: '7DAY', index: 2 },
  duplicateElsewhere: { genre: 'DANCE_POP', range: '7DAY', index: 4 },
  nullName: { genre: 'POP', range: '7DAY', index: 3 },
  rising: { genre: 'POP', range: '7DAY', index: 4 },
  nullDuration: { genre: 'POP', range: '7DAY', index: 5 },
  nullPreview: { genre: 'POP', range: '7DAY', index: 6 },
  falling: { genre: 'POP', range: '7DAY', index: 42 },
  unknownGenre: { genre: 'POP', range: '7DAY', index: 8 },
  nullTrendingClip: { genre: 'POP', range: '7DAY', index: 9 },
  nullFullClip: { genre: 'POP', range: '7DAY', index: 10 },
  japanese: { genre: 'POP', range: '7DAY', index: 11 },
  korean: { genre: 'POP', range: '7DAY', index: 12 },
  cyrillic: { genre: 'POP', range: '7DAY', index: 13 },
  arabic: { genre: 'POP', range: '7DAY', index: 14 },
  hebrew: { genre: 'POP', range: '7DAY', index: 15 },
  htmlTitle: { genre: 'POP', range: '7DAY', index: 16 },
  htmlArtist: { genre: 'POP', range: '7DAY', index: 17 },
  noPreviewAnywhere: { genre: 'POP', range: '7DAY', index: 18 },
  sameClip: { genre: 'POP', range: '7DAY', index: 19 },
  emojiTitle: { genre: 'POP', range: '7DAY', index: 20 },
  longTitle: { genre: 'POP', range: '7DAY', index: 21 },
  emptyGenres: { genre: 'POP', range: '7DAY', index: 22 },
  newEntry: { genre: 'POP', range: '7DAY', index: 23 },
  bareClip: { genre: 'POP', range: '7DAY', index: 24 },
  rankSortTrap: { genre: 'POP', range: '7DAY', index: 99 },
  lofiInHipHop: { genre: 'HIP_HOP/RAP', range: '7DAY', index: 0 },
  bigId9: { genre: 'ELECTRONIC', range: '7DAY', index: 0 },
} as const satisfies Record<string, CmlLocation>;
export type AwkwardCase = keyof typeof AWKWARD;

/** The HTML-bearing strings, for tests that assert nothing executes or renders as markup. */
export const HTML_TITLE = '<img src=x onerror=alert(1)>';
export const HTML_ARTIST = '<script>alert("xss")</script>';

/**
 * Lists shorter than 100 items. `CHRISTIAN_MUSIC/1DAY` is the one deliberately empty list (`[]`).
 * Every other (genre, range) holds exactly 100 tracks.
 */
export const SHORT_LISTS: Readonly<Record<string, number>> = {
  'CHRISTIAN_MUSIC/1DAY': 0,
  'CHRISTIAN_MUSIC/7DAY': 18,
  'CHRISTIAN_MUSIC/30DAY': 31,
  'CHILDHOOD/1DAY': 12,
  'CHILDHOOD/7DAY': 27,
  'CHILDHOOD/30DAY': 45,
  'CLASSICAL/1DAY': 64,
  'BOSSA_NOVA/1DAY': 38,
  'OLD_SCHOOL/30DAY': 99,
};
/** The one deliberately empty list. */
export const EMPTY_LIST = { genre: 'CHRISTIAN_MUSIC', range: '1DAY' } as const;

/** How many items `(genre, range)` holds. */
export function listSize(genre: SimGenre, range: SimDateRange): number {
  return SHORT_LISTS[`${genre}/${range}`] ?? 100;
}

type Trajectory = 'steady' | 'rising' | 'falling' | 'new' | 'gappy' | 'volatile' | 'short';

/** What stays the same for a track wherever it is listed. */
interface Identity {
  key: string;
  name: string | null;
  artist: string;
  genres: string[];
  thumbHex: string;
  full: { id: string; duration: number | null; preview: 'yes' | 'null' | 'absent' } | null;
  trend: { id: string; duration: number | null; preview: 'yes' | 'null' | 'absent' } | null;
  /** Top-level `duration` (normally the full clip's). */
  duration: number | null;
  /** Top-level preview: the full clip's URL, the trending one's, or null. */
  topPreview: 'full' | 'trend' | 'null';
  trajectory: Trajectory;
  popularity: number;
}

const LANG_BY_GENRE: Partial<Record<SimGenre, Lang>> = {
  'J-POP': 'ja',
  'K-POP': 'ko',
  RUSSIAN_POP: 'ru',
  CHINESE_POP: 'zh',
  LATIN: 'es',
  LATIN_POP: 'es',
  BOSSA_NOVA: 'pt',
  BRAZILIAN_FUNK_STYLE: 'pt',
};
const OTHER_LANGS: Lang[] = ['es', 'fr', 'de', 'pt', 'ko', 'ja', 'es', 'pt', 'id', 'tr'];
/** Secondary genre tags, some outside the request enum. */
const SECOND_GENRES = [
  'AFROBEATS',
  'REGGAETON',
  'HYPERPOP',
  'AMAPIANO',
  'PHONK',
  'LO-FI',
  'DANCE_POP',
  'EDM',
  'INDIE_POP',
];
const TRAJECTORIES: Trajectory[] = [
  'steady',
  'steady',
  'steady',
  'rising',
  'falling',
  'new',
  'gappy',
  'volatile',
  'short',
];

/** A 19-digit id string. `first` is the leading digit. */
function snowflake(rng: Rng, first?: string): string {
  const lead = first ?? rng.pick(['6', '7', '7', '7', '7']);
  if (lead === '9') return `91${rng.digits(17)}`;
  return lead + rng.digits(18);
}

function ordinaryIdentity(rng: Rng, key: string, genre: SimGenre | null, popularity: number): Identity {
  const lang: Lang =
    (genre && LANG_BY_GENRE[genre] && rng.chance(0.9) ? LANG_BY_GENRE[genre] : undefined) ??
    (rng.chance(0.86) ? 'en' : rng.pick(OTHER_LANGS));
  const { title, artist } =
    lang === 'en' ? { title: englishTitle(rng), artist: englishArtist(rng) } : titleAndArtist(rng, lang);
  const genres: string[] = genre ? [genre] : [];
  if (rng.chance(0.12)) {
    const extra = rng.pick(SECOND_GENRES);
    if (!genres.includes(extra)) genres.push(extra);
  }
  const fullDuration = rng.int(95, 262);
  const same = rng.chance(0.15);
  const fullId = snowflake(rng, rng.chance(0.03) ? '9' : undefined);
  return {
    key,
    name: title,
    artist,
    genres,
    thumbHex: rng.hex(32),
    full: { id: fullId, duration: fullDuration, preview: 'yes' },
    trend: same
      ? { id: fullId, duration: fullDuration, preview: 'yes' }
      : { id: snowflake(rng), duration: rng.int(15, 60), preview: 'yes' },
    duration: fullDuration,
    topPreview: 'full',
    trajectory: rng.pick(TRAJECTORIES),
    popularity,
  };
}

/** Tracks listed in two genres each (the same ids in both). Built from the seed alone. */
function crossovers(seed: string): Identity[] {
  const rng = Rng.of(seed, 'cml', 'crossovers');
  const out: Identity[] = [];
  for (let i = 0; i < 24; i++) {
    const a = rng.pick(GENRES);
    let b = rng.pick(GENRES);
    while (b === a) b = rng.pick(GENRES);
    const id = ordinaryIdentity(rng, `x${i}`, null, rng.next());
    id.genres = [a, b];
    out.push(id);
  }
  return out;
}

const crossoverMemo = new Map<string, Identity[]>();
function crossoversOf(seed: string): Identity[] {
  let list = crossoverMemo.get(seed);
  if (!list) {
    list = crossovers(seed);
    crossoverMemo.set(seed, list);
  }
  return list;
}

/** The awkward tracks, each a function of the seed so their ids are stable per seed. */
function awkwardIdentity(seed: string, which: AwkwardCase): Identity {
  const rng = Rng.of(seed, 'cml', 'awkward', which);
  const base = ordinaryIdentity(rng, `awkward:${which}`, 'POP', 1);
  base.trajectory = 'steady';
  base.genres = ['POP'];
  switch (which) {
    case 'bigId':
      base.trend = { id: BIG_ID, duration: 30, preview: 'yes' };
      base.name = 'Golden Static';
      base.artist = 'Nova Carver';
      break;
    case 'bigId9':
      base.genres = ['ELECTRONIC'];
      base.trend = { id: BIG_ID_9, duration: 22, preview: 'yes' };
      base.name = 'Wavetable Sunrise';
      base.artist = 'Orbitone';
      break;
    case 'accents':
      base.name = 'Café Noché';
      base.artist = 'Chloé Moreau';
      break;
    case 'duplicate':
    case 'duplicateElsewhere':
      // Both locations resolve to the same identity (see identityFor).
      base.name = 'Heatwave Avenue';
      base.artist = 'Sadie Marlowe';
      base.genres = ['POP', 'DANCE_POP'];
      break;
    case 'nullName':
      base.name = null;
      break;
    case 'rising':
      base.trajectory = 'rising';
      base.name = 'Satellite Daydream';
      break;
    case 'falling':
      base.trajectory = 'falling';
      base.name = 'Faded Polaroid';
      break;
    case 'newEntry':
      base.trajectory = 'new';
      base.name = 'Brand New Pulse';
      break;
    case 'nullDuration':
      base.duration = null;
      if (base.full) base.full.duration = null;
      break;
    case 'nullPreview':
      base.topPreview = 'null';
      break;
    case 'noPreviewAnywhere':
      base.topPreview = 'null';
      if (base.full) base.full.preview = 'null';
      if (base.trend) base.trend.preview = 'null';
      break;
    case 'unknownGenre':
      base.genres = ['POP', 'AFROBEATS'];
      break;
    case 'lofiInHipHop':
      base.genres = ['HIP_HOP/RAP', 'LO-FI'];
      base.name = 'Lo-fi Analog Dreams';
      base.artist = 'Cassette Club';
      break;
    case 'emptyGenres':
      base.genres = [];
      break;
    case 'nullTrendingClip':
      base.trend = null;
      break;
    case 'nullFullClip':
      base.full = null;
      base.topPreview = 'trend';
      base.duration = base.trend?.duration ?? null;
      break;
    case 'sameClip':
      if (base.full) base.trend = { ...base.full };
      break;
    case 'bareClip':
      if (base.trend) base.trend = { id: base.trend.id, duration: null, preview: 'absent' };
      break;
    case 'japanese':
      base.name = '夜に駆ける光';
      base.artist = '星野ユウ';
      break;
    case 'korean':
      base.name = '밤하늘의 별';
      base.artist = '하늘소녀';
      break;
    case 'cyrillic':
      base.name = 'Звёзды над Москвой';
      base.artist = 'Анна Северная';
      break;
    case 'arabic':
      base.name = 'ليالي الصيف';
      base.artist = 'نور الهدى';
      break;
    case 'hebrew':
      base.name = 'שיר של אהבה';
      base.artist = 'להקת הים';
      break;
    case 'htmlTitle':
      base.name = HTML_TITLE;
      break;
    case 'htmlArtist':
      base.artist = HTML_ARTIST;
      break;
    case 'emojiTitle':
      base.name = 'Sunny Days 🌞🔥 (Sped Up)';
      break;
    case 'longTitle':
      base.name = `${'Endless Highway of Velvet Midnight Signals and Restless Electric Hearts '.repeat(3)}(Extended Club Mix)`;
      break;
    case 'rankSortTrap':
      base.name = 'Hundredth Place';
      break;
  }
  return base;
}

const poolMemo = new Map<string, Identity[]>();

/** The genre's own pool of ordinary tracks, plus the crossovers that list it (memoized per seed). */
function poolOf(seed: string, genre: SimGenre): Identity[] {
  const key = `${seed}\u0000${genre}`;
  let pool = poolMemo.get(key);
  if (!pool) {
    if (poolMemo.size > 500) poolMemo.clear();
    pool = buildPool(seed, genre);
    poolMemo.set(key, pool);
  }
  return pool;
}

function buildPool(seed: string, genre: SimGenre): Identity[] {
  const rng = Rng.of(seed, 'cml', 'pool', genre);
  const pool: Identity[] = [];
  for (let i = 0; i < 130; i++) pool.push(ordinaryIdentity(rng, `${genre}#${i}`, genre, rng.next()));
  for (const x of crossoversOf(seed)) if (x.genres.includes(genre)) pool.push(x);
  return pool;
}

const RANGE_NOISE: Record<SimDateRange, number> = { '1DAY': 0.6, '7DAY': 0.3, '30DAY': 0.12 };
const HISTORY_DAYS = 30;

/** The UTC `YYYY-MM-DD` of `day` days before `now`. */
function isoDay(nowMs: number, daysBack: number): string {
  return new Date(nowMs - daysBack * 86_400_000).toISOString().slice(0, 10);
}

function clampRank(n: number): number {
  return Math.max(1, Math.min(100, Math.round(n)));
}

function history(rng: Rng, trajectory: Trajectory, rank: number, nowMs: number): CmlHistoryPoint[] {
  const days = trajectory === 'short' ? rng.int(3, 20) : HISTORY_DAYS;
  const ranks: Array<number | null> = [];
  const start =
    trajectory === 'rising'
      ? Math.max(rank + rng.int(30, 80), 60)
      : trajectory === 'falling'
        ? Math.max(1, rank - rng.int(20, 50))
        : rank;
  const entry = trajectory === 'new' ? rng.int(2, 6) : days;
  for (let i = 0; i < days; i++) {
    const back = days - 1 - i; // days before today
    const t = days === 1 ? 1 : i / (days - 1);
    if (back === 0) {
      ranks.push(rank);
      continue;
    }
    if (back >= entry) {
      ranks.push(null);
      continue;
    }
    switch (trajectory) {
      case 'rising':
      case 'falling': {
        const r = start + (rank - start) * t + rng.int(-2, 2);
        ranks.push(r > 100 ? null : clampRank(r));
        break;
      }
      case 'new':
        ranks.push(clampRank(rank + (entry - i) * rng.int(2, 8)));
        break;
      case 'gappy':
        ranks.push(rng.chance(0.25) ? null : clampRank(rank + rng.int(-6, 6)));
        break;
      case 'volatile':
        ranks.push(rng.chance(0.1) ? null : rng.int(1, 100));
        break;
      default:
        ranks.push(clampRank(rank + rng.int(-3, 3)));
    }
  }
  return ranks.map((r, i) => ({
    date: isoDay(nowMs, days - 1 - i),
    rank_position_daily: r === null ? null : String(r),
  }));
}

/**
 * The fixed awkward curves: rising 80 → 55, then a breakout to today's rank over the last three days
 * (unranked the first 3 days), and falling 1 → today's rank.
 */
function pinnedHistory(which: 'rising' | 'falling', rank: number, nowMs: number): CmlHistoryPoint[] {
  const out: CmlHistoryPoint[] = [];
  for (let i = 0; i < HISTORY_DAYS; i++) {
    const back = HISTORY_DAYS - 1 - i;
    let r: number | null;
    if (back === 0) r = rank;
    else if (which === 'rising')
      // Slowly up from 80 to 55, then a breakout: into the top 10 over the last three days.
      r =
        i < 3
          ? null
          : back <= 2
            ? clampRank(rank + (50 - rank) * (back / 3))
            : clampRank(80 - (25 * (i - 3)) / (HISTORY_DAYS - 7));
    else r = clampRank(1 + ((rank - 1) * i) / (HISTORY_DAYS - 1));
    out.push({ date: isoDay(nowMs, back), rank_position_daily: r === null ? null : String(r) });
  }
  return out;
}

function signature(seed: string, text: string): string {
  const rng = Rng.of(seed, 'sig', text);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let out = '';
  for (let i = 0; i < 27; i++) out += alphabet[Math.floor(rng.next() * alphabet.length)];
  return `${out}%3D`;
}

function clipUrl(seed: string, id: string, expires: number): string {
  return `https://sf16-ies-music-va.tiktokcdn.com/obj/ies-music-ttp-dup-us/${id}.mp3?x-expires=${expires}&x-signature=${signature(seed, id + expires)}`;
}

function thumbUrl(seed: string, hex: string, expires: number): string {
  return `https://p16-sign-va.tiktokcdn.com/tos-maliva-v-2774/${hex}~c5_720x720.jpeg?x-expires=${expires}&x-signature=${signature(seed, hex + expires)}`;
}

function render(
  identity: Identity,
  rank: number,
  hist: CmlHistoryPoint[],
  seed: string,
  nowMs: number,
): CmlTrack {
  // Signed CDN URLs expire six hours after the list was served.
  const expires = Math.floor(nowMs / 1000) + 6 * 3600;
  const clip = (c: Identity['full']): CmlClip | null => {
    if (!c) return null;
    if (c.preview === 'absent') return { song_clip_id: c.id };
    return {
      preview_url: c.preview === 'null' ? null : clipUrl(seed, c.id, expires),
      duration: c.duration,
      song_clip_id: c.id,
    };
  };
  const full = clip(identity.full);
  const trend = clip(identity.trend);
  const topPreview =
    identity.topPreview === 'full'
      ? (full?.preview_url ?? null)
      : identity.topPreview === 'trend'
        ? (trend?.preview_url ?? null)
        : null;
  return {
    commercial_music_name: identity.name,
    duration: identity.duration,
    thumbnail_url: thumbUrl(seed, identity.thumbHex, expires),
    artist: identity.artist,
    preview_url: topPreview,
    genres: [...identity.genres],
    rank_position: String(rank),
    trending_history: hist,
    full_duration_song_clip: full,
    trending_song_clip: trend,
  };
}

function identityFor(seed: string, which: AwkwardCase): Identity {
  return awkwardIdentity(seed, which === 'duplicateElsewhere' ? 'duplicate' : which);
}

/**
 * Builds one trending list. Pure: the same (seed, now's date, genre, range) always gives an
 * identical array. Callers memoize.
 */
export function buildCmlList(seed: string, nowMs: number, genre: SimGenre, range: SimDateRange): CmlTrack[] {
  const size = listSize(genre, range);
  if (size === 0) return [];
  const pinned = new Map<number, AwkwardCase>();
  for (const [which, loc] of Object.entries(AWKWARD) as Array<[AwkwardCase, CmlLocation]>) {
    if (loc.genre === genre && loc.range === range && loc.index < size) pinned.set(loc.index, which);
  }
  const rng = Rng.of(seed, 'cml', 'order', genre, range);
  const scored = poolOf(seed, genre).map((identity) => ({
    identity,
    score: identity.popularity + (rng.next() - 0.5) * RANGE_NOISE[range],
  }));
  scored.sort((a, b) => b.score - a.score);
  const ordinary = scored.map((s) => s.identity);
  const out: CmlTrack[] = [];
  for (let index = 0, next = 0; index < size; index++) {
    const rank = index + 1;
    const which = pinned.get(index);
    if (which) {
      const identity = identityFor(seed, which);
      const hist =
        which === 'rising' || which === 'falling'
          ? pinnedHistory(which, rank, nowMs)
          : history(Rng.of(seed, 'hist', identity.key, range), identity.trajectory, rank, nowMs);
      out.push(render(identity, rank, hist, seed, nowMs));
      continue;
    }
    const identity = ordinary[next++]!;
    const hist = history(Rng.of(seed, 'hist', identity.key, range), identity.trajectory, rank, nowMs);
    out.push(render(identity, rank, hist, seed, nowMs));
  }
  return out;
}

/** True when `value` is one of the 42 request genres. */
export function isGenre(value: string): value is SimGenre {
  return (GENRES as readonly string[]).includes(value);
}

/** True when `value` is one of the three date ranges. */
export function isDateRange(value: string): value is SimDateRange {
  return (DATE_RANGES as readonly string[]).includes(value);
}
