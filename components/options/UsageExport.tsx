import { useEffect, useState } from 'react';
import type { OptionsDeps } from '@/lib/options/deps';
import { errorText } from '@/lib/shared/messages';
import { type ExportFormat, exportedMessage, favoritesExport, usageExport } from '@/lib/shared/usage-export';

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

  const exportUsage = async (format: ExportFormat) => {
    try {
      const rows = await deps.send('getUsage');
      const file = usageExport(rows, format, new Date());
      deps.download(file.fileName, file.text, file.mime);
      setCount(rows.length);
      setMessage({ ok: true, text: exportedMessage('usage', rows.length, format) });
    } catch (error) {
      setMessage({ ok: false, text: errorText(error) });
    }
  };

  const exportFavorites = async (format: ExportFormat) => {
    try {
      const keys = await deps.send('getFavorites');
      const file = favoritesExport(keys, format, new Date());
      deps.download(file.fileName, file.text, file.mime);
      setMessage({ ok: true, text: exportedMessage('favorites', keys.length, format) });
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
