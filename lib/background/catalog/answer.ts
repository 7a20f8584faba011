/** Turning cache entries into what the popup renders: pure, so every state is table-tested. */

import type { CatalogPart, ProviderError } from '../../shared/protocol';
import { type Provider, type Track, trackKey } from '../../shared/track';
import type { CatalogEntry } from './catalog-cache';
import { isFresh } from './freshness';

export interface PartInput {
  provider: Provider;
  /** The entries the query reads that exist (missing ones are simply absent). */
  entries: CatalogEntry[];
  /** Entries the query reads in all (42 for `ALL`). */
  expected: number;
  /** A refresh of one of them is running now. */
  refreshing: boolean;
  /** A reason no refresh could even be tried: no key, offline, rate-limited until later. */
  blocked: ProviderError | null;
  now: number;
  /** How the entries' lists become one; the engine passes a memoized `mergeTracks`. */
  merge?: (lists: Track[][]) => Track[];
}

/** One track per provider id: a track charted in several genres keeps its first place and gains every genre. */
export function mergeTracks(lists: readonly Track[][]): Track[] {
  const byKey = new Map<string, Track>();
  for (const list of lists) {
    for (const track of list) {
      const key = trackKey(track);
      const seen = byKey.get(key);
      if (!seen) byKey.set(key, track);
      else if (track.genres.some((g) => !seen.genres.includes(g))) {
        byKey.set(key, { ...seen, genres: [...new Set([...seen.genres, ...track.genres])] });
      }
    }
  }
  const merged = [...byKey.values()];
  // Several charts interleave by rank (stable: ties keep genre order); one chart keeps its order.
  return lists.length > 1 ? merged.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity)) : merged;
}

/** `mergeTracks`, remembering its last answer: the same cached lists are merged once, not per ask. */
export function memoizeMerge(): (lists: Track[][]) => Track[] {
  let last: { lists: Track[][]; tracks: Track[] } | null = null;
  return (lists) => {
    const same = last?.lists.length === lists.length && lists.every((list, i) => list === last?.lists[i]);
    if (!last || !same) last = { lists, tracks: mergeTracks(lists) };
    return last.tracks;
  };
}

/**
 * The first `limit` tracks in the popup's default order, rank first (none last) and then the
 * answer's own order, so they are exactly the top of the list the popup shows once all arrive.
 */
export function firstByRank(tracks: readonly Track[], limit: number): Track[] {
  const rank = (i: number) => tracks[i]?.rank ?? Number.POSITIVE_INFINITY;
  const order = tracks.map((_, i) => i).sort((a, b) => rank(a) - rank(b) || a - b);
  return order.slice(0, limit).map((i) => tracks[i] as Track);
}

function latestError(entries: CatalogEntry[]): ProviderError | null {
  let latest: CatalogEntry | null = null;
  for (const entry of entries) {
    if (entry.error && (!latest || entry.attemptedAt > latest.attemptedAt)) latest = entry;
  }
  return latest?.error ?? null;
}

/**
 * One provider's slice of an answer. Tracks are served whatever the state: stale tracks next to an
 * error are more use than nothing, except when the provider is not configured at all.
 */
export function buildPart(input: PartInput): { part: CatalogPart; tracks: Track[] } {
  const { provider, entries, blocked, now } = input;
  const notConfigured = blocked?.kind === 'not-configured';
  const served = notConfigured ? [] : entries.filter((entry) => entry.fetchedAt !== null);
  const tracks = (input.merge ?? mergeTracks)(served.map((entry) => entry.tracks));
  const fetchedTimes = served.map((entry) => entry.fetchedAt as number);
  // The oldest list decides the age shown: the answer is only as fresh as its stalest part.
  const fetchedAt = fetchedTimes.length > 0 ? Math.min(...fetchedTimes) : null;
  const dropped = served.reduce((sum, entry) => sum + entry.dropped, 0);
  const error = blocked ?? latestError(entries);
  const allFresh = served.length === input.expected && served.every((entry) => isFresh(entry, now));
  const status: CatalogPart['status'] = notConfigured
    ? 'error'
    : input.refreshing
      ? 'refreshing'
      : error
        ? 'error'
        : served.length === 0 || tracks.length === 0
          ? 'empty'
          : allFresh
            ? 'fresh'
            : 'stale';
  return { part: { provider, status, fetchedAt, dropped, error }, tracks };
}
