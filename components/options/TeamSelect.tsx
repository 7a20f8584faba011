import { useEffect, useRef, useState } from 'react';
import { i18n } from '#i18n';
import type { OptionsDeps } from '@/lib/options/deps';
import { errorText } from '@/lib/shared/messages';
import type { Team } from '@/lib/shared/protocol';

interface Props {
  deps: OptionsDeps;
  /** A key typed but not saved: teams are listed for it as soon as it looks complete. */
  typedKey: string;
  hasStoredKey: boolean;
  value: string;
  onChange: (teamId: string) => void;
}

const TYPING_PAUSE_MS = 400;

/** bundle.social's teams for the key, picked automatically when there is only one. */
export function TeamSelect({ deps, typedKey, hasStoredKey, value, onChange }: Props) {
  const [teams, setTeams] = useState<Team[]>([]);
  const [state, setState] = useState<'idle' | 'loading' | 'error'>('idle');
  const [error, setError] = useState<string | null>(null);
  const key = typedKey.trim();
  // Read, not reacted to: only a new key (or a newly stored one) lists teams again.
  const selection = useRef({ value, onChange });
  selection.current = { value, onChange };

  useEffect(() => {
    if (!key && !hasStoredKey) {
      setTeams([]);
      return;
    }
    let current = true;
    const timer = setTimeout(
      () => {
        setState('loading');
        deps.send('listTeams', key ? { apiKey: key } : {}).then(
          (answer) => {
            if (!current) return;
            setTeams(answer.teams);
            setError(answer.error?.message ?? null);
            setState(answer.error ? 'error' : 'idle');
            const only = answer.teams.length === 1 ? answer.teams[0] : undefined;
            if (only && selection.current.value !== only.id) selection.current.onChange(only.id);
          },
          (failure: unknown) => {
            if (!current) return;
            setError(errorText(failure));
            setState('error');
          },
        );
      },
      key ? TYPING_PAUSE_MS : 0,
    );
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [deps, key, hasStoredKey]);

  const known = teams.some((team) => team.id === value);
  return (
    <>
      <label>
        <span>{i18n.t('options.providers.team')}</span>
        <select value={value} disabled={teams.length === 0} onChange={(e) => onChange(e.target.value)}>
          {(!known || teams.length === 0) && (
            <option value={value}>
              {state === 'loading'
                ? i18n.t('options.providers.teamsLoading')
                : value && !known
                  ? i18n.t('options.providers.teamSaved', { id: value })
                  : teams.length === 0
                    ? i18n.t('options.providers.teamNeedsKey')
                    : i18n.t('options.providers.teamChoose')}
            </option>
          )}
          {teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </select>
      </label>
      {error && <p className="error-text">{error}</p>}
    </>
  );
}
