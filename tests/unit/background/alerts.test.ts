/**
 * The alerts in a fake browser: the simulator's lists cached by the real catalog engine, a fake
 * clock, and the notifications permission granted or not. What a person would see: one
 * notification per refresh at most, never the same breakout twice, none offline or with a rejected
 * key, and a click that opens the finder on those tracks.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type AlertEnv, checkAlerts, openAlert, setupAlerts } from '@/lib/background/alerts/alerts';
import { alertHandlers } from '@/lib/background/alerts/handlers';
import { type CatalogEngine, createCatalogEngine } from '@/lib/background/catalog/engine';
import { REFRESH_ALARM, setupCatalogRefresh } from '@/lib/background/catalog/handlers';
import type { MessageHandlers } from '@/lib/background/messages';
import {
  alertLogItem,
  alertPrefsItem,
  favoritesItem,
  finderSearchItem,
  settingsItem,
  takeNotices,
} from '@/lib/background/storage';
import { NO_ALERTS } from '@/lib/shared/protocol';
import type { CmlTrack } from '@/tests/simulator';
import { UNKNOWN_KEYS } from '@/tests/simulator';
import {
  createTestEnv,
  HOUR,
  POP_7,
  saveDemoCredentials,
  type TestEnv,
} from '../../fixtures/providers/test-env';

type Handlers = Required<MessageHandlers>;
const cmlKey = (item: CmlTrack) =>
  `bundle-social:${(item.trending_song_clip ?? item.full_duration_song_clip)?.song_clip_id}`;

/** The notifications permission as the browser keeps it; `request` answers as the person did. */
function stubPermissions(granted: boolean) {
  const state = { granted };
  const permissions = {
    contains: vi.fn(async () => state.granted),
    request: vi.fn(async () => state.granted),
    remove: vi.fn(async () => {
      state.granted = false;
      return true;
    }),
    onAdded: { addListener: vi.fn() },
  };
  Object.assign(browser.permissions, permissions);
  return { permissions, state };
}

/** A catalog engine whose POP/7DAY list (the simulator's rising track breaks out there) is cached. */
async function cachedPop(): Promise<{ env: TestEnv; engine: CatalogEngine; alertEnv: AlertEnv }> {
  const env = createTestEnv();
  await saveDemoCredentials();
  const engine = createCatalogEngine(env);
  await engine.refreshCatalog(POP_7);
  const alertEnv: AlertEnv = { now: env.now, isOnline: env.isOnline, readCached: engine.readCached };
  return { env, engine, alertEnv };
}
const shown = async () => Object.keys(await browser.notifications.getAll());

beforeEach(() => {
  fakeBrowser.reset();
  stubPermissions(true);
});

describe('after a refresh', () => {
  it('announces the breakouts of a chosen genre once, in one notification', async () => {
    const { env, alertEnv } = await cachedPop();
    await alertPrefsItem.set({ breakoutGenres: ['POP'], favoritesTop10: false });
    const id = await checkAlerts(alertEnv);
    expect(await shown()).toEqual([id]);
    const options = (
      fakeBrowser.notifications as unknown as { getAllCreateOptions(): Record<string, { message: string }> }
    ).getAllCreateOptions()[id as string];
    const rising = env.sim.catalog.awkward('rising');
    expect(options?.message).toMatch(/^(Breakout|\d+ breakouts) in Pop: /);
    expect(options?.message).toContain(rising.commercial_music_name);
    const log = await alertLogItem.get();
    expect(log.shown[0]).toMatchObject({
      id,
      query: { source: 'bundle-social', genre: 'POP', range: '7DAY' },
    });
    expect(log.shown[0]?.keys).toContain(cmlKey(rising));

    // The next refreshes (the list renewed, half an hour later) repeat nothing.
    await browser.notifications.clear(id as string);
    env.clock.now += HOUR / 2;
    expect(await checkAlerts(alertEnv)).toBeNull();
    expect(await checkAlerts(alertEnv)).toBeNull();
    expect(await shown()).toEqual([]);
  });

  it('shows at most one notification however many genres and favorites have news', async () => {
    const { env, engine, alertEnv } = await cachedPop();
    await engine.refreshCatalog({ ...POP_7, genre: 'DANCE_POP' });
    await engine.refreshCatalog({ ...POP_7, range: '1DAY' });
    const rising = env.sim.catalog.awkward('rising');
    await favoritesItem.set([cmlKey(rising)]);
    await alertPrefsItem.set({ breakoutGenres: ['POP', 'DANCE_POP'], favoritesTop10: true });
    const create = vi.spyOn(browser.notifications, 'create');
    await Promise.all([checkAlerts(alertEnv), checkAlerts(alertEnv)]);
    expect(create).toHaveBeenCalledTimes(1);
    expect(await shown()).toHaveLength(1);
    expect(create.mock.calls[0]?.[1]).toMatchObject({
      type: 'basic',
      title: 'Cleartune',
      message: expect.stringContaining(`Your favorite ${rising.commercial_music_name} entered the top 10`),
    });
  });

  it('says nothing while offline, and tells it at the first refresh back online', async () => {
    const { env, alertEnv } = await cachedPop();
    await alertPrefsItem.set({ breakoutGenres: ['POP'], favoritesTop10: false });
    env.online.value = false;
    expect(await checkAlerts(alertEnv)).toBeNull();
    expect(await shown()).toEqual([]);
    expect((await alertLogItem.get()).announced).toEqual({});
    env.online.value = true;
    expect(await checkAlerts(alertEnv)).not.toBeNull();
  });

  it('says nothing while the bundle.social key is rejected', async () => {
    const { engine, alertEnv } = await cachedPop();
    const settings = await settingsItem.get();
    await settingsItem.set({ ...settings, bundleSocialKey: UNKNOWN_KEYS.bundleSocial });
    await engine.noteSettingsChanged();
    const answer = await engine.refreshCatalog(POP_7);
    expect(answer.parts[0]?.error?.kind).toBe('forbidden');
    expect(answer.tracks.length).toBeGreaterThan(0);
    await alertPrefsItem.set({ breakoutGenres: ['POP'], favoritesTop10: false });
    expect(await checkAlerts(alertEnv)).toBeNull();
    expect(await shown()).toEqual([]);
  });

  it('says nothing, and marks nothing announced, without the notifications permission', async () => {
    const { alertEnv } = await cachedPop();
    stubPermissions(false);
    await alertPrefsItem.set({ breakoutGenres: ['POP'], favoritesTop10: false });
    const create = vi.spyOn(browser.notifications, 'create');
    expect(await checkAlerts(alertEnv)).toBeNull();
    expect(create).not.toHaveBeenCalled();
    expect(await alertLogItem.get()).toEqual({ announced: {}, shown: [] });
  });

  it('says nothing with every alert off (the default)', async () => {
    const { alertEnv } = await cachedPop();
    expect(await alertPrefsItem.get()).toEqual(NO_ALERTS);
    expect(await checkAlerts(alertEnv)).toBeNull();
    expect(await shown()).toEqual([]);
  });

  it('runs when the periodic refresh is done', async () => {
    const order: string[] = [];
    const engine = {
      refreshRecent: vi.fn(async () => {
        order.push('refresh');
      }),
    } as unknown as CatalogEngine;
    const after = vi.fn(async () => {
      order.push('alerts');
    });
    setupCatalogRefresh(() => engine, after);
    await fakeBrowser.alarms.onAlarm.trigger({
      name: REFRESH_ALARM,
      scheduledTime: 0,
      persistAcrossSessions: false,
    });
    await vi.waitFor(() => expect(order).toEqual(['refresh', 'alerts']));
    await fakeBrowser.alarms.onAlarm.trigger({
      name: 'something-else',
      scheduledTime: 0,
      persistAcrossSessions: false,
    });
    expect(after).toHaveBeenCalledTimes(1);
  });
});

describe('a click on the alert', () => {
  it('hands its tracks to the finder, opens it and clears the notification', async () => {
    const { env, alertEnv } = await cachedPop();
    await alertPrefsItem.set({ breakoutGenres: ['POP'], favoritesTop10: false });
    const openPopup = vi.fn(async () => {});
    Object.assign(browser.action, { openPopup });
    // Chrome refuses the panel when the click's gesture did not reach it: the popup opens instead.
    const open = vi.fn(async () => {
      throw new Error('sidePanel.open() may only be called in response to a user gesture.');
    });
    Object.assign(browser, { sidePanel: { open } });
    setupAlerts();
    const id = (await checkAlerts(alertEnv)) as string;
    const { keys } = (await alertLogItem.get()).shown[0] ?? { keys: [] };

    await fakeBrowser.notifications.onClicked.trigger(id);
    await vi.waitFor(async () => expect(await shown()).toEqual([]));
    const search = await finderSearchItem.get();
    expect(search).toEqual({
      text: '',
      at: expect.any(Number),
      keys,
      query: { source: 'bundle-social', genre: 'POP', range: '7DAY' },
    });
    expect(search?.keys).toContain(cmlKey(env.sim.catalog.awkward('rising')));
    expect(open).toHaveBeenCalledWith({ windowId: -2 });
    expect(openPopup).toHaveBeenCalledTimes(1);
    expect((await alertLogItem.get()).shown).toEqual([]);
  });

  it('opens the side panel where it can, and the popup stays shut', async () => {
    const { alertEnv } = await cachedPop();
    await alertPrefsItem.set({ breakoutGenres: ['POP'], favoritesTop10: false });
    const openPopup = vi.fn(async () => {});
    const open = vi.fn(async () => {});
    Object.assign(browser.action, { openPopup });
    Object.assign(browser, { sidePanel: { open } });
    const id = (await checkAlerts(alertEnv)) as string;
    await openAlert(id);
    expect(open).toHaveBeenCalledTimes(1);
    expect(openPopup).not.toHaveBeenCalled();
    expect((await finderSearchItem.get())?.keys?.length).toBeGreaterThan(0);
    expect(await shown()).toEqual([]);
  });

  it("leaves other extensions' notifications alone", async () => {
    expect(openAlert('someone-else')).toBeUndefined();
    expect(await finderSearchItem.get()).toBeNull();
  });
});

describe('the options messages', () => {
  const { getAlerts, setAlerts } = alertHandlers() as Handlers;

  it('start off, store the choice and say whether notifications are allowed', async () => {
    expect(await getAlerts(undefined, {} as never)).toEqual({ prefs: NO_ALERTS, allowed: true });
    const prefs = { breakoutGenres: ['DANCE_POP' as const, 'DANCE_POP' as const], favoritesTop10: true };
    expect(await setAlerts(prefs, {} as never)).toEqual({
      prefs: { breakoutGenres: ['DANCE_POP'], favoritesTop10: true },
      allowed: true,
    });
    stubPermissions(false);
    expect((await getAlerts(undefined, {} as never)).allowed).toBe(false);
  });

  it('a stored value that cannot be read is off, not a crash; an unknown genre costs only itself', async () => {
    await browser.storage.local.set({ alerts: 'garbage' });
    expect(await getAlerts(undefined, {} as never)).toMatchObject({ prefs: NO_ALERTS });
    await browser.storage.local.set({
      alerts: { breakoutGenres: ['POP', 'AFROBEATS'], favoritesTop10: true },
    });
    expect((await getAlerts(undefined, {} as never)).prefs).toEqual({
      breakoutGenres: ['POP'],
      favoritesTop10: true,
    });
    expect(await takeNotices()).toEqual([
      'Your stored alert setting could not be read and was reset; everything else is intact.',
      'Part of your stored alert setting could not be read and was reset: some of the alert genres. Everything else is intact.',
    ]);
  });
});
