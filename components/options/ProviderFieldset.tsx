import { type ReactNode, useId, useState } from 'react';
import { i18n } from '#i18n';
import type { OptionsDeps } from '@/lib/options/deps';
import { errorText } from '@/lib/shared/messages';
import type { Input, MaskedSettings, ProviderError } from '@/lib/shared/protocol';
import type { Provider } from '@/lib/shared/track';
import { PROVIDER_NAMES } from '@/lib/shared/track';
import { isWaiting, sentenceAt } from '@/lib/shared/waits';
import { useNow } from '../shared/use-now';

const KEY_FIELD = { 'bundle-social': 'bundleSocialKey', layers: 'layersKey' } as const;
const KEY_HINT = { 'bundle-social': 'pk_live_…', layers: 'lp_…' } as const;

interface Props {
  deps: OptionsDeps;
  provider: Provider;
  /** The stored key, masked by the background; null when none. */
  stored: string | null;
  value: string;
  onChange: (value: string) => void;
  /** Unsaved choices that belong with this provider's key (the team), saved with it by a test. */
  pendingPatch: Input<'saveSettings'>;
  onSaved: (settings: MaskedSettings) => void;
  children?: ReactNode;
}

/** What the last test or removal said; a rate limit's sentence counts down from its error. */
interface Outcome {
  ok: boolean;
  text: string;
  error?: ProviderError | null;
}

/** One provider: its key (never shown in full once stored), a connection test, and removal. */
export function ProviderFieldset({
  deps,
  provider,
  stored,
  value,
  onChange,
  pendingPatch,
  onSaved,
  children,
}: Props) {
  const name = PROVIDER_NAMES[provider];
  const hintId = useId();
  const [result, setResult] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const now = useNow(isWaiting(result?.error, Date.now()));

  const run = async (work: () => Promise<Outcome>) => {
    setBusy(true);
    setResult(null);
    try {
      setResult(await work());
    } catch (error) {
      setResult({ ok: false, text: errorText(error) });
    } finally {
      setBusy(false);
    }
  };

  /** A key typed but not saved yet is saved first: the background tests what it has stored. */
  const test = () =>
    run(async () => {
      if (value.trim()) {
        onSaved(await deps.send('saveSettings', { ...pendingPatch, [KEY_FIELD[provider]]: value.trim() }));
        onChange('');
      }
      const outcome = await deps.send('testConnection', { provider });
      return { ok: outcome.ok, text: outcome.message, error: outcome.error };
    });

  const remove = () =>
    run(async () => {
      onSaved(await deps.send('saveSettings', { [KEY_FIELD[provider]]: null }));
      return { ok: true, text: i18n.t('options.providers.removed', { name }) };
    });

  return (
    <fieldset className="provider">
      <legend>{name}</legend>
      <label>
        <span>{i18n.t('options.providers.apiKey', { name })}</span>
        <input
          type="password"
          autoComplete="off"
          spellCheck={false}
          placeholder={stored ? i18n.t('options.providers.replaceKey') : KEY_HINT[provider]}
          aria-describedby={hintId}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      </label>
      <p id={hintId} className="hint">
        {stored ? (
          <>
            {i18n.t('options.providers.savedKey')} <code>{stored}</code>
          </>
        ) : (
          i18n.t('options.providers.noKey')
        )}
      </p>
      {children}
      <div className="actions">
        <button
          type="button"
          aria-label={i18n.t('options.providers.testLabel', { name })}
          disabled={busy || (!stored && !value.trim())}
          onClick={() => void test()}
        >
          {i18n.t('options.providers.test')}
        </button>
        {stored && (
          <button type="button" disabled={busy} onClick={() => void remove()}>
            {i18n.t('options.providers.remove', { name })}
          </button>
        )}
        <p role="status" className={result?.ok === false ? 'error-text' : 'ok-text'}>
          {result && (
            <>
              <span aria-hidden="true">{result.ok ? '✓ ' : '✗ '}</span>
              {i18n.t(result.ok ? 'options.providers.passed' : 'options.providers.failed', {
                result: result.error ? sentenceAt(result.error, now) : result.text,
              })}
            </>
          )}
        </p>
      </div>
    </fieldset>
  );
}
