/**
 * What an alert says, decided without the browser: the breakouts in the chosen genres and the
 * favorites that entered the top 10, from the cached CML lists, minus what was announced before, as
 * one digest (a periodic refresh shows at most one notification). Pure, with the clock passed in,
 * so the rules are tested with a fake one; `alerts.ts` is the browser glue around it.
 */
import { i18n } from '#i18n';
import { type RankPoint, TOP, trendBadges } from '../../shared/breakout';
import { ALL_GENRES, type DateRange, DEFAULT_DATE_RANGE, type Genre, genreLabel } from '../../shared/genres';
import type { AlertPrefs, ProviderError, ProviderErrorKind } from '../../shared/protocol';
import { DAY_MS } from '../../shared/time';
import { type Track, trackKey } from '../../shared/track';

/** A cached bundle.social list, as the alerts read it. */
export interface AlertList {
  genre: Genre;
  range: DateRange;
  tracks: readonly Track[];
  /** The list's last refresh failure, if any. */
  error: ProviderError | null;
}

export type AlertReason = 'breakout' | 'top10';

/** One track worth telling about, and the list it was found in. */
export interface Announcement {
  key: string;
  title: string;
  reason: AlertReason;
  genre: Genre;
  range: DateRange;
  /** Its latest daily rank: the digest names the best placed first. */
  rank: number;
}

export interface AlertQuery {
  source: 'bundle-social';
  genre: string;
  range: DateRange;
}

export interface Digest {
  title: string;
  /** One line per reason: "3 breakouts in Dance Pop: Title A, Title B, Title C". */
  message: string;
  /** The tracks a click shows in the finder (at most `MAX_HANDED_OVER`). */
  keys: string[];
  /** The list they came from; `ALL` when they come from several genres. */
  query: AlertQuery;
}

/** `track key|reason` → when it was announced. */
export type AnnouncedLog = Record<string, number>;

/** An announcement is remembered this long: a track is not announced again for the same reason within it. */
export const ANNOUNCED_KEEP_MS = 30 * DAY_MS;
/** The most announcements remembered (newest kept). */
export const MAX_ANNOUNCED = 2000;
/** The most tracks a click hands to the finder. */
export const MAX_HANDED_OVER = 50;
/** Tracks named in a digest line; the rest are counted. */
export const NAMED_TRACKS = 3;
/** A key the provider rejected: lists it left are not news, and nothing is announced from them. */
export const KEY_REJECTED: readonly ProviderErrorKind[] = ['unauthenticated', 'forbidden'];

const announcedId = (key: string, reason: AlertReason) => `${key}|${reason}`;
const dayOf = (date: string): number => Math.floor(Date.parse(`${date.slice(0, 10)}T00:00:00Z`) / DAY_MS);

/** The last ranked day of a history and the point before it (null when there is none). */
function latestRanked(history: readonly RankPoint[]): { point: RankPoint; before: RankPoint | null } | null {
  for (let i = history.length - 1; i >= 0; i--) {
    const point = history[i] as RankPoint;
    if (point.rank !== null) return { point, before: history[i - 1] ?? null };
  }
  return null;
}

/**
 * A track in the top 10 on today's or yesterday's chart whose day before was below it, or off
 * the chart (or not in its history at all).
 */
export function enteredTop(history: readonly RankPoint[], now: number): boolean {
  const latest = latestRanked(history);
  if (!latest || latest.point.rank === null || latest.point.rank > TOP) return false;
  if (dayOf(latest.point.date) < Math.floor(now / DAY_MS) - 1) return false;
  const before = latest.before?.rank ?? null;
  return before === null || before > TOP;
}

const latestRank = (track: Track): number => latestRanked(track.rankHistory)?.point.rank ?? track.rank ?? 999;

/** The tracks of `lists` that earn an announcement, each once (first list wins), best placed first. */
function collect(
  lists: readonly AlertList[],
  reason: AlertReason,
  earns: (track: Track, list: AlertList) => boolean,
): Announcement[] {
  const found = new Map<string, Announcement>();
  for (const list of lists) {
    for (const track of list.tracks) {
      const key = trackKey(track);
      if (found.has(key) || !earns(track, list)) continue;
      const { genre, range } = list;
      found.set(key, { key, title: track.title, reason, genre, range, rank: latestRank(track) });
    }
  }
  return [...found.values()].sort((a, b) => a.rank - b.rank);
}

/** Breakouts (lib/shared/breakout.ts) in the lists of the chosen genres. */
export function breakoutsIn(
  lists: readonly AlertList[],
  genres: readonly Genre[],
  now: number,
): Announcement[] {
  const chosen = new Set(genres);
  return collect(
    lists.filter((list) => chosen.has(list.genre)),
    'breakout',
    (track) => trendBadges(track.rankHistory, now).includes('breakout'),
  );
}

/** Favorites (track keys) that entered the top 10, from any cached list. */
export function favoritesEnteringTop(
  lists: readonly AlertList[],
  favorites: readonly string[],
  now: number,
): Announcement[] {
  const wanted = new Set(favorites);
  return collect(
    lists,
    'top10',
    (track) => wanted.has(trackKey(track)) && enteredTop(track.rankHistory, now),
  );
}

const clip = (title: string) => (title.length > 40 ? `${title.slice(0, 39)}…` : title);

function named(items: readonly Announcement[]): string {
  const names = items.slice(0, NAMED_TRACKS).map((item) => clip(item.title));
  const rest = items.length - names.length;
  return rest > 0 ? i18n.t('background.alerts.more', rest, { tracks: names.join(', ') }) : names.join(', ');
}

function genresPhrase(items: readonly Announcement[]): string {
  const genres = [...new Set(items.map((item) => item.genre))];
  if (genres.length > 2) return i18n.t('background.alerts.genres', genres.length);
  const [first = '', second] = genres.map(genreLabel);
  return second === undefined ? first : i18n.t('background.alerts.twoGenres', { first, second });
}

/** "Breakout in Pop: Title A" or "3 breakouts in Dance Pop: Title A, Title B, Title C". */
export function breakoutLine(items: readonly Announcement[]): string {
  return i18n.t('background.alerts.breakouts', items.length, {
    where: genresPhrase(items),
    tracks: named(items),
  });
}

/** "Your favorite Title A entered the top 10" or "2 favorites entered the top 10: Title A, Title B". */
export function favoritesLine(items: readonly Announcement[]): string {
  return i18n.t('background.alerts.favorites', items.length, { tracks: named(items) });
}

/** The list that shows the most of them: their genre (or all genres), and the range holding most. */
function queryFor(items: readonly Announcement[]): AlertQuery {
  const genres = new Set(items.map((item) => item.genre));
  const [only] = genres;
  const counts = new Map<DateRange, number>();
  for (const item of items) counts.set(item.range, (counts.get(item.range) ?? 0) + 1);
  const range = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? DEFAULT_DATE_RANGE;
  return { source: 'bundle-social', genre: genres.size === 1 && only ? only : ALL_GENRES, range };
}

/** The digest for these announcements; null when there is nothing to say. */
export function digestOf(
  breakouts: readonly Announcement[],
  favorites: readonly Announcement[],
): Digest | null {
  if (breakouts.length === 0 && favorites.length === 0) return null;
  const lines = [
    ...(breakouts.length > 0 ? [breakoutLine(breakouts)] : []),
    ...(favorites.length > 0 ? [favoritesLine(favorites)] : []),
  ];
  const all = [...breakouts, ...favorites.filter((f) => !breakouts.some((b) => b.key === f.key))];
  return {
    title: 'Cleartune',
    message: lines.join('\n'),
    keys: all.slice(0, MAX_HANDED_OVER).map((item) => item.key),
    query: queryFor(all),
  };
}

/** Drops announcements older than `ANNOUNCED_KEEP_MS`, and keeps at most `MAX_ANNOUNCED` (the newest). */
export function pruneAnnounced(log: AnnouncedLog, now: number): AnnouncedLog {
  const kept = Object.entries(log)
    .filter(([, at]) => now - at < ANNOUNCED_KEEP_MS)
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_ANNOUNCED);
  return Object.fromEntries(kept);
}

export interface AlertInput {
  prefs: AlertPrefs;
  lists: readonly AlertList[];
  favorites: readonly string[];
  announced: AnnouncedLog;
  now: number;
  online: boolean;
}

export interface AlertPlan {
  digest: Digest | null;
  /** The log to store: pruned, with this digest's tracks added. */
  announced: AnnouncedLog;
  /** Why nothing was said, when a rule held it back. */
  heldBack: 'offline' | 'key-rejected' | null;
}

/** Whether any of the lists was last refused for its key. */
export const keyRejected = (lists: readonly AlertList[]): boolean =>
  lists.some((list) => list.error !== null && KEY_REJECTED.includes(list.error.kind));

/**
 * The one notification a refresh may show, and what to remember. Nothing while offline or while a
 * key is rejected (those lists are not news); nothing announced before within `ANNOUNCED_KEEP_MS`.
 */
export function planAlerts(input: AlertInput): AlertPlan {
  const { prefs, lists, now } = input;
  const log = pruneAnnounced(input.announced, now);
  if (!input.online) return { digest: null, announced: log, heldBack: 'offline' };
  if (keyRejected(lists)) return { digest: null, announced: log, heldBack: 'key-rejected' };
  const fresh = (item: Announcement) => log[announcedId(item.key, item.reason)] === undefined;
  const breakouts = breakoutsIn(lists, prefs.breakoutGenres, now).filter(fresh);
  const favorites = prefs.favoritesTop10
    ? favoritesEnteringTop(lists, input.favorites, now).filter(fresh)
    : [];
  const digest = digestOf(breakouts, favorites);
  const announced = { ...log };
  for (const item of [...breakouts, ...favorites]) announced[announcedId(item.key, item.reason)] = now;
  return { digest, announced: pruneAnnounced(announced, now), heldBack: null };
}
