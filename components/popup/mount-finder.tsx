import type { ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { browserFinderDeps } from '@/lib/popup/browser-deps';
import { DEFAULT_FILTERS } from '@/lib/popup/filters';
import { createFinderApp, type FinderApp, FinderContext } from '@/lib/popup/finder-app';
import { uiLanguage } from '@/lib/shared/locale';

/** The list's top as React draws it from the remembered first screen: what the next open may paint first. */
function showsFirstScreen(app: FinderApp, root: HTMLElement): boolean {
  const { search, filters, sort, queryTouched, payloadKey, filtersOpen } = app.store.getState();
  const scroller = root.querySelector('.track-scroller');
  return (
    search === '' &&
    sort === 'rank' &&
    !queryTouched &&
    !filtersOpen &&
    payloadKey === null &&
    JSON.stringify(filters) === JSON.stringify(DEFAULT_FILTERS) &&
    scroller !== null &&
    scroller.scrollTop === 0
  );
}

/**
 * Mounts a page built around the finder (the popup, the side panel) into `root`. The first
 * `getCatalog` goes out before React starts; the finder's own `open()` joins that request. What the
 * page showed last time may already be on screen (entrypoints/first-paint.ts): React's first commit
 * replaces it.
 */
export function mountFinder(
  root: HTMLElement | null,
  Page: ComponentType,
  options: { panel?: boolean } = {},
): void {
  const deps = browserFinderDeps(options);
  const app = createFinderApp(deps);
  const opened = app.catalog.open();
  // Screen readers pronounce the page in the catalog's language.
  document.documentElement.lang = uiLanguage();
  if (!root) return;
  createRoot(root).render(
    <FinderContext value={app}>
      <Page />
    </FinderContext>,
  );
  // What is on show once the whole list is in, or when the page closes (a popup is often closed
  // within a second), is the next open's first paint, if it is the list's top as first drawn.
  // The saving code loads once the first screen is in: a page closed before that has nothing to keep.
  const page = options.panel ? 'panel' : 'popup';
  let saver: typeof import('@/lib/popup/first-paint') | null = null;
  const keep = () => {
    if (saver && showsFirstScreen(app, root))
      saver.saveFirstPaint(deps.memory, page, root, saver.paintContext(deps.now()));
  };
  void opened
    .then(() => deps.afterPaint?.())
    .then(() => import('@/lib/popup/first-paint'))
    .then((module) => {
      saver = module;
      keep();
    });
  addEventListener('pagehide', keep);
}
