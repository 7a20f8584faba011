/**
 * The History view's logic: entries under local day headings (a fixed zone and clock, across a DST
 * change and a year), search folded like the finder's, filters by site and provider, and the track
 * "Use again" sends: the catalog's own when the list holds it, else one the background accepts.
 */
import { describe, expect, it } from 'vitest';
import { protocol } from '@/lib/background/schemas/protocol';
import { buildCatalogIndex } from '@/lib/popup/catalog-index';
import {
  filterHistory,
  groupByDay,
  type HistoryRow,
  historyChoices,
  historyFormat,
  historyItems,
  historyTrack,
  NO_HISTORY_FILTER,
} from '@/lib/popup/history';
import { toChosen } from '@/lib/shared/clips';
import { cmlTrack, historyRow, layersTrack } from './popup-fixtures';

const ZONE = 'America/New_York';
// Monday 2 March 2026, 10:00 in New York (15:00 UTC).
const NOW = Date.UTC(2026, 2, 2, 15);
const HOUR = 3_600_000;
const clock = { now: NOW, locale: 'en-US', timeZone: ZONE };

const row = (overrides: Partial<HistoryRow> = {}): HistoryRow => historyRow(NOW, overrides);

describe('grouping by local day', () => {
  it('says Today and Yesterday by the calendar of the zone, then dates, the year only when not this one', () => {
    const rows = [
      row({ at: NOW }),
      // 00:30 in New York is still today there (05:30 UTC).
      row({ at: Date.UTC(2026, 2, 2, 5, 30) }),
      // 23:30 the day before in New York, though already 2 March in UTC.
      row({ at: Date.UTC(2026, 2, 2, 4, 30) }),
      row({ at: Date.UTC(2026, 1, 27, 15) }),
      row({ at: Date.UTC(2025, 11, 31, 15) }),
    ];
    const groups = groupByDay(historyItems(rows), historyFormat(clock));
    expect(groups.map((group) => [group.label, group.items.length])).toEqual([
      ['Today', 2],
      ['Yesterday', 1],
      ['Friday, February 27', 1],
      ['Wednesday, December 31, 2025', 1],
    ]);
    expect(groups.map((group) => group.day)).toEqual([
      '2026-03-02',
      '2026-03-01',
      '2026-02-27',
      '2025-12-31',
    ]);
  });

  it('counts yesterday by the calendar across a daylight-saving change (a 23-hour day)', () => {
    // Monday 9 March 2026, 00:30 in New York; clocks went forward on Sunday 8 March.
    const now = Date.UTC(2026, 2, 9, 4, 30);
    const format = historyFormat({ now, locale: 'en-US', timeZone: ZONE });
    expect(format.dayLabel(format.dayOf(now - 2 * HOUR))).toBe('Yesterday');
    // Saturday 23:00 in New York: more than 24 hours back only by 1.5 hours, but two days back.
    expect(format.dayLabel(format.dayOf(Date.UTC(2026, 2, 8, 4)))).toBe('Saturday, March 7');
  });

  it('says Today and Yesterday in the language shown', () => {
    const format = historyFormat({ ...clock, locale: 'de' });
    expect(format.dayLabel(format.dayOf(NOW))).toBe('Heute');
    expect(format.dayLabel(format.dayOf(NOW - 24 * HOUR))).toBe('Gestern');
    expect(format.dayLabel('2026-02-27')).toBe('Freitag, 27. Februar');
    // A heading starts with a capital, though Spanish writes weekdays in lower case.
    expect(historyFormat({ ...clock, locale: 'es' }).dayLabel('2026-02-27')).toBe('Viernes, 27 de febrero');
  });

  it('shows the time in the zone', () => {
    expect(historyFormat(clock).time(NOW)).toBe('10:00 AM');
  });
});

describe('search and filters', () => {
  const rows = [
    row({ title: 'Café Nights', artist: 'Zoë', site: 'composer.test' }),
    row({
      provider: 'layers',
      id: '0b8f6c2e-1d3a-4c5b-9e7f-000000000042',
      idKind: 'layers-track',
      clip: null,
      title: 'Hola',
      artist: 'Sol',
      site: 'TikTok Studio',
      verified: true,
    }),
    row({ title: 'Dance Floor', artist: 'Rüfüs', site: 'buffer.test' }),
  ];
  const items = historyItems(rows);
  const titles = (filter: Partial<typeof NO_HISTORY_FILTER>) =>
    filterHistory(items, { ...NO_HISTORY_FILTER, ...filter }).map((item) => item.row.title);

  it.each([
    ['', ['Café Nights', 'Hola', 'Dance Floor']],
    ['cafe zoe', ['Café Nights']],
    ['RUFUS', ['Dance Floor']],
    ['000000000042', ['Hola']],
    ['studio', ['Hola']],
    ['buffer floor', ['Dance Floor']],
    ['nights sol', []],
  ])('“%s” matches title, artist, id and site, folded', (query, expected) => {
    expect(titles({ query })).toEqual(expected);
  });

  it('filters by site and by provider, with the search', () => {
    expect(titles({ site: 'TikTok Studio' })).toEqual(['Hola']);
    expect(titles({ provider: 'bundle-social' })).toEqual(['Café Nights', 'Dance Floor']);
    expect(titles({ provider: 'bundle-social', query: 'floor' })).toEqual(['Dance Floor']);
    expect(titles({ provider: 'layers', site: 'buffer.test' })).toEqual([]);
  });

  it('offers the sites and providers the record holds', () => {
    expect(historyChoices(rows)).toEqual({
      sites: ['buffer.test', 'composer.test', 'TikTok Studio'],
      providers: [
        { value: 'bundle-social', label: 'bundle.social' },
        { value: 'layers', label: 'Layers' },
      ],
    });
  });

  it('keys each entry stably, the same use twice apart', () => {
    const keys = historyItems([row(), row(), row({ at: NOW - 1 })]).map((item) => item.key);
    expect(new Set(keys).size).toBe(3);
    expect(
      historyItems([row({ at: NOW + 5 }), row(), row()])
        .slice(1)
        .map((item) => item.key),
    ).toEqual(keys.slice(0, 2));
  });
});

describe('the track Use again sends', () => {
  const cml = cmlTrack({ title: 'In the list' });
  const layers = layersTrack();
  const { entries } = buildCatalogIndex([cml, layers]);

  it.each([
    ['trending', cml.clips?.trending?.id],
    ['full', cml.clips?.full?.id],
  ] as const)('finds the %s clip of a track in the list by its clip id', (clip, id) => {
    const found = historyTrack(row({ id, clip: clip === 'full' ? 'trending' : 'full' }), entries);
    expect(found.entry.track).toBe(cml);
    expect(found.clip).toBe(clip);
  });

  it('finds a Layers track by its id', () => {
    const found = historyTrack(
      row({ provider: 'layers', id: layers.id, idKind: 'layers-track', clip: null }),
      entries,
    );
    expect(found).toMatchObject({ entry: { track: layers }, clip: null });
  });

  it.each([
    ['a CML clip', row({ id: '7399999999999999999', clip: 'full' }), 'full'],
    ['a CML track without a clip', row({ id: '7399999999999999999', clip: null }), null],
    [
      'a Layers track',
      row({
        provider: 'layers',
        id: 'f6a1b2c3-0000-4000-8000-000000000001',
        idKind: 'layers-track',
        clip: null,
      }),
      null,
    ],
  ] as const)(
    'rebuilds %s the list does not hold, as useTrack accepts it, filling the same id',
    (_, used, clip) => {
      const found = historyTrack(used, entries);
      expect(found.clip).toBe(clip);
      expect(found.entry.track).toMatchObject({
        provider: used.provider,
        idKind: used.idKind,
        title: used.title,
        artist: used.artist,
        cleared: used.cleared,
        rank: null,
      });
      const input = protocol.useTrack.input.parse({ track: found.entry.track, clip: found.clip });
      expect(toChosen(input.track, input.clip, NOW).id).toBe(used.id);
    },
  );
});
