import { useEffect, useState } from 'react';
import { i18n } from '#i18n';
import type { OptionsDeps } from '@/lib/options/deps';
import { errorText } from '@/lib/shared/messages';
import type { ToolbarOpens } from '@/lib/shared/protocol';

/** The choices, read in the page's language when it renders. */
const CHOICES: { value: ToolbarOpens; label: () => string }[] = [
  { value: 'popup', label: () => i18n.t('options.toolbar.popup') },
  { value: 'sidePanel', label: () => i18n.t('options.toolbar.sidePanel') },
];

/** What the toolbar button opens, and the way to the browser's keyboard shortcuts page. */
export function PanelAndShortcuts({ deps }: { deps: OptionsDeps }) {
  const [opens, setOpens] = useState<ToolbarOpens | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    deps
      .send('getToolbarOpens')
      .then(setOpens, (error: unknown) => setMessage({ ok: false, text: errorText(error) }));
  }, [deps]);

  const choose = async (value: ToolbarOpens) => {
    const previous = opens;
    setOpens(value);
    try {
      setOpens(await deps.send('setToolbarOpens', { opens: value }));
      setMessage({
        ok: true,
        text: i18n.t(value === 'popup' ? 'options.toolbar.nowPopup' : 'options.toolbar.nowSidePanel'),
      });
    } catch (error) {
      setOpens(previous);
      setMessage({ ok: false, text: errorText(error) });
    }
  };

  return (
    <section className="card" aria-labelledby="panel-title">
      <h2 id="panel-title">{i18n.t('options.toolbar.title')}</h2>
      <fieldset className="choices" disabled={opens === null}>
        <legend>{i18n.t('options.toolbar.opens')}</legend>
        {CHOICES.map((choice) => (
          <label key={choice.value} className="choice">
            <input
              type="radio"
              name="toolbar-opens"
              value={choice.value}
              checked={opens === choice.value}
              onChange={() => void choose(choice.value)}
            />
            {choice.label()}
          </label>
        ))}
      </fieldset>
      <p className="hint">
        {i18n.t('options.toolbar.shortcuts')}{' '}
        {deps.openShortcuts && (
          <button type="button" className="link-button" onClick={() => deps.openShortcuts?.()}>
            {i18n.t('options.toolbar.change')}
          </button>
        )}
      </p>
      {message && (
        <p className={message.ok ? 'ok-text' : 'error-text'} role="status">
          {message.text}
        </p>
      )}
    </section>
  );
}
