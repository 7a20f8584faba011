import type { ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { browserFinderDeps } from '@/lib/popup/browser-deps';
import { createFinderApp, FinderContext } from '@/lib/popup/finder-app';
import { uiLanguage } from '@/lib/shared/locale';

/**
 * Mounts a page built around the finder (the popup, the side panel) into `root`. The first
 * `getCatalog` goes out before React starts; the finder's own `open()` joins that request.
 */
export function mountFinder(
  root: HTMLElement | null,
  Page: ComponentType,
  options: { panel?: boolean } = {},
): void {
  const app = createFinderApp(browserFinderDeps(options));
  void app.catalog.open();
  // Screen readers pronounce the page in the catalog's language.
  document.documentElement.lang = uiLanguage();
  if (!root) return;
  createRoot(root).render(
    <FinderContext value={app}>
      <Page />
    </FinderContext>,
  );
}
