/**
 * The usage record's CSV as a spreadsheet reads it: BOM, ISO times, ids that stay exact text,
 * titles that never run as formulas, and commas, quotes and line breaks kept inside their cell.
 */
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, favoritesCsv, idCell, type UsageRow, usageCsv } from '@/lib/shared/usage-csv';

const row: UsageRow = {
  at: Date.UTC(2026, 11, 4, 9, 30),
  provider: 'bundle-social',
  id: '7312345678901234567',
  idKind: 'cml-song-clip',
  clip: 'trending',
  title: 'Glasshouse Parade',
  artist: 'The Lanterns',
  cleared: true,
  genre: 'DANCE_POP',
  range: '7DAY',
  rank: 3,
  site: 'TikTok Studio',
  verified: true,
};

/** A minimal RFC 4180 reader, to check what a spreadsheet would see cell by cell. */
function parse(csv: string): string[][] {
  const rows: string[][] = [];
  let cell = '';
  let cells: string[] = [];
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i];
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else if (c === '\r' && csv[i + 1] === '\n') {
      cells.push(cell);
      rows.push(cells);
      cells = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

describe('the usage CSV', () => {
  it('starts with a BOM and a header, one CRLF row per entry, times in ISO-8601 UTC', () => {
    const csv = usageCsv([row]);
    expect(csv.startsWith('\uFEFFtime,provider,id,')).toBe(true);
    const [header, first] = parse(csv.slice(1));
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(first).toEqual([
      '2026-12-04T09:30:00.000Z',
      'bundle-social',
      '="7312345678901234567"',
      'cml-song-clip',
      'trending',
      'Glasshouse Parade',
      'The Lanterns',
      'yes',
      'DANCE_POP',
      '7DAY',
      '3',
      'TikTok Studio',
      'yes',
    ]);
  });

  it('keeps a 19-digit id exact as text, and a Layers UUID as it is', () => {
    expect(idCell('7312345678901234567')).toBe('="7312345678901234567"');
    expect(idCell('8f1d6c3e-4b2a-4a18-9e4f-c2d7a1b0e999')).toBe('8f1d6c3e-4b2a-4a18-9e4f-c2d7a1b0e999');
  });

  it('never lets a title, artist or site run as a formula', () => {
    const [, hostile] = parse(
      usageCsv([
        {
          ...row,
          id: '=cmd|calc',
          title: '=HYPERLINK("https://evil.test","click")',
          artist: '+1+1',
          site: '@SUM(A1)',
          genre: '-2',
        },
      ]).slice(1),
    );
    expect(hostile?.[2]).toBe("'=cmd|calc");
    expect(hostile?.[5]).toBe('\'=HYPERLINK("https://evil.test","click")');
    expect(hostile?.[6]).toBe("'+1+1");
    expect(hostile?.[8]).toBe("'-2");
    expect(hostile?.[11]).toBe("'@SUM(A1)");
  });

  it('keeps commas, quotes, line breaks and edge spaces inside their cell', () => {
    const title = 'Love, "Actually"\nPart 2 ';
    const [, first] = parse(usageCsv([{ ...row, title, verified: null, rank: null, clip: null }]).slice(1));
    expect(first?.[5]).toBe(title);
    expect(first?.[10]).toBe('');
    expect(first?.[12]).toBe('');
    expect(first).toHaveLength(CSV_COLUMNS.length);
  });
});

describe('the favorites CSV', () => {
  it('lists provider and id per favorite, ids kept exact', () => {
    const [header, cml, layers] = parse(
      favoritesCsv([
        'bundle-social:7312345678901234567',
        'layers:8f1d6c3e-4b2a-4a18-9e4f-c2d7a1b0e999',
      ]).slice(1),
    );
    expect(header).toEqual(['provider', 'id']);
    expect(cml).toEqual(['bundle-social', '="7312345678901234567"']);
    expect(layers).toEqual(['layers', '8f1d6c3e-4b2a-4a18-9e4f-c2d7a1b0e999']);
  });
});
