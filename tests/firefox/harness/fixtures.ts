/**
 * The Firefox specs' fixtures: a fresh proxy with a fresh contract simulator behind it, and a fresh
 * Firefox (new profile, the e2e archive installed) per test. A test fails on any error Firefox
 * reports from our pages, the background, the sidebar or the content script, and on any request to
 * a host the test does not serve.
 */
import { test as base, expect } from 'vitest';
import { createSimulator, type Simulator } from '../../simulator';
import { type Firefox, launchFirefox } from './firefox';
import { startProxy, type TestProxy } from './proxy';

interface Fixtures {
  /**
   * Whether the sidebar Firefox opens at install stays open. Most tests close it first, as a person
   * who does not use it would: its own requests would mix with the ones a test counts.
   */
  keepSidebar: boolean;
  proxy: TestProxy;
  sim: Simulator;
  firefox: Firefox;
}

export const test = base.extend<Fixtures>({
  keepSidebar: false,
  // biome-ignore lint/correctness/noEmptyPattern: vitest's fixture signature
  proxy: async ({}, use) => {
    const proxy = await startProxy();
    await use(proxy);
    await proxy.close();
  },
  sim: async ({ proxy, task }, use) => {
    const sim = createSimulator({ seed: `firefox ${task.name}` });
    proxy.useSimulator(sim);
    await use(sim);
  },
  firefox: async ({ proxy, sim, keepSidebar }, use) => {
    void sim; // a simulator answers before the first request
    const firefox = await launchFirefox({ proxyPort: proxy.port });
    try {
      if (!keepSidebar) await firefox.closeSidebar();
      await use(firefox);
      expect(await firefox.takeErrors(), 'errors reported by Firefox').toEqual([]);
      expect(proxy.strays, 'requests to hosts no test serves').toEqual([]);
    } finally {
      await firefox.close();
    }
  },
});

export { expect };

/** The same fixtures, with the sidebar Firefox opened at install left open. */
export const sidebarTest = test.extend({ keepSidebar: true });
