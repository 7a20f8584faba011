/**
 * The keyboard commands (declared in wxt.config.ts; `_execute_action` opens the popup by itself):
 * the side panel, and inserting the chosen track where the person is typing. Also used by the
 * context menu's "Insert chosen track".
 */
import { browser } from 'wxt/browser';
import type { FillResult } from '../shared/protocol';
import { openSidePanel } from '../shared/side-panel';
import { showChosenOnBadge } from './composer/relay';
import { sendTabMessage } from './messages';
import { chosenItem } from './storage';
import { recordFillResult } from './usage/usage-record';

export const NOTHING_CHOSEN = 'Choose a track in Cleartune first (Use), then insert it.';
export const NO_FIELD_HERE = 'Nothing inserted: this page has no composer field Cleartune works on.';
const TOLD_MS = 5000;

/**
 * Nothing is open to say why nothing was inserted: the toolbar button says it for a few seconds
 * (a "!" badge, and the reason as its tooltip), then shows the chosen track again.
 */
async function tell(result: FillResult): Promise<FillResult> {
  const action = browser.action;
  if (!action) return result;
  await action.setBadgeText({ text: '!' });
  await action.setTitle({ title: `Cleartune — ${result.message}` });
  setTimeout(() => {
    void chosenItem
      .get()
      .then(showChosenOnBadge)
      .catch(() => {});
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
  if (!chosen) return tell({ filledInto: null, message: NOTHING_CHOSEN });
  if (tabId === undefined) return tell({ filledInto: null, message: NO_FIELD_HERE });
  try {
    const result = await sendTabMessage(tabId, 'insertChosen', { chosen, target }, frameId);
    await recordFillResult(chosen, result, Date.now()).catch(() => {});
    return result.filledInto ? result : tell(result);
  } catch {
    // No content script here, or no frame of it holds the field.
    return tell({ filledInto: null, message: NO_FIELD_HERE });
  }
}

export function setupShortcuts(): void {
  browser.commands?.onCommand.addListener((command, tab) => {
    // First, before any await: the browser opens the panel only within the key press's gesture.
    if (command === 'open-side-panel') void openSidePanel(tab?.windowId);
    else if (command === 'insert-chosen') void insertChosen(tab?.id, 'focused');
  });
}
