/**
 * The keyboard commands (declared in wxt.config.ts; `_execute_action` opens the popup by itself):
 * the side panel, and inserting the chosen track where the person is typing. Also used by the
 * context menu's "Insert chosen track".
 */

import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import type { FillResult } from '../shared/protocol';
import { openSidePanel } from '../shared/side-panel';
import { followGlobalTitle, showChosenOnBadge } from './composer/relay';
import { sendTabMessage } from './messages';
import { chosenItem } from './storage';
import { recordFillResult } from './usage/usage-record';

export const NOTHING_CHOSEN = i18n.t('background.fill.nothingChosen');
export const NO_FIELD_HERE = i18n.t('background.fill.noField');
const TOLD_MS = 5000;

/**
 * Nothing is open to say why nothing was inserted: the toolbar button says it for a few seconds
 * (a "!" badge, and the reason as its tooltip) in the tab the key or the menu was used in, then
 * shows the chosen track again. Without a tab, the button says it in every tab.
 */
async function tell(result: FillResult, tabId?: number): Promise<FillResult> {
  const action = browser.action;
  if (!action) return result;
  const where = tabId === undefined ? {} : { tabId };
  await action.setBadgeText({ text: '!', ...where });
  await action.setTitle({ title: `Cleartune — ${result.message}`, ...where });
  setTimeout(() => {
    // A tab's own badge, set to null, falls back to what every tab shows (the chosen track).
    const reset =
      tabId === undefined
        ? chosenItem.get().then(showChosenOnBadge)
        : Promise.all([
            action.setBadgeText({ text: null, tabId } as unknown as { text: string; tabId: number }),
            followGlobalTitle(tabId),
          ]);
    void reset.catch(() => {});
  }, TOLD_MS);
  return result;
}

/**
 * Inserts the chosen track in a tab: the focused field (the shortcut) or the field right-clicked
 * in `frameId` (the menu); on TikTok Studio, starts Find in Sounds.
 */
export async function insertChosen(
  tabId: number | undefined,
  target: 'focused' | 'context',
  frameId?: number,
): Promise<FillResult> {
  const chosen = await chosenItem.get();
  if (!chosen) return tell({ filledInto: null, message: NOTHING_CHOSEN }, tabId);
  if (tabId === undefined) return tell({ filledInto: null, message: NO_FIELD_HERE });
  try {
    const result = await sendTabMessage(tabId, 'insertChosen', { chosen, target }, frameId);
    await recordFillResult(chosen, result, Date.now()).catch(() => {});
    return result.filledInto ? result : tell(result, tabId);
  } catch {
    // No content script here, or no frame of it holds the field.
    return tell({ filledInto: null, message: NO_FIELD_HERE }, tabId);
  }
}

export function setupShortcuts(): void {
  browser.commands?.onCommand.addListener((command, tab) => {
    // First, before any await: the browser opens the panel only within the key press's gesture.
    if (command === 'open-side-panel') void openSidePanel(tab?.windowId);
    else if (command === 'insert-chosen') void insertChosen(tab?.id, 'focused');
  });
}
