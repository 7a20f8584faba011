/**
 * The context menu: "Insert chosen track — Title · Artist" on editable fields of TikTok Studio and
 * the composer sites the user enabled (disabled, with the reason, on a field that takes the other
 * kind of id), and "Find “…” in Cleartune" on selected text anywhere.
 */

import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { isComposerOrigin, originPattern } from '../shared/site-origin';
import type { ChosenTrack, IdKind } from '../shared/track';
import type { MessageHandlers } from './messages';
import { createSerialQueue } from './serial-queue';
import { insertChosen } from './shortcuts';
import { openFinderWithSearch } from './side-panel';
import { chosenItem, settingsItem } from './storage';

export const INSERT_ITEM = 'cleartune-insert';
export const FIND_ITEM = 'cleartune-find';

/** The insert item's title and state for the chosen track and the field right-clicked. */
export function insertItem(
  chosen: ChosenTrack | null,
  fieldKind: IdKind | null,
): { title: string; enabled: boolean } {
  if (!chosen) return { title: i18n.t('background.menu.chooseFirst'), enabled: false };
  if (fieldKind && fieldKind !== chosen.idKind) {
    // Two kinds of id: a field that takes one was right-clicked with the other chosen.
    const key =
      fieldKind === 'cml-song-clip' ? 'background.menu.mismatchCml' : 'background.menu.mismatchLayers';
    return { title: i18n.t(key), enabled: false };
  }
  // Menus show `&` as an access key marker: a title with "&" in it must double it.
  const names = [chosen.title, chosen.artist].filter(Boolean).join(' · ').replaceAll('&', '&&');
  return { title: i18n.t('background.menu.insert', { track: names }).slice(0, 300), enabled: true };
}

/** Studio's page, and the composer sites the user enabled: where the insert item shows. */
async function composerPatterns(staticMatches: () => string[]): Promise<string[]> {
  const { composerSites } = await settingsItem.get();
  return [...staticMatches(), ...composerSites.filter(isComposerOrigin).map(originPattern)];
}

const staticMatches = () =>
  (browser.runtime.getManifest().content_scripts ?? []).flatMap((script) => script.matches ?? []);

const inTurn = createSerialQueue();

/**
 * Creates both items afresh (install, extension or browser update, browser start, a change of the
 * enabled sites), from what is stored now. One at a time: two runs interleaving would create the
 * items twice (an error) or leave the older sites' patterns.
 */
export function createMenus(): Promise<void> {
  return inTurn(createMenusNow);
}

async function createMenusNow(): Promise<void> {
  const menus = browser.contextMenus;
  if (!menus) return;
  await menus.removeAll();
  const item = insertItem(await chosenItem.get(), null);
  menus.create({
    id: INSERT_ITEM,
    contexts: ['editable'],
    documentUrlPatterns: await composerPatterns(staticMatches),
    ...item,
  });
  menus.create({ id: FIND_ITEM, contexts: ['selection'], title: i18n.t('background.menu.find') });
}

/**
 * The field right-clicked last: the kind of id it takes, and the tab and frame whose content script
 * noted it. That frame is the one clicked, or the page around it when the page's script handles the
 * frame's document (watched-document.ts), so the click goes there rather than to `info.frameId`.
 */
let lastTarget: { kind: IdKind | null; tabId?: number; frameId?: number } = { kind: null };

async function refreshInsertItem(): Promise<void> {
  const menus = browser.contextMenus as
    | (typeof browser.contextMenus & { refresh?: () => Promise<void> })
    | undefined;
  await menus?.update(INSERT_ITEM, insertItem(await chosenItem.get(), lastTarget.kind));
  // Firefox redraws a menu already on screen (Chrome has no such call): a right-click whose note
  // arrived after the menu opened shows this field's state, not the previous field's.
  await menus?.refresh?.();
}

export function pageMenuHandlers(): MessageHandlers {
  return {
    // Sent by the content script on `contextmenu`; the browser may show the menu before this update
    // lands (it is not synchronous with the event): Firefox then redraws it, Chrome can show the
    // previous field's state for a moment. The click itself checks the field again in the page.
    async contextTarget({ kind }, sender) {
      const changed = kind !== lastTarget.kind;
      lastTarget = { kind, tabId: sender.tab?.id, frameId: sender.frameId };
      if (!changed) return null;
      await refreshInsertItem().catch(() => {});
      return null;
    },
  };
}

export function setupPageMenu(): void {
  const menus = browser.contextMenus;
  if (!menus) return;
  browser.runtime.onInstalled.addListener(() => void createMenus().catch(() => {}));
  browser.runtime.onStartup.addListener(() => void createMenus().catch(() => {}));
  menus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === FIND_ITEM && info.selectionText) {
      // First, before any await: the panel opens only within the click's gesture.
      void openFinderWithSearch(tab?.windowId, info.selectionText);
    } else if (info.menuItemId === INSERT_ITEM) {
      const noted = tab?.id !== undefined && lastTarget.tabId === tab.id;
      void insertChosen(tab?.id, 'context', noted ? lastTarget.frameId : info.frameId);
    }
  });
  // The chosen track and the enabled sites change the insert item.
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local') return;
    if ('settings' in changes) void createMenus().catch(() => {});
    else if ('chosen' in changes) void refreshInsertItem().catch(() => {});
  });
}
