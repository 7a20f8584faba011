import type { ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { browserFinderDeps } from '@/lib/popup/browser-deps';
import { createFinderApp, FinderContext } from '@/lib/popup/finder-app';
import { browserLanguage, saveFirstPaint } from '@/lib/popup/first-paint';
import { uiLanguage } from '@/lib/shared/locale';

const afterPaint = (run: () => void) => requestAnimationFrame(() => setTimeout(run, 0));

/**
 * Mounts a page built around the finder (the popup, the side panel) into `root`. The first
 * `getCatalog` goes out before React starts; the finder's own `open()` joins that request. What the
 * page showed last time may already be on screen (painted by its entry, lib/popup/first-paint.ts):
 * React's first commit replaces it.
 */
export function mountFinder(
  root: HTMLElement | null,
  Page: ComponentType,
  options: { panel?: boolean; painted?: boolean } = {},
): void {
  const deps = browserFinderDeps(options);
  const app = createFinderApp(deps);
  void app.catalog.open();
  if (!root) return;
  // Screen readers pronounce the page in the catalog's language.
  document.documentElement.lang = uiLanguage();
  const page = options.panel ? 'panel' : 'popup';
  const render = () =>
    createRoot(root).render(
      <FinderContext value={app}>
        <Page />
      </FinderContext>,
    );
  // After the saved first paint is on screen: rendering at once would hold that frame back.
  if (options.painted) afterPaint(render);
  else render();
  // What is on show when the page closes (or once its whole list is in) is the next open's first
  // paint, if it is the list's top without a search: a popup is often closed within a second.
  const keep = () => {
    const { search, payloadKey, filtersOpen } = app.store.getState();
    const scroller = root.querySelector('.track-scroller');
    if (search !== '' || payloadKey !== null || filtersOpen || !scroller || scroller.scrollTop !== 0) return;
    saveFirstPaint(deps.memory, page, root, browserLanguage(), deps.now());
  };
  void app.catalog.open().then(() => afterPaint(keep));
  addEventListener('pagehide', keep);
}
