import { type FormEvent, useState } from 'react';
import { i18n } from '#i18n';
import type { OptionsDeps } from '@/lib/options/deps';
import type { DateRange, Genre } from '@/lib/shared/genres';
import { DATE_RANGES, sortedGenreOptions } from '@/lib/shared/genres';
import { errorText } from '@/lib/shared/messages';
import type { MaskedSettings } from '@/lib/shared/protocol';
import { ProviderFieldset } from './ProviderFieldset';
import { TeamSelect } from './TeamSelect';

/** The days of each range, for the select's "7 days" in the page's language. */
const RANGE_DAYS: Record<DateRange, number> = { '1DAY': 1, '7DAY': 7, '30DAY': 30 };

interface Props {
  deps: OptionsDeps;
  settings: MaskedSettings;
  onSaved: (settings: MaskedSettings) => void;
}

/** What the person changed on this page and has not saved yet; everything else shows what is stored. */
interface Draft {
  teamId?: string;
  defaultGenre?: Genre;
  defaultRange?: DateRange;
}

/**
 * Keys, team and defaults, saved together by "Save"; each provider can also be tested on its own.
 * Save sends only what was changed here: a field left alone follows the stored value (an import, or
 * another window's save) instead of writing an old copy of it back.
 */
export function ConnectionSettings({ deps, settings, onSaved }: Props) {
  const [bundleKey, setBundleKey] = useState('');
  const [layersKey, setLayersKey] = useState('');
  const [draft, setDraft] = useState<Draft>({});
  const [saved, setSaved] = useState<{ ok: boolean; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const teamId = draft.teamId ?? settings.teamId ?? '';
  const genre = draft.defaultGenre ?? settings.defaultGenre;
  const range = draft.defaultRange ?? settings.defaultRange;
  const teamPatch = draft.teamId !== undefined ? { teamId: draft.teamId || null } : {};
  const edit = (change: Draft) => setDraft((current) => ({ ...current, ...change }));

  /** Settings a test or a save stored: the team it may have picked is now the stored one. */
  const accept = (next: MaskedSettings) => {
    onSaved(next);
    setDraft(({ teamId: _, ...rest }) => rest);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    const sent = draft;
    try {
      const next = await deps.send('saveSettings', {
        ...(bundleKey.trim() ? { bundleSocialKey: bundleKey.trim() } : {}),
        ...(layersKey.trim() ? { layersKey: layersKey.trim() } : {}),
        ...teamPatch,
        ...(sent.defaultGenre ? { defaultGenre: sent.defaultGenre } : {}),
        ...(sent.defaultRange ? { defaultRange: sent.defaultRange } : {}),
      });
      onSaved(next);
      // Edits made while the save was on its way stay as drafts.
      setDraft((current) => (current === sent ? {} : current));
      setBundleKey('');
      setLayersKey('');
      setSaved({ ok: true, text: i18n.t('options.defaults.saved') });
    } catch (error) {
      setSaved({ ok: false, text: i18n.t('options.defaults.notSaved', { error: errorText(error) }) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="card" aria-labelledby="connection-title" onSubmit={(e) => void save(e)}>
      <h2 id="connection-title">{i18n.t('options.providers.title')}</h2>
      <ProviderFieldset
        deps={deps}
        provider="bundle-social"
        stored={settings.bundleSocialKey}
        value={bundleKey}
        onChange={setBundleKey}
        pendingPatch={teamPatch}
        onSaved={accept}
      >
        <TeamSelect
          deps={deps}
          typedKey={bundleKey}
          hasStoredKey={settings.bundleSocialKey !== null}
          value={teamId}
          onChange={(value) => edit({ teamId: value })}
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
      <h2>{i18n.t('options.defaults.title')}</h2>
      <p className="hint">{i18n.t('options.defaults.hint')}</p>
      <div className="row">
        <label>
          <span>{i18n.t('options.defaults.genre')}</span>
          <select value={genre} onChange={(e) => edit({ defaultGenre: e.target.value as Genre })}>
            {sortedGenreOptions().map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{i18n.t('options.defaults.range')}</span>
          <select value={range} onChange={(e) => edit({ defaultRange: e.target.value as DateRange })}>
            {DATE_RANGES.map((value) => (
              <option key={value} value={value}>
                {i18n.t('options.defaults.rangeDays', RANGE_DAYS[value])}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={saving}>
          {i18n.t('options.defaults.save')}
        </button>
        <p role="status" className={saved?.ok === false ? 'error-text' : 'ok-text'}>
          {saved?.text}
        </p>
      </div>
    </form>
  );
}
