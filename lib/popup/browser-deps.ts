import { browser } from 'wxt/browser';
import { sendFromPage } from '../shared/messages';
import type { FinderDeps } from './finder-deps';

/** The finder's outside world in a real extension page; tests build their own `FinderDeps`. */
export function browserFinderDeps(): FinderDeps {
  return {
    send: sendFromPage,
    now: () => Date.now(),
    writeClipboard: (text) => navigator.clipboard.writeText(text),
    openOptions: () => void browser.runtime.openOptionsPage(),
    activeTabId: async () => (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id ?? null,
    memory: window.localStorage,
    setTimeout: (run, ms) => window.setTimeout(run, ms),
    clearTimeout: (handle) => window.clearTimeout(handle as number),
    // A frame, then a task: the frame after rAF callbacks is the one showing the change. The timeout
    // covers a page that gets no frames (hidden), so the rest of the list still comes.
    afterPaint: () =>
      new Promise((resolve) => {
        requestAnimationFrame(() => window.setTimeout(resolve, 0));
        window.setTimeout(resolve, 250);
      }),
  };
}
