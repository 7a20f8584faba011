import { browser } from 'wxt/browser';
import { packAnswer } from '../../shared/wire';
import type { MessageHandlers } from '../messages';
import { type CatalogEngine, type CatalogEnv, createCatalogEngine, REFRESH_PERIOD_MS } from './engine';

export const REFRESH_ALARM = 'cleartune-catalog-refresh';

/** The real environment; tests build engines with their own. */
export function browserEnv(): CatalogEnv {
  return {
    fetch: (input, init) => fetch(input, init),
    now: () => Date.now(),
    random: () => Math.random(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    isOnline: () => globalThis.navigator?.onLine !== false,
  };
}

let engine: CatalogEngine | null = null;
/** The worker's one engine, created on first use, not at import: WXT imports the background at build time. */
export function theEngine(): CatalogEngine {
  engine ??= createCatalogEngine(browserEnv());
  return engine;
}

/** Catalog, teams and connection-test handlers. */
export function catalogHandlers(catalog: () => CatalogEngine = theEngine): MessageHandlers {
  return {
    getCatalog: ({ packed, ...query }) =>
      catalog()
        .getCatalog(query)
        .then(packed ? packAnswer : same),
    refreshCatalog: ({ packed, ...query }) =>
      catalog()
        .refreshCatalog(query)
        .then(packed ? packAnswer : same),
    listTeams: ({ apiKey }) => catalog().listTeams(apiKey),
    testConnection: ({ provider }) => catalog().testConnection(provider),
  };
}

/** Creates the periodic-refresh alarm only when it is missing, so a worker restart does not reset its schedule. */
export async function ensureRefreshAlarm(): Promise<void> {
  if (await browser.alarms.get(REFRESH_ALARM)) return;
  await browser.alarms.create(REFRESH_ALARM, {
    periodInMinutes: REFRESH_PERIOD_MS / 60_000,
    delayInMinutes: 1,
  });
}

/**
 * Alarms for periodic refresh of the lists used in the last week; `afterRefresh` runs when a
 * periodic refresh is done (the alerts look at the renewed lists).
 */
export function setupCatalogRefresh(
  catalog: () => CatalogEngine = theEngine,
  afterRefresh: () => Promise<unknown> = async () => undefined,
): void {
  // Registered synchronously, so the alarm that woke the worker is not missed.
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== REFRESH_ALARM) return;
    void catalog()
      .refreshRecent()
      .catch(() => undefined)
      .then(afterRefresh)
      .catch(() => undefined);
  });
  void ensureRefreshAlarm();
}

const same = <T>(value: T): T => value;
