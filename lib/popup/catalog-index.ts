import { fastestGrowing, type TrendBadge, trendBadges } from '../shared/breakout';
import type { Track } from '../shared/track';
import { trackKey } from '../shared/track';
import { searchKeyOf } from './search';
import { rankChange, risingGain } from './trend';

/** A track with everything a keystroke or a sort needs, computed once per catalog. */
export interface TrackEntry {
  track: Track;
  key: string;
  searchKey: string;
  /** Previous ranked day's rank − current rank; null without history. */
  change: number | null;
  /** Places gained over the last 7 ranked days; null without history. */
  rising: number | null;
  /** Position in the catalog engine's answer, the final tie-breaker. */
  position: number;
  /** New, Breakout, Fading (CML, from its rank history); Breakout (Layers, use count grew fastest). */
  badges: readonly TrendBadge[];
}

export type SortKey = 'rank' | 'rising' | 'popularity' | 'duration' | 'title';
export const SORT_KEYS: readonly SortKey[] = ['rank', 'rising', 'popularity', 'duration', 'title'];

export interface CatalogIndex {
  entries: readonly TrackEntry[];
  /** The entries in a sort order; each order is computed once, on first use. */
  sorted(sort: SortKey): readonly TrackEntry[];
  languages: readonly string[];
}

type Compare = (a: TrackEntry, b: TrackEntry) => number;
/** Nulls sort last whatever the direction. */
const ascending =
  (value: (entry: TrackEntry) => number | null): Compare =>
  (a, b) => {
    const x = value(a);
    const y = value(b);
    if (x === y) return 0;
    if (x === null) return 1;
    if (y === null) return -1;
    return x - y;
  };
const descending = (value: (entry: TrackEntry) => number | null): Compare =>
  ascending((entry) => {
    const v = value(entry);
    return v === null ? null : -v;
  });
// Made on first use (a title sort), not when the popup loads.
let collator: Intl.Collator | null = null;
const compareTitles = (a: string, b: string): number => {
  collator ??= new Intl.Collator('en', { sensitivity: 'base', numeric: true });
  return collator.compare(a, b);
};

const COMPARE: Record<SortKey, Compare[]> = {
  rank: [ascending((e) => e.track.rank)],
  rising: [descending((e) => e.rising), ascending((e) => e.track.rank)],
  // Layers counts users; a CML chart has only its rank, which then stands in for popularity.
  popularity: [descending((e) => e.track.userCount), ascending((e) => e.track.rank)],
  duration: [ascending((e) => e.track.durationSec)],
  title: [(a, b) => compareTitles(a.track.title, b.track.title)],
};

export function compareEntries(sort: SortKey): Compare {
  const chain = [...COMPARE[sort], ascending((e) => e.position)];
  return (a, b) => {
    for (const compare of chain) {
      const result = compare(a, b);
      if (result !== 0) return result;
    }
    return 0;
  };
}

const NO_BADGES: readonly TrendBadge[] = [];
const LAYERS_BREAKOUT: readonly TrendBadge[] = ['breakout'];

export function toEntry(track: Track, position: number, now: number = Date.now()): TrackEntry {
  const badges = track.rankHistory.length > 0 ? trendBadges(track.rankHistory, now) : NO_BADGES;
  return {
    track,
    key: trackKey(track),
    searchKey: searchKeyOf(track),
    change: rankChange(track.rankHistory, track.rank),
    rising: risingGain(track.rankHistory)?.gain ?? null,
    position,
    badges: badges.length === 0 ? NO_BADGES : badges,
  };
}

export function buildCatalogIndex(tracks: readonly Track[], now: number = Date.now()): CatalogIndex {
  const entries = tracks.map((track, position) => toEntry(track, position, now));
  const growing = fastestGrowing(entries.filter((entry) => entry.track.provider === 'layers').map(countOf));
  for (const entry of entries) if (growing.has(entry.key)) entry.badges = LAYERS_BREAKOUT;
  const cache = new Map<SortKey, readonly TrackEntry[]>();
  const languages = [...new Set(tracks.flatMap((t) => (t.language ? [t.language] : [])))].sort();
  return {
    entries,
    languages,
    sorted(sort) {
      let order = cache.get(sort);
      if (!order) {
        order = [...entries].sort(compareEntries(sort));
        cache.set(sort, order);
      }
      return order;
    },
  };
}

const countOf = ({ key, track }: TrackEntry) => ({
  key,
  userCount: track.userCount,
  previousUserCount: track.previousUserCount,
});

export const EMPTY_INDEX: CatalogIndex = buildCatalogIndex([]);
