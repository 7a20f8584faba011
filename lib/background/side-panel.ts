/**
 * The side panel from the background: opened by a shortcut or the context menu, and handed a search
 * to show. `openSidePanel` (lib/shared/side-panel.ts) must be called before anything is awaited.
 */
import { browser } from 'wxt/browser';
import type { ToolbarOpens } from '../shared/protocol';
import { openSidePanel } from '../shared/side-panel';
import type { MessageHandlers } from './messages';
import { finderSearchItem, toolbarOpensItem } from './storage';

export { openSidePanel };

type PanelBehavior = { setPanelBehavior(behavior: { openPanelOnActionClick: boolean }): Promise<void> };

/**
 * What the toolbar button opens. Chrome opens its side panel on the button only when the button
 * has no popup, so the popup is taken off for the panel and put back for the popup. Firefox has no
 * such setting: without a popup the button's click opens the sidebar (`setupSidePanel`).
 */
export async function applyToolbarOpens(opens: ToolbarOpens): Promise<void> {
  await browser.action?.setPopup({ popup: opens === 'popup' ? 'popup.html' : '' });
  const sidePanel = (browser as unknown as { sidePanel?: PanelBehavior }).sidePanel;
  await sidePanel?.setPanelBehavior({ openPanelOnActionClick: opens === 'sidePanel' }).catch(() => {});
}

export function sidePanelHandlers(): MessageHandlers {
  return {
    getToolbarOpens: () => toolbarOpensItem.get(),
    async setToolbarOpens({ opens }) {
      await toolbarOpensItem.set(opens);
      await applyToolbarOpens(opens);
      return opens;
    },
  };
}

/** Applies the toolbar choice at every start (the browser keeps neither setting reliably). */
export function setupSidePanel(): void {
  // Only fires when the button has no popup, i.e. it is set to open the panel (Firefox's sidebar).
  browser.action?.onClicked.addListener((tab) => {
    void openSidePanel(tab.windowId);
  });
  void toolbarOpensItem
    .get()
    .then(applyToolbarOpens)
    .catch(() => {});
}

/**
 * Opens the finder with `text` in its search: the side panel where there is one, else the popup.
 * The search is stored for the page to pick up (an open panel sees it change).
 */
export async function openFinderWithSearch(windowId: number | undefined, text: string): Promise<void> {
  const opening = openSidePanel(windowId);
  await finderSearchItem.set({ text: text.trim().slice(0, 200), at: Date.now() });
  if (await opening) return;
  await browser.action?.openPopup?.().catch(() => {});
}
