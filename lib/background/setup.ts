import * as z from 'zod/mini';
import { catalogHandlers, setupCatalogRefresh } from './catalog/handlers';
import { composerHandlers, setupComposerRelay } from './composer/relay';
import { handleMessages } from './messages';
import { settingsHandlers } from './settings/handlers';
import { takeNotices } from './storage';

/**
 * Wires the background. Each part contributes its message handlers; the one listener validates
 * every message before any handler runs.
 */
export function setupBackground(): void {
  // Extension pages forbid eval. zod/mini's objects never compile a parser, but should one ever
  // probe `new Function` it would trip the CSP: keep zod's JIT off explicitly.
  z.config({ jitless: true });
  handleMessages({
    ...catalogHandlers(),
    ...settingsHandlers(),
    ...composerHandlers(),
    takeNotices: () => takeNotices(),
  });
  setupCatalogRefresh();
  setupComposerRelay();
}
