import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { checkAlerts, setupAlerts } from './alerts/alerts';
import { alertHandlers } from './alerts/handlers';
import { browserEnv, catalogHandlers, setupCatalogRefresh, theEngine } from './catalog/handlers';
import { composerHandlers, setupComposerRelay } from './composer/relay';
import { handleMessages } from './messages';
import { pageMenuHandlers, setupPageMenu } from './page-menu';
import { settingsHandlers } from './settings/handlers';
import { setupShortcuts } from './shortcuts';
import { setupSidePanel, sidePanelHandlers } from './side-panel';
import { takeNotices } from './storage';
import { rotationHandlers } from './usage/rotation';
import { usageHandlers } from './usage/usage-record';

/**
 * Where the browser allows it (Chromium keeps an access level for the local area too; Firefox
 * documents it for the session area only), content scripts may not read `storage.local` at all.
 * The content script never reads storage; the keys are sealed at rest besides, for browsers that
 * refuse this. Set at every start: the level is not promised to outlive the browser session.
 */
async function keepStorageFromContentScripts(): Promise<void> {
  const area = browser.storage.local as typeof browser.storage.local & {
    setAccessLevel?: (options: { accessLevel: 'TRUSTED_CONTEXTS' }) => Promise<void>;
  };
  try {
    await area.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' });
  } catch {
    // Not supported for this area here: the sealed keys are what protects them.
  }
}

/**
 * Wires the background. Each part contributes its message handlers; the one listener validates
 * every message before any handler runs.
 */
export function setupBackground(): void {
  // Extension pages forbid eval. zod/mini's objects never compile a parser, but should one ever
  // probe `new Function` it would trip the CSP: keep zod's JIT off explicitly.
  z.config({ jitless: true });
  void keepStorageFromContentScripts();
  handleMessages({
    ...catalogHandlers(),
    ...settingsHandlers(),
    ...composerHandlers(),
    ...sidePanelHandlers(),
    ...pageMenuHandlers(),
    ...usageHandlers(() => Date.now()),
    ...rotationHandlers(),
    ...alertHandlers(),
    takeNotices: () => takeNotices(),
  });
  // After each periodic refresh, the alerts look at the renewed lists (nothing is fetched for them).
  setupCatalogRefresh(theEngine, () =>
    checkAlerts({
      now: () => Date.now(),
      isOnline: browserEnv().isOnline,
      readCached: (ids) => theEngine().readCached(ids),
    }),
  );
  setupAlerts();
  setupComposerRelay();
  setupSidePanel();
  setupShortcuts();
  setupPageMenu();
}
