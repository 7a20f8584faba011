import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createCatalogEngine } from '@/lib/background/catalog/engine';
import { catalogHandlers, ensureRefreshAlarm, REFRESH_ALARM } from '@/lib/background/catalog/handlers';
import { createMessageListener } from '@/lib/background/messages';
import { settingsHandlers } from '@/lib/background/settings/handlers';
import { maskKey } from '@/lib/background/settings/settings';
import { DEFAULT_SETTINGS, favoritesItem, settingsItem } from '@/lib/background/storage';
import type { MessageType, Output } from '@/lib/shared/protocol';
import { createTestEnv, saveDemoCredentials, type TestEnv } from '@/tests/fixtures/providers/test-env';
import {
  DEMO_CREDENTIALS,
  LAYERS_NO_SCOPE_KEY,
  SINGLE_TEAM_ID,
  SINGLE_TEAM_KEY,
  UNKNOWN_KEYS,
} from '@/tests/simulator';

const OWN_ID = 'own-id';
const popup = { id: OWN_ID, url: `chrome-extension://${OWN_ID}/popup.html` };

/** Sends a message the way the popup does, through the real listener and its payload checks. */
function messenger(env: TestEnv) {
  const engine = createCatalogEngine(env);
  const listener = createMessageListener(
    { ...catalogHandlers(() => engine), ...settingsHandlers(() => engine) },
    OWN_ID,
    `chrome-extension://${OWN_ID}/`,
  );
  return async <T extends MessageType>(type: T, data?: unknown): Promise<Output<T>> => {
    const reply = await new Promise<{ ok: boolean; value?: unknown; error?: string }>((resolve) =>
      listener({ type, data }, popup as never, resolve),
    );
    if (!reply.ok) throw new Error(reply.error);
    return reply.value as Output<T>;
  };
}

describe('settings handlers', () => {
  beforeEach(() => fakeBrowser.reset());

  it.each([
    ['pk_live_4f8c2a9e7b1d3f5a9f2c', 'pk_live_…9f2c'],
    ['lp_live_demo_9b3e5d7f1a2c4e6b8d0f2a4c6e8b1d3f', 'lp_live_…1d3f'],
    ['shortkey12', '…12'],
    ['abc', '…'],
    [null, null],
  ])('masks %s as %s', (key, masked) => {
    expect(maskKey(key)).toBe(masked);
  });

  it('never answers with a raw key', async () => {
    const send = messenger(createTestEnv());
    const saved = await send('saveSettings', DEMO_CREDENTIALS);
    const read = await send('getSettings');
    expect(read).toEqual(saved);
    expect(read.bundleSocialKey).toBe('pk_live_…8c1e');
    const everything = JSON.stringify([saved, read]);
    expect(everything).not.toContain(DEMO_CREDENTIALS.bundleSocialKey);
    expect(everything).not.toContain(DEMO_CREDENTIALS.layersKey);
  });

  it('patches: omitted fields stay, null clears, keys are trimmed', async () => {
    const send = messenger(createTestEnv());
    await send('saveSettings', { ...DEMO_CREDENTIALS, defaultGenre: 'ROCK' });
    await send('saveSettings', { layersKey: null, defaultRange: '30DAY' });
    await send('saveSettings', { bundleSocialKey: `  ${DEMO_CREDENTIALS.bundleSocialKey}  ` });
    expect(await settingsItem.get()).toEqual({
      ...DEFAULT_SETTINGS,
      bundleSocialKey: DEMO_CREDENTIALS.bundleSocialKey,
      teamId: DEMO_CREDENTIALS.teamId,
      defaultGenre: 'ROCK',
      defaultRange: '30DAY',
    });
  });

  it('selects the only team of a newly saved key, but not one of several', async () => {
    const send = messenger(createTestEnv());
    expect((await send('saveSettings', { bundleSocialKey: SINGLE_TEAM_KEY })).teamId).toBe(SINGLE_TEAM_ID);
    await settingsItem.set(DEFAULT_SETTINGS);
    expect(
      (await send('saveSettings', { bundleSocialKey: DEMO_CREDENTIALS.bundleSocialKey })).teamId,
    ).toBeNull();
  });

  it('lists teams for a key typed but not saved yet, and explains a bad one', async () => {
    const env = createTestEnv();
    const send = messenger(env);
    const typed = await send('listTeams', { apiKey: DEMO_CREDENTIALS.bundleSocialKey });
    expect(typed.teams.map((t) => t.id)).toEqual(env.sim.catalog.teams().map((t) => t.id));
    expect(await settingsItem.get()).toEqual(DEFAULT_SETTINGS);
    const bad = await send('listTeams', { apiKey: UNKNOWN_KEYS.bundleSocial });
    expect(bad).toMatchObject({ teams: [], error: { kind: 'forbidden', action: 'open-settings' } });
    const none = await send('listTeams', {});
    expect(none.error?.kind).toBe('not-configured');
  });

  it('tests each connection with a real request and says why it failed', async () => {
    await saveDemoCredentials();
    const env = createTestEnv();
    const send = messenger(env);
    const cml = await send('testConnection', { provider: 'bundle-social' });
    expect(cml).toMatchObject({ ok: true, error: null });
    expect(cml.message).toMatch(/^bundle\.social works: \d+ trending tracks for Pop, 7 days\.$/);
    expect(env.sim.count({ provider: 'bundle-social' })).toBe(1);
    await settingsItem.set({ ...(await settingsItem.get()), layersKey: LAYERS_NO_SCOPE_KEY });
    const layers = await send('testConnection', { provider: 'layers' });
    expect(layers).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(layers.message).toContain('publish:read');
  });
});

describe('export and import', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await saveDemoCredentials();
    await favoritesItem.set(['bundle-social:7349215836019472385']);
  });

  it('exports defaults, team and favorites, and keys only when asked', async () => {
    const send = messenger(createTestEnv());
    const plain = await send('exportSettings', { includeKeys: false });
    expect(plain).toMatchObject({
      format: 'cleartune-settings',
      teamId: DEMO_CREDENTIALS.teamId,
      defaultGenre: 'POP',
      defaultRange: '7DAY',
      favorites: ['bundle-social:7349215836019472385'],
    });
    expect(JSON.stringify(plain)).not.toContain(DEMO_CREDENTIALS.bundleSocialKey);
    expect(JSON.stringify(plain)).not.toContain(DEMO_CREDENTIALS.layersKey);
    const withKeys = await send('exportSettings', { includeKeys: true });
    expect(withKeys.bundleSocialKey).toBe(DEMO_CREDENTIALS.bundleSocialKey);
  });

  it('imports what it can, warns about the rest, and keeps keys an export left out', async () => {
    const send = messenger(createTestEnv());
    const exported = await send('exportSettings', { includeKeys: false });
    await settingsItem.set({ ...DEFAULT_SETTINGS, bundleSocialKey: 'pk_live_kept_key_000000000000' });
    await favoritesItem.set([]);
    const result = await send('importSettings', {
      ...exported,
      defaultGenre: 'ROCK',
      defaultRange: 'FOREVER',
      theme: 'dark',
    });
    expect(result.warnings).toEqual([
      'Ignored "defaultRange": its value is not valid.',
      'Ignored the unknown field "theme".',
    ]);
    expect(await settingsItem.get()).toMatchObject({
      bundleSocialKey: 'pk_live_kept_key_000000000000',
      teamId: DEMO_CREDENTIALS.teamId,
      defaultGenre: 'ROCK',
      defaultRange: '7DAY',
    });
    expect(await favoritesItem.get()).toEqual(['bundle-social:7349215836019472385']);
    expect(JSON.stringify(result)).not.toContain('pk_live_kept_key_000000000000');
  });

  it('takes keys from an export that has them', async () => {
    const send = messenger(createTestEnv());
    const exported = await send('exportSettings', { includeKeys: true });
    await settingsItem.set(DEFAULT_SETTINGS);
    await send('importSettings', exported);
    expect(await settingsItem.get()).toMatchObject(DEMO_CREDENTIALS);
  });

  it('refuses a file that is not a Cleartune export', async () => {
    const send = messenger(createTestEnv());
    await expect(send('importSettings', { format: 'something-else' })).rejects.toThrow(
      /not a Cleartune settings export/,
    );
  });
});

describe('favorites', () => {
  beforeEach(() => fakeBrowser.reset());

  it('toggles a favorite on and off', async () => {
    const send = messenger(createTestEnv());
    expect(await send('toggleFavorite', { key: 'layers:abc' })).toEqual(['layers:abc']);
    expect(await send('getFavorites')).toEqual(['layers:abc']);
    expect(await send('toggleFavorite', { key: 'layers:abc' })).toEqual([]);
  });
});

describe('the periodic refresh alarm', () => {
  beforeEach(() => fakeBrowser.reset());

  it('is created when missing and left alone when it exists', async () => {
    await ensureRefreshAlarm();
    const first = await browser.alarms.get(REFRESH_ALARM);
    expect(first?.periodInMinutes).toBe(30);
    await browser.alarms.clear(REFRESH_ALARM);
    await browser.alarms.create(REFRESH_ALARM, { periodInMinutes: 30, when: 123 });
    await ensureRefreshAlarm();
    expect((await browser.alarms.get(REFRESH_ALARM))?.scheduledTime).toBe(123);
    expect(await browser.alarms.getAll()).toHaveLength(1);
  });
});
