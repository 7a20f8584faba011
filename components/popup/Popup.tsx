import { useEffect } from 'react';
import { browser } from 'wxt/browser';
import { useFinder } from '@/lib/popup/finder-app';
import { Finder } from './Finder';

/** The toolbar popup: the finder at the popup's fixed width. */
export function Popup() {
  const app = useFinder();
  // "Find … in Cleartune" opens the popup where the browser has no side panel.
  useEffect(() => {
    // Loaded after the first paint: few opens carry a search handed over.
    void import('@/lib/popup/panel-memory').then((m) => m.takeFinderSearch(app, browser.storage.session));
  }, [app]);
  return <Finder className="popup" />;
}
