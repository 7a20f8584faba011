/**
 * The side panel from the background: opened by a shortcut or the context menu, and handed a search
 * to show. `openSidePanel` (lib/shared/side-panel.ts) must be called before anything is awaited.
 */
import { browser } from 'wxt/browser';
import type { ToolbarOpens } from '../shared/protocol';
import { openSidePanel } from '../shared/side-panel';
import type { MessageHandlers } from './messages';
import { finderSearchItem, toolbarOpensItem } from './storage';

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

/** What the finder is handed: a search, or an alert's tracks (`keys`) in the list they came from. */
export type FinderHandover = Omit<NonNullable<Awaited<ReturnType<typeof finderSearchItem.get>>>, 'at'>;

/**
 * Opens the finder on `search`: the side panel where there is one, else the popup. The search is
 * stored for the page to pick up (an open panel sees it change). It may be a promise, read from
 * storage while the panel opens (it must be asked for first); null opens the finder as it was.
 */
export async function openFinderWith(
  windowId: number | undefined,
  search: FinderHandover | null | Promise<FinderHandover | null>,
): Promise<void> {
  let opening: Promise<boolean>;
  try {
    opening = openSidePanel(windowId);
  } catch {
    // A window id the browser refuses outright: the popup it is.
    opening = Promise.resolve(false);
  }
  const handover = await search;
  if (handover)
    await finderSearchItem.set({ ...handover, text: handover.text.trim().slice(0, 200), at: Date.now() });
  if (await opening) return;
  await browser.action?.openPopup?.().catch(() => {});
}

/** Opens the finder with `text` in its search (the context menu's "Find … in Cleartune"). */
export function openFinderWithSearch(windowId: number | undefined, text: string): Promise<void> {
  return openFinderWith(windowId, { text });
}
