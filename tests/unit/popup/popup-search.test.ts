import { describe, expect, it } from 'vitest';
import { buildCatalogIndex } from '../../../lib/popup/catalog-index';
import { DEFAULT_FILTERS } from '../../../lib/popup/filters';
import { computeResults } from '../../../lib/popup/results';
import { matchesWords, queryWords, searchKeyOf } from '../../../lib/popup/search';
import { foldText } from '../../../lib/shared/text';
import { cmlTrack, layersTrack } from './popup-fixtures';

const titles = (tracks: ReturnType<typeof cmlTrack>[], search: string) =>
  computeResults(buildCatalogIndex(tracks), {
    search,
    filters: DEFAULT_FILTERS,
    sort: 'rank',
    favorites: new Set(),
  }).entries.map((entry) => entry.track.title);

describe('search', () => {
  it.each([
    ['Beyoncé', 'beyonce'],
    ['ÉTÉ Été', 'ete ete'],
    ['Sigur Rós', 'sigur ros'],
    ['Ångström', 'angstrom'],
  ])('normalizes %s to %s', (input, expected) => {
    expect(foldText(input)).toBe(expected);
  });

  it('splits a query into normalized words, ignoring extra spaces', () => {
    expect(queryWords('  Déjà   VU ')).toEqual(['deja', 'vu']);
    expect(queryWords('   ')).toEqual([]);
  });

  it('needs every word to match somewhere in title, artist or album', () => {
    const key = searchKeyOf({ title: 'Midnight Drive', artist: 'Zoë Kravitz', album: 'Night Songs' });
    expect(matchesWords(key, queryWords('zoe midnight'))).toBe(true);
    expect(matchesWords(key, queryWords('night songs'))).toBe(true);
    expect(matchesWords(key, queryWords('zoe morning'))).toBe(false);
  });

  it('does not match across the boundary between two fields', () => {
    const key = searchKeyOf({ title: 'Blue', artist: 'Sky', album: null });
    expect(matchesWords(key, ['bluesky'])).toBe(false);
    expect(matchesWords(key, ['blue sky'])).toBe(false);
  });

  it('filters the catalog case- and accent-insensitively', () => {
    const tracks = [
      cmlTrack({ title: 'Café del Mar', artist: 'Energy 52' }),
      cmlTrack({ title: 'Dance Floor', artist: 'RÜFÜS DU SOL' }),
      layersTrack({ title: 'Quiet', artist: 'Someone', album: 'Rufus Sessions' }),
    ];
    expect(titles(tracks, 'CAFE')).toEqual(['Café del Mar']);
    expect(titles(tracks, 'rufus')).toEqual(['Dance Floor', 'Quiet']);
    expect(titles(tracks, 'rufus floor')).toEqual(['Dance Floor']);
    expect(titles(tracks, '')).toHaveLength(3);
  });

  it('filters 5,000 tracks per keystroke well within a frame', () => {
    const tracks = Array.from({ length: 5000 }, (_, i) =>
      cmlTrack({ title: `Song ${i} Éclair`, artist: `Artist ${i % 97}`, album: `Album ${i % 13}` }),
    );
    const index = buildCatalogIndex(tracks);
    index.sorted('rank'); // sorted once when the list first renders, not per keystroke
    const queries = ['e', 'ec', 'ecl', 'ecla', 'eclai', 'eclair', 'eclair 4', 'eclair 49', 'artist 9'];
    const run = (query: string) =>
      computeResults(index, { search: query, filters: DEFAULT_FILTERS, sort: 'rank', favorites: new Set() });
    for (const query of queries) run(query); // the first keystrokes warm the JIT, as typing does
    const times: number[] = [];
    for (let round = 0; round < 3; round++) {
      for (const query of queries) {
        const start = performance.now();
        run(query);
        times.push(performance.now() - start);
      }
    }
    times.sort((a, b) => a - b);
    const p95 = times[Math.ceil(times.length * 0.95) - 1] ?? 0;
    console.info(`popup search: 5,000 tracks, p95 ${p95.toFixed(2)} ms per keystroke`);
    expect(p95).toBeLessThan(16);
  });
});
