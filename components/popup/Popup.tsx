import { useEffect } from 'react';
import { browser } from 'wxt/browser';
import { useFinder } from '@/lib/popup/finder-app';
import { takeFinderSearch } from '@/lib/popup/panel-memory';
import { Finder } from './Finder';

/** The toolbar popup: the finder at the popup's fixed width. */
export function Popup() {
  const app = useFinder();
  // "Find … in Cleartune" opens the popup where the browser has no side panel.
  useEffect(() => {
    void takeFinderSearch(app, browser.storage.session);
  }, [app]);
  return <Finder className="popup" />;
}
