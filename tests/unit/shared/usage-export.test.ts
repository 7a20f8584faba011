/** The export files the options page and the History view share: names, types and contents. */
import { describe, expect, it } from 'vitest';
import type { UsageRow } from '@/lib/shared/usage-csv';
import { exportedMessage, favoritesExport, usageExport } from '@/lib/shared/usage-export';

const NOW = new Date(Date.UTC(2026, 2, 4, 23, 30));
const row: UsageRow = {
  at: NOW.getTime(),
  provider: 'bundle-social',
  id: '7300000000000000001',
  idKind: 'cml-song-clip',
  clip: 'trending',
  title: '=HYPERLINK("x")',
  artist: 'Zoë',
  cleared: true,
  genre: 'POP',
  range: '7DAY',
  rank: 1,
  site: 'composer.test',
  verified: null,
};

describe('export files', () => {
  it('the record as CSV for spreadsheets and as JSON with every field', () => {
    const csv = usageExport([row], 'csv', NOW);
    expect(csv).toMatchObject({ fileName: 'cleartune-usage-2026-03-04.csv', mime: 'text/csv;charset=utf-8' });
    expect(csv.text.startsWith('\uFEFFtime,provider,id,')).toBe(true);
    expect(csv.text).toContain(`,"=""7300000000000000001""",`);
    expect(csv.text).toContain(`,"'=HYPERLINK(""x"")",`);
    const json = usageExport([row], 'json', NOW);
    expect(json).toMatchObject({ fileName: 'cleartune-usage-2026-03-04.json', mime: 'application/json' });
    expect(JSON.parse(json.text)).toEqual({
      format: 'cleartune-usage',
      version: 1,
      exportedAt: NOW.toISOString(),
      entries: [row],
    });
  });

  it('the favorites as CSV and JSON', () => {
    const keys = ['bundle-social:7300000000000000001', 'layers:0b8f6c2e-1d3a-4c5b-9e7f-000000000042'];
    expect(favoritesExport(keys, 'csv', NOW)).toEqual({
      fileName: 'cleartune-favorites-2026-03-04.csv',
      mime: 'text/csv;charset=utf-8',
      text: '\uFEFFprovider,id\r\nbundle-social,"=""7300000000000000001"""\r\nlayers,0b8f6c2e-1d3a-4c5b-9e7f-000000000042\r\n',
    });
    expect(JSON.parse(favoritesExport(keys, 'json', NOW).text)).toEqual({
      format: 'cleartune-favorites',
      version: 1,
      favorites: keys,
    });
  });

  it.each([
    ['usage', 1, 'csv', 'Exported 1 entry as CSV.'],
    ['usage', 3, 'json', 'Exported 3 entries as JSON.'],
    ['favorites', 1, 'json', 'Exported 1 favorite as JSON.'],
    ['favorites', 0, 'csv', 'Exported 0 favorites as CSV.'],
  ] as const)('%s, %i, %s: “%s”', (what, count, format, text) => {
    expect(exportedMessage(what, count, format)).toBe(text);
  });
});
