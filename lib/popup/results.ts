import { DAY_MS } from '../shared/time';
import type { CatalogIndex, SortKey, TrackEntry } from './catalog-index';
import { type Filters, inDurationRange } from './filters';
import { matchesWords, queryWords } from './search';

/** The key of the popup's map of last uses: one format for filling it and reading it. */
export const usedKey = (provider: string, id: string) => `${provider}:${id}`;

/** Which step emptied the list, so the empty state can name it (and offer to undo it). */
export type EmptyReason =
  | 'catalog'
  | 'alerted'
  | 'search'
  | 'duration'
  | 'language'
  | 'cleared'
  | 'favorites'
  | 'trending'
  | 'used';

/** The last use of an id: when, and on which site. */
export interface LastUse {
  at: number;
  site: string;
}
/** Keyed `provider:id` by the id that was filled (a CML track's either clip). */
export type UseMap = ReadonlyMap<string, LastUse>;

/** When a track was last used, whichever of its ids was filled. */
export function lastUseOf(entry: TrackEntry, uses: UseMap): LastUse | null {
  if (uses.size === 0) return null;
  const { track } = entry;
  let last: LastUse | null = null;
  for (const id of [track.id, track.clips?.trending?.id, track.clips?.full?.id]) {
    const use = id === undefined ? undefined : uses.get(usedKey(track.provider, id));
    if (use && (!last || use.at > last.at)) last = use;
  }
  return last;
}

export interface Criteria {
  search: string;
  filters: Filters;
  sort: SortKey;
  favorites: ReadonlySet<string>;
  /** Absent: nothing used (tests of the other steps). */
  uses?: UseMap;
  /** The rotation window: "Hide tracks used in the last N days". */
  rotationDays?: number;
  now?: number;
}

const NO_USES: UseMap = new Map();

export interface Results {
  entries: TrackEntry[];
  total: number;
  /** Null when something is shown. */
  emptyReason: EmptyReason | null;
}

const STEPS: EmptyReason[] = [
  'alerted',
  'search',
  'duration',
  'language',
  'cleared',
  'favorites',
  'trending',
  'used',
];

/** How many of the steps, in order, an entry passes (STEPS.length = shown). */
function stepsPassed(
  entry: TrackEntry,
  words: readonly string[],
  criteria: Criteria,
  usedSince: number,
): number {
  const { filters, favorites } = criteria;
  const track = entry.track;
  if (filters.only !== null && !filters.only.includes(entry.key)) return 0;
  if (!matchesWords(entry.searchKey, words)) return 1;
  if (!inDurationRange(track.durationSec, filters.duration)) return 2;
  if (filters.language !== null && track.language !== filters.language) return 3;
  if (filters.clearedOnly && !track.cleared) return 4;
  if (filters.favoritesOnly && !favorites.has(entry.key)) return 5;
  if (filters.trendingOnly && !entry.badges.some((badge) => badge !== 'fading')) return 6;
  const lastUse = filters.hideUsed ? lastUseOf(entry, criteria.uses ?? NO_USES) : null;
  if (lastUse && lastUse.at >= usedSince) return 7;
  return 8;
}

/**
 * One linear pass over a presorted order. Each entry records how many steps it passed, so when the
 * list comes out empty the first step nothing passed is known without a second pass.
 */
export function computeResults(index: CatalogIndex, criteria: Criteria): Results {
  const words = queryWords(criteria.search);
  const usedSince = (criteria.now ?? Date.now()) - (criteria.rotationDays ?? 0) * DAY_MS;
  const order = index.sorted(criteria.sort);
  const passedStep = new Array<number>(STEPS.length).fill(0);
  const entries: TrackEntry[] = [];
  for (const entry of order) {
    const passed = stepsPassed(entry, words, criteria, usedSince);
    for (let step = 0; step < passed; step++) passedStep[step] = (passedStep[step] ?? 0) + 1;
    if (passed === STEPS.length) entries.push(entry);
  }
  let emptyReason: EmptyReason | null = null;
  if (entries.length === 0) {
    const firstEmpty = passedStep.indexOf(0);
    emptyReason = order.length === 0 ? 'catalog' : (STEPS[firstEmpty] ?? 'catalog');
  }
  return { entries, total: order.length, emptyReason };
}

/** Remembers the last answer: zustand selectors run on every store change, results only on input change. */
export function memoizeResults(): (index: CatalogIndex, criteria: Criteria) => Results {
  let last: { index: CatalogIndex; criteria: Criteria; results: Results } | null = null;
  return (index, criteria) => {
    if (
      last &&
      last.index === index &&
      last.criteria.search === criteria.search &&
      last.criteria.filters === criteria.filters &&
      last.criteria.sort === criteria.sort &&
      last.criteria.favorites === criteria.favorites &&
      last.criteria.uses === criteria.uses &&
      last.criteria.rotationDays === criteria.rotationDays
    ) {
      return last.results;
    }
    last = { index, criteria, results: computeResults(index, criteria) };
    return last.results;
  };
}
