import { type FormEvent, useState } from 'react';
import type { OptionsDeps } from '@/lib/options/deps';
import type { DateRange, Genre } from '@/lib/shared/genres';
import { DATE_RANGE_LABELS, DATE_RANGES, sortedGenreOptions } from '@/lib/shared/genres';
import { errorText } from '@/lib/shared/messages';
import type { MaskedSettings } from '@/lib/shared/protocol';
import { ProviderFieldset } from './ProviderFieldset';
import { TeamSelect } from './TeamSelect';

interface Props {
  deps: OptionsDeps;
  settings: MaskedSettings;
  onSaved: (settings: MaskedSettings) => void;
}

/** Keys, team and defaults, saved together by "Save"; each provider can also be tested on its own. */
export function ConnectionSettings({ deps, settings, onSaved }: Props) {
  const [bundleKey, setBundleKey] = useState('');
  const [layersKey, setLayersKey] = useState('');
  const [teamId, setTeamId] = useState(settings.teamId ?? '');
  const [genre, setGenre] = useState<Genre>(settings.defaultGenre);
  const [range, setRange] = useState<DateRange>(settings.defaultRange);
  const [saved, setSaved] = useState<{ ok: boolean; text: string } | null>(null);
  const [saving, setSaving] = useState(false);

  const accept = (next: MaskedSettings) => {
    onSaved(next);
    setTeamId(next.teamId ?? '');
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    try {
      const next = await deps.send('saveSettings', {
        ...(bundleKey.trim() ? { bundleSocialKey: bundleKey.trim() } : {}),
        ...(layersKey.trim() ? { layersKey: layersKey.trim() } : {}),
        ...(teamId !== (settings.teamId ?? '') ? { teamId: teamId || null } : {}),
        defaultGenre: genre,
        defaultRange: range,
      });
      accept(next);
      setBundleKey('');
      setLayersKey('');
      setSaved({ ok: true, text: 'Settings saved.' });
    } catch (error) {
      setSaved({ ok: false, text: `Not saved: ${errorText(error)}` });
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="card" aria-labelledby="connection-title" onSubmit={(e) => void save(e)}>
      <h2 id="connection-title">Providers</h2>
      <ProviderFieldset
        deps={deps}
        provider="bundle-social"
        stored={settings.bundleSocialKey}
        value={bundleKey}
        onChange={setBundleKey}
        pendingPatch={teamId !== (settings.teamId ?? '') ? { teamId: teamId || null } : {}}
        onSaved={accept}
      >
        <TeamSelect
          deps={deps}
          typedKey={bundleKey}
          hasStoredKey={settings.bundleSocialKey !== null}
          value={teamId}
          onChange={setTeamId}
        />
      </ProviderFieldset>
      <ProviderFieldset
        deps={deps}
        provider="layers"
        stored={settings.layersKey}
        value={layersKey}
        onChange={setLayersKey}
        pendingPatch={{}}
        onSaved={accept}
      />
      <h2>Defaults</h2>
      <p className="hint">What the popup shows when it opens.</p>
      <div className="row">
        <label>
          <span>Default genre</span>
          <select value={genre} onChange={(e) => setGenre(e.target.value as Genre)}>
            {sortedGenreOptions().map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Default date range</span>
          <select value={range} onChange={(e) => setRange(e.target.value as DateRange)}>
            {DATE_RANGES.map((value) => (
              <option key={value} value={value}>
                {DATE_RANGE_LABELS[value]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={saving}>
          Save
        </button>
        <p role="status" className={saved?.ok === false ? 'error-text' : 'ok-text'}>
          {saved?.text}
        </p>
      </div>
    </form>
  );
}
