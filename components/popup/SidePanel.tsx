import { useEffect } from 'react';
import { browser } from 'wxt/browser';
import { useFinder } from '@/lib/popup/finder-app';
import { FINDER_SEARCH_KEY } from '@/lib/shared/side-panel';
import { Finder } from './Finder';

const scroller = () => document.querySelector<HTMLElement>('.track-scroller');

/**
 * The side panel: the finder a second time, laid out for a tall, narrow panel that stays open
 * beside the composer. It keeps its search, filters, list and scroll position for the browser
 * session, and takes a search handed to it from the context menu.
 */
export function SidePanel() {
  const app = useFinder();
  useEffect(() => {
    const area = browser.storage.session;
    let live = true;
    let stopMemory = () => {};
    const onStorageChanged = (changes: Record<string, { newValue?: unknown }>, areaName: string) => {
      if (areaName === 'session' && changes[FINDER_SEARCH_KEY]?.newValue)
        void import('@/lib/popup/panel-memory').then((m) => m.takeFinderSearch(app, area));
      // Keys connected or changed in the options page while the panel stays open (Firefox opens its
      // sidebar at install, before any key is set): the list follows at once.
      if (areaName === 'local' && 'secrets' in changes) void app.catalog.refresh();
    };
    browser.storage.onChanged.addListener(onStorageChanged);
    // Loaded beside the first paint, not in it: restoring is asynchronous in any case.
    void (async () => {
      const { persistPanelState, restorePanelState, takeFinderSearch } = await import(
        '@/lib/popup/panel-memory'
      );
      if (!live) return;
      const memory = persistPanelState(app, area, () => scroller()?.scrollTop ?? 0);
      const onScroll = () => memory.touch();
      document.addEventListener('scroll', onScroll, true);
      stopMemory = () => {
        memory.stop();
        document.removeEventListener('scroll', onScroll, true);
      };
      const scrollTop = await restorePanelState(app, area);
      await takeFinderSearch(app, area);
      if (!live || scrollTop === 0) return;
      // Once the whole list is in, the list can be scrolled back to where it was.
      await app.catalog.open();
      requestAnimationFrame(() => {
        const list = scroller();
        if (list && live) list.scrollTop = scrollTop;
      });
    })();
    return () => {
      live = false;
      stopMemory();
      browser.storage.onChanged.removeListener(onStorageChanged);
    };
  }, [app]);
  return <Finder className="side-panel" />;
}
