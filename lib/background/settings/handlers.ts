import type { CatalogEngine } from '../catalog/engine';
import { theEngine } from '../catalog/handlers';
import type { MessageHandlers } from '../messages';
import { favoritesItem, settingsItem } from '../storage';
import { toggleFavorite } from './favorites';
import { maskSettings, type SettingsDeps, saveSettings } from './settings';
import { exportSettings, importSettings } from './settings-transfer';

function settingsDeps(catalog: CatalogEngine): SettingsDeps {
  return {
    listTeams: (apiKey) => catalog.listTeams(apiKey),
    onCredentialsChanged: () => catalog.noteSettingsChanged(),
  };
}

/** Settings and favorites handlers; a change of keys or team is told to the catalog engine. */
export function settingsHandlers(catalog: () => CatalogEngine = theEngine): MessageHandlers {
  return {
    getSettings: async () => maskSettings(await settingsItem.get()),
    saveSettings: (patch) => saveSettings(patch, settingsDeps(catalog())),
    exportSettings: ({ includeKeys }) => exportSettings(includeKeys, Date.now()),
    importSettings: (data) => importSettings(data, settingsDeps(catalog())),
    getFavorites: () => favoritesItem.get(),
    toggleFavorite: ({ key }) => toggleFavorite(key),
  };
}
