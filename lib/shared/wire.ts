/**
 * Tracks as they cross from the background to the popup. "All genres" as plain tracks was an
 * 8.1 MB message (4,025 CML tracks): 45 % daily rank histories as `{date, rank}` objects, 23 % clips,
 * 17 % signed media URLs whose directory and query head repeat on every track, and the same keys on
 * every object. Packed, each track is one array row, a history is a start day and its ranks, and a
 * URL's repeated parts are indexes into one string table: 2.2 MB, 27 % of the plain size, and the popup
 * gets back the very tracks the background had (`unpackTracks(packTracks(t))` deep-equals `t`).
 * Zod-free: the popup imports it.
 */
import type { CatalogAnswer } from './protocol';
import { DAY_MS } from './time';
import { type Clip, PROVIDERS, type Track } from './track';

type RankPoint = Track['rankHistory'][number];

/** `[firstDate, ranks]` for consecutive days (how histories almost always come), else the points. */
export type CompactHistory = [string, (number | null)[]] | RankPoint[];

/** A URL as `[directory, file, query head, rest]`: the two heads index the string table, -1 for none. */
export type PackedUrl = [number, string, number, string];
export type PackedClip = [string, number | null, PackedUrl | null];

/**
 * One track: provider index, id, title, untitled, artist, album, duration, cover, preview (0: the
 * clip's), preview expiry, genre indexes, rank, history, use count, previous use count (null: absent,
 * -1: null), language, cleared, clips (null, or trending and full).
 */
type PackedRow = [
  number,
  string,
  string,
  0 | 1,
  string,
  string | null,
  number | null,
  PackedUrl | null,
  PackedUrl | null | 0,
  number | null,
  number[],
  number | null,
  CompactHistory | null,
  number | null,
  number | null,
  string | null,
  0 | 1,
  [PackedClip | null, PackedClip | null] | null,
];

export interface PackedTracks {
  strings: string[];
  rows: PackedRow[];
}

// Every track of a list shares the same 30 days: remembering them turns 126,000 date conversions
// per 42-genre read into a few dozen.
const dayNumbers = new Map<string, number | null>();
const dayStrings = new Map<number, string>();
function dayNumber(date: string): number | null {
  let day = dayNumbers.get(date);
  if (day === undefined) {
    const ms = /^\d{4}-\d{2}-\d{2}$/.test(date) ? Date.parse(`${date}T00:00:00Z`) : Number.NaN;
    day = Number.isNaN(ms) ? null : ms / DAY_MS;
    if (dayNumbers.size > 5000) dayNumbers.clear();
    dayNumbers.set(date, day);
  }
  return day;
}
function dayString(day: number): string {
  let text = dayStrings.get(day);
  if (text === undefined) {
    text = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (dayStrings.size > 5000) dayStrings.clear();
    dayStrings.set(day, text);
  }
  return text;
}

/**
 * Histories `expandHistory` made from a compact form, with that form: packing a list read from the
 * cache gives them back as they were stored instead of checking every day again.
 */
const expandedFrom = new WeakMap<readonly RankPoint[], CompactHistory>();

/** A daily rank history as its first date and ranks when its days follow one another; undefined when empty. */
export function compactHistory(points: readonly RankPoint[]): CompactHistory | undefined {
  const first = points[0];
  if (!first) return undefined;
  const known = expandedFrom.get(points);
  if (known) return known;
  const start = dayNumber(first.date);
  const consecutive =
    start !== null &&
    points.every((point, i) => dayNumber(point.date) === start + i && dayString(start + i) === point.date);
  return consecutive ? [first.date, points.map((point) => point.rank)] : [...points];
}

export function expandHistory(history: CompactHistory | null | undefined): RankPoint[] {
  if (!history) return [];
  if (!Array.isArray(history[1])) return history as RankPoint[];
  const [from, ranks] = history as [string, (number | null)[]];
  const start = dayNumber(from) ?? 0;
  const points = ranks.map((rank, i) => ({ date: dayString(start + i), rank }));
  // Only a canonical first date comes back the same from `compactHistory`.
  if (points.length > 0 && dayString(start) === from) expandedFrom.set(points, history);
  return points;
}

/** The preview a track plays when it has clips: the trending clip's, else the full one's. */
export function clipPreview(track: Pick<Track, 'clips'>): string | null {
  return track.clips?.trending?.previewUrl ?? track.clips?.full?.previewUrl ?? null;
}

export function packTracks(tracks: readonly Track[]): PackedTracks {
  const strings: string[] = [];
  const indexes = new Map<string, number>();
  const intern = (text: string): number => {
    let index = indexes.get(text);
    if (index === undefined) {
      index = strings.push(text) - 1;
      indexes.set(text, index);
    }
    return index;
  };
  const url = (value: string | null): PackedUrl | null => {
    if (value === null) return null;
    const q = value.indexOf('?');
    const path = q < 0 ? value : value.slice(0, q);
    const slash = path.lastIndexOf('/') + 1;
    if (q < 0) return [intern(path.slice(0, slash)), path.slice(slash), -1, ''];
    const query = value.slice(q);
    const eq = query.lastIndexOf('=') + 1;
    return [intern(path.slice(0, slash)), path.slice(slash), intern(query.slice(0, eq)), query.slice(eq)];
  };
  const clip = (value: Clip | null): PackedClip | null =>
    value === null ? null : [value.id, value.durationSec, url(value.previewUrl)];
  const rows = tracks.map((track): PackedRow => {
    const preview =
      track.previewUrl !== null && track.previewUrl === clipPreview(track) ? 0 : url(track.previewUrl);
    return [
      PROVIDERS.indexOf(track.provider),
      track.id,
      track.title,
      track.untitled ? 1 : 0,
      track.artist,
      track.album,
      track.durationSec,
      url(track.coverUrl),
      preview,
      track.previewExpiresAt,
      track.genres.map(intern),
      track.rank,
      compactHistory(track.rankHistory) ?? null,
      track.userCount,
      track.previousUserCount === undefined ? null : (track.previousUserCount ?? -1),
      track.language,
      track.cleared ? 1 : 0,
      track.clips && [clip(track.clips.trending), clip(track.clips.full)],
    ];
  });
  return { strings, rows };
}

/**
 * An answer with its tracks packed (`tracks` empty): what the background sends when asked `packed`.
 * The packed tracks go as one JSON text: the browser carries a message's objects across value by
 * value, and one string crosses far faster than 4,500 rows of arrays (a stored list read the same
 * way took a quarter of the time, lib/background/catalog/catalog-cache.ts).
 */
export function packAnswer(answer: CatalogAnswer): CatalogAnswer {
  return { ...answer, tracks: [], packed: JSON.stringify(packTracks(answer.tracks)) };
}
