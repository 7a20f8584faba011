/**
 * The context menu's insert item: what it says for the chosen track and the field right-clicked,
 * and that a right-click on a field of the other kind disables it with the reason.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { MessageHandlers } from '@/lib/background/messages';
import {
  createMenus,
  FIND_ITEM,
  INSERT_ITEM,
  insertItem,
  pageMenuHandlers,
  setupPageMenu,
} from '@/lib/background/page-menu';
import { chosenItem, DEFAULT_SETTINGS, settingsItem } from '@/lib/background/storage';
import { toChosen } from '@/lib/shared/clips';
import { cmlTrack, layersClearedTrack } from '../../fixtures/tracks';

const cml = toChosen({ ...cmlTrack, title: 'Salt & Pepper', artist: 'Duo' }, 'trending', 1);

beforeEach(() => fakeBrowser.reset());

describe('the insert item', () => {
  it('names the chosen track, with "&" kept visible in a menu title', () => {
    expect(insertItem(cml, null)).toEqual({
      title: 'Insert chosen track — Salt && Pepper · Duo',
      enabled: true,
    });
    expect(insertItem(cml, 'cml-song-clip').enabled).toBe(true);
  });

  it('is disabled with the reason without a chosen track, or over a field of the other kind', () => {
    expect(insertItem(null, 'cml-song-clip')).toEqual({
      title: 'Insert chosen track — choose one in Cleartune first',
      enabled: false,
    });
    expect(insertItem(cml, 'layers-track')).toEqual({
      title: 'Insert chosen track — this field takes a Layers track id, not a CML sound id (bundle.social)',
      enabled: false,
    });
    expect(insertItem(toChosen(layersClearedTrack, null, 1), 'cml-song-clip').title).toBe(
      'Insert chosen track — this field takes a CML sound id (bundle.social), not a Layers track id',
    );
  });

  it('follows the field the content script says was right-clicked', async () => {
    await chosenItem.set(cml);
    const update = vi.fn(async () => {});
    Object.assign(browser, { contextMenus: { update } });
    const { contextTarget } = pageMenuHandlers() as Required<MessageHandlers>;
    const sender = { id: 'test', tab: { id: 1 } } as never;
    await contextTarget({ kind: 'layers-track' }, sender);
    await contextTarget({ kind: 'layers-track' }, sender);
    await contextTarget({ kind: null }, sender);
    expect(update.mock.calls).toEqual([
      [INSERT_ITEM, insertItem(cml, 'layers-track')],
      [INSERT_ITEM, insertItem(cml, null)],
    ]);
  });

  it('redraws a menu already on screen where the browser can (Firefox), after updating it', async () => {
    await chosenItem.set(cml);
    const calls: string[] = [];
    const update = vi.fn(async () => void calls.push('update'));
    const refresh = vi.fn(async () => void calls.push('refresh'));
    Object.assign(browser, { contextMenus: { update, refresh } });
    const { contextTarget } = pageMenuHandlers() as Required<MessageHandlers>;
    await contextTarget({ kind: 'layers-track' }, { id: 'test', tab: { id: 1 } } as never);
    expect(calls).toEqual(['update', 'refresh']);
  });
});

/** The browser's menus as far as the menu module uses them: duplicate ids are refused, as Chrome does. */
function fakeMenus() {
  const items = new Map<string, Record<string, unknown>>();
  const clicked: Array<(info: object, tab?: object) => void> = [];
  const menus = {
    items,
    click: (info: object, tab?: object) => {
      for (const listener of clicked) listener(info, tab);
    },
    // As in the browser: the removal takes effect when asked, the answer comes later.
    removeAll: vi.fn(async () => {
      items.clear();
      await new Promise((resolve) => setTimeout(resolve, 1));
    }),
    create: vi.fn((item: { id: string }) => {
      if (items.has(item.id)) throw new Error(`Cannot create item with duplicate id ${item.id}`);
      items.set(item.id, item);
    }),
    update: vi.fn(async () => {}),
    onClicked: { addListener: (listener: (info: object, tab?: object) => void) => clicked.push(listener) },
  };
  Object.assign(browser, { contextMenus: menus });
  browser.runtime.getManifest = () =>
    ({ content_scripts: [{ matches: ['https://www.tiktok.com/tiktokstudio/*'] }] }) as never;
  return menus;
}

describe('the menus', () => {
  it('are created once each, with the latest enabled sites, however many changes arrive at once', async () => {
    const menus = fakeMenus();
    await settingsItem.set({ ...DEFAULT_SETTINGS, composerSites: ['https://one.example'] });
    await createMenus();
    await settingsItem.set({
      ...DEFAULT_SETTINGS,
      composerSites: ['https://one.example', 'https://two.example'],
    });
    // Install and a settings change, or two quick changes: the runs must not interleave.
    await Promise.all([createMenus(), createMenus(), createMenus()]);
    expect([...menus.items.keys()]).toEqual([INSERT_ITEM, FIND_ITEM]);
    expect(menus.items.get(INSERT_ITEM)).toMatchObject({
      contexts: ['editable'],
      documentUrlPatterns: [
        'https://www.tiktok.com/tiktokstudio/*',
        'https://one.example/*',
        'https://two.example/*',
      ],
      title: 'Insert chosen track — choose one in Cleartune first',
      enabled: false,
    });
    expect(menus.items.get(FIND_ITEM)).toMatchObject({ contexts: ['selection'] });
  });

  it('send a click to the frame whose script noted the right-click, else to the frame the browser names', async () => {
    const menus = fakeMenus();
    await chosenItem.set(cml);
    const sendMessage = vi.spyOn(browser.tabs, 'sendMessage').mockResolvedValue({
      ok: true,
      value: { filledInto: 'composer.test', message: 'Filled into composer.test' },
    } as never);
    setupPageMenu();
    const { contextTarget } = pageMenuHandlers() as Required<MessageHandlers>;
    // The page's script (frame 0) handles the document of the frame clicked (frame 4) in tab 7.
    await contextTarget({ kind: 'cml-song-clip' }, { id: 'test', tab: { id: 7 }, frameId: 0 } as never);
    menus.click({ menuItemId: INSERT_ITEM, frameId: 4, editable: true }, { id: 7, windowId: 1 });
    // In another tab, where no script noted anything: the frame clicked.
    menus.click({ menuItemId: INSERT_ITEM, frameId: 2, editable: true }, { id: 8, windowId: 1 });
    await vi.waitFor(() => expect(sendMessage).toHaveBeenCalledTimes(2));
    expect(sendMessage.mock.calls).toEqual([
      [7, { type: 'insertChosen', data: { chosen: cml, target: 'context' } }, { frameId: 0 }],
      [8, { type: 'insertChosen', data: { chosen: cml, target: 'context' } }, { frameId: 2 }],
    ]);
  });
});
