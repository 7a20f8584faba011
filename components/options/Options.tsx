import { useEffect, useState } from 'react';
import { i18n } from '#i18n';
import type { OptionsDeps } from '@/lib/options/deps';
import { errorText } from '@/lib/shared/messages';
import type { MaskedSettings } from '@/lib/shared/protocol';
import { Alerts } from './Alerts';
import { ComposerSites } from './ComposerSites';
import { ConnectionSettings } from './ConnectionSettings';
import { PanelAndShortcuts } from './PanelAndShortcuts';
import { Rotation } from './Rotation';
import { SettingsTransfer } from './SettingsTransfer';
import { UsageExport } from './UsageExport';
import './options.css';

/** The options page: provider keys and team, defaults, composer sites, export and import, the usage record, alerts. */
export function Options({ deps }: { deps: OptionsDeps }) {
  const [settings, setSettings] = useState<MaskedSettings | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  useEffect(() => {
    // The page shows what is stored, not what it last wrote: reloaded on every stored change, and
    // only the newest answer is applied when changes come quickly.
    let asked = 0;
    const load = () => {
      const ask = ++asked;
      deps.send('getSettings').then(
        (next) => {
          if (ask === asked) setSettings(next);
        },
        (error: unknown) => setLoadError(errorText(error)),
      );
    };
    load();
    return deps.watchSettings(load);
  }, [deps]);

  return (
    <main className="options">
      <h1>{i18n.t('options.title')}</h1>
      {loadError && <p className="error-text">{loadError}</p>}
      {settings && (
        <>
          <ConnectionSettings deps={deps} settings={settings} onSaved={setSettings} />
          <ComposerSites deps={deps} sites={settings.composerSites} onChanged={setSettings} />
          <PanelAndShortcuts deps={deps} />
          <SettingsTransfer deps={deps} onImported={setSettings} />
          <UsageExport deps={deps} />
          <Rotation deps={deps} />
          <Alerts deps={deps} />
        </>
      )}
    </main>
  );
}
