import type { MessageHandlers } from '../messaging';

/** Catalog, settings, teams and favorites handlers (the catalog engine issue fills these in). */
export function catalogHandlers(): MessageHandlers {
  return {};
}

/** Alarms for periodic refresh. */
export function setupCatalogRefresh(): void {}
