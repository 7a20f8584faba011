/**
 * Opening the side panel (Chrome's side panel, Firefox's sidebar). The browser opens it only in
 * response to the user's gesture: call this first in a click, command or menu listener, before
 * anything is awaited.
 */
import { browser } from 'wxt/browser';

/**
 * The session key where the background leaves a search for the finder ("Find “…” in Cleartune", an
 * alert's tracks): written by lib/background/storage.ts, taken by lib/popup/panel-memory.ts, watched
 * by the side panel before that module has loaded.
 */
export const FINDER_SEARCH_KEY = 'finderSearch';

type SidePanelApi = { open(options: { windowId: number }): Promise<void> };
type SidebarApi = { open(): Promise<void> };

const sidePanel = () => (browser as unknown as { sidePanel?: SidePanelApi }).sidePanel;
const sidebar = () => (browser as unknown as { sidebarAction?: SidebarApi }).sidebarAction;

/** Whether this browser has a side panel or sidebar for extensions. */
export const hasSidePanel = (): boolean => Boolean(sidePanel() ?? sidebar());

/** Opens the panel in `windowId`; false where the browser has none or refused (no gesture). */
export function openSidePanel(windowId: number | undefined): Promise<boolean> {
  const chrome = sidePanel();
  const opened =
    chrome && windowId !== undefined
      ? chrome.open({ windowId })
      : (sidebar()?.open() ?? Promise.reject(new Error('no side panel here')));
  return opened.then(
    () => true,
    () => false,
  );
}
