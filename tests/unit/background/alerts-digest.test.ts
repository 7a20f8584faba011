import { describe, expect, it } from 'vitest';
import {
  type AlertInput,
  type AlertList,
  ANNOUNCED_KEEP_MS,
  enteredTop,
  MAX_ANNOUNCED,
  MAX_HANDED_OVER,
  planAlerts,
  pruneAnnounced,
} from '@/lib/background/alerts/digest';
import { providerError } from '@/lib/background/providers/provider-error';
import type { RankPoint } from '@/lib/shared/breakout';
import type { Genre } from '@/lib/shared/genres';
import { NO_ALERTS } from '@/lib/shared/protocol';
import { DAY_MS } from '@/lib/shared/time';
import type { Track } from '@/lib/shared/track';
import { cmlTrack } from '../../fixtures/tracks';

const NOW = Date.UTC(2026, 1, 15, 12);
const isoDay = (now: number, back: number) => new Date(now - back * DAY_MS).toISOString().slice(0, 10);

/** 30 days of history ending on `now`'s day; `ranks` maps days ago to a rank (others: off the chart). */
function history(ranks: Record<number, number>, now = NOW): RankPoint[] {
  return Array.from({ length: 30 }, (_, i) => {
    const back = 29 - i;
    return { date: isoDay(now, back), rank: ranks[back] ?? null };
  });
}
/** Up from 60 to 5 in three days: a Breakout. */
const BREAKING: Record<number, number> = { 10: 60, 5: 60, 3: 60, 2: 40, 1: 20, 0: 5 };
/** At 30 for weeks: nothing to say. */
const STEADY: Record<number, number> = { 10: 30, 5: 30, 3: 30, 2: 30, 1: 30, 0: 30 };

let nextId = 7_300_000_000_000_000_000n;
function track(title: string, ranks: Record<number, number>, now = NOW): Track {
  nextId += 1n;
  const id = String(nextId);
  return { ...cmlTrack, id, title, rank: ranks[0] ?? null, rankHistory: history(ranks, now) };
}
const key = (t: Track) => `bundle-social:${t.id}`;
const list = (genre: Genre, tracks: Track[], range: AlertList['range'] = '7DAY'): AlertList => ({
  genre,
  range,
  tracks,
  error: null,
});
const input = (over: Partial<AlertInput>): AlertInput => ({
  prefs: { ...NO_ALERTS, breakoutGenres: ['DANCE_POP'] },
  lists: [],
  favorites: [],
  announced: {},
  now: NOW,
  online: true,
  ...over,
});

describe('the alert digest', () => {
  it('names one breakout, with its genre', () => {
    const a = track('Title A', BREAKING);
    const plan = planAlerts(input({ lists: [list('DANCE_POP', [a, track('Calm', STEADY)])] }));
    expect(plan.digest).toEqual({
      title: 'Cleartune',
      message: 'Breakout in Dance Pop: Title A',
      keys: [key(a)],
      query: { source: 'bundle-social', genre: 'DANCE_POP', range: '7DAY' },
    });
  });

  it('counts many, names the best placed three and counts the rest', () => {
    const tracks = ['A', 'B', 'C', 'D', 'E'].map((name, i) =>
      track(`Title ${name}`, { ...BREAKING, 0: 9 - i }),
    );
    const plan = planAlerts(input({ lists: [list('DANCE_POP', tracks)] }));
    expect(plan.digest?.message).toBe('5 breakouts in Dance Pop: Title E, Title D, Title C and 2 more');
    expect(plan.digest?.keys).toEqual([...tracks].reverse().map(key));
  });

  it('says "3 breakouts in …: A, B, C" for three, and shortens a long title', () => {
    const long = 'An extremely long title that goes on and on and on';
    const tracks = [
      track('Title A', { ...BREAKING, 0: 3 }),
      track('Title B', BREAKING),
      track(long, { ...BREAKING, 0: 8 }),
    ];
    const plan = planAlerts(input({ lists: [list('DANCE_POP', tracks)] }));
    expect(plan.digest?.message).toBe(
      '3 breakouts in Dance Pop: Title A, Title B, An extremely long title that goes on an…',
    );
  });

  it('reads every cached range of a genre, each track once, and opens the range holding most', () => {
    const a = track('Title A', BREAKING);
    const b = track('Title B', BREAKING);
    const plan = planAlerts(
      input({ lists: [list('DANCE_POP', [a, b], '1DAY'), list('DANCE_POP', [a], '30DAY')] }),
    );
    expect(plan.digest?.message).toBe('2 breakouts in Dance Pop: Title A, Title B');
    expect(plan.digest?.query).toEqual({ source: 'bundle-social', genre: 'DANCE_POP', range: '1DAY' });
  });

  it('breakouts from several genres open all genres', () => {
    const a = track('Title A', BREAKING);
    const b = track('Title B', { ...BREAKING, 0: 7 });
    const plan = planAlerts(
      input({
        prefs: { ...NO_ALERTS, breakoutGenres: ['DANCE_POP', 'POP'] },
        lists: [list('POP', [a]), list('DANCE_POP', [b]), list('ROCK', [track('Not chosen', BREAKING)])],
      }),
    );
    expect(plan.digest?.message).toBe('2 breakouts in Pop and Dance Pop: Title A, Title B');
    expect(plan.digest?.query).toEqual({ source: 'bundle-social', genre: 'ALL', range: '7DAY' });
  });

  it('hands over at most 50 tracks', () => {
    const tracks = Array.from({ length: 60 }, (_, i) => track(`T${i}`, BREAKING));
    const plan = planAlerts(input({ lists: [list('DANCE_POP', tracks)] }));
    expect(plan.digest?.message).toMatch(/^60 breakouts in Dance Pop: T0, T1, T2 and 57 more$/);
    expect(plan.digest?.keys).toHaveLength(MAX_HANDED_OVER);
    expect(Object.keys(plan.announced)).toHaveLength(60);
  });

  it('says nothing when nothing broke out, or when no alert is on', () => {
    expect(planAlerts(input({ lists: [list('DANCE_POP', [track('Calm', STEADY)])] })).digest).toBeNull();
    const lists = [list('DANCE_POP', [track('Title A', BREAKING)])];
    expect(planAlerts(input({ prefs: NO_ALERTS, lists })).digest).toBeNull();
  });
});

describe('never the same breakout twice', () => {
  it('a breakout announced at one refresh is not announced at the next ones, a new one is', () => {
    const a = track('Title A', BREAKING);
    const lists = [list('DANCE_POP', [a])];
    const first = planAlerts(input({ lists }));
    expect(first.digest?.keys).toEqual([key(a)]);
    // Half an hour later, and the next day (the badge lasts three days): still nothing.
    const second = planAlerts(input({ lists, announced: first.announced, now: NOW + 30 * 60_000 }));
    expect(second.digest).toBeNull();
    const nextDay = NOW + DAY_MS;
    const a2 = { ...a, rankHistory: history({ ...BREAKING, 1: 5, 0: 4 }, nextDay) };
    const b = track('Title B', BREAKING, nextDay);
    const third = planAlerts(
      input({ lists: [list('DANCE_POP', [a2, b])], announced: second.announced, now: nextDay }),
    );
    expect(third.digest?.message).toBe('Breakout in Dance Pop: Title B');
    expect(third.digest?.keys).toEqual([key(b)]);
  });

  it('the record forgets after 30 days and is bounded', () => {
    const log = { 'bundle-social:1|breakout': NOW - ANNOUNCED_KEEP_MS, 'bundle-social:2|breakout': NOW - 1 };
    expect(pruneAnnounced(log, NOW)).toEqual({ 'bundle-social:2|breakout': NOW - 1 });
    const many = Object.fromEntries(
      Array.from({ length: MAX_ANNOUNCED + 5 }, (_, i) => [`k${i}|breakout`, NOW - i]),
    );
    const pruned = pruneAnnounced(many, NOW);
    expect(Object.keys(pruned)).toHaveLength(MAX_ANNOUNCED);
    expect(pruned['k0|breakout']).toBe(NOW);
    expect(pruned[`k${MAX_ANNOUNCED}|breakout`]).toBeUndefined();
  });
});

describe('held back', () => {
  const lists = [list('DANCE_POP', [track('Title A', BREAKING)])];

  it('nothing while offline, and nothing is marked announced', () => {
    const plan = planAlerts(input({ lists, online: false }));
    expect(plan).toEqual({ digest: null, announced: {}, heldBack: 'offline' });
  });

  it.each(['unauthenticated', 'forbidden'] as const)('nothing while the key is rejected (%s)', (kind) => {
    const rejected = { ...list('POP', []), error: providerError('bundle-social', kind, { status: 401 }) };
    const plan = planAlerts(input({ lists: [...lists, rejected] }));
    expect(plan).toEqual({ digest: null, announced: {}, heldBack: 'key-rejected' });
  });

  it('other failures (a timeout, a server error) do not hold the cached lists back', () => {
    const failed = {
      ...lists[0],
      error: providerError('bundle-social', 'server', { status: 503 }),
    } as AlertList;
    expect(planAlerts(input({ lists: [failed] })).digest?.message).toBe('Breakout in Dance Pop: Title A');
  });
});

describe('a favorite entering the top 10', () => {
  it.each([
    ['from 11', { 1: 11, 0: 10 }, true],
    ['from off the chart', { 0: 4 }, true],
    ['already there yesterday', { 1: 9, 0: 3 }, false],
    ['still outside', { 1: 30, 0: 11 }, false],
    ['only on an old chart', { 3: 12, 2: 5 }, false],
    ['yesterday, with today not in yet', { 2: 40, 1: 6 }, true],
  ])('%s', (_, ranks, entered) => {
    expect(enteredTop(history(ranks as Record<number, number>), NOW)).toBe(entered);
  });

  it('is announced once, from any cached list, and shares the digest with breakouts', () => {
    const fav = track('My Fave', { 5: 40, 1: 12, 0: 8 });
    const other = track('Not a favorite', { 1: 12, 0: 8 });
    const a = track('Title A', BREAKING);
    const prefs = { breakoutGenres: ['DANCE_POP' as const], favoritesTop10: true };
    const lists = [list('DANCE_POP', [a]), list('ROCK', [fav, other])];
    const plan = planAlerts(input({ prefs, lists, favorites: [key(fav)] }));
    expect(plan.digest?.message).toBe(
      'Breakout in Dance Pop: Title A\nYour favorite My Fave entered the top 10',
    );
    expect(plan.digest?.keys).toEqual([key(a), key(fav)]);
    expect(plan.digest?.query.genre).toBe('ALL');
    const again = planAlerts(input({ prefs, lists, favorites: [key(fav)], announced: plan.announced }));
    expect(again.digest).toBeNull();
  });

  it('counts several favorites, and says nothing of them when that alert is off', () => {
    const favs = [track('Fave 1', { 1: 30, 0: 2 }), track('Fave 2', { 0: 6 })];
    const lists = [list('ROCK', favs)];
    const favorites = favs.map(key);
    const on = planAlerts(input({ prefs: { breakoutGenres: [], favoritesTop10: true }, lists, favorites }));
    expect(on.digest?.message).toBe('2 favorites entered the top 10: Fave 1, Fave 2');
    expect(on.digest?.query).toEqual({ source: 'bundle-social', genre: 'ROCK', range: '7DAY' });
    expect(planAlerts(input({ prefs: NO_ALERTS, lists, favorites })).digest).toBeNull();
  });

  it('a favorite that is also a breakout is handed over once', () => {
    const both = track('Both', BREAKING);
    const prefs = { breakoutGenres: ['DANCE_POP' as const], favoritesTop10: true };
    const plan = planAlerts(input({ prefs, lists: [list('DANCE_POP', [both])], favorites: [key(both)] }));
    expect(plan.digest?.message).toBe('Breakout in Dance Pop: Both\nYour favorite Both entered the top 10');
    expect(plan.digest?.keys).toEqual([key(both)]);
  });
});
