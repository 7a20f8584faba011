/// <reference types="chrome" />
/**
 * Helpers for the reliability and security specs: errors in the service worker (console errors and
 * uncaught exceptions or rejections), storage snapshots taken inside the worker, a shortened request
 * timeout, and code run in the composer content script's own isolated world through the DevTools
 * protocol, so a message really comes from a content script.
 */
import type { BrowserContext, Page, Worker } from '@playwright/test';
import type { Simulator } from '../simulator';

export type Provider = 'bundle-social' | 'layers';
export const PROVIDERS: readonly Provider[] = ['bundle-social', 'layers'];
export const PROVIDER_NAMES: Record<Provider, string> = {
  'bundle-social': 'bundle.social',
  layers: 'Layers',
};

/** The storage keys of the default view's entries (Pop, last 7 days) and of Layers. */
export const ENTRY_KEYS: Record<Provider, string> = {
  'bundle-social': 'catalog:bundle-social:7DAY:POP',
  layers: 'catalog:layers',
};

type ErrorSink = { errors: string[] };
const TRAP = '__cleartuneTestErrors';

const listening = new WeakSet<Worker>();

/**
 * Collects the worker's console errors, and installs listeners in it for uncaught exceptions and
 * unhandled rejections (a Playwright `Worker` reports only console calls). Read them with
 * `workerErrors`. Call it again after the worker was stopped and started: Playwright keeps the same
 * `Worker` for the new instance, whose globals are new.
 */
export async function watchWorker(worker: Worker, sink: ErrorSink): Promise<void> {
  if (!listening.has(worker)) {
    listening.add(worker);
    worker.on('console', (message) => {
      if (message.type() === 'error') sink.errors.push(`service worker console: ${message.text()}`);
    });
  }
  await worker.evaluate((trap) => {
    const scope = globalThis as unknown as Record<string, string[] | undefined> & {
      addEventListener: typeof addEventListener;
    };
    if (scope[trap]) return;
    const errors: string[] = [];
    scope[trap] = errors;
    scope.addEventListener('error', (event) => errors.push(`uncaught: ${(event as ErrorEvent).message}`));
    scope.addEventListener('unhandledrejection', (event) =>
      errors.push(`unhandled rejection: ${String((event as PromiseRejectionEvent).reason)}`),
    );
  }, TRAP);
}

/** What the worker's own listeners caught since `watchWorker` (empty when the worker was restarted). */
export async function workerErrors(worker: Worker): Promise<string[]> {
  return worker.evaluate((trap) => {
    const scope = globalThis as unknown as Record<string, string[] | undefined>;
    return [...(scope[trap] ?? [])];
  }, TRAP);
}

export type Storage = Record<string, unknown>;

/**
 * `storage.local` with each cached list read from the JSON text the cache stores it as
 * (lib/background/catalog/catalog-cache.ts), so tests compare lists, not texts.
 */
export function withEntriesParsed(storage: Storage): Storage {
  return Object.fromEntries(
    Object.entries(storage).map(([key, value]) => [
      key,
      key.startsWith('catalog:') && typeof value === 'string' ? JSON.parse(value) : value,
    ]),
  );
}

export async function snapshot(worker: Worker): Promise<Storage> {
  return withEntriesParsed(await worker.evaluate(() => chrome.storage.local.get(null)));
}

/** A cache entry without what a failed refresh legitimately records: when it tried, and why it failed. */
export function entryData(storage: Storage, key: string): Record<string, unknown> | null {
  const entry = storage[key] as Record<string, unknown> | undefined;
  if (!entry) return null;
  const { attemptedAt: _attempted, error: _error, ...data } = entry;
  return data;
}

export function entryError(storage: Storage, key: string): { message: string; kind: string } | null {
  const entry = storage[key] as { error?: { message: string; kind: string } | null } | undefined;
  return entry?.error ?? null;
}

/** Moves an entry's fetch back in time, as if it had been fetched `ms` ago. */
export async function ageEntry(worker: Worker, key: string, ms: number): Promise<void> {
  await worker.evaluate(
    async ({ key, ms }) => {
      // A cached list is stored as JSON text (lib/background/catalog/catalog-cache.ts).
      const entry = JSON.parse((await chrome.storage.local.get(key))[key] as string) as {
        fetchedAt: number;
        attemptedAt: number;
      };
      await chrome.storage.local.set({
        [key]: JSON.stringify({
          ...entry,
          fetchedAt: entry.fetchedAt - ms,
          attemptedAt: entry.attemptedAt - ms,
        }),
      });
    },
    { key, ms },
  );
}

/**
 * Makes the worker's request timeout (a `setTimeout` of exactly `fromMs`) fire after `toMs`, so a
 * hanging provider is given up on in seconds instead of three times 15 s. Only that one timer
 * changes; the sentence the user reads still names the real timeout.
 */
export async function shortenTimeout(worker: Worker, fromMs: number, toMs: number): Promise<void> {
  await worker.evaluate(
    ({ fromMs, toMs }) => {
      const scope = globalThis as unknown as { setTimeout: typeof setTimeout };
      const real = scope.setTimeout;
      scope.setTimeout = ((handler: TimerHandler, timeout?: number, ...args: unknown[]) =>
        real(handler, timeout === fromMs ? toMs : timeout, ...args)) as typeof setTimeout;
    },
    { fromMs, toMs },
  );
}

/** Requests to a provider's catalog endpoint (not the team list). */
export function catalogRequests(sim: Simulator, provider: Provider): number {
  return sim.count(
    provider === 'layers'
      ? { provider, path: '/v1/tiktok-music' }
      : { provider, path: '/api/v1/misc/tiktok/cml/trending-list' },
  );
}

/**
 * Runs `expression` in the composer content script's isolated world on `page` (found by the
 * extension's name among the page's execution contexts) and returns its JSON value.
 */
export async function inContentScript<T>(
  context: BrowserContext,
  page: Page,
  expression: string,
): Promise<T> {
  const cdp = await context.newCDPSession(page);
  const worlds: { id: number; name: string; frameId?: string; type?: string }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context: created }) =>
    worlds.push({
      id: created.id,
      name: created.name,
      frameId: created.auxData?.frameId,
      type: created.auxData?.type,
    }),
  );
  await cdp.send('Runtime.enable');
  try {
    const mainFrame = worlds.find((world) => world.type === 'default')?.frameId;
    const world = worlds.find(
      (candidate) =>
        candidate.type === 'isolated' && candidate.name === 'Cleartune' && candidate.frameId === mainFrame,
    );
    if (!world) throw new Error(`no Cleartune content script world in ${page.url()}`);
    const result = await cdp.send('Runtime.evaluate', {
      expression,
      contextId: world.id,
      awaitPromise: true,
      returnByValue: true,
    });
    if (result.exceptionDetails) {
      throw new Error(`content script evaluation failed: ${result.exceptionDetails.exception?.description}`);
    }
    return result.result.value as T;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/**
 * Stops the extension's service worker, as `chrome://serviceworker-internals` or Chrome's own idle
 * and hang limits do, and waits until the protocol reports it stopped. The next message from an
 * extension page starts a new one.
 */
export async function stopWorker(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  const stopped = new Promise<void>((resolve) =>
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      if (versions.some((version) => version.runningStatus === 'stopped')) resolve();
    }),
  );
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
  await cdp.detach();
}
