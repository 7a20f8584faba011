/**
 * What the side panel keeps while the browser runs: the search, filters, sort, the list asked for
 * and how far it was scrolled. Closing and reopening the panel (or the browser restarting the
 * page) brings them back. Kept in `storage.session`, which extension pages share and the browser
 * clears when it closes; read back by hand (no zod outside the background), so a damaged value
 * costs only itself.
 */
import { ALL_GENRES, DATE_RANGES, GENRES } from '../shared/genres';
import { type CatalogQuery, SOURCES } from '../shared/protocol';
import { FINDER_SEARCH_KEY } from '../shared/side-panel';
import type { SortKey } from './catalog-index';
import { DEFAULT_FILTERS, DURATION_RANGES, type Filters } from './filters';
import type { FinderApp } from './finder-app';

export const PANEL_STATE_KEY = 'panelState';
const MAX_SEARCH = 200;
const SORT_KEYS: readonly SortKey[] = ['rank', 'rising', 'popularity', 'duration', 'title'];
/** Writes wait for a pause in typing or scrolling. */
export const PERSIST_MS = 300;

export interface PanelState {
  search: string;
  filters: Filters;
  sort: SortKey;
  /** Only when the user picked it in the panel; otherwise the settings' defaults apply. */
  query: Pick<CatalogQuery, 'source' | 'genre' | 'range'> | null;
  scrollTop: number;
}

export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

const oneOf = <T>(values: readonly T[], value: unknown): T | undefined =>
  values.find((candidate) => candidate === value);
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function parseFilters(raw: unknown): Filters {
  if (!isRecord(raw)) return DEFAULT_FILTERS;
  const duration = oneOf(Object.keys(DURATION_RANGES), raw.duration) as Filters['duration'] | undefined;
  return {
    duration: duration ?? DEFAULT_FILTERS.duration,
    clearedOnly: raw.clearedOnly === true,
    language: typeof raw.language === 'string' && /^[a-z]{2,3}$/.test(raw.language) ? raw.language : null,
    favoritesOnly: raw.favoritesOnly === true,
    trendingOnly: raw.trendingOnly === true,
    hideUsed: raw.hideUsed === true,
    only: parseKeys(raw.only),
  };
}

/** Track keys handed over by an alert (at most 50, each `provider:id`). */
function parseKeys(raw: unknown): string[] | null {
  if (!Array.isArray(raw)) return null;
  const keys = raw.filter((key): key is string => typeof key === 'string' && key.length <= 200).slice(0, 50);
  return keys.length > 0 ? keys : null;
}

function parseQuery(raw: unknown): PanelState['query'] {
  if (!isRecord(raw)) return null;
  const source = oneOf(SOURCES, raw.source);
  const genre = oneOf([...GENRES, ALL_GENRES], raw.genre);
  const range = oneOf(DATE_RANGES, raw.range);
  return source && genre && range ? { source, genre, range } : null;
}

/** The stored state, each part checked on its own; null when there is nothing usable. */
export function parsePanelState(raw: unknown): PanelState | null {
  if (!isRecord(raw)) return null;
  return {
    search: typeof raw.search === 'string' ? raw.search.slice(0, MAX_SEARCH) : '',
    filters: parseFilters(raw.filters),
    sort: oneOf(SORT_KEYS, raw.sort) ?? 'rank',
    query: parseQuery(raw.query),
    scrollTop:
      typeof raw.scrollTop === 'number' && Number.isFinite(raw.scrollTop) ? Math.max(0, raw.scrollTop) : 0,
  };
}

/** Puts a remembered state back into the finder; resolves with the scroll offset to restore. */
export async function restorePanelState(app: FinderApp, area: SessionArea): Promise<number> {
  let saved: PanelState | null = null;
  try {
    saved = parsePanelState((await area.get(PANEL_STATE_KEY))[PANEL_STATE_KEY]);
  } catch {
    return 0;
  }
  if (!saved) return 0;
  // The person may have typed already: what they did since the panel opened wins.
  const { search } = app.store.getState();
  app.store.setState({
    ...(search === '' ? { search: saved.search } : {}),
    filters: saved.filters,
    sort: saved.sort,
  });
  const { query } = app.store.getState();
  if (
    saved.query &&
    (saved.query.source !== query.source ||
      saved.query.genre !== query.genre ||
      saved.query.range !== query.range)
  ) {
    await app.catalog.setQuery(saved.query);
  } else if (saved.query) app.store.setState({ queryTouched: true });
  return saved.scrollTop;
}

/** Writes the state whenever it changes (after a pause); returns the unsubscribe. */
export function persistPanelState(
  app: FinderApp,
  area: SessionArea,
  scrollTop: () => number,
): { stop(): void; touch(): void } {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const write = () => {
    timer = null;
    const { search, filters, sort, query, queryTouched } = app.store.getState();
    const state: PanelState = {
      search,
      filters,
      sort,
      query: queryTouched ? { source: query.source, genre: query.genre, range: query.range } : null,
      scrollTop: scrollTop(),
    };
    void area.set({ [PANEL_STATE_KEY]: state }).catch(() => {});
  };
  const touch = () => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(write, PERSIST_MS);
  };
  const unsubscribe = app.store.subscribe((state, previous) => {
    if (
      state.search !== previous.search ||
      state.filters !== previous.filters ||
      state.sort !== previous.sort ||
      state.query !== previous.query
    )
      touch();
  });
  return {
    stop() {
      unsubscribe();
      if (timer !== null) {
        clearTimeout(timer);
        write();
      }
    },
    touch,
  };
}

/** How long a handed-over search waits for a page to show it. */
const HANDOVER_MS = 60_000;

/**
 * Takes a search the background left for the finder, once: shown in the search box (or, from an
 * alert, its tracks alone in their list), then removed so the next open starts as usual. Resolves
 * true when there was one.
 */
export async function takeFinderSearch(
  app: FinderApp,
  area: SessionArea & { remove(key: string): Promise<void> },
): Promise<boolean> {
  try {
    const raw = (await area.get(FINDER_SEARCH_KEY))[FINDER_SEARCH_KEY];
    if (!isRecord(raw) || typeof raw.text !== 'string') return false;
    const only = parseKeys(raw.keys);
    if (raw.text.trim() === '' && !only) return false;
    await area.remove(FINDER_SEARCH_KEY);
    // One left when neither the panel nor the popup could open must not turn up much later.
    if (typeof raw.at !== 'number' || Math.abs(Date.now() - raw.at) > HANDOVER_MS) return false;
    const { store } = app;
    if (only) {
      // An alert's tracks: shown alone, with the filter that says so open.
      store.setState({ search: '', filters: { ...DEFAULT_FILTERS, only }, filtersOpen: true });
      const query = parseQuery(raw.query);
      if (query) await app.catalog.setQuery(query);
    } else store.setState({ search: raw.text.trim().slice(0, MAX_SEARCH) });
    return true;
  } catch {
    return false;
  }
}
