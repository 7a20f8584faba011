/// <reference types="chrome" />
/**
 * Stored data that goes bad: a value corrupted by hand is reset with a notice while everything else
 * survives, and a cache pushed to the storage budget evicts its least recently used lists instead of
 * failing.
 */
import type { Page, Worker } from '@playwright/test';
import { DEMO_CREDENTIALS } from '../simulator';
import { ENTRY_KEYS, type Storage, snapshot, watchWorker, workerErrors } from '../support/fault-harness';
import { expect, test } from './fixtures';
import { ask, openConnectedPopup, setUpProviders } from './popup-support';

test.describe.configure({ mode: 'parallel', timeout: 60_000 });

/** Connected, lists loaded, the first track chosen and favorited. */
async function warmUp(popup: Page): Promise<{ title: string }> {
  await ask(popup, 'saveSettings', DEMO_CREDENTIALS);
  await popup.reload();
  const first = popup.getByRole('listitem').first();
  const label = (await first.getAttribute('aria-label')) ?? '';
  const title = label.slice(0, label.lastIndexOf(' by '));
  await first.getByRole('button', { name: `Use ${title}`, exact: true }).click();
  await expect(popup.getByRole('status')).toHaveText('Chosen — open a composer to fill it');
  await first.getByRole('button', { name: `Favorite ${title}`, exact: true }).click();
  await expect(first.getByRole('button', { name: `Favorite ${title}`, exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  return { title };
}

interface Corruption {
  what: string;
  key: string;
  /** The bad value: given, or made from the value stored before. */
  value: unknown;
  spoil?: (stored: unknown) => unknown;
  notice: string;
  /** The stored keys that must come through untouched. */
  intact: string[];
  /** What the popup shows after the reset. */
  check(popup: Page, title: string): Promise<void>;
}

async function rowOf(popup: Page, title: string) {
  await popup.getByRole('searchbox', { name: 'Search tracks' }).fill(title);
  return popup.getByRole('listitem', { name: new RegExp(`^${title} by `) }).first();
}

/** The warm-up's track is listed, still chosen and a favorite. */
async function expectChosenFavorite(popup: Page, title: string): Promise<void> {
  const row = await rowOf(popup, title);
  await expect(row.getByText('Chosen', { exact: true })).toBeVisible();
  await expect(row.getByRole('button', { name: `Favorite ${title}` })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
}

const CORRUPTIONS: Corruption[] = [
  {
    what: 'favorites',
    key: 'favorites',
    value: '★ not a list ★',
    notice: 'Your stored favorites could not be read and was reset; everything else is intact.',
    intact: ['settings', 'chosen', ENTRY_KEYS['bundle-social'], ENTRY_KEYS.layers],
    async check(popup, title) {
      const row = await rowOf(popup, title);
      await expect(row.getByText('Chosen', { exact: true })).toBeVisible();
      await expect(row.getByRole('button', { name: `Favorite ${title}` })).toHaveAttribute(
        'aria-pressed',
        'false',
      );
    },
  },
  {
    what: 'chosen track',
    key: 'chosen',
    value: { provider: 'bundle-social', id: 42, idKind: 'nonsense' },
    notice: 'Your stored chosen track could not be read and was reset; everything else is intact.',
    intact: ['settings', 'favorites', ENTRY_KEYS['bundle-social'], ENTRY_KEYS.layers],
    async check(popup, title) {
      const row = await rowOf(popup, title);
      await expect(row.getByRole('button', { name: `Favorite ${title}` })).toHaveAttribute(
        'aria-pressed',
        'true',
      );
      await expect(row.getByText('Chosen', { exact: true })).toHaveCount(0);
    },
  },
  {
    what: 'settings',
    key: 'settings',
    value: ['not', 'settings'],
    notice: 'Your stored settings could not be read and was reset; everything else is intact.',
    intact: ['secrets', 'chosen', 'favorites', ENTRY_KEYS['bundle-social'], ENTRY_KEYS.layers],
    async check(popup) {
      // The keys are sealed apart and survive (the team went with the rest): Layers still lists.
      await expect(
        popup.getByRole('heading', { name: 'Connect a provider to see trending tracks' }),
      ).toHaveCount(0);
      await expect(popup.getByText(/^\d+ tracks$/)).toBeVisible();
    },
  },
  {
    what: 'settings field (a genre a later release dropped)',
    key: 'settings',
    value: null,
    spoil: (stored) => ({ ...(stored as object), defaultGenre: 'SEA_SHANTY', composerSites: [7] }),
    notice:
      'Part of your stored settings could not be read and was reset: the default genre, some of the composer sites. Everything else is intact.',
    intact: ['chosen', 'favorites', ENTRY_KEYS['bundle-social'], ENTRY_KEYS.layers],
    async check(popup, title) {
      // The keys and team came through: the lists are there, the choice and the favorite too.
      await expectChosenFavorite(popup, title);
      await expect(
        popup.getByRole('heading', { name: 'Connect a provider to see trending tracks' }),
      ).toHaveCount(0);
    },
  },
  {
    what: 'a cached list',
    key: ENTRY_KEYS['bundle-social'],
    value: { v: 1, provider: 'bundle-social', tracks: 'garbled' },
    notice:
      'Cached tracks for bundle.social Pop (7DAY) could not be read and were cleared; they will be fetched again.',
    intact: ['settings', 'chosen', 'favorites', ENTRY_KEYS.layers],
    async check(popup, title) {
      // Fetched again at once: the chosen favorite is back in the list.
      await expectChosenFavorite(popup, title);
    },
  },
];

for (const corruption of CORRUPTIONS) {
  test(`corrupted ${corruption.what}: reset with a notice, the rest intact`, async ({
    context,
    background,
    openPopup,
    collected,
  }) => {
    await watchWorker(background, collected);
    await setUpProviders(context, { seed: 'recovery' });
    const popup = await openPopup();
    const { title } = await warmUp(popup);
    const before = await snapshot(background);
    for (const key of corruption.intact) expect(before[key], key).toBeDefined();

    // Edited by hand (or by a broken old version): the value no longer fits its schema.
    const value = corruption.spoil ? corruption.spoil(before[corruption.key]) : corruption.value;
    await background.evaluate(({ key, value }) => chrome.storage.local.set({ [key]: value }), {
      key: corruption.key,
      value,
    });
    await popup.reload();
    const notices = popup.getByRole('region', { name: 'Notices' });
    await expect(notices.getByText(corruption.notice, { exact: true })).toBeVisible();
    await corruption.check(popup, title);
    await notices.getByRole('button', { name: 'Dismiss' }).click();
    await expect(notices).toHaveCount(0);

    const after = await snapshot(background);
    expect(after[corruption.key], 'the bad value is gone').not.toEqual(value);
    for (const key of corruption.intact) expect(comparable(after, key), key).toEqual(comparable(before, key));
    // Shown once: the next popup has no notice.
    await popup.reload();
    await expect(popup.getByRole('button', { name: 'Refresh tracks' })).toBeVisible();
    await expect(popup.getByRole('region', { name: 'Notices' })).toHaveCount(0);
    expect(await workerErrors(background)).toEqual([]);
  });
}

/** A stored value as the user would judge it: for a cached list, its tracks and when they were fetched. */
function comparable(storage: Storage, key: string): unknown {
  const value = storage[key] as { tracks?: unknown; fetchedAt?: unknown } | undefined;
  return key.startsWith('catalog:') && value ? { tracks: value.tracks, fetchedAt: value.fetchedAt } : value;
}

async function cacheBytes(worker: Worker): Promise<number> {
  return worker.evaluate(async () => {
    const all = await chrome.storage.local.get(null);
    let bytes = 0;
    for (const [key, value] of Object.entries(all)) {
      if (key.startsWith('catalog:'))
        bytes += new TextEncoder().encode(key + JSON.stringify(value)).byteLength;
    }
    return bytes;
  });
}

test('a cache at the storage budget evicts the least recently used lists, and new lists still load', async ({
  context,
  background,
  openPopup,
  collected,
}) => {
  await watchWorker(background, collected);
  const { sim, popup } = await openConnectedPopup(context, openPopup, { seed: 'quota' });
  await expect(popup.getByRole('listitem').first()).toBeVisible();
  // The whole list is in (the popup asks for it after painting the first screen): no request of
  // this popup is still in flight to rewrite the cache index while the test fills it by hand.
  await expect(popup.getByText(/^\d+ tracks$/)).toBeVisible();

  // Fill storage, by hand, with copies of a real list under other genre keys, each last used long
  // ago, until the cache is just under its 8 MB budget: storage.local as a month of browsing leaves it.
  const filler = await background.evaluate(async (source) => {
    // Stored as JSON text, as the cache writes a list.
    const entry = JSON.parse((await chrome.storage.local.get(source))[source] as string) as Record<
      string,
      unknown
    >;
    const index = ((await chrome.storage.local.get('catalogIndex')).catalogIndex ?? {}) as Record<
      string,
      { size: number; usedAt: number }
    >;
    const size = (key: string, value: unknown) =>
      new TextEncoder().encode(key + JSON.stringify(value)).byteLength;
    let total = Object.values(index).reduce((sum, row) => sum + row.size, 0);
    const keys: string[] = [];
    const items: Record<string, unknown> = {};
    for (let i = 0; ; i++) {
      const key = `catalog:bundle-social:30DAY:FILLER_${String(i).padStart(3, '0')}`;
      const value = JSON.stringify({ ...entry, genre: 'POP', range: '30DAY' });
      const bytes = size(key, value);
      if (total + bytes > 8 * 1024 * 1024 - 20_000) break;
      items[key] = value;
      index[key] = { size: bytes, usedAt: 1_000 + i };
      keys.push(key);
      total += bytes;
    }
    await chrome.storage.local.set({ ...items, catalogIndex: index });
    return { keys, total };
  }, ENTRY_KEYS['bundle-social']);
  expect(filler.keys.length).toBeGreaterThan(10);
  expect(await cacheBytes(background)).toBeGreaterThan(7.9 * 1024 * 1024);

  // Three more genres, each a new list of about the same size: each write must make room.
  for (const genre of ['ROCK', 'DANCE_POP', 'COUNTRY'] as const) {
    await popup.getByRole('combobox', { name: 'Genre' }).selectOption(genre);
    const key = `catalog:bundle-social:7DAY:${genre}`;
    await expect
      .poll(() => background.evaluate((k) => chrome.storage.local.get(k).then((found) => k in found), key))
      .toBe(true);
    await expect(popup.getByText(/^\d+ tracks$/)).toHaveText(
      `${sim.catalog.cml(genre, '7DAY').length + sim.catalog.layers().length} tracks`,
    );
  }
  await expect(popup.getByRole('region', { name: 'Problems' })).toHaveCount(0);

  const stored = await snapshot(background);
  const evicted = filler.keys.filter((key) => !(key in stored));
  // The oldest went first, the newest filler and everything the user looked at stayed.
  expect(evicted.length).toBeGreaterThan(0);
  expect(evicted).toEqual(filler.keys.slice(0, evicted.length));
  for (const key of [
    ENTRY_KEYS['bundle-social'],
    ENTRY_KEYS.layers,
    'catalog:bundle-social:7DAY:ROCK',
    'catalog:bundle-social:7DAY:DANCE_POP',
    'catalog:bundle-social:7DAY:COUNTRY',
  ])
    expect(stored[key], key).toBeDefined();
  expect(await cacheBytes(background)).toBeLessThanOrEqual(8 * 1024 * 1024);
  const inUse = await background.evaluate(() => chrome.storage.local.getBytesInUse(null));
  expect(inUse).toBeLessThan(10 * 1024 * 1024);
  expect(await workerErrors(background)).toEqual([]);
});
