import type { CatalogIndex, SortKey, TrackEntry } from './catalog-index';
import { type Filters, inDurationRange } from './filters';
import { matchesWords, queryWords } from './search';

/** Which step emptied the list, so the empty state can name it (and offer to undo it). */
export type EmptyReason = 'catalog' | 'search' | 'duration' | 'language' | 'cleared' | 'favorites';

export interface Criteria {
  search: string;
  filters: Filters;
  sort: SortKey;
  favorites: ReadonlySet<string>;
}

export interface Results {
  entries: TrackEntry[];
  total: number;
  /** Null when something is shown. */
  emptyReason: EmptyReason | null;
}

const STEPS: EmptyReason[] = ['search', 'duration', 'language', 'cleared', 'favorites'];

/** How many of the steps, in order, an entry passes (STEPS.length = shown). */
function stepsPassed(
  entry: TrackEntry,
  words: readonly string[],
  filters: Filters,
  favorites: ReadonlySet<string>,
): number {
  const track = entry.track;
  if (!matchesWords(entry.searchKey, words)) return 0;
  if (!inDurationRange(track.durationSec, filters.duration)) return 1;
  if (filters.language !== null && track.language !== filters.language) return 2;
  if (filters.clearedOnly && !track.cleared) return 3;
  if (filters.favoritesOnly && !favorites.has(entry.key)) return 4;
  return 5;
}

/**
 * One linear pass over a presorted order. Each entry records how many steps it passed, so when the
 * list comes out empty the first step nothing passed is known without a second pass.
 */
export function computeResults(index: CatalogIndex, criteria: Criteria): Results {
  const { filters, favorites } = criteria;
  const words = queryWords(criteria.search);
  const order = index.sorted(criteria.sort);
  const passedStep = new Array<number>(STEPS.length).fill(0);
  const entries: TrackEntry[] = [];
  for (const entry of order) {
    const passed = stepsPassed(entry, words, filters, favorites);
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
      last.criteria.favorites === criteria.favorites
    ) {
      return last.results;
    }
    last = { index, criteria, results: computeResults(index, criteria) };
    return last.results;
  };
}
