/**
 * The side panel's remembered state: a damaged or foreign value costs only its own parts, and a
 * remembered state comes back into the finder (search, filters, sort, the list asked for).
 */
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_FILTERS } from '@/lib/popup/filters';
import { createFinderApp } from '@/lib/popup/finder-app';
import {
  PANEL_STATE_KEY,
  parsePanelState,
  persistPanelState,
  restorePanelState,
  takeFinderSearch,
} from '@/lib/popup/panel-memory';
import { fakeDeps } from './popup-fixtures';

function memoryArea(initial: Record<string, unknown> = {}) {
  const values: Record<string, unknown> = { ...initial };
  return {
    values,
    get: async (key: string) => (key in values ? { [key]: values[key] } : {}),
    set: async (items: Record<string, unknown>) => {
      Object.assign(values, items);
    },
    remove: async (key: string) => {
      delete values[key];
    },
  };
}

describe('reading the remembered state', () => {
  it('keeps each sound part and resets each damaged one', () => {
    expect(
      parsePanelState({
        search: 'x'.repeat(500),
        filters: { duration: 'forever', clearedOnly: true, language: '<img>', favoritesOnly: 'yes' },
        sort: 'loudness',
        query: { source: 'spotify', genre: 'POP', range: '7DAY' },
        scrollTop: Number.NaN,
      }),
    ).toEqual({
      search: 'x'.repeat(200),
      filters: { ...DEFAULT_FILTERS, clearedOnly: true },
      sort: 'rank',
      query: null,
      scrollTop: 0,
    });
    expect(parsePanelState('not a state')).toBeNull();
    expect(parsePanelState([])).toBeNull();
  });
});

describe('restoring and remembering', () => {
  it('puts search, filters, sort and the chosen list back, and writes changes after a pause', async () => {
    vi.useFakeTimers();
    const { deps, send } = fakeDeps();
    const app = createFinderApp(deps);
    const area = memoryArea({
      [PANEL_STATE_KEY]: {
        search: 'love',
        filters: { ...DEFAULT_FILTERS, favoritesOnly: true },
        sort: 'title',
        query: { source: 'layers', genre: 'ROCK', range: '30DAY' },
        scrollTop: 640,
      },
    });
    const restoring = restorePanelState(app, area);
    await vi.runAllTimersAsync();
    expect(await restoring).toBe(640);
    const state = app.store.getState();
    expect(state).toMatchObject({ search: 'love', sort: 'title', queryTouched: true });
    expect(state.filters.favoritesOnly).toBe(true);
    expect(state.query).toMatchObject({ source: 'layers', genre: 'ROCK', range: '30DAY' });
    expect(send).toHaveBeenCalledWith(
      'getCatalog',
      expect.objectContaining({ source: 'layers', genre: 'ROCK' }),
    );

    const memory = persistPanelState(app, area, () => 99);
    app.store.setState({ search: 'night' });
    expect((area.values[PANEL_STATE_KEY] as { search: string }).search).toBe('love');
    await vi.advanceTimersByTimeAsync(400);
    expect(area.values[PANEL_STATE_KEY]).toMatchObject({ search: 'night', scrollTop: 99 });
    memory.stop();
    vi.useRealTimers();
  });

  it('takes a handed-over search once, and only a fresh one', async () => {
    const { deps } = fakeDeps();
    const app = createFinderApp(deps);
    const area = memoryArea({ finderSearch: { text: '  Glasshouse Parade ', at: Date.now() } });
    expect(await takeFinderSearch(app, area)).toBe(true);
    expect(app.store.getState().search).toBe('Glasshouse Parade');
    expect(area.values).toEqual({});
    expect(await takeFinderSearch(app, area)).toBe(false);
    // Left over from a menu click an hour ago, when nothing could open: dropped, not shown.
    area.values.finderSearch = { text: 'Old', at: Date.now() - 3_600_000 };
    expect(await takeFinderSearch(app, area)).toBe(false);
    expect(app.store.getState().search).toBe('Glasshouse Parade');
    expect(area.values).toEqual({});
  });

  it("shows an alert's tracks alone, in the list they came from, with the filter that says so open", async () => {
    const { deps, send } = fakeDeps();
    const app = createFinderApp(deps);
    const keys = ['bundle-social:7200000000000000001', 'bundle-social:7200000000000000002'];
    const area = memoryArea({
      finderSearch: {
        text: '',
        at: Date.now(),
        keys: [...keys, 42],
        query: { source: 'bundle-social', genre: 'DANCE_POP', range: '7DAY' },
      },
    });
    app.store.setState({ search: 'old search' });
    expect(await takeFinderSearch(app, area)).toBe(true);
    const state = app.store.getState();
    expect(state.filters).toEqual({ ...DEFAULT_FILTERS, only: keys });
    expect(state).toMatchObject({ search: '', filtersOpen: true });
    expect(state.query).toMatchObject({ source: 'bundle-social', genre: 'DANCE_POP', range: '7DAY' });
    expect(send).toHaveBeenCalledWith('getCatalog', expect.objectContaining({ genre: 'DANCE_POP' }));
    expect(area.values).toEqual({});
  });
});
