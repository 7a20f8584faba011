import { describe, expect, it } from 'vitest';
import { createFinderApp } from '../../../lib/popup/finder-app';
import type { CatalogAnswer } from '../../../lib/shared/protocol';
import { answer, cmlTrack, fakeDeps, part } from './popup-fixtures';

const KEY = 'cleartune:first-screen';
const HOUR = 3_600_000;
const NOW = Date.parse('2026-11-23T12:00:00Z');

function memoryOf(entries: Record<string, string> = {}) {
  const map = new Map(Object.entries(entries));
  return {
    map,
    memory: {
      getItem: (k: string) => map.get(k) ?? null,
      setItem: (k: string, v: string) => void map.set(k, v),
    },
  };
}

/** A background whose getCatalog answers only when released; the popup's open is started, not awaited. */
function heldBackground(live: CatalogAnswer) {
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  return {
    release: () => release(),
    getCatalog: async () => {
      await gate;
      return live;
    },
  };
}

const remembered = (overrides: Record<string, unknown> = {}) =>
  JSON.stringify({
    v: 1,
    savedAt: NOW - HOUR,
    query: { source: 'all', genre: 'POP', range: '7DAY' },
    answer: answer([cmlTrack({ title: 'Remembered' })]),
    ...overrides,
  });

function openWith(stored: string | null, live = answer([cmlTrack({ title: 'Live' })])) {
  const { map, memory } = memoryOf(stored === null ? {} : { [KEY]: stored });
  const background = heldBackground(live);
  const { deps } = fakeDeps({ getCatalog: background.getCatalog }, { memory, now: () => NOW });
  const app = createFinderApp(deps);
  const opening = app.catalog.open();
  const titles = () => app.store.getState().index.entries.map((entry) => entry.track.title);
  return { app, map, background, opening, titles };
}

describe('the first screen remembered from the last popup', () => {
  it('is shown before the background answers, then replaced by the answer', async () => {
    const { titles, background, opening, app } = openWith(remembered());
    expect(titles()).toEqual(['Remembered']);
    expect(app.store.getState().loading).toBe(false);
    background.release();
    await opening;
    expect(titles()).toEqual(['Live']);
  });

  it('stays as it is when the answer is the same, so nothing renders twice', async () => {
    const same = answer([cmlTrack({ title: 'Remembered' })]);
    const { app, background, opening, map } = openWith(remembered({ answer: same }), same);
    const shown = app.store.getState().answer;
    background.release();
    await opening;
    expect(app.store.getState().answer).toBe(shown);
    expect(JSON.parse(map.get(KEY) ?? 'null').answer).toEqual(same);
  });

  it('keeps the fetch time it was shown with, so the status line stays true', () => {
    const fetchedAt = NOW - 2 * HOUR;
    const { app } = openWith(remembered({ answer: answer([cmlTrack()], [part({ fetchedAt })]) }));
    expect(app.store.getState().answer?.parts[0]?.fetchedAt).toBe(fetchedAt);
  });

  it.each([
    ['another genre', remembered({ query: { source: 'all', genre: 'ROCK', range: '7DAY' } })],
    ['older than six hours', remembered({ savedAt: NOW - 7 * HOUR })],
    ['from the future', remembered({ savedAt: NOW + HOUR })],
    ['another format version', remembered({ v: 2 })],
    ['cut-off JSON', remembered().slice(0, 50)],
    ['a track without a title', remembered({ answer: { ...answer([cmlTrack()]), tracks: [{ id: '1' }] } })],
    ['tracks that are not a list', remembered({ answer: { tracks: 'x', parts: [] } })],
    ['no tracks', remembered({ answer: answer([]) })],
    ['not an object', '"hello"'],
  ])('is ignored when it is %s: the popup waits for the background', async (_name, stored) => {
    const { titles, background, opening } = openWith(stored);
    expect(titles()).toEqual([]);
    background.release();
    await opening;
    expect(titles()).toEqual(['Live']);
  });

  it('is written from the first screen of the opening answer, without the rest of the list', async () => {
    const tracks = Array.from({ length: 60 }, (_, i) => cmlTrack({ title: `T${i}` }));
    const { map, memory } = memoryOf();
    const { deps } = fakeDeps(
      {
        getCatalog: (query) => {
          const limit = (query as { limit?: number }).limit;
          return limit ? { ...answer(tracks.slice(0, limit)), total: tracks.length } : answer(tracks);
        },
      },
      { memory, now: () => NOW },
    );
    await createFinderApp(deps).catalog.open();
    const stored = JSON.parse(map.get(KEY) ?? 'null');
    expect(stored.query).toEqual({ source: 'all', genre: 'POP', range: '7DAY' });
    expect(stored.savedAt).toBe(NOW);
    expect(stored.answer.tracks).toHaveLength(40);
    expect(stored.answer.total).toBe(60);
  });

  it.each([
    [
      'a provider error',
      answer(
        [cmlTrack()],
        [
          part({
            error: {
              kind: 'server',
              message: 'down',
              status: 500,
              requestId: null,
              retryAt: null,
              action: 'retry',
            } as never,
          }),
        ],
      ),
    ],
    ['offline', answer([cmlTrack()], [part()], true)],
    ['no tracks', answer([])],
  ])('is forgotten when the opening answer has %s', async (_name, live) => {
    const { map, background, opening } = openWith(remembered(), live);
    background.release();
    await opening;
    expect(map.get(KEY)).toBe('');
  });
});
