import type { sendFromPage } from '../shared/messages';

/** What the options page reaches outside itself, injected so component tests can fake it. */
export interface OptionsDeps {
  send: typeof sendFromPage;
  /** Must run inside the click that asked for it: browsers grant host access only on a user gesture. */
  requestOrigin: (pattern: string) => Promise<boolean>;
  /**
   * Asks the browser for an optional API permission (alerts: `notifications`); like `requestOrigin`,
   * only inside the click that turned something on.
   */
  requestPermission: (permission: 'notifications') => Promise<boolean>;
  /** Gives an optional API permission back (all alerts turned off). */
  removePermission: (permission: 'notifications') => Promise<boolean>;
  download: (fileName: string, text: string, type?: string) => void;
  /**
   * Calls `changed` whenever stored settings change (an import, another window's save, a site
   * revoked in the browser); answers a function that stops watching. Only the fact is passed on:
   * the page asks the background for the settings again, masked.
   */
  watchSettings: (changed: () => void) => () => void;
  /** Opens the browser's page for changing extension shortcuts; absent where there is none to open. */
  openShortcuts?: () => void;
}
