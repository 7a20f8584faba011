import { useEffect, useState } from 'react';
import { i18n } from '#i18n';
import type { OptionsDeps } from '@/lib/options/deps';
import { errorText } from '@/lib/shared/messages';
import { type ExportFormat, favoritesExport, usageExport } from '@/lib/shared/usage-export';

/** CSV or JSON, as the file's kind is named in every language. */
const formatName = (format: ExportFormat) => format.toUpperCase();

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
      setMessage({
        ok: true,
        text: i18n.t('options.usage.exportedUsage', rows.length, { format: formatName(format) }),
      });
    } catch (error) {
      setMessage({ ok: false, text: errorText(error) });
    }
  };

  const exportFavorites = async (format: ExportFormat) => {
    try {
      const keys = await deps.send('getFavorites');
      const file = favoritesExport(keys, format, new Date());
      deps.download(file.fileName, file.text, file.mime);
      setMessage({
        ok: true,
        text: i18n.t('options.usage.exportedFavorites', keys.length, { format: formatName(format) }),
      });
    } catch (error) {
      setMessage({ ok: false, text: errorText(error) });
    }
  };

  return (
    <section className="card" aria-labelledby="usage-title">
      <h2 id="usage-title">{i18n.t('options.usage.title')}</h2>
      <p className="hint">
        {count === null ? i18n.t('options.usage.hint') : i18n.t('options.usage.hintCount', count)}{' '}
        {i18n.t('options.usage.csvHint')}
      </p>
      <div className="row">
        <button type="button" onClick={() => void exportUsage('csv')}>
          {i18n.t('options.usage.exportUsage', { format: formatName('csv') })}
        </button>
        <button type="button" onClick={() => void exportUsage('json')}>
          {i18n.t('options.usage.exportUsage', { format: formatName('json') })}
        </button>
        <button type="button" onClick={() => void exportFavorites('csv')}>
          {i18n.t('options.usage.exportFavorites', { format: formatName('csv') })}
        </button>
        <button type="button" onClick={() => void exportFavorites('json')}>
          {i18n.t('options.usage.exportFavorites', { format: formatName('json') })}
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
