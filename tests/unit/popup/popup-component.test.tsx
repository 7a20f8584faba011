// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Popup } from '../../../components/popup/Popup';
import { createFinderApp, FinderContext } from '../../../lib/popup/finder-app';
import type { CatalogAnswer } from '../../../lib/shared/protocol';
import { answer, cmlTrack, fakeDeps, history, layersTrack, part } from './popup-fixtures';

const tracks = [
  cmlTrack({ title: 'Café Nights', artist: 'Zoë', rank: 1, rankHistory: history([9, 5, 1]) }),
  cmlTrack({ title: 'Dance Floor', artist: 'Rüfüs', rank: 2 }),
  layersTrack({ title: 'Hola', artist: 'Sol', language: 'es', cleared: false }),
];

function renderPopup(catalog: CatalogAnswer = answer(tracks), handlers: Parameters<typeof fakeDeps>[0] = {}) {
  const fake = fakeDeps({
    getCatalog: () => catalog,
    useTrack: () => ({ filledInto: null, message: 'Chosen — open a composer to fill it' }),
    ...handlers,
  });
  const app = createFinderApp(fake.deps);
  render(
    <FinderContext value={app}>
      <Popup />
    </FinderContext>,
  );
  return { ...fake, app };
}

beforeEach(() => {
  vi.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue(undefined);
  vi.spyOn(HTMLMediaElement.prototype, 'pause').mockImplementation(() => {});
});
afterEach(cleanup);

describe('popup', () => {
  it('lists the cached tracks with their controls, named for screen readers', async () => {
    renderPopup();
    const row = await screen.findByRole('listitem', { name: 'Café Nights by Zoë' });
    for (const name of [
      'Preview Café Nights',
      'Use Café Nights',
      'Copy ID of Café Nights',
      'Favorite Café Nights',
    ]) {
      expect(within(row).getByRole('button', { name })).toBeTruthy();
    }
    expect(within(row).getByRole('img', { name: 'Rank trend: up 8 places in 2 days' })).toBeTruthy();
    expect(within(row).getByText('Cleared')).toBeTruthy();
    expect(within(row).getByText('Dance Pop')).toBeTruthy();
    expect(within(row).getByRole('combobox', { name: 'Clip for Café Nights' })).toBeTruthy();
    expect(screen.getByText('3 tracks')).toBeTruthy();
  });

  it('offers the controls by their names', async () => {
    renderPopup();
    await screen.findByRole('listitem', { name: /Café Nights/ });
    expect(screen.getByRole('searchbox', { name: 'Search tracks' })).toBeTruthy();
    const genre = screen.getByRole('combobox', { name: 'Genre' }) as HTMLSelectElement;
    expect(genre.options).toHaveLength(43);
    expect([...genre.options].some((o) => o.value === 'R&B/SOUL' && o.text === 'R&B / Soul')).toBe(true);
    const source = screen.getByRole('combobox', { name: 'Source' }) as HTMLSelectElement;
    expect([...source.options].map((o) => o.text)).toEqual(['All', 'bundle.social', 'Layers']);
    const range = screen.getByRole('combobox', { name: 'Date range' }) as HTMLSelectElement;
    expect([...range.options].map((o) => o.text)).toEqual(['1 day', '7 days', '30 days']);
    expect(screen.getByRole('combobox', { name: 'Sort' })).toBeTruthy();
  });

  it('filters on every keystroke and says which filter emptied the list', async () => {
    renderPopup();
    const search = await screen.findByRole('searchbox', { name: 'Search tracks' });
    fireEvent.change(search, { target: { value: 'cafe zoe' } });
    expect(screen.getAllByRole('listitem').map((li) => li.getAttribute('aria-label'))).toEqual([
      'Café Nights by Zoë',
    ]);
    fireEvent.change(search, { target: { value: 'nothing like this' } });
    expect(await screen.findByText('No track matches “nothing like this”.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Clear search' }));
    expect(screen.getAllByRole('listitem')).toHaveLength(3);
  });

  it('filters by language and clearance from the filter panel', async () => {
    renderPopup();
    fireEvent.click(await screen.findByRole('button', { name: 'Filters' }));
    fireEvent.change(await screen.findByRole('combobox', { name: 'Language' }), { target: { value: 'es' } });
    expect(screen.getAllByRole('listitem').map((li) => li.getAttribute('aria-label'))).toEqual([
      'Hola by Sol',
    ]);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Cleared for business only' }));
    expect(await screen.findByText('No matching track is cleared for business use.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Filters (2)' })).toBeTruthy();
  });

  it('is a welcome panel with the way to settings on first run', async () => {
    const notConnected = (provider: 'bundle-social' | 'layers') =>
      part({
        provider,
        status: 'error',
        fetchedAt: null,
        error: {
          kind: 'not-configured',
          provider,
          message: 'Not connected.',
          status: null,
          requestId: null,
          retryAt: null,
          action: 'open-settings',
        },
      });
    const { deps } = renderPopup(answer([], [notConnected('bundle-social'), notConnected('layers')]));
    await screen.findByRole('heading', { name: 'Connect a provider to see trending tracks' });
    expect(screen.queryByRole('searchbox')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Open settings' }));
    expect(deps.openOptions).toHaveBeenCalled();
  });

  it("shows a provider's error with its fix and keeps the cached tracks", async () => {
    const failing = part({
      status: 'error',
      fetchedAt: Date.now() - 3 * 3_600_000,
      error: {
        kind: 'server',
        provider: 'bundle-social',
        message: 'bundle.social is having trouble (500). Try again in a minute.',
        status: 500,
        requestId: null,
        retryAt: null,
        action: 'retry',
      },
    });
    const { send } = renderPopup(answer(tracks, [failing]), { refreshCatalog: () => answer(tracks) });
    expect(
      await screen.findByText('bundle.social is having trouble (500). Try again in a minute.'),
    ).toBeTruthy();
    expect(screen.getByText('Updated 3 hr. ago')).toBeTruthy();
    expect(screen.getAllByRole('listitem')).toHaveLength(3);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Retry' })));
    expect(send).toHaveBeenCalledWith('refreshCatalog', {
      source: 'all',
      genre: 'POP',
      range: '7DAY',
      packed: true,
    });
  });

  it('walks by keyboard: / to search, ↓ into the list, arrows, Space previews, Enter uses, Escape clears', async () => {
    const { send } = renderPopup();
    await screen.findByRole('listitem', { name: /Café Nights/ });
    fireEvent.keyDown(document.body, { key: '/' });
    const search = screen.getByRole('searchbox', { name: 'Search tracks' });
    expect(document.activeElement).toBe(search);
    fireEvent.change(search, { target: { value: 'x' } });
    fireEvent.keyDown(search, { key: 'Escape' });
    expect((search as HTMLInputElement).value).toBe('');

    fireEvent.keyDown(search, { key: 'ArrowDown' });
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Café Nights by Zoë');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    await vi.waitFor(() =>
      expect(document.activeElement?.getAttribute('aria-label')).toBe('Dance Floor by Rüfüs'),
    );

    await act(async () => fireEvent.keyDown(document.activeElement!, { key: ' ' }));
    // The preview controller loads with the first preview (lib/popup/finder-app.ts).
    await vi.waitFor(() =>
      expect(screen.getByRole('button', { name: 'Preview Dance Floor' }).getAttribute('aria-pressed')).toBe(
        'true',
      ),
    );
    expect(screen.getByTestId('preview-audio').getAttribute('src')).toBe(
      tracks[1]!.clips!.trending!.previewUrl,
    );

    await act(async () => fireEvent.keyDown(document.activeElement!, { key: 'Enter' }));
    await vi.waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Chosen — open a composer to fill it'),
    );
    expect(send).toHaveBeenCalledWith('useTrack', {
      track: tracks[1],
      clip: 'trending',
      from: expect.objectContaining({ range: '7DAY' }),
    });
  });

  it('renders only the rows in view when thousands are cached', async () => {
    renderPopup(answer(Array.from({ length: 5000 }, () => cmlTrack())));
    await screen.findByText('5,000 tracks');
    expect(screen.getAllByRole('listitem').length).toBeLessThan(20);
  });

  it('shows pending notices once, dismissibly', async () => {
    renderPopup(answer(tracks), {
      takeNotices: () => ['Your stored favorites could not be read and was reset.'],
    });
    expect(await screen.findByText('Your stored favorites could not be read and was reset.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByText(/could not be read/)).toBeNull();
  });

  it('builds a payload for the row in a dialog', async () => {
    renderPopup();
    const row = await screen.findByRole('listitem', { name: /Dance Floor/ });
    fireEvent.click(within(row).getByRole('button', { name: 'Copy payload for Dance Floor' }));
    const json = await screen.findByTestId('payload-json');
    expect(JSON.parse(json.textContent ?? '')).toEqual({
      data: {
        TIKTOK: {
          type: 'VIDEO',
          musicSoundInfo: {
            musicSoundId: tracks[1]!.clips!.trending!.id,
            musicSoundVolume: 50,
            videoOriginalSoundVolume: 50,
          },
        },
      },
    });
    fireEvent.click(screen.getByRole('radio', { name: 'Photo' }));
    expect(screen.queryByRole('spinbutton', { name: 'Music volume (0–100)' })).toBeNull();
    expect(
      JSON.parse(screen.getByTestId('payload-json').textContent ?? '').data.TIKTOK.musicSoundInfo,
    ).toEqual({
      musicSoundId: tracks[1]!.clips!.trending!.id,
    });
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByTestId('payload-json')).toBeNull();
  });
});
