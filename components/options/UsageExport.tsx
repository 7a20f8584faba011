import { useEffect, useState } from 'react';
import type { OptionsDeps } from '@/lib/options/deps';
import { errorText } from '@/lib/shared/messages';
import { favoritesCsv, usageCsv } from '@/lib/shared/usage-csv';

const day = (now: Date) => now.toISOString().slice(0, 10);

/** The usage record and the favorites, exported as CSV (for spreadsheets) or JSON. */
export function UsageExport({ deps }: { deps: OptionsDeps }) {
  const [count, setCount] = useState<number | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    deps.send('getUsage').then(
      (rows) => setCount(rows.length),
      (error: unknown) => setMessage({ ok: false, text: errorText(error) }),
    );
  }, [deps]);

  const exportUsage = async (format: 'csv' | 'json') => {
    try {
      const rows = await deps.send('getUsage');
      const name = `cleartune-usage-${day(new Date())}.${format}`;
      if (format === 'csv') deps.download(name, usageCsv(rows), 'text/csv;charset=utf-8');
      else
        deps.download(
          name,
          `${JSON.stringify({ format: 'cleartune-usage', version: 1, exportedAt: new Date().toISOString(), entries: rows }, null, 2)}\n`,
        );
      setCount(rows.length);
      setMessage({
        ok: true,
        text: `Exported ${rows.length} ${rows.length === 1 ? 'entry' : 'entries'} as ${format.toUpperCase()}.`,
      });
    } catch (error) {
      setMessage({ ok: false, text: errorText(error) });
    }
  };

  const exportFavorites = async (format: 'csv' | 'json') => {
    try {
      const keys = await deps.send('getFavorites');
      const name = `cleartune-favorites-${day(new Date())}.${format}`;
      if (format === 'csv') deps.download(name, favoritesCsv(keys), 'text/csv;charset=utf-8');
      else
        deps.download(
          name,
          `${JSON.stringify({ format: 'cleartune-favorites', version: 1, favorites: keys }, null, 2)}\n`,
        );
      setMessage({
        ok: true,
        text: `Exported ${keys.length} favorite${keys.length === 1 ? '' : 's'} as ${format.toUpperCase()}.`,
      });
    } catch (error) {
      setMessage({ ok: false, text: errorText(error) });
    }
  };

  return (
    <section className="card" aria-labelledby="usage-title">
      <h2 id="usage-title">Usage record</h2>
      <p className="hint">
        Every track Cleartune put into a post, kept on this device only
        {count === null ? '.' : ` (${count} ${count === 1 ? 'entry' : 'entries'}).`} The CSV opens in Excel
        and Google Sheets with ids intact.
      </p>
      <div className="row">
        <button type="button" onClick={() => void exportUsage('csv')}>
          Export usage as CSV
        </button>
        <button type="button" onClick={() => void exportUsage('json')}>
          Export usage as JSON
        </button>
        <button type="button" onClick={() => void exportFavorites('csv')}>
          Export favorites as CSV
        </button>
        <button type="button" onClick={() => void exportFavorites('json')}>
          Export favorites as JSON
        </button>
      </div>
      {message && (
        <p className={message.ok ? 'ok-text' : 'error-text'} role="status">
          {message.text}
        </p>
      )}
    </section>
  );
}
