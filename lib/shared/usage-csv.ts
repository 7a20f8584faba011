/**
 * The usage record as CSV that opens correctly in Excel and Google Sheets: UTF-8 with a BOM (Excel
 * otherwise reads it as the system code page), CRLF rows, ISO-8601 UTC times, and every field
 * quoted as RFC 4180 says when it must be. Two spreadsheet traps are closed:
 * - a 19-digit clip id would become 7.31E+18 (and lose digits): numeric ids are written as the
 *   formula `="…"`, which both programs show as that exact text;
 * - a title such as `=HYPERLINK(…)` would run as a formula: text starting with `=`, `+`, `-`, `@`,
 *   a tab or a carriage return gets a leading `'`, which spreadsheets show as text.
 */

export interface UsageRow {
  /** Epoch ms. */
  at: number;
  provider: string;
  id: string;
  idKind: string;
  clip: string | null;
  title: string;
  artist: string;
  cleared: boolean;
  genre: string | null;
  range: string | null;
  rank: number | null;
  /** The site's origin or name ("TikTok Studio"); never a full URL. */
  site: string;
  /** Whether the attach was verified (TikTok Studio); null where there is nothing to verify. */
  verified: boolean | null;
}

export const CSV_COLUMNS = [
  'time',
  'provider',
  'id',
  'id kind',
  'clip',
  'title',
  'artist',
  'cleared',
  'genre',
  'date range',
  'rank',
  'site',
  'verified',
] as const;

const BOM = '\uFEFF';

/** RFC 4180 quoting: only where a comma, quote, line break or edge space needs it. */
function quote(field: string): string {
  return /[",\r\n]|^\s|\s$/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}

/** Text a spreadsheet must not take for a formula. */
export function safeText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** An id kept as text: long digit strings as `="…"` (only digits: nothing there can run). */
export function idCell(id: string): string {
  return /^\d+$/.test(id) ? `="${id}"` : safeText(id);
}

const yesNo = (value: boolean | null) => (value === null ? '' : value ? 'yes' : 'no');

export function usageCsv(rows: readonly UsageRow[]): string {
  const lines = [
    CSV_COLUMNS.join(','),
    ...rows.map((row) =>
      [
        new Date(row.at).toISOString(),
        safeText(row.provider),
        idCell(row.id),
        safeText(row.idKind),
        safeText(row.clip ?? ''),
        safeText(row.title),
        safeText(row.artist),
        yesNo(row.cleared),
        safeText(row.genre ?? ''),
        safeText(row.range ?? ''),
        row.rank === null ? '' : String(row.rank),
        safeText(row.site),
        yesNo(row.verified),
      ]
        .map(quote)
        .join(','),
    ),
  ];
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** Favorites (`provider:id` keys) as CSV, with the same care for ids and text. */
export function favoritesCsv(keys: readonly string[]): string {
  const lines = [
    'provider,id',
    ...keys.map((key) => {
      const split = key.indexOf(':');
      return [safeText(key.slice(0, split)), idCell(key.slice(split + 1))].map(quote).join(',');
    }),
  ];
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
