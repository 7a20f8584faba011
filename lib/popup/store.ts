/**
 * The popup's state. Components read it through narrow selectors (`useFinderState(s => s.x)`), so a
 * keystroke re-renders the list and the search box, not the whole popup.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { DEFAULT_DATE_RANGE, DEFAULT_GENRE } from '../shared/genres';
import { type CatalogAnswer, type CatalogQuery, DEFAULT_ROTATION_DAYS } from '../shared/protocol';
import type { ChosenTrack, ClipChoice } from '../shared/track';
import { type CatalogIndex, EMPTY_INDEX, type SortKey } from './catalog-index';
import { DEFAULT_FILTERS, type Filters } from './filters';
import { memoizeResults, type Results, type UseMap } from './results';

export interface StatusMessage {
  text: string;
  /** Offered for a few seconds after a choice or a favorite was replaced. */
  undo: (() => void) | null;
  /** Changes with every message, so the same words said twice are announced twice. */
  id: number;
}

export interface PreviewState {
  key: string | null;
  playing: boolean;
  loading: boolean;
}

export interface FinderState {
  query: CatalogQuery;
  /** True once the user picked a source, genre or range here (settings no longer override it). */
  queryTouched: boolean;
  answer: CatalogAnswer | null;
  index: CatalogIndex;
  /** No answer yet (first paint waits for the cache, never for the network). */
  loading: boolean;
  /** A refresh the user asked for is on its way. */
  refreshing: boolean;
  /** The background did not answer at all. */
  loadError: string | null;
  /** While only the first screen is in: how many tracks the whole list holds (null once all are). */
  pendingTotal: number | null;
  search: string;
  filters: Filters;
  filtersOpen: boolean;
  sort: SortKey;
  favorites: ReadonlySet<string>;
  /** The usage record's newest use per id (rotation: "Used 3 days ago", hide used lately). */
  uses: UseMap;
  rotationDays: number;
  chosen: ChosenTrack | null;
  /** The clip picked per CML row; a row without an entry uses its default. */
  clips: Readonly<Record<string, ClipChoice>>;
  preview: PreviewState;
  status: StatusMessage | null;
  notices: readonly string[];
  /** The track whose "Copy payload" dialog is open. */
  payloadKey: string | null;
  /** The row whose id was just copied ("Copied" shows for 2 s). */
  copiedKey: string | null;
}

export type FinderStore = StoreApi<FinderState>;

export function initialFinderState(): FinderState {
  return {
    query: { source: 'all', genre: DEFAULT_GENRE, range: DEFAULT_DATE_RANGE },
    queryTouched: false,
    answer: null,
    index: EMPTY_INDEX,
    loading: true,
    refreshing: false,
    loadError: null,
    pendingTotal: null,
    search: '',
    filters: DEFAULT_FILTERS,
    filtersOpen: false,
    sort: 'rank',
    favorites: new Set(),
    uses: new Map(),
    rotationDays: DEFAULT_ROTATION_DAYS,
    chosen: null,
    clips: {},
    preview: { key: null, playing: false, loading: false },
    status: null,
    notices: [],
    payloadKey: null,
    copiedKey: null,
  };
}

export function createFinderStore(initial: Partial<FinderState> = {}): FinderStore {
  return createStore<FinderState>()(() => ({ ...initialFinderState(), ...initial }));
}

const memoResults = new WeakMap<FinderStore, (state: FinderState) => Results>();

/** The visible tracks, recomputed only when the catalog or a criterion changes. */
export function selectResults(store: FinderStore): (state: FinderState) => Results {
  let selector = memoResults.get(store);
  if (!selector) {
    const compute = memoizeResults();
    selector = (state) =>
      compute(state.index, {
        search: state.search,
        filters: state.filters,
        sort: state.sort,
        favorites: state.favorites,
        uses: state.uses,
        rotationDays: state.rotationDays,
        now: Date.now(),
      });
    memoResults.set(store, selector);
  }
  return selector;
}
