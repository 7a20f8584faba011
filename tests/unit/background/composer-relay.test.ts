import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { composerHandlers, NOT_FILLED, setupComposerRelay } from '@/lib/background/composer/relay';
import type { MessageHandlers } from '@/lib/background/messages';
import { chosenItem, lastComposerItem, settingsItem } from '@/lib/background/storage';
import { CML_FULL_CLIP_ID, CML_TRENDING_CLIP_ID, cmlTrack } from '../../fixtures/tracks';

const NOW = Date.UTC(2026, 1, 15, 12);
type Handlers = Required<MessageHandlers>;
const handlers = composerHandlers({
  now: () => NOW,
  staticMatches: () => ['https://www.tiktok.com/tiktokstudio/*'],
}) as Handlers;
const senderIn = (tabId: number) => ({ id: 'test', tab: { id: tabId } }) as never;
const senderInFrame = (tabId: number, frameId: number) =>
  ({ id: 'test', tab: { id: tabId }, frameId }) as never;
const presence = { hasComposer: true, focused: true, visible: true, label: 'composer.test' };

function stubScripting(registered: { id: string }[] = []) {
  const scripting = {
    getRegisteredContentScripts: vi.fn(async (filter?: { ids?: string[] }) =>
      registered.filter((script) => !filter?.ids || filter.ids.includes(script.id)),
    ),
    registerContentScripts: vi.fn(async (scripts: { id: string }[]) => {
      registered.push(...scripts);
    }),
    updateContentScripts: vi.fn(async () => {}),
    unregisterContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => {
      for (const id of ids)
        registered.splice(
          registered.findIndex((script) => script.id === id),
          1,
        );
    }),
  };
  Object.assign(browser.scripting, scripting);
  return { scripting, registered };
}

function stubPermissions(granted: string[]) {
  const permissions = {
    contains: vi.fn(async ({ origins }: { origins: string[] }) => origins.every((o) => granted.includes(o))),
    remove: vi.fn(async () => true),
    onRemoved: { addListener: vi.fn() },
  };
  Object.assign(browser.permissions, permissions);
  return permissions;
}

/** Tab messages, recorded as [tab, type]; a fill answers "Filled into `label`". */
function recordTabMessages(label: string) {
  const sent: [number, string][] = [];
  vi.spyOn(browser.tabs, 'sendMessage').mockImplementation((async (
    tabId: number,
    message: { type: string },
  ) => {
    sent.push([tabId, message.type]);
    return message.type === 'fillChosen'
      ? { ok: true, value: { filledInto: label, message: `Filled into ${label}` } }
      : { ok: true, value: null };
  }) as never);
  return sent;
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('chosen track and composer tabs', () => {
  it('remembers the tab a composer was focused in, and lets visibility alone not steal it', async () => {
    const first = await fakeBrowser.tabs.create({ url: 'https://composer.test/a' });
    const second = await fakeBrowser.tabs.create({ url: 'https://composer.test/b' });
    await handlers.composerPresence(presence, senderIn(first.id as number));
    await handlers.composerPresence({ ...presence, focused: false }, senderIn(second.id as number));
    expect(await lastComposerItem.get()).toEqual({ tabId: first.id, label: 'composer.test', at: NOW });
    await handlers.composerPresence({ ...presence, label: 'TikTok Studio' }, senderIn(second.id as number));
    expect(await lastComposerItem.get()).toEqual({ tabId: second.id, label: 'TikTok Studio', at: NOW });
    await handlers.composerPresence({ ...presence, hasComposer: false }, senderIn(first.id as number));
    expect((await lastComposerItem.get())?.tabId).toBe(second.id);
  });

  it('keeps what a Studio tab reports for the popup, per tab, and forgets it when the tab closes', async () => {
    setupComposerRelayQuietly();
    const studio = await fakeBrowser.tabs.create({ url: 'https://www.tiktok.com/tiktokstudio/upload' });
    const report = {
      form: 'video' as const,
      editorOpen: true,
      picker: 'sounds' as const,
      tab: 'unlimited' as const,
      attached: 'Glasshouse Parade',
      verdict: 'chosen' as const,
      pendingSave: false,
      copyright: 'clear' as const,
      problem: null,
    };
    // Reported even while the tab is neither focused nor visible: the popup asks about that tab.
    await handlers.composerPresence(
      { ...presence, focused: false, visible: false, label: 'TikTok Studio', studio: report },
      senderIn(studio.id as number),
    );
    expect(await handlers.getTabStatus({ tabId: studio.id as number }, senderIn(0))).toEqual({
      label: 'TikTok Studio',
      composers: 1,
      studio: report,
    });
    expect(await handlers.getTabStatus({ tabId: 999 }, senderIn(0))).toBeNull();
    await fakeBrowser.tabs.onRemoved.trigger(studio.id as number, { isWindowClosing: false, windowId: 0 });
    await vi.waitFor(async () =>
      expect(await handlers.getTabStatus({ tabId: studio.id as number }, senderIn(0))).toBeNull(),
    );
  });

  it('counts the composers of every frame of a tab, and forgets a frame whose composer left', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://composer.test/a' });
    const tabId = tab.id as number;
    await handlers.composerPresence({ ...presence, composers: 2 }, senderInFrame(tabId, 0));
    await handlers.composerPresence(
      { ...presence, label: 'frame.test', composers: 1 },
      senderInFrame(tabId, 7),
    );
    expect(await handlers.getTabStatus({ tabId }, senderIn(0))).toEqual({
      label: 'composer.test',
      composers: 3,
      studio: null,
    });
    await handlers.composerPresence({ ...presence, hasComposer: false }, senderInFrame(tabId, 0));
    expect(await handlers.getTabStatus({ tabId }, senderIn(0))).toEqual({
      label: 'frame.test',
      composers: 1,
      studio: null,
    });
    await handlers.composerPresence({ ...presence, hasComposer: false }, senderInFrame(tabId, 7));
    expect(await handlers.getTabStatus({ tabId }, senderIn(0))).toBeNull();
  });

  it('"Use" from the side panel fills the tab beside it, not the composer focused last elsewhere', async () => {
    const focused = await fakeBrowser.tabs.create({ url: 'https://composer.test/a' });
    const beside = await fakeBrowser.tabs.create({ url: 'https://composer.test/b' });
    const bare = await fakeBrowser.tabs.create({ url: 'https://example.org/' });
    await handlers.composerPresence(presence, senderIn(focused.id as number));
    await handlers.composerPresence({ ...presence, focused: false }, senderInFrame(beside.id as number, 3));
    const fills: [number, number | undefined][] = [];
    vi.spyOn(browser.tabs, 'sendMessage').mockImplementation((async (
      tabId: number,
      message: { type: string },
      options?: { frameId?: number },
    ) => {
      if (message.type !== 'fillChosen') return { ok: true, value: null };
      fills.push([tabId, options?.frameId]);
      return { ok: true, value: { filledInto: 'composer.test', message: 'Filled into composer.test' } };
    }) as never);
    expect(
      await handlers.useTrack({ track: cmlTrack, clip: null, tabId: beside.id as number }, senderIn(0)),
    ).toEqual({ filledInto: 'composer.test', message: 'Filled into composer.test' });
    expect(fills).toEqual([[beside.id, 3]]);
    expect(
      await handlers.useTrack({ track: cmlTrack, clip: null, tabId: bare.id as number }, senderIn(0)),
    ).toEqual({ filledInto: null, message: 'Chosen — this tab has no composer' });
  });

  it('forgets the composer tab when it closes', async () => {
    setupComposerRelayQuietly();
    const tab = await fakeBrowser.tabs.create({ url: 'https://composer.test/a' });
    await handlers.composerPresence(presence, senderIn(tab.id as number));
    // fakeBrowser's tabs.remove looks the window up by tab id; the event is what matters here.
    await fakeBrowser.tabs.onRemoved.trigger(tab.id as number, { isWindowClosing: false, windowId: 0 });
    await vi.waitFor(async () => expect(await lastComposerItem.get()).toBeNull());
  });

  it('"Use" stores the chosen clip, marks the toolbar, and says so when no composer is open', async () => {
    const reply = await handlers.useTrack({ track: cmlTrack, clip: 'full' }, senderIn(0));
    expect(reply).toEqual(NOT_FILLED);
    expect(await chosenItem.get()).toMatchObject({ id: CML_FULL_CLIP_ID, clip: 'full', chosenAt: NOW });
    expect(await handlers.getChosen(undefined, senderIn(0))).toMatchObject({ id: CML_FULL_CLIP_ID });
    expect(await browser.action.getBadgeText({})).toBe('♪');
    expect(await browser.action.getTitle({})).toBe('Cleartune — chosen: Lo-Fi analog beat — Gloveity');
  });

  it('"Use" fills the last composer tab and tells every composer tab about the choice', async () => {
    const studio = await fakeBrowser.tabs.create({ url: 'https://www.tiktok.com/tiktokstudio/upload' });
    const other = await fakeBrowser.tabs.create({ url: 'https://news.example/' });
    await handlers.composerPresence({ ...presence, label: 'TikTok Studio' }, senderIn(studio.id as number));
    const sent = recordTabMessages('TikTok Studio');
    const reply = await handlers.useTrack({ track: cmlTrack, clip: null }, senderIn(0));
    expect(reply).toEqual({ filledInto: 'TikTok Studio', message: 'Filled into TikTok Studio' });
    expect(sent).toEqual([
      [studio.id, 'chosenChanged'],
      [studio.id, 'fillChosen'],
    ]);
    expect(sent.some(([tabId]) => tabId === other.id)).toBe(false);
    expect((await chosenItem.get())?.id).toBe(CML_TRENDING_CLIP_ID);
  });

  it('"Use" still fills when a stored composer site is one today\'s rules refuse (a port, IPv6, garbage)', async () => {
    await settingsItem.set({
      ...(await settingsItem.get()),
      composerSites: ['http://localhost:3000', 'http://[::1]', 'not a site', 'https://composer.test'],
    });
    const tab = await fakeBrowser.tabs.create({ url: 'https://composer.test/compose' });
    const elsewhere = await fakeBrowser.tabs.create({ url: 'http://localhost:3000/compose' });
    await handlers.composerPresence(presence, senderIn(tab.id as number));
    const sent = recordTabMessages('composer.test');
    const reply = await handlers.useTrack({ track: cmlTrack, clip: null }, senderIn(0));
    expect(reply).toEqual({ filledInto: 'composer.test', message: 'Filled into composer.test' });
    expect(sent).toEqual([
      [tab.id, 'chosenChanged'],
      [tab.id, 'fillChosen'],
    ]);
    expect(sent.some(([tabId]) => tabId === elsewhere.id)).toBe(false);
  });

  it('"Use" fills the frame whose composer was focused last, not whichever frame answers first', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://composer.test/frames' });
    const tabId = tab.id as number;
    await handlers.composerPresence(presence, senderInFrame(tabId, 0));
    await handlers.composerPresence(presence, senderInFrame(tabId, 5));
    // A frame that merely becomes visible again does not take the fill away from the focused one.
    await handlers.composerPresence({ ...presence, focused: false }, senderInFrame(tabId, 0));
    const frames: (number | undefined)[] = [];
    vi.spyOn(browser.tabs, 'sendMessage').mockImplementation((async (
      _tabId: number,
      message: { type: string },
      options?: { frameId?: number },
    ) => {
      if (message.type === 'fillChosen') frames.push(options?.frameId);
      return message.type === 'fillChosen'
        ? { ok: true, value: { filledInto: 'composer.test', message: 'Filled into composer.test' } }
        : { ok: true, value: null };
    }) as never);
    await handlers.useTrack({ track: cmlTrack, clip: null }, senderIn(0));
    expect(frames).toEqual([5]);
  });

  it('"Use" falls back to "Chosen" when the last composer tab has no composer any more, or is gone', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://composer.test/a' });
    await handlers.composerPresence(presence, senderIn(tab.id as number));
    vi.spyOn(browser.tabs, 'sendMessage').mockRejectedValue(new Error('Could not establish connection.'));
    expect(await handlers.useTrack({ track: cmlTrack, clip: null }, senderIn(0))).toEqual(NOT_FILLED);
    await lastComposerItem.set({ tabId: 999, label: 'gone.example', at: NOW });
    expect(await handlers.useTrack({ track: cmlTrack, clip: null }, senderIn(0))).toEqual(NOT_FILLED);
    expect(await lastComposerItem.get()).toBeNull();
  });
});

function setupComposerRelayQuietly() {
  stubScripting();
  stubPermissions([]);
  setupComposerRelay();
}

describe('composer sites', () => {
  it('registers the content script for a granted origin and answers with masked settings', async () => {
    const { scripting } = stubScripting();
    stubPermissions(['https://app.example.com/*']);
    await settingsItem.set({
      ...(await settingsItem.get()),
      bundleSocialKey: 'pk_live_0123456789abcdef9f2c',
    });
    const reply = await handlers.addComposerSite({ origin: 'https://app.example.com/' }, senderIn(0));
    expect(reply.composerSites).toEqual(['https://app.example.com']);
    expect(reply.bundleSocialKey).toBe('pk_live_…9f2c');
    expect(scripting.registerContentScripts).toHaveBeenCalledWith([
      {
        id: 'cleartune-composer:https://app.example.com',
        matches: ['https://app.example.com/*'],
        js: ['content-scripts/composer.js'],
        allFrames: true,
        runAt: 'document_idle',
        persistAcrossSessions: true,
      },
    ]);
    await handlers.addComposerSite({ origin: 'https://app.example.com' }, senderIn(0));
    expect(scripting.updateContentScripts).toHaveBeenCalledTimes(1);
    expect((await settingsItem.get()).composerSites).toEqual(['https://app.example.com']);
  });

  it.each([
    ['not an origin', 'app.example.com', /Enter the address of a site as an origin/],
    ['a path', 'https://app.example.com/compose', /Enter the address of a site as an origin/],
    ['another scheme', 'chrome://extensions', /Enter the address of a site as an origin/],
    ['an origin without access', 'https://other.example', /may not open https:\/\/other\.example yet/],
  ])('refuses %s', async (_, origin, error) => {
    const { scripting } = stubScripting();
    stubPermissions(['https://app.example.com/*']);
    await expect(handlers.addComposerSite({ origin }, senderIn(0))).rejects.toThrow(error);
    expect(scripting.registerContentScripts).not.toHaveBeenCalled();
  });

  it('removing a site unregisters it and gives the permission back', async () => {
    const { registered } = stubScripting([{ id: 'cleartune-composer:https://app.example.com' }]);
    const permissions = stubPermissions(['https://app.example.com/*']);
    await settingsItem.set({ ...(await settingsItem.get()), composerSites: ['https://app.example.com'] });
    const reply = await handlers.removeComposerSite({ origin: 'https://app.example.com' }, senderIn(0));
    expect(reply.composerSites).toEqual([]);
    expect(registered).toEqual([]);
    expect(permissions.remove).toHaveBeenCalledWith({ origins: ['https://app.example.com/*'] });
  });

  it('on startup, brings registrations in line with the settings and forgets revoked sites', async () => {
    const { registered } = stubScripting([
      { id: 'cleartune-composer:https://a.example' },
      { id: 'cleartune-composer:https://stale.example' },
      { id: 'someone-elses-script' },
    ]);
    stubPermissions(['https://a.example/*', 'https://b.example/*']);
    await settingsItem.set({
      ...(await settingsItem.get()),
      composerSites: ['https://a.example', 'https://b.example', 'https://revoked.example'],
    });
    setupComposerRelay();
    await vi.waitFor(() =>
      expect(registered.map((script) => script.id).sort()).toEqual([
        'cleartune-composer:https://a.example',
        'cleartune-composer:https://b.example',
        'someone-elses-script',
      ]),
    );
    expect((await settingsItem.get()).composerSites).toEqual(['https://a.example', 'https://b.example']);
  });

  it("on startup, forgets stored sites today's rules refuse, and still registers the others", async () => {
    const { registered } = stubScripting([{ id: 'cleartune-composer:http://localhost:3000' }]);
    const permissions = stubPermissions(['https://a.example/*', 'http://localhost:3000/*']);
    await settingsItem.set({
      ...(await settingsItem.get()),
      composerSites: ['http://localhost:3000', 'http://[::1]', 'https://a.example'],
    });
    setupComposerRelay();
    await vi.waitFor(() =>
      expect(registered.map((script) => script.id)).toEqual(['cleartune-composer:https://a.example']),
    );
    expect((await settingsItem.get()).composerSites).toEqual(['https://a.example']);
    // Never asked about a pattern the browser may not read.
    expect(permissions.contains).toHaveBeenCalledTimes(1);
  });

  it("removes a stored site exactly as stored, even one today's rules refuse", async () => {
    stubScripting([{ id: 'cleartune-composer:http://localhost:3000' }]);
    stubPermissions([]);
    await settingsItem.set({ ...(await settingsItem.get()), composerSites: ['http://localhost:3000'] });
    const settings = await handlers.removeComposerSite({ origin: 'http://localhost:3000' }, senderIn(0));
    expect(settings.composerSites).toEqual([]);
  });
});
