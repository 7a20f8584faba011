import { browser } from 'wxt/browser';
import { sendFromPage } from '../shared/messages';
import { hasSidePanel, openSidePanel } from '../shared/side-panel';
import type { FinderDeps } from './finder-deps';

/** The session key the background keeps composer reports under (lib/background/storage.ts). */
const COMPOSER_FRAMES_KEY = 'composerFrames';

/** This page's window, looked up at once and known a moment later (undefined until then). */
function thisWindow(): () => number | undefined {
  let windowId: number | undefined;
  void browser.windows
    .getCurrent()
    .then((window) => {
      windowId = window.id;
    })
    .catch(() => {});
  return () => windowId;
}

/** Tab switches and navigations in this page's window, and new composer reports. */
function watchActiveTab(changed: () => void): () => void {
  const window = thisWindow();
  const ours = (windowId: number | undefined) => window() === undefined || windowId === window();
  const onActivated = (info: { windowId: number }) => {
    if (ours(info.windowId)) changed();
  };
  const onUpdated = (
    _tabId: number,
    change: { status?: string },
    tab: { active?: boolean; windowId?: number },
  ) => {
    if (tab.active && ours(tab.windowId) && change.status) changed();
  };
  const onStorage = (changes: Record<string, unknown>, area: string) => {
    if (area === 'session' && COMPOSER_FRAMES_KEY in changes) changed();
  };
  browser.tabs.onActivated.addListener(onActivated);
  browser.tabs.onUpdated.addListener(onUpdated);
  browser.storage.onChanged.addListener(onStorage);
  return () => {
    browser.tabs.onActivated.removeListener(onActivated);
    browser.tabs.onUpdated.removeListener(onUpdated);
    browser.storage.onChanged.removeListener(onStorage);
  };
}

/**
 * The side panel opener for the popup. The window is looked up now, so the click can call the
 * browser at once: an `await` before `open` would lose the user's gesture it requires.
 */
function sidePanelOpener(): (() => Promise<boolean>) | undefined {
  if (!hasSidePanel()) return undefined;
  const window = thisWindow();
  return () => openSidePanel(window());
}

/** The finder's outside world in a real extension page; tests build their own `FinderDeps`. */
export function browserFinderDeps(options: { panel?: boolean } = {}): FinderDeps {
  return {
    ...(options.panel ? { panel: true, watchActiveTab } : { openSidePanel: sidePanelOpener() }),
    send: sendFromPage,
    now: () => Date.now(),
    writeClipboard: (text) => navigator.clipboard.writeText(text),
    openOptions: () => void browser.runtime.openOptionsPage(),
    activeTabId: async () => (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id ?? null,
    memory: window.localStorage,
    setTimeout: (run, ms) => window.setTimeout(run, ms),
    clearTimeout: (handle) => window.clearTimeout(handle as number),
    // Loaded on the first export: the popup's first paint does not carry it.
    download: (...file) => void import('./download').then((m) => m.download(...file)),
    // A frame, then a task: the frame after rAF callbacks is the one showing the change. The timeout
    // covers a page that gets no frames (hidden), so the rest of the list still comes.
    afterPaint: () =>
      new Promise((resolve) => {
        requestAnimationFrame(() => window.setTimeout(resolve, 0));
        window.setTimeout(resolve, 250);
      }),
  };
}
