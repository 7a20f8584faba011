import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFinderApp } from '../../../lib/popup/finder-app';
import type { AudioLike } from '../../../lib/popup/preview-actions';
import type { ChosenTrack } from '../../../lib/shared/track';
import { answer, cmlTrack, fakeDeps, layersTrack, part } from './popup-fixtures';

function fakeAudio(playResult: () => Promise<void> = async () => {}) {
  const listeners: Record<string, (() => void)[]> = {};
  const audio: AudioLike & { fire(type: string): void; played: string[] } = {
    src: '',
    played: [],
    play: vi.fn(async () => {
      audio.played.push(audio.src);
      await playResult();
    }),
    pause: vi.fn(),
    addEventListener: (type, listener) => {
      listeners[type] = [...(listeners[type] ?? []), listener];
    },
    removeEventListener: () => {},
    fire: (type) => {
      for (const listener of listeners[type] ?? []) listener();
    },
  };
  return audio;
}

describe('opening the popup', () => {
  it('asks for the catalog at once with the remembered defaults, then follows settings', async () => {
    const memory = new Map([['cleartune:defaults', JSON.stringify({ genre: 'DANCE_POP', range: '1DAY' })]]);
    const { deps, send } = fakeDeps(
      {
        getSettings: () => ({
          bundleSocialKey: '••••1234',
          layersKey: null,
          teamId: 't',
          defaultGenre: 'DANCE_POP',
          defaultRange: '30DAY',
          composerSites: [],
        }),
      },
      { memory: { getItem: (k) => memory.get(k) ?? null, setItem: (k, v) => void memory.set(k, v) } },
    );
    const app = createFinderApp(deps);
    await app.catalog.open();
    const catalogCalls = send.mock.calls.filter(([type]) => type === 'getCatalog').map(([, data]) => data);
    expect(catalogCalls).toEqual([
      { source: 'all', genre: 'DANCE_POP', range: '1DAY', limit: 40 },
      { source: 'all', genre: 'DANCE_POP', range: '30DAY', limit: 40 },
    ]);
    expect(JSON.parse(memory.get('cleartune:defaults') ?? '')).toEqual({
      genre: 'DANCE_POP',
      range: '30DAY',
    });
  });

  it('keeps a genre the user already picked when settings arrive late', async () => {
    let releaseSettings: () => void = () => {};
    const settingsGate = new Promise<void>((resolve) => {
      releaseSettings = resolve;
    });
    const { deps } = fakeDeps({
      getSettings: async () => {
        await settingsGate;
        return {
          bundleSocialKey: null,
          layersKey: null,
          teamId: null,
          defaultGenre: 'ROCK',
          defaultRange: '7DAY',
          composerSites: [],
        };
      },
    });
    const app = createFinderApp(deps);
    const opening = app.catalog.open();
    await app.catalog.setQuery({ genre: 'DANCE_POP' });
    releaseSettings();
    await opening;
    expect(app.store.getState().query.genre).toBe('DANCE_POP');
  });

  describe('while the background refreshes', () => {
    beforeEach(() => vi.useFakeTimers());
    afterEach(() => vi.useRealTimers());

    it('asks again until the refresh is done', async () => {
      const answers = [
        answer([cmlTrack()], [part({ status: 'refreshing' })]),
        answer([cmlTrack(), cmlTrack()], [part({ status: 'fresh' })]),
      ];
      const { deps, send } = fakeDeps({ getCatalog: () => answers.shift() ?? answer([]) });
      const app = createFinderApp(deps);
      await app.catalog.open();
      expect(app.store.getState().index.entries).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(1600);
      expect(app.store.getState().index.entries).toHaveLength(2);
      await vi.advanceTimersByTimeAsync(5000);
      expect(send.mock.calls.filter(([type]) => type === 'getCatalog')).toHaveLength(2);
    });
  });

  it('shows why when the background does not answer', async () => {
    const { deps } = fakeDeps({
      getCatalog: () => {
        throw new Error('Message "getCatalog" has no handler.');
      },
    });
    const app = createFinderApp(deps);
    await app.catalog.open();
    expect(app.store.getState().loadError).toBe('Message "getCatalog" has no handler.');
    expect(app.store.getState().loading).toBe(false);
  });
});

describe('row actions', () => {
  const first = cmlTrack({ title: 'First' });
  const second = cmlTrack({ title: 'Second' });

  async function openWith(handlers: Parameters<typeof fakeDeps>[0] = {}) {
    const fake = fakeDeps({ getCatalog: () => answer([first, second]), ...handlers });
    const app = createFinderApp(fake.deps);
    await app.catalog.open();
    const entry = (title: string) => app.store.getState().index.entries.find((e) => e.track.title === title)!;
    return { ...fake, app, entry };
  }

  it('Use sends the track and the chosen clip, says what happened, and offers to undo a replaced choice', async () => {
    let chosen: ChosenTrack | null = null;
    const { app, entry, send } = await openWith({
      useTrack: (data: never) => {
        const { track, clip } = data as { track: typeof first; clip: 'trending' | 'full' };
        const id = track.clips?.[clip]?.id ?? track.id;
        chosen = {
          provider: track.provider,
          id,
          idKind: track.idKind,
          title: track.title,
          artist: track.artist,
          clip,
          durationSec: 30,
          cleared: true,
          chosenAt: 1,
        };
        return { filledInto: 'TikTok Studio', message: 'Filled into TikTok Studio' };
      },
      getChosen: () => chosen,
    });
    app.tracks.setClip(entry('Second'), 'full');
    await app.tracks.use(entry('Second'));
    expect(send).toHaveBeenCalledWith('useTrack', {
      track: second,
      clip: 'full',
      from: { genre: 'POP', range: '7DAY' },
    });
    expect(app.store.getState().status?.text).toBe('Filled into TikTok Studio');
    expect(app.store.getState().chosen?.id).toBe(second.clips!.full!.id);
    expect(app.store.getState().status?.undo).toBeNull();

    await app.tracks.use(entry('First'));
    expect(app.store.getState().chosen?.id).toBe(first.clips!.trending!.id);
    app.store.getState().status?.undo?.();
    await vi.waitFor(() => expect(app.store.getState().chosen?.id).toBe(second.clips!.full!.id));
  });

  it('Copy ID copies the selected clip id, exactly, and shows Copied', async () => {
    const { app, entry, clipboard } = await openWith();
    await app.tracks.copyId(entry('First'));
    app.tracks.setClip(entry('First'), 'full');
    await app.tracks.copyId(entry('First'));
    expect(clipboard).toEqual([first.clips!.trending!.id, first.clips!.full!.id]);
    expect(clipboard[0]).toMatch(/^\d{19}$/);
    expect(app.store.getState().copiedKey).toBe(entry('First').key);
  });

  it('removing a favorite can be undone', async () => {
    let favorites: string[] = [`bundle-social:${first.id}`];
    const { app, entry } = await openWith({
      getFavorites: () => favorites,
      toggleFavorite: (data: never) => {
        const { key } = data as { key: string };
        favorites = favorites.includes(key) ? favorites.filter((k) => k !== key) : [...favorites, key];
        return favorites;
      },
    });
    await app.tracks.loadPersonal();
    await app.tracks.toggleFavorite(entry('First'));
    expect(app.store.getState().favorites.has(entry('First').key)).toBe(false);
    expect(app.store.getState().status?.text).toBe('Removed First from favorites');
    app.store.getState().status?.undo?.();
    await vi.waitFor(() => expect(app.store.getState().favorites.has(entry('First').key)).toBe(true));
  });
});

describe('preview', () => {
  it('plays one track at a time through the shared audio element', async () => {
    const a = cmlTrack({ title: 'A' });
    const b = layersTrack({ title: 'B' });
    const { deps } = fakeDeps({ getCatalog: () => answer([a, b]) });
    const app = createFinderApp(deps);
    await app.catalog.open();
    const audio = fakeAudio();
    app.preview.attach(audio);
    const [ea, eb] = app.store.getState().index.entries;
    await app.preview.toggle(ea!);
    expect(audio.src).toBe(a.clips!.trending!.previewUrl);
    expect(app.store.getState().preview).toEqual({ key: ea!.key, playing: true, loading: false });
    await app.preview.toggle(eb!);
    expect(audio.src).toBe(b.previewUrl);
    expect(app.store.getState().preview.key).toBe(eb!.key);
    await app.preview.toggle(eb!);
    expect(audio.pause).toHaveBeenCalled();
    expect(app.store.getState().preview.playing).toBe(false);
  });

  it('refreshes an expired CML preview first, then plays the fresh URL', async () => {
    const stale = cmlTrack({ title: 'Old', previewExpiresAt: Date.now() - 1 });
    const fresh = {
      ...stale,
      previewExpiresAt: Date.now() + 6 * 3_600_000,
      clips: {
        ...stale.clips!,
        trending: { ...stale.clips!.trending!, previewUrl: 'https://cdn.example/fresh.mp3' },
      },
    };
    const { deps, send } = fakeDeps({
      getCatalog: () => answer([stale]),
      refreshCatalog: () => answer([fresh]),
    });
    const app = createFinderApp(deps);
    await app.catalog.open();
    const audio = fakeAudio();
    app.preview.attach(audio);
    await app.preview.toggle(app.store.getState().index.entries[0]!);
    expect(send.mock.calls.some(([type]) => type === 'refreshCatalog')).toBe(true);
    expect(audio.played).toEqual(['https://cdn.example/fresh.mp3']);
    expect(app.store.getState().preview.playing).toBe(true);
  });

  it('says so when a preview cannot play', async () => {
    const track = cmlTrack({ title: 'Broken' });
    const { deps } = fakeDeps({ getCatalog: () => answer([track]) });
    const app = createFinderApp(deps);
    await app.catalog.open();
    const audio = fakeAudio(() => Promise.reject(new DOMException('no source', 'NotSupportedError')));
    app.preview.attach(audio);
    await app.preview.toggle(app.store.getState().index.entries[0]!);
    expect(app.store.getState().status?.text).toBe('Preview unavailable for Broken');
    expect(app.store.getState().preview.key).toBeNull();
  });

  it('says so when the audio fails after it started', async () => {
    const track = cmlTrack({ title: 'Dropped' });
    const { deps } = fakeDeps({ getCatalog: () => answer([track]) });
    const app = createFinderApp(deps);
    await app.catalog.open();
    const audio = fakeAudio();
    app.preview.attach(audio);
    await app.preview.toggle(app.store.getState().index.entries[0]!);
    audio.fire('error');
    expect(app.store.getState().status?.text).toBe('Preview unavailable for Dropped');
  });
});
