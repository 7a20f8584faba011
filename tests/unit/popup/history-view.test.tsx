// @vitest-environment jsdom
/**
 * The History view in the finder, as a person uses it: opened from the header and closed again
 * (Back, Escape), entries by day with what was used where, search and filters, "Use again", Clear
 * with Undo giving everything back, export, long records a page at a time, loading and error states.
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Popup } from '../../../components/popup/Popup';
import { createFinderApp, FinderContext } from '../../../lib/popup/finder-app';
import type { HistoryRow } from '../../../lib/popup/history';
import { answer, cmlTrack, fakeDeps, historyRow } from './popup-fixtures';

// Noon local time, so a day back is yesterday whatever the zone and its daylight saving.
const NOW = new Date(2026, 2, 4, 12).getTime();
const DAY = 86_400_000;
const listed = cmlTrack({ title: 'In the list', artist: 'Listed' });

const row = (overrides: Partial<HistoryRow> = {}): HistoryRow => historyRow(NOW, overrides);

const RECORD: HistoryRow[] = [
  row({ at: NOW - 60_000 }),
  row({
    at: NOW - 120_000,
    provider: 'layers',
    id: '0b8f6c2e-1d3a-4c5b-9e7f-000000000042',
    idKind: 'layers-track',
    clip: null,
    title: 'Hola',
    artist: 'Sol',
    genre: null,
    range: null,
    rank: null,
    site: 'TikTok Studio',
    verified: true,
  }),
  row({
    at: NOW - DAY,
    id: listed.clips?.full?.id ?? '',
    clip: 'full',
    title: listed.title,
    artist: listed.artist,
    site: 'buffer.test',
  }),
];

/** The popup over a fake background that keeps the record as the real one does. */
function renderPopup(initial: HistoryRow[] = RECORD, handlers: Parameters<typeof fakeDeps>[0] = {}) {
  let record = [...initial];
  const fake = fakeDeps(
    {
      getCatalog: () => answer([listed]),
      getFavorites: () => ['layers:0b8f6c2e-1d3a-4c5b-9e7f-000000000042'],
      useTrack: () => ({ filledInto: 'composer.test', message: 'Filled into composer.test' }),
      getUsage: () => record,
      clearUsage: () => {
        const removed = record;
        record = [];
        return removed;
      },
      restoreUsage: (({ rows }: { rows: HistoryRow[] }) => {
        record = [...record, ...rows].sort((a, b) => b.at - a.at);
        return record;
      }) as never,
      ...handlers,
    },
    { now: () => NOW },
  );
  const app = createFinderApp(fake.deps);
  render(
    <FinderContext value={app}>
      <Popup />
    </FinderContext>,
  );
  return {
    ...fake,
    app,
    record: () => record,
    add: (more: HistoryRow) => {
      record = [more, ...record];
    },
  };
}

async function openHistory() {
  fireEvent.click(await screen.findByRole('button', { name: 'History' }));
  return screen.findByRole('region', { name: 'History' });
}

const titles = () =>
  screen.queryAllByRole('listitem').map((item) => item.querySelector('.title')?.textContent);

afterEach(cleanup);

describe('opening and closing', () => {
  it('switches the main area to the history and back, the header button saying which shows', async () => {
    renderPopup();
    await screen.findByRole('listitem', { name: /In the list/ });
    const button = screen.getByRole('button', { name: 'History' });
    expect(button.getAttribute('aria-pressed')).toBe('false');
    await openHistory();
    expect(button.getAttribute('aria-pressed')).toBe('true');
    expect(screen.queryByRole('searchbox', { name: 'Search tracks' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Back to tracks' }));
    expect(screen.queryByRole('region', { name: 'History' })).toBeNull();
    expect(await screen.findByRole('searchbox', { name: 'Search tracks' })).toBeTruthy();
    expect(document.activeElement).toBe(button);
    // The header button switches back too.
    await openHistory();
    fireEvent.click(button);
    expect(screen.queryByRole('region', { name: 'History' })).toBeNull();
  });

  it('Escape clears the search first, then goes back to the tracks', async () => {
    renderPopup();
    await openHistory();
    const search = await screen.findByRole('searchbox', { name: 'Search history' });
    fireEvent.change(search, { target: { value: 'hola' } });
    fireEvent.keyDown(search, { key: 'Escape' });
    expect((search as HTMLInputElement).value).toBe('');
    expect(screen.getByRole('region', { name: 'History' })).toBeTruthy();
    fireEvent.keyDown(search, { key: 'Escape' });
    expect(screen.queryByRole('region', { name: 'History' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'History' }));
  });

  it('"/" jumps to the history search while History shows, and to the tracks search after', async () => {
    renderPopup();
    await openHistory();
    const search = await screen.findByRole('searchbox', { name: 'Search history' });
    fireEvent.keyDown(document.body, { key: '/' });
    expect(document.activeElement).toBe(search);
    fireEvent.click(screen.getByRole('button', { name: 'History' }));
    const tracks = await screen.findByRole('searchbox', { name: 'Search tracks' });
    fireEvent.keyDown(document.body, { key: '/' });
    expect(document.activeElement).toBe(tracks);
  });

  it('reads the record afresh each time it opens', async () => {
    const { add, send } = renderPopup();
    await openHistory();
    await screen.findByText('Hola');
    fireEvent.click(screen.getByRole('button', { name: 'Back to tracks' }));
    add(row({ at: NOW, title: 'Just used' }));
    await openHistory();
    expect(await screen.findByText('Just used')).toBeTruthy();
    expect(send.mock.calls.filter(([type]) => type === 'getUsage')).toHaveLength(2);
  });
});

describe('the entries', () => {
  it('come by day, each with time, title, artist, provider, site, clip, verification and standing', async () => {
    renderPopup();
    const view = await openHistory();
    const [today, yesterday] = await within(view).findAllByRole('region');
    expect(within(today!).getByRole('heading').textContent).toBe('Today');
    expect(within(yesterday!).getByRole('heading').textContent).toBe('Yesterday');
    const [cafe, hola] = within(today!).getAllByRole('listitem');
    expect(cafe!.textContent).toContain('Café Nights');
    expect(cafe!.textContent).toContain('Zoë');
    expect(cafe!.querySelector('time')?.getAttribute('datetime')).toBe(new Date(NOW - 60_000).toISOString());
    expect(cafe!.querySelector('.history-meta')?.textContent).toMatch(
      /^\d{1,2}:\d{2}.* · bundle\.social · composer\.test · trending clip$/,
    );
    expect(within(cafe!).getByText('Was #3 in Dance Pop, 7 days')).toBeTruthy();
    expect(within(hola!).getByText('✓ verified')).toBeTruthy();
    expect(hola!.textContent).toContain('Layers · TikTok Studio');
    expect(within(yesterday!).getByText(/buffer\.test · full clip/)).toBeTruthy();
    expect(screen.getByText('3 entries')).toBeTruthy();
  });

  it('shows page text as text', async () => {
    renderPopup([row({ title: '<img src=x onerror="alert(1)">', artist: '<b>bold</b>' })]);
    const view = await openHistory();
    expect(await within(view).findByText('<img src=x onerror="alert(1)">')).toBeTruthy();
    expect(within(view).getByText('<b>bold</b>')).toBeTruthy();
    expect(view.querySelector('img, b')).toBeNull();
  });

  it('say so when there are none, while loading, and when the record cannot be read', async () => {
    let fail = true;
    let resolve: (rows: HistoryRow[]) => void = () => {};
    renderPopup([], {
      getUsage: () => {
        if (fail) throw new Error('The background did not answer');
        return new Promise<HistoryRow[]>((done) => {
          resolve = done;
        });
      },
    });
    const view = await openHistory();
    expect(await within(view).findByRole('alert')).toBeTruthy();
    expect(within(view).getByRole('alert').textContent).toContain('The background did not answer');
    fail = false;
    fireEvent.click(within(view).getByRole('button', { name: 'Try again' }));
    expect(await within(view).findByText('Loading history…')).toBeTruthy();
    await act(async () => resolve([]));
    expect(within(view).getByText('Nothing used yet. Tracks you Use appear here.')).toBeTruthy();
    expect(within(view).queryByRole('button', { name: 'Clear history' })).toBeNull();
    // Favorites can be exported with an empty record.
    expect(within(view).getByRole('button', { name: 'Export favorites as CSV' })).toBeTruthy();
  });
});

describe('search and filters', () => {
  it('search title, artist, id and site, folded; the site and provider menus come from the record', async () => {
    renderPopup();
    await openHistory();
    const search = await screen.findByRole('searchbox', { name: 'Search history' });
    fireEvent.change(search, { target: { value: 'CAFE zoe' } });
    expect(titles()).toEqual(['Café Nights']);
    expect(screen.getByText('1 of 3 entries')).toBeTruthy();
    fireEvent.change(search, { target: { value: '000000000042' } });
    expect(titles()).toEqual(['Hola']);
    fireEvent.change(search, { target: { value: '' } });

    const site = screen.getByRole('combobox', { name: 'Site' }) as HTMLSelectElement;
    expect([...site.options].map((o) => o.text)).toEqual([
      'All sites',
      'buffer.test',
      'composer.test',
      'TikTok Studio',
    ]);
    fireEvent.change(site, { target: { value: 'TikTok Studio' } });
    expect(titles()).toEqual(['Hola']);
    fireEvent.change(site, { target: { value: '' } });
    const provider = screen.getByRole('combobox', { name: 'Provider' }) as HTMLSelectElement;
    expect([...provider.options].map((o) => o.text)).toEqual(['All providers', 'bundle.social', 'Layers']);
    fireEvent.change(provider, { target: { value: 'bundle-social' } });
    expect(titles()).toEqual(['Café Nights', 'In the list']);
    fireEvent.change(search, { target: { value: 'hola' } });
    expect(screen.getByText('No entry matches these filters.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show all entries' }));
    expect(titles()).toHaveLength(3);
  });

  it('renders a long record 200 entries at a time', async () => {
    renderPopup(Array.from({ length: 450 }, (_, i) => row({ at: NOW - i * 1000, title: `Track ${i}` })));
    await openHistory();
    await screen.findByText('Track 0');
    expect(titles()).toHaveLength(200);
    fireEvent.click(screen.getByRole('button', { name: 'Show more (250 left)' }));
    expect(titles()).toHaveLength(400);
    fireEvent.click(screen.getByRole('button', { name: 'Show more (50 left)' }));
    expect(titles()).toHaveLength(450);
    expect(screen.queryByRole('button', { name: /Show more/ })).toBeNull();
  });
});

describe('Use again', () => {
  it('sends the catalog’s own track and clip when the list holds it, found where it was found then', async () => {
    const { send } = renderPopup();
    await screen.findByRole('listitem', { name: /In the list/ });
    await openHistory();
    await act(async () =>
      fireEvent.click(await screen.findByRole('button', { name: 'Use again: In the list' })),
    );
    expect(send).toHaveBeenCalledWith('useTrack', {
      track: listed,
      clip: 'full',
      // The entry's genre and range (Dance Pop), not the list on screen (Pop).
      from: { genre: 'DANCE_POP', range: '7DAY' },
    });
    expect(screen.getByRole('status').textContent).toBe('Filled into composer.test');
  });

  it('rebuilds a track the list does not hold, with the id and clip that were used', async () => {
    const { send } = renderPopup();
    await openHistory();
    await act(async () =>
      fireEvent.click(await screen.findByRole('button', { name: 'Use again: Café Nights' })),
    );
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Use again: Hola' })));
    const sent = send.mock.calls.filter(([type]) => type === 'useTrack').map(([, data]) => data);
    expect(sent).toMatchObject([
      {
        track: {
          provider: 'bundle-social',
          id: '7300000000000000001',
          title: 'Café Nights',
          clips: { trending: { id: '7300000000000000001' }, full: null },
        },
        clip: 'trending',
      },
      {
        track: { provider: 'layers', id: '0b8f6c2e-1d3a-4c5b-9e7f-000000000042', clips: null },
        clip: null,
      },
    ]);
  });
});

describe('Clear history', () => {
  it('empties the record, and Undo brings every entry back', async () => {
    const { record, send } = renderPopup();
    const view = await openHistory();
    await screen.findByText('Hola');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Clear history' })));
    expect(record()).toEqual([]);
    expect(within(view).getByText('Nothing used yet. Tracks you Use appear here.')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Cleared the history (3 entries)');
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'History' }));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Undo' })));
    expect(send).toHaveBeenCalledWith('restoreUsage', { rows: RECORD });
    expect(record()).toEqual(RECORD);
    expect(titles()).toEqual(['Café Nights', 'Hola', 'In the list']);
    expect(screen.getByRole('status').textContent).toBe('History restored (3 entries)');
  });

  it('says so when the clear fails, and keeps the entries', async () => {
    renderPopup(RECORD, {
      clearUsage: () => {
        throw new Error('Storage is full');
      },
    });
    await openHistory();
    await screen.findByText('Hola');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Clear history' })));
    expect(screen.getByRole('status').textContent).toBe('Could not clear the history: Storage is full');
    expect(titles()).toHaveLength(3);
  });
});

describe('Export', () => {
  it('downloads the whole record and the favorites as CSV and JSON', async () => {
    const { deps } = renderPopup();
    await openHistory();
    await screen.findByText('Hola');
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search history' }), {
      target: { value: 'hola' },
    });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Export history as CSV' })));
    const download = vi.mocked(deps.download);
    const [fileName, text, mime] = download.mock.calls[0]!;
    expect(fileName).toBe(`cleartune-usage-${new Date(NOW).toISOString().slice(0, 10)}.csv`);
    expect(mime).toBe('text/csv;charset=utf-8');
    const lines = text.slice(1).trim().split('\r\n');
    // The whole record, not only what the search shows; ids kept as text.
    expect(lines.slice(1).map((line) => line.split(',')[2])).toEqual([
      '"=""7300000000000000001"""',
      '0b8f6c2e-1d3a-4c5b-9e7f-000000000042',
      `"=""${listed.clips?.full?.id}"""`,
    ]);
    expect(screen.getByRole('status').textContent).toBe('Exported 3 entries as CSV.');

    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Export favorites as JSON' })));
    const [favoritesName, favoritesText, favoritesMime] = download.mock.calls[1]!;
    expect(favoritesName).toMatch(/^cleartune-favorites-\d{4}-\d{2}-\d{2}\.json$/);
    expect(favoritesMime).toBe('application/json');
    expect(JSON.parse(favoritesText)).toEqual({
      format: 'cleartune-favorites',
      version: 1,
      favorites: ['layers:0b8f6c2e-1d3a-4c5b-9e7f-000000000042'],
    });
    expect(screen.getByRole('status').textContent).toBe('Exported 1 favorite as JSON.');
  });
});
