import type { sendFromPage } from '../shared/messages';

/** Everything the popup's actions reach outside themselves, injected so tests can fake it. */
export interface FinderDeps {
  send: typeof sendFromPage;
  now: () => number;
  writeClipboard: (text: string) => Promise<void>;
  openOptions: () => void;
  /** Where the last seen settings defaults are mirrored, so the first getCatalog need not wait. */
  memory: Pick<Storage, 'getItem' | 'setItem'> | null;
  setTimeout: (run: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
  /** The tab the popup was opened over (the side panel: the tab beside it); absent in tests. */
  activeTabId?: () => Promise<number | null>;
  /**
   * Calls `changed` when the tab beside the page may be another one or may show something else
   * (tab switch, navigation, a content script's report); returns the unsubscribe. Side panel only.
   */
  watchActiveTab?: (changed: () => void) => () => void;
  /** Whether this page is the side panel, which stays open beside the tab. */
  panel?: boolean;
  /**
   * Opens the side panel in this window (false where the browser has none or refused). Must be
   * called straight from the click: the browser needs the user's gesture.
   */
  openSidePanel?: () => Promise<boolean>;
  /** Saves `text` as a file the person downloads (History's export). */
  download: (fileName: string, text: string, mime: string) => void;
  /** Resolves once what was just rendered has been painted (tests: on the next tick). */
  afterPaint?: () => Promise<void>;
}
