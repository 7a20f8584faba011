import { z } from 'zod';
import { catalogHandlers, setupCatalogRefresh } from './catalog/background';
import { composerHandlers, setupComposerRelay } from './composer/background';
import { handleMessages } from './messaging';
import { takeNotices } from './storage';

/**
 * Wires the background. Each part contributes its message handlers; the one listener validates
 * every message before any handler runs.
 */
export function setupBackground(): void {
  // Extension pages forbid eval; without this zod probes `new Function` and trips the CSP.
  z.config({ jitless: true });
  handleMessages({
    ...catalogHandlers(),
    ...composerHandlers(),
    takeNotices: () => takeNotices(),
  });
  setupCatalogRefresh();
  setupComposerRelay();
}
