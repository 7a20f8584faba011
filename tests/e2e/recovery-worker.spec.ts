/// <reference types="chrome" />
/**
 * The service worker stopped (through the DevTools protocol, as Chrome does to an idle or hung worker)
 * while a provider request is in flight: nothing half-written is left in storage, and the next query
 * from the popup wakes a new worker that recovers.
 */
import type { Page } from '@playwright/test';
import type { Simulator } from '../simulator';
import {
  ENTRY_KEYS,
  entryData,
  type Storage,
  stopWorker,
  watchWorker,
  withEntriesParsed,
  workerErrors,
} from '../support/fault-harness';
import { expect, test } from './fixtures';
import { openConnectedPopup } from './popup-support';

test.describe.configure({ mode: 'parallel', timeout: 90_000 });

const ROCK_KEY = 'catalog:bundle-social:7DAY:ROCK';

/** Storage read from an extension page: the worker is not running to be asked. */
async function storageFrom(page: Page): Promise<Storage> {
  return withEntriesParsed(await page.evaluate(() => chrome.storage.local.get(null)));
}

/** Waits until the simulator holds a request for the list (the worker is mid-refresh). */
async function requestInFlight(sim: Simulator, genre: string): Promise<void> {
  await expect
    .poll(() => sim.count({ provider: 'bundle-social', genre, dateRange: '7DAY' }), { timeout: 20_000 })
    .toBeGreaterThan(0);
}

test('stopped during the first fetch of a list: no partial entry, and the next query loads it', async ({
  context,
  background,
  openPopup,
  collected,
}) => {
  await watchWorker(background, collected);
  const { sim, popup } = await openConnectedPopup(context, openPopup, { seed: 'worker-stop' });
  await expect(popup.getByText(/^\d+ tracks$/)).toBeVisible();
  expect(await workerErrors(background)).toEqual([]);

  // A slow provider: the Rock list is still on its way when the worker is stopped.
  sim.setScenario('bundle-social', 'latency', { ms: 8_000, times: 1 });
  await popup.getByRole('combobox', { name: 'Genre' }).selectOption('ROCK');
  await requestInFlight(sim, 'ROCK');
  await stopWorker(context, popup);

  const stopped = await storageFrom(popup);
  expect(stopped[ROCK_KEY], 'no entry was half-written').toBeUndefined();
  for (const key of Object.keys(stopped).filter((k) => k.startsWith('catalog:bundle-social:'))) {
    expect(key).toBe(ENTRY_KEYS['bundle-social']);
  }

  // The popup says the background went away and offers Retry; Retry wakes a new worker.
  const problems = popup.getByRole('region', { name: 'Problems' });
  await expect(problems).toBeVisible();
  await expect(problems).toHaveText(/Cleartune’s background stopped before it answered: try again\./);
  await problems.getByRole('button', { name: 'Retry' }).click();
  // Playwright keeps one Worker for the extension's worker target: the new instance answers through it.
  await watchWorker(background, collected);
  const rock = sim.catalog.cml('ROCK', '7DAY');
  await expect(popup.getByText(/^\d+ tracks$/)).toHaveText(
    `${rock.length + sim.catalog.layers().length} tracks`,
    { timeout: 20_000 },
  );
  await expect(problems).toHaveCount(0);
  await expect.poll(async () => ROCK_KEY in (await storageFrom(popup))).toBe(true);

  const recovered = await storageFrom(popup);
  const entry = recovered[ROCK_KEY] as { tracks: unknown[]; fetchedAt: number | null; error: unknown };
  expect(entry.tracks).toHaveLength(rock.length);
  expect(entry.fetchedAt).not.toBeNull();
  expect(entry.error).toBeNull();
  expect(await workerErrors(background)).toEqual([]);
});

test('stopped during a refresh of a cached list: the cached tracks stay whole and a new popup shows them', async ({
  context,
  background,
  openPopup,
  collected,
}) => {
  await watchWorker(background, collected);
  const { sim, popup } = await openConnectedPopup(context, openPopup, { seed: 'worker-stop-refresh' });
  const count = popup.getByText(/^\d+ tracks$/);
  await expect(count).toBeVisible();
  const shown = await count.innerText();
  const before = await storageFrom(popup);

  sim.setScenario('bundle-social', 'latency', { ms: 8_000, times: 1 });
  sim.setScenario('layers', 'latency', { ms: 8_000, times: 1 });
  await popup.getByRole('button', { name: 'Refresh tracks' }).click();
  await requestInFlight(sim, 'POP');
  await expect.poll(() => sim.count({ provider: 'layers' })).toBeGreaterThan(1);
  await stopWorker(context, popup);

  const stopped = await storageFrom(popup);
  for (const key of Object.values(ENTRY_KEYS))
    expect(entryData(stopped, key), key).toEqual(entryData(before, key));

  // A new popup: a new worker answers from the cache at once.
  await popup.close();
  const again = await openPopup();
  await expect(again.getByText(/^\d+ tracks$/)).toHaveText(shown);
  await watchWorker(background, collected);
  await expect(again.getByRole('region', { name: 'Problems' })).toHaveCount(0);
  await expect(again.locator('.data-age')).toHaveText(/^Updated (just now|\d+ min\. ago)$/);
  const recovered = await storageFrom(again);
  for (const key of Object.values(ENTRY_KEYS)) {
    const entry = recovered[key] as { tracks: unknown[]; error: unknown };
    expect(entry.tracks.length, key).toBeGreaterThan(0);
    expect(entry.error, key).toBeNull();
  }
  expect(await workerErrors(background)).toEqual([]);
});
