import { describe, expect, it } from 'vitest';
import { buildCatalogIndex, type SortKey, type TrackEntry } from '../../../lib/popup/catalog-index';
import { emptyMessage } from '../../../lib/popup/empty-state';
import {
  activeFilterCount,
  DEFAULT_FILTERS,
  type Filters,
  inDurationRange,
} from '../../../lib/popup/filters';
import { computeResults, lastUseOf, memoizeResults } from '../../../lib/popup/results';
import { DAY_MS } from '../../../lib/shared/time';
import { cmlTrack, history, layersTrack } from './popup-fixtures';

function run(
  tracks: ReturnType<typeof cmlTrack>[],
  options: Partial<Filters> = {},
  sort: SortKey = 'rank',
  favorites = new Set<string>(),
  search = '',
) {
  return computeResults(buildCatalogIndex(tracks), {
    search,
    filters: { ...DEFAULT_FILTERS, ...options },
    sort,
    favorites,
  });
}
const NOW = Date.parse('2026-02-15T12:00:00Z');
const CRITERIA = {
  search: '',
  filters: DEFAULT_FILTERS,
  sort: 'rank' as const,
  favorites: new Set<string>(),
};
const titles = (result: ReturnType<typeof run>) => result.entries.map((e) => e.track.title);

describe('sorting', () => {
  const a = cmlTrack({
    title: 'Alpha',
    rank: 3,
    durationSec: 200,
    rankHistory: history([9, 8, 7, 6, 5, 4, 3]),
  });
  const b = cmlTrack({
    title: 'bravo',
    rank: 1,
    durationSec: 20,
    rankHistory: history([1, 1, 1, 1, 1, 1, 1]),
  });
  const c = cmlTrack({
    title: 'Charlie',
    rank: 2,
    durationSec: null,
    rankHistory: history([40, null, 30, 2]),
  });
  const d = layersTrack({ title: 'Delta', rank: 1, userCount: 5000, durationSec: 60 });
  const e = layersTrack({ title: 'echo', rank: 2, userCount: 9000, durationSec: 61 });

  it.each<[SortKey, string[]]>([
    ['rank', ['bravo', 'Delta', 'Charlie', 'echo', 'Alpha']],
    // Charlie gained 38 places, Alpha 6, bravo none; Layers tracks have no history and come last.
    ['rising', ['Charlie', 'Alpha', 'bravo', 'Delta', 'echo']],
    ['popularity', ['echo', 'Delta', 'bravo', 'Charlie', 'Alpha']],
    ['duration', ['bravo', 'Delta', 'echo', 'Alpha', 'Charlie']],
    ['title', ['Alpha', 'bravo', 'Charlie', 'Delta', 'echo']],
  ])('sorts by %s', (sort, expected) => {
    expect(titles(run([a, b, c, d, e], {}, sort))).toEqual(expected);
  });

  it('rising fastest counts only the last 7 ranked days of the history', () => {
    const longClimb = cmlTrack({
      title: 'Long',
      rank: 10,
      rankHistory: history([90, 80, 11, 11, 11, 11, 11, 11, 10]),
    });
    const shortClimb = cmlTrack({ title: 'Short', rank: 5, rankHistory: history([30, 25, 20, 15, 10, 5]) });
    expect(titles(run([longClimb, shortClimb], {}, 'rising'))).toEqual(['Short', 'Long']);
  });
});

describe('filters', () => {
  const short = cmlTrack({ title: 'Short', durationSec: 25, cleared: true });
  const medium = layersTrack({ title: 'Medium', durationSec: 45, cleared: false, language: 'es' });
  const long = layersTrack({ title: 'Long', durationSec: 200, cleared: true, language: 'en' });

  it.each([
    [25, 'short', true],
    [30, 'short', true],
    [31, 'short', false],
    [30, 'medium', false],
    [60, 'medium', true],
    [61, 'long', true],
    [181, 'extended', true],
    [null, 'any', true],
    [null, 'short', false],
  ] as const)('%s s is in %s: %s', (seconds, range, expected) => {
    expect(inDurationRange(seconds, range)).toBe(expected);
  });

  it('filters by duration, language, clearance and favorites together', () => {
    const all = [short, medium, long];
    expect(titles(run(all, { duration: 'medium' }))).toEqual(['Medium']);
    expect(titles(run(all, { language: 'en' }))).toEqual(['Long']);
    expect(titles(run(all, { clearedOnly: true }))).toEqual(['Short', 'Long']);
    const favorites = new Set([`layers:${long.id}`]);
    expect(titles(run(all, { favoritesOnly: true }, 'rank', favorites))).toEqual(['Long']);
  });

  it('counts the filters that are on', () => {
    expect(activeFilterCount(DEFAULT_FILTERS)).toBe(0);
    expect(
      activeFilterCount({
        duration: 'short',
        clearedOnly: true,
        language: 'en',
        favoritesOnly: true,
        trendingOnly: true,
        hideUsed: true,
        only: ['bundle-social:1'],
      }),
    ).toBe(7);
  });
});

describe('empty results say which filter excluded everything', () => {
  const tracks = [cmlTrack({ title: 'Song', durationSec: 100, cleared: true })];
  const context = {
    search: 'zzz',
    filters: DEFAULT_FILTERS,
    source: 'all' as const,
    genre: 'DANCE_POP',
    range: '7DAY' as const,
  };

  it.each([
    [{ search: 'zzz' }, 'search', 'No track matches “zzz”.', 'Clear search'],
    [{ filters: { duration: 'short' } }, 'duration', 'No matching track is up to 30 s long.', 'Any length'],
    [{ filters: { language: 'es' } }, 'language', 'No matching track is in Spanish.', 'Any language'],
    [
      { filters: { favoritesOnly: true } },
      'favorites',
      'None of your favorites is in this list.',
      'Show all tracks',
    ],
  ] as const)('%j → %s', (setup, reason, text, fix) => {
    const filters = { ...DEFAULT_FILTERS, ...('filters' in setup ? setup.filters : {}) };
    const search = 'search' in setup ? setup.search : '';
    const result = run(tracks, filters, 'rank', new Set(), search);
    expect(result.entries).toEqual([]);
    expect(result.emptyReason).toBe(reason);
    const message = emptyMessage(reason, { ...context, search, filters });
    expect(message.text).toBe(text);
    expect(message.fix?.label).toBe(fix);
  });

  it('names the first filter in order when several would each exclude everything', () => {
    const result = run(tracks, { duration: 'short', favoritesOnly: true }, 'rank', new Set(), 'zzz');
    expect(result.emptyReason).toBe('search');
  });

  it('names "New and Breakout only" and the rotation window when they empty the list', () => {
    expect(run(tracks, { trendingOnly: true }).emptyReason).toBe('trending');
    expect(emptyMessage('trending', context).fix?.label).toBe('Show all trends');
    const [song] = tracks;
    const uses = new Map([[`bundle-social:${song?.id}`, { at: NOW - DAY_MS, site: 'composer.test' }]]);
    const index = buildCatalogIndex(tracks, NOW);
    const hidden = computeResults(index, {
      ...CRITERIA,
      filters: { ...DEFAULT_FILTERS, hideUsed: true },
      uses,
      rotationDays: 14,
      now: NOW,
    });
    expect(hidden.emptyReason).toBe('used');
    expect(emptyMessage('used', { ...context, rotationDays: 14 }).text).toBe(
      'Every matching track was used in the last 14 days.',
    );
  });

  it('names the cleared filter when only uncleared tracks match', () => {
    expect(run([cmlTrack({ cleared: false })], { clearedOnly: true }).emptyReason).toBe('cleared');
  });

  it('says the catalog itself is empty, naming genre and range', () => {
    const result = run([]);
    expect(result.emptyReason).toBe('catalog');
    expect(emptyMessage('catalog', { ...context, source: 'bundle-social' }).text).toBe(
      'No trending tracks from bundle.social for Dance Pop in the last 7 days.',
    );
  });
});

describe('New and Breakout only', () => {
  it('keeps New and Breakout tracks (CML history, Layers fastest growth) and drops Fading and steady ones', () => {
    const breakout = cmlTrack({
      title: 'Breakout',
      rank: 5,
      rankHistory: history([60, 60, 40, 5], '2026-02-15'),
    });
    const fading = cmlTrack({
      title: 'Fading',
      rank: 40,
      rankHistory: history([10, 10, 20, 40], '2026-02-15'),
    });
    const fresh = cmlTrack({
      title: 'New',
      rank: 30,
      rankHistory: history([null, null, null, null, null, 30], '2026-02-15'),
    });
    const steady = cmlTrack({ title: 'Steady', rank: 2, rankHistory: history([2, 2, 2, 2], '2026-02-15') });
    const growing = layersTrack({ title: 'Growing', userCount: 300, previousUserCount: 100 });
    const flat = layersTrack({ title: 'Flat', userCount: 300, previousUserCount: 300 });
    const index = buildCatalogIndex([breakout, fading, fresh, steady, growing, flat], NOW);
    expect(index.entries.map((e) => [e.track.title, e.badges])).toEqual([
      ['Breakout', ['breakout']],
      ['Fading', ['fading']],
      ['New', ['new']],
      ['Steady', []],
      ['Growing', ['breakout']],
      ['Flat', []],
    ]);
    const shown = computeResults(index, { ...CRITERIA, filters: { ...DEFAULT_FILTERS, trendingOnly: true } });
    expect(titles(shown).sort()).toEqual(['Breakout', 'Growing', 'New']);
  });
});

describe('hiding tracks used lately', () => {
  it('hides a track used inside the window by either clip id, and shows it once the window has passed', () => {
    const used = cmlTrack({ title: 'Used' });
    const other = cmlTrack({ title: 'Other' });
    const index = buildCatalogIndex([used, other], NOW);
    const fullId = used.clips?.full?.id;
    const at = (daysAgo: number) =>
      new Map([[`bundle-social:${fullId}`, { at: NOW - daysAgo * DAY_MS, site: 'composer.test' }]]);
    const criteria = (uses: ReturnType<typeof at>) => ({
      ...CRITERIA,
      filters: { ...DEFAULT_FILTERS, hideUsed: true },
      uses,
      rotationDays: 14,
      now: NOW,
    });
    expect(titles(computeResults(index, criteria(at(13))))).toEqual(['Other']);
    expect(titles(computeResults(index, criteria(at(15))))).toEqual(['Used', 'Other']);
    expect(lastUseOf(index.entries[0] as TrackEntry, at(3))).toEqual({
      at: NOW - 3 * DAY_MS,
      site: 'composer.test',
    });
  });
});

describe("an alert's tracks alone", () => {
  it('shows only the keys the alert named, and says so when none is in the list', () => {
    const named = cmlTrack({ title: 'Named' });
    const other = cmlTrack({ title: 'Other' });
    const index = buildCatalogIndex([named, other], NOW);
    const only = (keys: string[]) => ({ ...CRITERIA, filters: { ...DEFAULT_FILTERS, only: keys } });
    expect(titles(computeResults(index, only([`bundle-social:${named.id}`])))).toEqual(['Named']);
    const gone = computeResults(index, only(['bundle-social:1']));
    expect(gone.emptyReason).toBe('alerted');
    expect(
      emptyMessage('alerted', {
        search: '',
        filters: DEFAULT_FILTERS,
        source: 'all',
        genre: 'POP',
        range: '7DAY',
      }).fix?.label,
    ).toBe('Show all tracks');
  });
});

describe('memoized results', () => {
  it('recomputes only when the catalog or a criterion changes', () => {
    const compute = memoizeResults();
    const index = buildCatalogIndex([cmlTrack()]);
    const favorites = new Set<string>();
    const criteria = { search: '', filters: DEFAULT_FILTERS, sort: 'rank' as const, favorites };
    const first = compute(index, criteria);
    expect(compute(index, { ...criteria })).toBe(first);
    expect(compute(index, { ...criteria, search: 'x' })).not.toBe(first);
  });
});
