/**
 * Service-worker figures: a catalog answer from a stopped worker (stopped through the DevTools
 * protocol, as Chrome stops an idle one), and the requests made when ten popups ask at once.
 */
import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import type { Simulator } from '../../tests/simulator';
import { ALL_QUERY, RANGE } from './catalog-warmup';
import { cdp, POPUP_VIEWPORT, pause } from './harness';

/** Stops the extension's worker from `page` (an extension page) and waits until it is stopped. */
export async function createWorkerStopper(
  page: Page,
): Promise<{ stop(): Promise<void>; session: CDPSession }> {
  const session = await cdp(page);
  let stops = 0;
  const trail: string[] = [];
  session.on('ServiceWorker.workerVersionUpdated', (event) => {
    for (const version of event.versions) {
      trail.push(version.runningStatus);
      if (version.runningStatus === 'stopped') stops++;
    }
  });
  await session.send('ServiceWorker.enable');
  return {
    session,
    /**
     * Stops the worker and checks it stays stopped for a moment: the catalog's refresh alarm (first
     * run a minute after install) may wake it again, in which case it is stopped once more.
     */
    async stop() {
      for (let attempt = 0; attempt < 5; attempt++) {
        const before = stops;
        trail.length = 0;
        await session.send('ServiceWorker.stopAllWorkers');
        for (let waited = 0; stops === before; waited += 10) {
          if (waited > 10_000) throw new Error(`the service worker did not stop (${trail.join(' → ')})`);
          await pause(10);
        }
        await pause(150);
        if (trail.at(-1) === 'stopped') return;
      }
      throw new Error(`the service worker keeps restarting (${trail.join(' → ')})`);
    },
  };
}

/** One `getCatalog` round trip from the page: ms, tracks, and the reply's JSON size (what the message carries). */
export async function timeCatalogAnswer(
  page: Page,
  query: object,
): Promise<{ ms: number; tracks: number; bytes: number }> {
  return page.evaluate(async (data) => {
    const started = performance.now();
    const reply = (await chrome.runtime.sendMessage({ type: 'getCatalog', data })) as {
      ok: boolean;
      value?: { tracks: unknown[]; total?: number; packed?: string };
      error?: string;
    };
    const ms = performance.now() - started;
    if (!reply?.ok) throw new Error(`getCatalog failed: ${reply?.error}`);
    const packed = reply.value?.packed;
    const tracks =
      reply.value?.total ??
      (packed ? (JSON.parse(packed) as { rows: unknown[] }).rows.length : reply.value?.tracks.length) ??
      0;
    return { ms, tracks, bytes: JSON.stringify(reply).length };
  }, query);
}

/** The popup's opening query (its default genre and range) and "All genres". */
export const DEFAULT_QUERY = { source: 'all', genre: 'POP', range: RANGE } as const;

export interface ColdWorker {
  cold: Record<'default' | 'all', number[]>;
  warm: Record<'default' | 'all', number[]>;
  tracks: Record<'default' | 'all', number>;
  /** JSON size of each answer: what the message carries from worker to page. */
  bytes: Record<'default' | 'all', number>;
}

export async function measureColdWorker(control: Page, rounds: number): Promise<ColdWorker> {
  const stopper = await createWorkerStopper(control);
  const result: ColdWorker = {
    cold: { default: [], all: [] },
    warm: { default: [], all: [] },
    tracks: { default: 0, all: 0 },
    bytes: { default: 0, all: 0 },
  };
  // As the popup asks: its opening query's first screen, and a whole list packed.
  const queries = { default: { ...DEFAULT_QUERY, limit: 40 }, all: { ...ALL_QUERY, packed: true } } as const;
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? (['default', 'all'] as const) : (['all', 'default'] as const);
    for (const which of order) {
      await stopper.stop();
      const cold = await timeCatalogAnswer(control, queries[which]);
      result.cold[which].push(cold.ms);
      result.tracks[which] = cold.tracks;
      result.bytes[which] = cold.bytes;
      await pause(200);
      result.warm[which].push((await timeCatalogAnswer(control, queries[which])).ms);
    }
  }
  await stopper.session.detach();
  return result;
}

export interface Stampede {
  scenario: string;
  /** Requests per (provider, genre, range) that the ten askers caused. */
  perEntry: Record<string, number>;
  answersWithTracks: number;
}

const entryKeyOf = (request: { provider: string; genre?: string; dateRange?: string }) =>
  request.provider === 'layers' ? 'layers' : `bundle-social ${request.genre} ${request.dateRange}`;

function countCatalogRequests(sim: Simulator): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const request of sim.requests) {
    if (request.method !== 'GET' || /\/team\/?$/.test(request.path)) continue;
    const key = entryKeyOf(request);
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

/** Ten real popups opened at once on the default query, its CML list and the Layers catalog evicted. */
export async function tenPopups(
  context: BrowserContext,
  extensionId: string,
  control: Page,
  sim: Simulator,
): Promise<Stampede> {
  await control.evaluate(
    (keys) => chrome.storage.local.remove(keys),
    [`catalog:bundle-social:${RANGE}:${DEFAULT_QUERY.genre}`, 'catalog:layers'],
  );
  sim.resetRequests();
  const pages = await Promise.all(
    Array.from({ length: 10 }, async () => {
      const page = await context.newPage();
      await page.setViewportSize(POPUP_VIEWPORT);
      await page.goto(`chrome-extension://${extensionId}/popup.html`);
      return page;
    }),
  );
  const shown = await Promise.all(
    pages.map((page) =>
      page
        .locator('li[data-index]')
        .first()
        .waitFor({ timeout: 30_000 })
        .then(
          () => 1,
          () => 0,
        ),
    ),
  );
  await pause(500);
  for (const page of pages) await page.close();
  return {
    scenario: `10 popups opened at once, ${DEFAULT_QUERY.genre} ${RANGE} and Layers not cached`,
    perEntry: countCatalogRequests(sim),
    answersWithTracks: shown.reduce((a: number, b) => a + b, 0),
  };
}

/** Ten extension pages sending the same `getCatalog` in the same instant for a list never fetched. */
export async function tenAskers(
  context: BrowserContext,
  extensionId: string,
  sim: Simulator,
): Promise<Stampede> {
  const query = { source: 'bundle-social', genre: 'HIP_HOP/RAP', range: '1DAY' };
  const pages = await Promise.all(
    Array.from({ length: 10 }, async () => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/bench-blank.html`);
      return page;
    }),
  );
  sim.resetRequests();
  // Each page waits for the same wall-clock instant, then asks.
  const at = Date.now() + 300;
  const answers = await Promise.all(
    pages.map((page) =>
      page.evaluate(
        async ([data, when]) => {
          await new Promise((resolve) => setTimeout(resolve, Math.max(0, (when as number) - Date.now())));
          const reply = (await chrome.runtime.sendMessage({ type: 'getCatalog', data })) as {
            ok: boolean;
            value?: { tracks: unknown[] };
          };
          return reply?.ok ? (reply.value?.tracks.length ?? 0) : -1;
        },
        [query, at] as const,
      ),
    ),
  );
  for (const page of pages) await page.close();
  return {
    scenario: `10 pages asking at the same instant for ${query.genre} ${query.range} (never fetched)`,
    perEntry: countCatalogRequests(sim),
    answersWithTracks: answers.filter((n) => n > 0).length,
  };
}
