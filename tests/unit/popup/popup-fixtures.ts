/** Track builders and a fake background for the popup's unit and component tests. */
import { vi } from 'vitest';
import type { FinderDeps } from '../../../lib/popup/finder-deps';
import type { HistoryRow } from '../../../lib/popup/history';
import type { CatalogAnswer, CatalogPart, MessageType, Output } from '../../../lib/shared/protocol';
import type { ChosenTrack, Track } from '../../../lib/shared/track';
import { packAnswer } from '../../../lib/shared/wire';

// The finder loads these when first needed (the unpacking code with the first whole list, the row
// buttons' work after the first render, the preview controller with the first preview). Loaded
// here once, so that a test on fake timers never waits on the module loader, which they do not move.
await Promise.all([
  import('../../../lib/shared/unpack'),
  import('../../../lib/popup/row-actions'),
  import('../../../lib/popup/preview-actions'),
]);

let counter = 0;

/** A CML track with two clips (different ids) unless overridden. */
export function cmlTrack(overrides: Partial<Track> = {}): Track {
  counter++;
  const trendingId = `72${String(counter).padStart(17, '0')}`;
  const fullId = `68${String(counter).padStart(17, '0')}`;
  return {
    provider: 'bundle-social',
    id: trendingId,
    idKind: 'cml-song-clip',
    title: `Track ${counter}`,
    untitled: false,
    artist: `Artist ${counter}`,
    album: null,
    durationSec: 180,
    coverUrl: 'https://cdn.example/cover.jpg',
    previewUrl: `https://cdn.example/preview-${counter}.mp3`,
    previewExpiresAt: Date.now() + 3_600_000,
    genres: ['DANCE_POP'],
    rank: counter,
    rankHistory: [],
    userCount: null,
    language: null,
    cleared: true,
    clips: {
      trending: { id: trendingId, durationSec: 30, previewUrl: `https://cdn.example/trend-${counter}.mp3` },
      full: { id: fullId, durationSec: 180, previewUrl: `https://cdn.example/full-${counter}.mp3` },
    },
    ...overrides,
  };
}

export function layersTrack(overrides: Partial<Track> = {}): Track {
  counter++;
  return {
    provider: 'layers',
    id: `0b8f6c2e-1d3a-4c5b-9e7f-${String(counter).padStart(12, '0')}`,
    idKind: 'layers-track',
    title: `Layers ${counter}`,
    untitled: false,
    artist: `Maker ${counter}`,
    album: `Album ${counter}`,
    durationSec: 45,
    coverUrl: 'https://cdn.example/l.jpg',
    previewUrl: `https://cdn.example/l-${counter}.mp3`,
    previewExpiresAt: null,
    genres: [],
    rank: counter,
    rankHistory: [],
    userCount: 1000 - counter,
    language: 'en',
    cleared: true,
    clips: null,
    ...overrides,
  };
}

/** Daily ranks, oldest first, ending today (null = a day off the chart). */
export function history(
  ranks: (number | null)[],
  end = '2026-02-15',
): { date: string; rank: number | null }[] {
  const last = Date.parse(end);
  return ranks.map((rank, i) => ({
    date: new Date(last - (ranks.length - 1 - i) * 86_400_000).toISOString().slice(0, 10),
    rank,
  }));
}

export function part(overrides: Partial<CatalogPart> = {}): CatalogPart {
  return {
    provider: 'bundle-social',
    status: 'fresh',
    fetchedAt: Date.now(),
    dropped: 0,
    error: null,
    ...overrides,
  };
}

export function answer(tracks: Track[], parts: CatalogPart[] = [part()], offline = false): CatalogAnswer {
  return { tracks, parts, offline };
}

type Handlers = { [T in MessageType]?: (data: never) => Output<T> | Promise<Output<T>> };

/** A fake background: each message type answered by a handler; unknown types reject like the real one. */
export function fakeDeps(handlers: Handlers = {}, overrides: Partial<FinderDeps> = {}) {
  let chosen: ChosenTrack | null = null;
  const defaults: Handlers = {
    getCatalog: () => answer([]),
    getSettings: () => ({
      bundleSocialKey: null,
      layersKey: null,
      teamId: null,
      defaultGenre: 'POP',
      defaultRange: '7DAY',
      composerSites: [],
    }),
    getFavorites: () => [],
    takeNotices: () => [],
    getChosen: () => chosen,
  };
  const all = { ...defaults, ...handlers } as Record<string, (data: unknown) => unknown>;
  const send = vi.fn(async (type: string, data?: unknown) => {
    const handler = all[type];
    if (!handler) throw new Error(`Message "${type}" has no handler.`);
    const reply = await handler(data);
    // As the background does (lib/background/catalog/handlers.ts): the popup asks for packed tracks.
    const packed = (data as { packed?: boolean } | undefined)?.packed === true;
    return packed && (type === 'getCatalog' || type === 'refreshCatalog')
      ? packAnswer(reply as CatalogAnswer)
      : reply;
  });
  const clipboard: string[] = [];
  const deps: FinderDeps = {
    send: send as unknown as FinderDeps['send'],
    now: () => Date.now(),
    writeClipboard: async (text) => {
      clipboard.push(text);
    },
    openOptions: vi.fn(),
    memory: null,
    setTimeout: (run, ms) => setTimeout(run, ms),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    download: vi.fn(),
    ...overrides,
  };
  return {
    deps,
    send,
    clipboard,
    setChosen: (value: ChosenTrack | null) => {
      chosen = value;
    },
  };
}

/** One usage-record entry as the History view gets it: a CML fill into composer.test at `at`. */
export function historyRow(at: number, overrides: Partial<HistoryRow> = {}): HistoryRow {
  return {
    at,
    provider: 'bundle-social',
    id: '7300000000000000001',
    idKind: 'cml-song-clip',
    clip: 'trending',
    title: 'Café Nights',
    artist: 'Zoë',
    cleared: true,
    genre: 'DANCE_POP',
    range: '7DAY',
    rank: 3,
    site: 'composer.test',
    verified: null,
    ...overrides,
  };
}
