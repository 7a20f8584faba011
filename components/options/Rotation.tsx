import { useEffect, useState } from 'react';
import { i18n } from '#i18n';
import type { OptionsDeps } from '@/lib/options/deps';
import { errorText } from '@/lib/shared/messages';

const MIN_DAYS = 1;
const MAX_DAYS = 365;

/** The rotation window: the finder's "Hide tracks used in the last N days" and its "Used … ago" rows. */
export function Rotation({ deps }: { deps: OptionsDeps }) {
  const [saved, setSaved] = useState<number | null>(null);
  const [draft, setDraft] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    deps.send('getLastUses').then(
      ({ days }) => {
        setSaved(days);
        setDraft(String(days));
      },
      (error: unknown) => setMessage({ ok: false, text: errorText(error) }),
    );
  }, [deps]);

  const save = async () => {
    const days = Number(draft);
    if (!Number.isInteger(days) || days < MIN_DAYS || days > MAX_DAYS) {
      setMessage({ ok: false, text: i18n.t('options.rotation.invalid', { min: MIN_DAYS, max: MAX_DAYS }) });
      return;
    }
    if (days === saved) return;
    try {
      const stored = await deps.send('setRotationDays', { days });
      setSaved(stored);
      setMessage({ ok: true, text: i18n.t('options.rotation.saved', stored) });
    } catch (error) {
      setMessage({ ok: false, text: errorText(error) });
    }
  };

  return (
    <section className="card" aria-labelledby="rotation-title">
      <h2 id="rotation-title">{i18n.t('options.rotation.title')}</h2>
      <form
        className="row"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <label htmlFor="rotation-days">{i18n.t('options.rotation.label')}</label>
        <input
          id="rotation-days"
          type="number"
          inputMode="numeric"
          min={MIN_DAYS}
          max={MAX_DAYS}
          value={draft}
          disabled={saved === null}
          aria-describedby="rotation-hint"
          onChange={(event) => setDraft(event.target.value)}
          onBlur={() => void save()}
        />
        <span>{i18n.t('options.rotation.unit')}</span>
        <button type="submit" disabled={saved === null}>
          {i18n.t('options.rotation.save')}
        </button>
      </form>
      <p id="rotation-hint" className="hint">
        {i18n.t('options.rotation.hint')}
      </p>
      {message && (
        <p className={message.ok ? 'ok-text' : 'error-text'} role="status">
          {message.text}
        </p>
      )}
    </section>
  );
}
