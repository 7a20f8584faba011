/**
 * `installSimulator`: puts a simulator behind `https://api.bundle.social/**` and
 * `https://api.layers.com/**` in a Playwright browser context. Routes on a persistent context also
 * intercept the extension service worker's own fetches.
 *
 * Kept apart from `index.ts` so unit tests never import Playwright.
 */
import type { BrowserContext, Route } from '@playwright/test';
import { PROVIDER_ORIGINS, type Simulator } from './simulator';

export const SIMULATED_URL_PATTERNS = [
  `${PROVIDER_ORIGINS['bundle-social']}/**`,
  `${PROVIDER_ORIGINS.layers}/**`,
] as const;

/** What `installSimulator` returns. */
export interface InstalledSimulator {
  /** Removes the routes; requests then go to the real network (or fail). */
  uninstall(): Promise<void>;
  /** Requests currently held by the `hang` scenario. */
  readonly hanging: number;
}

/**
 * Answers every request to the two API hosts in `context` through `sim.handle`.
 *
 * - latency: the route is fulfilled after the delay;
 * - `hang`: the route is never fulfilled (held until the page aborts it or the context closes);
 * - `offline` → `route.abort('internetdisconnected')`, `connection-refused` → `route.abort('connectionrefused')`;
 * - every answer carries `access-control-allow-origin: *`.
 *
 * Errors from routes whose request went away meanwhile (page closed, fetch aborted, context
 * closed) are swallowed, so a test never sees an unhandled rejection from the simulator.
 */
export async function installSimulator(context: BrowserContext, sim: Simulator): Promise<InstalledSimulator> {
  let hanging = 0;
  let closed = false;
  context.once('close', () => {
    closed = true;
  });

  const handler = async (route: Route): Promise<void> => {
    const request = route.request();
    try {
      const headers = await request.allHeaders();
      const answer = await sim.handle({
        method: request.method(),
        url: request.url(),
        headers,
        body: request.postData(),
      });
      if (closed) return;
      if (answer.fault === 'hang') {
        hanging += 1;
        return; // never fulfilled: Playwright drops the route when the request or context goes away
      }
      if (answer.fault === 'offline') return await route.abort('internetdisconnected');
      if (answer.fault === 'connection-refused') return await route.abort('connectionrefused');
      await route.fulfill({ status: answer.status, headers: answer.headers, body: answer.body });
    } catch {
      // The request, page or context went away while the answer was delayed: nothing to do.
    }
  };

  for (const pattern of SIMULATED_URL_PATTERNS) await context.route(pattern, handler);

  return {
    async uninstall() {
      for (const pattern of SIMULATED_URL_PATTERNS) await context.unroute(pattern, handler).catch(() => {});
    },
    get hanging() {
      return hanging;
    },
  };
}
