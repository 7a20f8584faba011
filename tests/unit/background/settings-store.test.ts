import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { toggleFavorite } from '@/lib/background/settings/favorites';
import { type SettingsDeps, saveSettings } from '@/lib/background/settings/settings';
import { changeSettings } from '@/lib/background/settings/settings-store';
import { importSettings } from '@/lib/background/settings/settings-transfer';
import { DEFAULT_SETTINGS, favoritesItem, settingsItem } from '@/lib/background/storage';

const deps: SettingsDeps = {
  listTeams: async () => ({ teams: [] }),
  onCredentialsChanged: async () => {},
};

describe('settings and favorites written from several places at once', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps both of two saves made at the same moment (two options windows)', async () => {
    await Promise.all([
      saveSettings({ defaultGenre: 'ROCK' }, deps),
      saveSettings({ defaultRange: '30DAY' }, deps),
      saveSettings({ layersKey: 'lp_live_second_window_key_0001' }, deps),
    ]);
    expect(await settingsItem.get()).toEqual({
      ...DEFAULT_SETTINGS,
      defaultGenre: 'ROCK',
      defaultRange: '30DAY',
      layersKey: 'lp_live_second_window_key_0001',
    });
  });

  it('keeps every favorite toggled in quick succession', async () => {
    await Promise.all(['bundle-social:1', 'bundle-social:2', 'layers:a'].map((key) => toggleFavorite(key)));
    expect(new Set(await favoritesItem.get())).toEqual(
      new Set(['bundle-social:1', 'bundle-social:2', 'layers:a']),
    );
  });

  it('an import and a favorite toggled meanwhile both land', async () => {
    await Promise.all([
      importSettings({ favorites: ['layers:imported'], defaultGenre: 'JAZZ' }, deps),
      toggleFavorite('bundle-social:clicked'),
      saveSettings({ defaultRange: '1DAY' }, deps),
    ]);
    expect(new Set(await favoritesItem.get())).toEqual(new Set(['layers:imported', 'bundle-social:clicked']));
    const settings = await settingsItem.get();
    expect([settings.defaultGenre, settings.defaultRange]).toEqual(['JAZZ', '1DAY']);
  });

  it('a change that fails stores nothing and does not block the next one', async () => {
    const failed = changeSettings(async () => {
      throw new Error('access refused');
    });
    const saved = saveSettings({ defaultGenre: 'K-POP' }, deps);
    await expect(failed).rejects.toThrow('access refused');
    await saved;
    expect((await settingsItem.get()).defaultGenre).toBe('K-POP');
  });
});
