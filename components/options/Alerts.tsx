import { useEffect, useState } from 'react';
import { i18n } from '#i18n';
import type { OptionsDeps } from '@/lib/options/deps';
import { genreLabel, sortedGenreOptions } from '@/lib/shared/genres';
import { errorText } from '@/lib/shared/messages';
import { type AlertPrefs, type AlertState, NO_ALERTS } from '@/lib/shared/protocol';

const anyOn = (prefs: AlertPrefs) => prefs.breakoutGenres.length > 0 || prefs.favoritesTop10;
const countOn = (prefs: AlertPrefs) => prefs.breakoutGenres.length + (prefs.favoritesTop10 ? 1 : 0);

/** The page's sentence for what is on. */
function summary(prefs: AlertPrefs): string {
  if (!anyOn(prefs)) return i18n.t('options.alerts.off');
  const genres = prefs.breakoutGenres.map(genreLabel).join(', ');
  if (!genres) return i18n.t('options.alerts.onFavorites');
  return prefs.favoritesTop10
    ? i18n.t('options.alerts.onBoth', { genres })
    : i18n.t('options.alerts.onBreakouts', { genres });
}

/** A stored or answered value the page can rely on; anything odd reads as "off". */
function readState(state: AlertState | null | undefined): AlertState {
  const prefs = state?.prefs;
  return {
    prefs: {
      breakoutGenres: Array.isArray(prefs?.breakoutGenres) ? prefs.breakoutGenres : [],
      favoritesTop10: prefs?.favoritesTop10 === true,
    },
    allowed: state?.allowed === true,
  };
}

/**
 * Alerts, off by default: breakouts in chosen genres, and a favorite entering the top 10. Turning
 * one on asks for the notifications permission within the click; refused, the alert stays off.
 * Turning the last one off gives the permission back.
 */
export function Alerts({ deps }: { deps: OptionsDeps }) {
  const [state, setState] = useState<AlertState | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    deps.send('getAlerts').then(
      (answer) => setState(readState(answer)),
      (error: unknown) => {
        setState(readState({ prefs: NO_ALERTS, allowed: false }));
        setMessage({ ok: false, text: errorText(error) });
      },
    );
  }, [deps]);

  const save = async (next: AlertPrefs, previous: AlertState, asking: Promise<boolean> | null) => {
    if (asking) {
      const granted = await asking.catch(() => false);
      if (!granted) {
        setState(previous);
        setMessage({ ok: false, text: i18n.t('options.alerts.refused') });
        return;
      }
    }
    try {
      const saved = readState(await deps.send('setAlerts', next));
      setState(saved);
      if (!anyOn(saved.prefs)) await deps.removePermission('notifications').catch(() => false);
      setMessage({ ok: true, text: summary(saved.prefs) });
    } catch (error) {
      setState(previous);
      setMessage({ ok: false, text: errorText(error) });
    }
  };

  const change = (next: AlertPrefs) => {
    if (!state) return;
    // The browser asks only within the click that turned an alert on: before anything is awaited.
    const asking = countOn(next) > countOn(state.prefs) ? deps.requestPermission('notifications') : null;
    setState({ ...state, prefs: next });
    void save(next, state, asking);
  };

  const prefs = state?.prefs ?? NO_ALERTS;
  const toggleGenre = (genre: AlertPrefs['breakoutGenres'][number], on: boolean) =>
    change({
      ...prefs,
      breakoutGenres: on
        ? [...prefs.breakoutGenres, genre]
        : prefs.breakoutGenres.filter((chosen) => chosen !== genre),
    });

  return (
    <section className="card" aria-labelledby="alerts-title">
      <h2 id="alerts-title">{i18n.t('options.alerts.title')}</h2>
      <p className="hint" id="alerts-hint">
        {i18n.t('options.alerts.hint')}
      </p>
      <label className="check">
        <input
          type="checkbox"
          checked={prefs.favoritesTop10}
          disabled={state === null}
          onChange={(event) => change({ ...prefs, favoritesTop10: event.target.checked })}
        />
        <span>{i18n.t('options.alerts.favorites')}</span>
      </label>
      <fieldset className="choices genre-choices" disabled={state === null} aria-describedby="alerts-hint">
        <legend>{i18n.t('options.alerts.breakouts')}</legend>
        {sortedGenreOptions().map((option) => (
          <label key={option.value} className="check">
            <input
              type="checkbox"
              checked={prefs.breakoutGenres.includes(option.value)}
              onChange={(event) => toggleGenre(option.value, event.target.checked)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </fieldset>
      <div className="row">
        <button type="button" disabled={!anyOn(prefs)} onClick={() => change(NO_ALERTS)}>
          {i18n.t('options.alerts.allOff')}
        </button>
      </div>
      {state && anyOn(state.prefs) && !state.allowed && message === null && (
        <p className="error-text">{i18n.t('options.alerts.notAllowed')}</p>
      )}
      {message && (
        <p className={message.ok ? 'ok-text' : 'error-text'} role="status">
          {message.text}
        </p>
      )}
    </section>
  );
}
