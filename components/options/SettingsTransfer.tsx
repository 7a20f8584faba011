import { type ChangeEvent, useState } from 'react';
import { i18n } from '#i18n';
import type { OptionsDeps } from '@/lib/options/deps';
import { exportFileName, exportText, parseImport } from '@/lib/options/settings-file';
import { errorText } from '@/lib/shared/messages';
import type { MaskedSettings } from '@/lib/shared/protocol';

interface Props {
  deps: OptionsDeps;
  onImported: (settings: MaskedSettings) => void;
}

/** Settings as a JSON file: without API keys unless the user asks for them. */
export function SettingsTransfer({ deps, onImported }: Props) {
  const [includeKeys, setIncludeKeys] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string; details?: string[] } | null>(null);

  const exportFile = async () => {
    try {
      const data = await deps.send('exportSettings', { includeKeys });
      deps.download(exportFileName(new Date()), exportText(data));
      setMessage({
        ok: true,
        text: includeKeys ? i18n.t('options.transfer.exportedWithKeys') : i18n.t('options.transfer.exported'),
      });
    } catch (error) {
      setMessage({ ok: false, text: errorText(error) });
    }
  };

  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    const parsed = parseImport(await file.text());
    input.value = '';
    if ('error' in parsed) {
      setMessage({ ok: false, text: parsed.error });
      return;
    }
    try {
      const { settings, warnings } = await deps.send('importSettings', parsed.data);
      onImported(settings);
      setMessage({ ok: true, text: i18n.t('options.transfer.imported'), details: warnings });
    } catch (error) {
      setMessage({ ok: false, text: errorText(error) });
    }
  };

  return (
    <section className="card" aria-labelledby="transfer-title">
      <h2 id="transfer-title">{i18n.t('options.transfer.title')}</h2>
      <div className="row">
        <label className="check">
          <input type="checkbox" checked={includeKeys} onChange={(e) => setIncludeKeys(e.target.checked)} />
          <span>{i18n.t('options.transfer.includeKeys')}</span>
        </label>
        <button type="button" onClick={() => void exportFile()}>
          {i18n.t('options.transfer.export')}
        </button>
        <label className="file-button">
          <span>{i18n.t('options.transfer.import')}</span>
          <input type="file" accept="application/json,.json" onChange={(e) => void importFile(e)} />
        </label>
      </div>
      <div role="status" className={message?.ok === false ? 'error-text' : 'ok-text'}>
        {message && <p>{message.text}</p>}
        {message?.details && message.details.length > 0 && (
          <ul>
            {message.details.map((detail) => (
              <li key={detail}>{detail}</li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
