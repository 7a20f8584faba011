import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import * as z from 'zod/mini';
import { forgetKeyInMemory } from '@/lib/background/settings/secret-box';
import {
  DEFAULT_SETTINGS,
  defineValidatedItem,
  favoritesItem,
  settingsItem,
  takeNotices,
} from '@/lib/background/storage';
import storedV1 from '../../fixtures/stored/settings-v1.json';

const local = () => fakeBrowser.storage.local;
const KEYS = {
  bundleSocialKey: 'pk_live_0123456789abcdef0123',
  layersKey: 'lp_live_abcdef0123456789abcd',
  teamId: 'team-1',
};

beforeEach(() => fakeBrowser.reset());

describe('stored settings, field by field', () => {
  it('a genre a later release dropped resets the genre alone; keys, team and sites stay', async () => {
    const sites = ['https://app.example.com'];
    await local().set({
      settings: { ...KEYS, defaultGenre: 'SEA_SHANTY', defaultRange: '30DAY', composerSites: sites },
    });
    expect(await settingsItem.get()).toEqual({
      ...KEYS,
      defaultGenre: DEFAULT_SETTINGS.defaultGenre,
      defaultRange: '30DAY',
      composerSites: sites,
    });
    expect(await takeNotices()).toEqual([
      'Part of your stored settings could not be read and was reset: the default genre. Everything else is intact.',
    ]);
    // Written back repaired: the next read is quiet.
    expect((await local().get('settings')).settings).toMatchObject({ defaultGenre: 'POP', teamId: 'team-1' });
    await settingsItem.get();
    expect(await takeNotices()).toEqual([]);
  });

  it('values of the wrong type reset only their fields; an odd composer site is dropped, not the list', async () => {
    await local().set({
      settings: {
        ...KEYS,
        teamId: 42,
        defaultRange: ['7DAY'],
        composerSites: ['https://a.example', { x: 1 }],
      },
    });
    expect(await settingsItem.get()).toEqual({
      ...DEFAULT_SETTINGS,
      bundleSocialKey: KEYS.bundleSocialKey,
      layersKey: KEYS.layersKey,
      composerSites: ['https://a.example'],
    });
    expect(await takeNotices()).toEqual([
      'Part of your stored settings could not be read and was reset: the bundle.social team, the default date range, some of the composer sites. Everything else is intact.',
    ]);
  });

  it('fields missing from an older value take their defaults without a notice', async () => {
    await local().set({ settings: { bundleSocialKey: KEYS.bundleSocialKey } });
    expect(await settingsItem.get()).toEqual({ ...DEFAULT_SETTINGS, bundleSocialKey: KEYS.bundleSocialKey });
    expect(await takeNotices()).toEqual([]);
  });

  it('a value that is not settings at all is reset whole, with a notice', async () => {
    await local().set({ settings: 'garbled' });
    expect(await settingsItem.get()).toEqual(DEFAULT_SETTINGS);
    expect(await takeNotices()).toEqual([
      'Your stored settings could not be read and was reset; everything else is intact.',
    ]);
    expect(await local().get('settings')).toEqual({});
  });

  it('reads the settings stored by the first release (version 1) as they were', async () => {
    await local().set(storedV1);
    expect(await settingsItem.get()).toEqual(storedV1.settings);
    expect(await favoritesItem.get()).toEqual(storedV1.favorites);
    expect(await takeNotices()).toEqual([]);
  });
});

describe('API keys at rest', () => {
  /** Everything `storage.local` holds, as a content script could read it. */
  const everything = async () => JSON.stringify(await local().get(null));

  it('keys stored in plain text by version 1 are sealed and taken out of the settings on first read', async () => {
    await local().set(storedV1);
    expect(await everything()).toContain(KEYS.bundleSocialKey);
    expect(await settingsItem.get()).toEqual(storedV1.settings);
    const stored = await everything();
    for (const key of [KEYS.bundleSocialKey, KEYS.layersKey]) {
      expect(stored).not.toContain(key);
      expect(stored).not.toContain(key.slice(8, 20));
    }
    expect(await local().get(['settings', 'settings$'])).toEqual({
      settings: {
        teamId: 'team-1',
        defaultGenre: 'DANCE_POP',
        defaultRange: '30DAY',
        composerSites: storedV1.settings.composerSites,
      },
      settings$: { v: 2 },
    });
    // A restarted worker opens them again with the key kept in IndexedDB.
    forgetKeyInMemory();
    expect(await settingsItem.get()).toEqual(storedV1.settings);
    expect(await takeNotices()).toEqual([]);
  });

  it('keys in a version 1 value that lands just after the plain-text check are sealed, not lost', async () => {
    // The check for plain keys reads nothing; the version 1 value is there by the next read.
    const get = local().get.bind(local());
    let first = true;
    local().get = (async (keys: never) => {
      if (first && keys === 'settings') {
        first = false;
        await local().set(storedV1);
        return {};
      }
      return get(keys);
    }) as never;
    expect(await settingsItem.get()).toEqual(storedV1.settings);
    local().get = get;
    expect(await everything()).not.toContain(KEYS.layersKey);
    forgetKeyInMemory();
    expect(await settingsItem.get()).toEqual(storedV1.settings);
  });

  it('a save stores the keys sealed, never in plain text', async () => {
    await settingsItem.set({ ...DEFAULT_SETTINGS, ...KEYS });
    const stored = await everything();
    expect(stored).not.toContain(KEYS.bundleSocialKey);
    expect(stored).not.toContain(KEYS.layersKey);
    expect(await settingsItem.get()).toEqual({ ...DEFAULT_SETTINGS, ...KEYS });
    await settingsItem.set({ ...DEFAULT_SETTINGS, ...KEYS, layersKey: null, bundleSocialKey: null });
    expect(await local().get('secrets')).toEqual({});
  });

  it('sealed keys that cannot be opened are removed with a notice; everything else stays', async () => {
    await settingsItem.set({ ...DEFAULT_SETTINGS, ...KEYS, defaultGenre: 'JAZZ' });
    const { secrets } = (await local().get('secrets')) as { secrets: { data: string } };
    await local().set({ secrets: { ...secrets, data: `${secrets.data.slice(0, -4)}AAA=` } });
    forgetKeyInMemory();
    expect(await settingsItem.get()).toEqual({ ...DEFAULT_SETTINGS, teamId: 'team-1', defaultGenre: 'JAZZ' });
    expect(await takeNotices()).toEqual([
      'Your saved API keys could not be read and were removed: add them again in Settings.',
    ]);
    expect(await local().get('secrets')).toEqual({});
  });
});

describe('stored favorites, entry by entry', () => {
  it('drops an unreadable entry and keeps every other favorite', async () => {
    await local().set({ favorites: ['bundle-social:1', 7, 'layers:a', 'x'.repeat(300)] });
    expect(await favoritesItem.get()).toEqual(['bundle-social:1', 'layers:a']);
    expect(await takeNotices()).toEqual([
      'Part of your stored favorites could not be read and was reset: 2 of the favorites. Everything else is intact.',
    ]);
  });
});

describe('versioned stored values', () => {
  // A value whose stored form changed twice: v1 { name }, v2 { name, tags }, v3 { title, tags }.
  const schema = z.object({ title: z.string(), tags: z.array(z.string()) });
  const item = defineValidatedItem('local:sample', schema, { title: '', tags: [] }, 'sample', {
    version: 3,
    migrations: {
      2: (v1) => ({ ...(v1 as object), tags: [] }),
      3: (v2) => {
        const { name, ...rest } = v2 as { name: string };
        return { ...rest, title: name };
      },
    },
  });

  it.each([
    ['v1, stored with no version', { sample: { name: 'Old' } }, { title: 'Old', tags: [] }],
    ['v2', { sample: { name: 'Mid', tags: ['a'] }, sample$: { v: 2 } }, { title: 'Mid', tags: ['a'] }],
    ['v3', { sample: { title: 'New', tags: ['b'] }, sample$: { v: 3 } }, { title: 'New', tags: ['b'] }],
  ])(
    'reads %s as the current shape and stores it so',
    async (_, stored: Record<string, unknown>, current) => {
      await local().set(stored);
      expect(await item.get()).toEqual(current);
      expect(await local().get(['sample', 'sample$'])).toEqual({ sample: current, sample$: { v: 3 } });
      expect(await takeNotices()).toEqual([]);
    },
  );

  it('a value a migration cannot read is reset with a notice, never thrown', async () => {
    await local().set({ sample: 'garbled', sample$: { v: 1 } });
    expect(await item.get()).toEqual({ title: '', tags: [] });
    expect(await takeNotices()).toEqual([
      'Your stored sample could not be read and was reset; everything else is intact.',
    ]);
    expect(await local().get(['sample', 'sample$'])).toEqual({});
  });

  it('a write stores the current version beside the value', async () => {
    await item.set({ title: 'Written', tags: [] });
    expect(await local().get('sample$')).toEqual({ sample$: { v: 3 } });
  });
});
