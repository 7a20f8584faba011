/**
 * The usage record and the favorites as files to download, CSV (for spreadsheets, see usage-csv.ts)
 * or JSON: one piece shared by the options page and the History view, so both export the same file.
 */
import { i18n } from '#i18n';
import { favoritesCsv, type UsageRow, usageCsv } from './usage-csv';

export type ExportFormat = 'csv' | 'json';

export interface ExportFile {
  fileName: string;
  text: string;
  mime: string;
}

const CSV_MIME = 'text/csv;charset=utf-8';
const JSON_MIME = 'application/json';

/** The file name's date is the UTC day, like the times inside. */
const day = (now: Date) => now.toISOString().slice(0, 10);

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** The record (newest first, as `getUsage` answers it). */
export function usageExport(rows: readonly UsageRow[], format: ExportFormat, now: Date): ExportFile {
  const fileName = `cleartune-usage-${day(now)}.${format}`;
  return format === 'csv'
    ? { fileName, text: usageCsv(rows), mime: CSV_MIME }
    : {
        fileName,
        text: json({ format: 'cleartune-usage', version: 1, exportedAt: now.toISOString(), entries: rows }),
        mime: JSON_MIME,
      };
}

/** The favorites (`provider:id` keys). */
export function favoritesExport(keys: readonly string[], format: ExportFormat, now: Date): ExportFile {
  const fileName = `cleartune-favorites-${day(now)}.${format}`;
  return format === 'csv'
    ? { fileName, text: favoritesCsv(keys), mime: CSV_MIME }
    : {
        fileName,
        text: json({ format: 'cleartune-favorites', version: 1, favorites: keys }),
        mime: JSON_MIME,
      };
}

/** What to say once a file went out: "Exported 3 entries as CSV." (the options page's own words). */
export function exportedMessage(what: 'usage' | 'favorites', count: number, format: ExportFormat): string {
  return i18n.t(what === 'usage' ? 'options.usage.exportedUsage' : 'options.usage.exportedFavorites', count, {
    format: format.toUpperCase(),
  });
}
