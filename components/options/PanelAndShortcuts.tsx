import { useEffect, useState } from 'react';
import type { OptionsDeps } from '@/lib/options/deps';
import { errorText } from '@/lib/shared/messages';
import type { ToolbarOpens } from '@/lib/shared/protocol';

const CHOICES: { value: ToolbarOpens; label: string }[] = [
  { value: 'popup', label: 'the popup' },
  { value: 'sidePanel', label: 'the side panel (stays open beside the page)' },
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
        text: `The toolbar button now opens ${value === 'popup' ? 'the popup' : 'the side panel'}.`,
      });
    } catch (error) {
      setOpens(previous);
      setMessage({ ok: false, text: errorText(error) });
    }
  };

  return (
    <section className="card" aria-labelledby="panel-title">
      <h2 id="panel-title">Toolbar button and shortcuts</h2>
      <fieldset className="choices" disabled={opens === null}>
        <legend>The toolbar button opens</legend>
        {CHOICES.map((choice) => (
          <label key={choice.value} className="choice">
            <input
              type="radio"
              name="toolbar-opens"
              value={choice.value}
              checked={opens === choice.value}
              onChange={() => void choose(choice.value)}
            />
            {choice.label}
          </label>
        ))}
      </fieldset>
      <p className="hint">
        Shortcuts: Alt+Shift+C opens Cleartune, Alt+Shift+S the side panel, Alt+Shift+I inserts the chosen
        track into the composer field you are in (on TikTok Studio: finds it in Sounds).{' '}
        {deps.openShortcuts && (
          <button type="button" className="link-button" onClick={() => deps.openShortcuts?.()}>
            Change keyboard shortcuts
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
