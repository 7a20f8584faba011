/**
 * Loading the catalog: the first paint waits for one small `getCatalog` (the first screen of
 * tracks), then the whole list is asked for at once and swapped in. While the background refreshes
 * behind a stale answer, the popup asks again every so often until it is done.
 */

import type { DateRange, Genre } from '../shared/genres';
import { DATE_RANGES, GENRES } from '../shared/genres';
import { errorText } from '../shared/messages';
import type { CatalogAnswer, CatalogQuery } from '../shared/protocol';
import { buildCatalogIndex } from './catalog-index';
import { isRefreshing } from './catalog-status';
import type { FinderDeps } from './finder-deps';
import { readFirstScreen, rememberFirstScreen } from './first-screen-memory';
import { DEFAULTS_KEY } from './popup-memory';
import type { FinderStore } from './store';

const POLL_MS = 1500;
const MAX_POLLS = 40;
/** Tracks in the first answer: a screenful and then some, cheap to send whatever the catalog's size. */
export const FIRST_SCREEN = 40;

export interface CatalogActions {
  open(): Promise<void>;
  setQuery(patch: Partial<CatalogQuery>): Promise<void>;
  refresh(): Promise<CatalogAnswer | null>;
  dispose(): void;
}

function readMemory(deps: FinderDeps): { genre: Genre; range: DateRange } | null {
  try {
    const raw = JSON.parse(deps.memory?.getItem(DEFAULTS_KEY) ?? 'null') as {
      genre?: unknown;
      range?: unknown;
    };
    const genre = GENRES.find((value) => value === raw?.genre);
    const range = DATE_RANGES.find((value) => value === raw?.range);
    return genre && range ? { genre, range } : null;
  } catch {
    return null;
  }
}

export function createCatalogActions(store: FinderStore, deps: FinderDeps): CatalogActions {
  let request = 0;
  let polls = 0;
  let pollTimer: unknown = null;

  const stopPolling = () => {
    if (pollTimer !== null) deps.clearTimeout(pollTimer);
    pollTimer = null;
  };

  let opening: Promise<void> | null = null;
  /** The remembered first screen on show until the first answer comes, as JSON. */
  let shownText: string | null = null;

  const accept = (answer: CatalogAnswer) => {
    const partial = answer.total !== undefined && answer.total > answer.tracks.length;
    store.setState({
      answer,
      index: buildCatalogIndex(answer.tracks, deps.now()),
      loading: false,
      loadError: null,
      pendingTotal: partial ? (answer.total as number) : null,
    });
    stopPolling();
    if (!partial && isRefreshing(answer) && polls < MAX_POLLS) {
      polls++;
      pollTimer = deps.setTimeout(() => void load(false), POLL_MS);
    }
  };

  /**
   * A whole list, packed (megabytes plain for "All genres", lib/shared/wire.ts). The unpacking code
   * (lib/shared/unpack.ts) loads beside the request: a first screen (40 tracks) comes plain, so the
   * first paint needs none.
   */
  async function whole(type: 'getCatalog' | 'refreshCatalog', query: CatalogQuery): Promise<CatalogAnswer> {
    const [{ unpackAnswer }, answer] = await Promise.all([
      import('../shared/unpack'),
      deps.send(type, { ...query, packed: true }),
    ]);
    return unpackAnswer(answer);
  }

  /**
   * `firstScreen`: ask for the first screen, paint it, then ask for the rest (a new query's first
   * load). `remember`: that first screen is what the next popup paints before its first answer.
   */
  async function load(fresh: boolean, firstScreen = false, remember = false): Promise<CatalogAnswer | null> {
    const mine = ++request;
    const query = store.getState().query;
    if (fresh) store.setState({ refreshing: true });
    try {
      let answer = firstScreen
        ? await deps.send(fresh ? 'refreshCatalog' : 'getCatalog', { ...query, limit: FIRST_SCREEN })
        : await whole(fresh ? 'refreshCatalog' : 'getCatalog', query);
      if (mine !== request) return answer;
      const text = remember ? JSON.stringify(answer) : null;
      // The remembered screen already on show, unchanged: rendering it again would only delay the paint.
      if (text === null || text !== shownText) {
        accept(answer);
        if (text !== null) rememberFirstScreen(deps.memory, query, answer, deps.now(), text);
      }
      shownText = null;
      if (answer.total !== undefined && answer.total > answer.tracks.length) {
        // The whole list is megabytes for "All genres": receiving it blocks this page's main thread,
        // so it is asked for only once the first screen is on screen.
        await (deps.afterPaint?.() ?? new Promise<void>((resolve) => deps.setTimeout(resolve, 0)));
        if (mine !== request) return answer;
        answer = await whole('getCatalog', query);
        if (mine === request) accept(answer);
      }
      return answer;
    } catch (error) {
      if (mine === request) store.setState({ loading: false, loadError: errorText(error) });
      return null;
    } finally {
      if (fresh && mine === request) store.setState({ refreshing: false });
    }
  }

  /** Settings decide the opening genre and range; mirrored locally so the next open need not ask first. */
  async function applySettingsDefaults(): Promise<void> {
    try {
      const settings = await deps.send('getSettings');
      deps.memory?.setItem(
        DEFAULTS_KEY,
        JSON.stringify({ genre: settings.defaultGenre, range: settings.defaultRange }),
      );
      const { query, queryTouched } = store.getState();
      if (queryTouched) return;
      if (query.genre !== settings.defaultGenre || query.range !== settings.defaultRange) {
        store.setState({ query: { ...query, genre: settings.defaultGenre, range: settings.defaultRange } });
        polls = 0;
        await load(false, true, true);
      }
    } catch {
      // Without settings the popup keeps its built-in defaults; the catalog answer reports real problems.
    }
  }

  return {
    /** Once per popup: main.tsx starts it before React renders, the component's call joins it. */
    open() {
      opening ??= (async () => {
        const remembered = readMemory(deps);
        if (remembered) store.setState({ query: { ...store.getState().query, ...remembered } });
        const lastSeen = readFirstScreen(deps.memory, store.getState().query, deps.now());
        // Shown as it was: its parts keep their own fetch times, so the status line stays true.
        if (lastSeen && store.getState().answer === null) {
          accept(lastSeen.answer);
          shownText = lastSeen.text;
        }
        await Promise.all([load(false, true, true), applySettingsDefaults()]);
      })();
      return opening;
    },
    async setQuery(patch) {
      store.setState({ query: { ...store.getState().query, ...patch }, queryTouched: true });
      polls = 0;
      await load(false, true);
    },
    refresh() {
      polls = 0;
      return load(true);
    },
    dispose: stopPolling,
  };
}
