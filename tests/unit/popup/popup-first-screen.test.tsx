// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { Profiler } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Popup } from '../../../components/popup/Popup';
import { FIRST_SCREEN } from '../../../lib/popup/catalog-actions';
import { createFinderApp, FinderContext } from '../../../lib/popup/finder-app';
import type { CatalogAnswer, CatalogQuery } from '../../../lib/shared/protocol';
import type { Track } from '../../../lib/shared/track';
import { answer, cmlTrack, fakeDeps } from './popup-fixtures';

const ROW = 116;

/** 300 ranked tracks; every third is "Blue …", so a search matches rows in the first screen and past it. */
function catalog(count = 300): Track[] {
  return Array.from({ length: count }, (_, i) =>
    cmlTrack({ title: i % 3 === 0 ? `Blue ${i}` : `Red ${i}`, artist: `Artist ${i}`, rank: i + 1 }),
  );
}

/** A background that honours `limit` like the real one, and holds the full answer until released. */
function twoPhase(all: Track[]) {
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const getCatalog = async (query: CatalogQuery): Promise<CatalogAnswer> => {
    if (query.limit !== undefined) return { ...answer(all.slice(0, query.limit)), total: all.length };
    await gate;
    return answer(all);
  };
  return { getCatalog: getCatalog as (data: never) => Promise<CatalogAnswer>, release };
}

function renderPopup(handlers: Parameters<typeof fakeDeps>[0], onCommit?: () => void) {
  const fake = fakeDeps(handlers);
  const app = createFinderApp(fake.deps);
  render(
    <Profiler id="popup" onRender={() => onCommit?.()}>
      <FinderContext value={app}>
        <Popup />
      </FinderContext>
    </Profiler>,
  );
  return { ...fake, app };
}

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('the first screen, then the whole list', () => {
  it('asks for the first screen, then for everything, and polls only after the whole list is in', async () => {
    const all = catalog();
    const background = twoPhase(all);
    const { deps, send } = fakeDeps({ getCatalog: background.getCatalog });
    const app = createFinderApp(deps);
    const opening = app.catalog.open();
    await vi.waitFor(() => expect(app.store.getState().index.entries).toHaveLength(FIRST_SCREEN));
    expect(app.store.getState().pendingTotal).toBe(300);
    background.release();
    await opening;
    expect(app.store.getState().index.entries).toHaveLength(300);
    expect(app.store.getState().pendingTotal).toBeNull();
    const asks = send.mock.calls.filter(([type]) => type === 'getCatalog').map(([, data]) => data);
    expect(asks).toEqual([
      { source: 'all', genre: 'POP', range: '7DAY', limit: FIRST_SCREEN },
      { source: 'all', genre: 'POP', range: '7DAY', packed: true },
    ]);
    // Opening twice (main.tsx, then the component) asks once.
    await app.catalog.open();
    expect(send.mock.calls.filter(([type]) => type === 'getCatalog')).toHaveLength(2);
  });

  it('swaps the whole list in without losing the search text, the focused row or the count', async () => {
    const background = twoPhase(catalog());
    renderPopup({ getCatalog: background.getCatalog });
    const search = (await screen.findByRole('searchbox', { name: 'Search tracks' })) as HTMLInputElement;
    expect(screen.getByText('Loading all 300 tracks…')).toBeTruthy();
    fireEvent.change(search, { target: { value: 'blue' } });
    // Search runs on what is there: the Blue tracks of the first 40.
    expect(screen.getAllByRole('listitem')[0]?.getAttribute('aria-setsize')).toBe('14');
    const row = screen.getByRole('listitem', { name: 'Blue 3 by Artist 3' });
    act(() => row.focus());
    expect(document.activeElement).toBe(row);

    await act(async () => background.release());
    await screen.findByText('100 tracks');
    expect(search.value).toBe('blue');
    const after = screen.getByRole('listitem', { name: 'Blue 3 by Artist 3' });
    expect(after).toBe(row);
    expect(document.activeElement).toBe(row);
    expect(row.getAttribute('aria-setsize')).toBe('100');
    expect(row.tabIndex).toBe(0);
  });
});

describe('scrolling', () => {
  it('renders at most once a frame, and only when another row comes first', async () => {
    let commits = 0;
    renderPopup({ getCatalog: () => answer(catalog()) }, () => commits++);
    await screen.findByRole('listitem', { name: 'Red 1 by Artist 1' });
    const scroller = document.querySelector('.track-scroller') as HTMLDivElement;
    // Favorites, the choice and notices arrive just after the list, and the rows below the view a
    // frame after the first paint: let them land first.
    await act(() => new Promise((resolve) => setTimeout(resolve, 100)));
    const inView = Math.ceil(window.innerHeight / ROW) + 1;
    await vi.waitFor(() =>
      expect(document.querySelectorAll('li[data-index]').length).toBeGreaterThan(inView),
    );
    vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'setTimeout'] });

    // Pixels within the first row: no render at all.
    commits = 0;
    for (const top of [5, 30, 60, 100]) {
      scroller.scrollTop = top;
      fireEvent.scroll(scroller);
    }
    await act(async () => vi.advanceTimersByTime(50));
    expect(commits).toBe(0);

    // A burst of events: nothing until the frame, then one render for the row finally in view.
    for (const top of [ROW * 10, ROW * 30, ROW * 50 + 7]) {
      scroller.scrollTop = top;
      fireEvent.scroll(scroller);
    }
    expect(screen.queryByRole('listitem', { name: 'Blue 51 by Artist 51' })).toBeNull();
    expect(commits).toBe(0);
    await act(async () => vi.advanceTimersByTime(50));
    // One update for the frame (React may redo it at once while mounting the new rows' store reads).
    expect(commits).toBeGreaterThanOrEqual(1);
    expect(commits).toBeLessThanOrEqual(2);
    expect(screen.getByRole('listitem', { name: 'Blue 51 by Artist 51' })).toBeTruthy();
    expect(screen.queryByRole('listitem', { name: 'Red 1 by Artist 1' })).toBeNull();
  });

  it('rows flung past wait with their covers until the list is still; a slow scroll shows them at once', async () => {
    renderPopup({ getCatalog: () => answer(catalog()) });
    await screen.findByRole('listitem', { name: 'Red 1 by Artist 1' });
    const scroller = document.querySelector('.track-scroller') as HTMLDivElement;
    await act(() => new Promise((resolve) => setTimeout(resolve, 100)));
    vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'setTimeout'] });
    const coverOf = (name: string) =>
      screen.getByRole('listitem', { name }).querySelector('img.cover')?.getAttribute('src') ?? null;
    const scrollTo = async (top: number) => {
      scroller.scrollTop = top;
      fireEvent.scroll(scroller);
      await act(async () => vi.advanceTimersByTime(16));
    };

    // Ten rows a frame: the rows that mount show a placeholder, and no cover request goes out.
    for (const row of [10, 20, 30, 40]) await scrollTo(ROW * row);
    expect(coverOf('Red 40 by Artist 40')).toBeNull();
    const mounted = Array.from(document.querySelectorAll('li[data-index]')).filter(
      (li) => Number(li.getAttribute('data-index')) >= 30,
    );
    expect(mounted.length).toBeGreaterThan(3);
    expect(mounted.filter((li) => li.querySelector('img.cover'))).toEqual([]);
    // Still for a moment: the covers come.
    await act(async () => vi.advanceTimersByTime(200));
    expect(coverOf('Red 40 by Artist 40')).toBe('https://cdn.example/cover.jpg');

    // One row a frame is reading speed: a row that comes into view has its cover at once.
    for (const row of [41, 42, 43]) await scrollTo(ROW * row);
    const last = Math.max(
      ...Array.from(document.querySelectorAll('li[data-index]'), (li) =>
        Number(li.getAttribute('data-index')),
      ),
    );
    const newest = document.querySelector(`li[data-index="${last}"]`) as HTMLElement;
    expect(newest.querySelector('img.cover')).not.toBeNull();
  });

  it('rows of a search still being typed wait with their covers until typing pauses', async () => {
    renderPopup({ getCatalog: () => answer(catalog()) });
    const first = await screen.findByRole('listitem', { name: 'Red 1 by Artist 1' });
    expect(first.querySelector('img.cover')).not.toBeNull();
    const search = screen.getByRole('searchbox', { name: 'Search tracks' });
    vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'setTimeout'] });
    for (const value of ['b', 'bl', 'blu']) {
      fireEvent.change(search, { target: { value } });
      await act(async () => vi.advanceTimersByTime(60));
    }
    // A row the unfiltered list had not rendered (one it had keeps the cover it showed).
    const row = screen.getByRole('listitem', { name: 'Blue 18 by Artist 18' });
    expect(row.querySelector('img.cover')).toBeNull();
    expect(
      screen.getByRole('listitem', { name: 'Blue 3 by Artist 3' }).querySelector('img.cover'),
    ).not.toBeNull();
    await act(async () => vi.advanceTimersByTime(200));
    expect(row.querySelector('img.cover')?.getAttribute('src')).toBe('https://cdn.example/cover.jpg');
  });

  it('a new search starts at the top in one render, without touching a list already there', async () => {
    let commits = 0;
    renderPopup({ getCatalog: () => answer(catalog()) }, () => commits++);
    const search = await screen.findByRole('searchbox', { name: 'Search tracks' });
    const scroller = document.querySelector('.track-scroller') as HTMLDivElement;
    const writes = vi.fn();
    Object.defineProperty(scroller, 'scrollTop', { get: () => 0, set: writes, configurable: true });
    commits = 0;
    fireEvent.change(search, { target: { value: 'blue' } });
    expect(commits).toBe(1);
    expect(writes).not.toHaveBeenCalled();
  });
});
