/// <reference types="chrome" />
/**
 * API keys stay in the background. A content script asking for settings, keys or anything else meant
 * for extension pages is refused; the messages a content script receives, everything written to any
 * console, every error message the user reads and the default settings export hold no key.
 */
import { readFileSync } from 'node:fs';
import type { ConsoleMessage, Page } from '@playwright/test';
import { DEMO_CREDENTIALS } from '../simulator';
import {
  catalogRequests,
  inContentScript,
  snapshot,
  stopWorker,
  watchWorker,
  workerErrors,
} from '../support/fault-harness';
import { expect, serveFixturePage, test, watchErrors } from './fixtures';
import { ask, setUpProviders } from './popup-support';

const COMPOSER = 'https://composer.test/plain';
const KEYS = [DEMO_CREDENTIALS.bundleSocialKey, DEMO_CREDENTIALS.layersKey];
/** The full keys, and the part a masked key (`pk_live_…8c1e`) must never show. */
const SECRETS = KEYS.flatMap((key) => [key, key.slice(8, -4)]);
const leaks = (text: string) => SECRETS.filter((secret) => text.includes(secret));

const EXTENSION_ONLY: [string, unknown][] = [
  ['getSettings', undefined],
  ['exportSettings', { includeKeys: true }],
  ['exportSettings', { includeKeys: false }],
  ['saveSettings', { bundleSocialKey: 'pk_live_from_a_content_script_1234' }],
  ['importSettings', { format: 'cleartune-settings', bundleSocialKey: 'pk_live_imported_123456' }],
  ['listTeams', {}],
  ['testConnection', { provider: 'bundle-social' }],
  ['getCatalog', { source: 'all', genre: 'POP', range: '7DAY' }],
  ['refreshCatalog', { source: 'all', genre: 'POP', range: '7DAY' }],
  ['addComposerSite', { origin: 'https://evil.test' }],
  ['removeComposerSite', { origin: 'https://composer.test' }],
  ['getFavorites', undefined],
  ['toggleFavorite', { key: 'bundle-social:1' }],
  ['takeNotices', undefined],
  ['getTabStatus', { tabId: 1 }],
  ['getToolbarOpens', undefined],
  ['setToolbarOpens', { opens: 'sidePanel' }],
];

type Reply = { ok: true; value: unknown } | { ok: false; error: string } | undefined;

async function openComposer(page: Page): Promise<void> {
  await page.goto(COMPOSER);
  await expect(page.getByRole('button', { name: 'Insert chosen track' })).toBeVisible();
}

test('a content script asking for settings, keys or catalog work is refused, with no side effect', async ({
  context,
  background,
  openPopup,
  collected,
}) => {
  await watchWorker(background, collected);
  const { sim } = await setUpProviders(context, { seed: 'keys' });
  await serveFixturePage(context, COMPOSER, 'plain-composer.html');
  const popup = await openPopup();
  await ask(popup, 'saveSettings', DEMO_CREDENTIALS);
  await popup.reload();
  await popup.getByRole('button', { name: /^Use / }).first().click();
  await expect(popup.getByRole('status')).toHaveText('Chosen — open a composer to fill it');
  const page = await context.newPage();
  watchErrors(page, collected);
  await openComposer(page);
  const before = await snapshot(background);
  const requests = sim.requests.length;

  const replies = await inContentScript<Reply[]>(
    context,
    page,
    `Promise.all(${JSON.stringify(EXTENSION_ONLY)}.map(([type, data]) =>
      chrome.runtime.sendMessage({ type, data }).catch((error) => ({ thrown: String(error) }))))`,
  );
  expect(replies).toEqual(
    EXTENSION_ONLY.map(([type]) => ({
      ok: false,
      error: `Message "${type}" is not allowed from this sender.`,
    })),
  );

  // What a content script may ask: the chosen track (no key in it) and reporting its composer.
  const allowed = await inContentScript<Reply[]>(
    context,
    page,
    `Promise.all([
      chrome.runtime.sendMessage({ type: 'getChosen' }),
      chrome.runtime.sendMessage({ type: 'composerPresence', data: { hasComposer: true, focused: false, visible: false, label: 'x' } }),
      chrome.runtime.sendMessage({ type: 'composerPresence', data: { hasComposer: 'yes' } }),
    ])`,
  );
  expect(allowed[0]).toMatchObject({
    ok: true,
    value: { provider: 'bundle-social', idKind: 'cml-song-clip' },
  });
  expect(allowed[1]).toEqual({ ok: true, value: null });
  expect(allowed[2]).toEqual({ ok: false, error: 'Message "composerPresence" had an invalid payload.' });
  expect(leaks(JSON.stringify(allowed))).toEqual([]);

  const after = await snapshot(background);
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (key !== 'lastComposer') expect(after[key], key).toEqual(before[key]);
  }
  expect(sim.requests.length, 'no provider request on a content script’s behalf').toBe(requests);
  expect(await workerErrors(background)).toEqual([]);
});

test('no key in messages to a content script, in any console, in error messages or in the default export', async ({
  context,
  background,
  openPopup,
  openOptions,
  collected,
}) => {
  await watchWorker(background, collected);
  const logged: string[] = [];
  const log = (where: string) => (message: ConsoleMessage) => logged.push(`${where}: ${message.text()}`);
  background.on('console', log('worker'));
  const { sim } = await setUpProviders(context, { seed: 'keys' });
  // Layers answers 400 and quotes the key back, as careless APIs do.
  await context.route('https://api.layers.com/v1/tiktok-music', (route) =>
    route.fulfill({
      status: 400,
      contentType: 'application/json',
      body: JSON.stringify({
        error: {
          code: 'BAD_KEY',
          message: `Key ${route.request().headers().authorization?.replace('Bearer ', '')} is not valid here`,
          requestId: 'req_1',
        },
      }),
    }),
  );
  await serveFixturePage(context, COMPOSER, 'plain-composer.html');

  const page = await context.newPage();
  watchErrors(page, collected);
  page.on('console', log('page'));
  await openComposer(page);
  await inContentScript(
    context,
    page,
    `(globalThis.__received = [], chrome.runtime.onMessage.addListener((message) => {
      globalThis.__received.push(JSON.stringify(message));
    }), true)`,
  );

  const popup = await openPopup();
  popup.on('console', log('popup'));
  await ask(popup, 'saveSettings', DEMO_CREDENTIALS);
  await page.getByLabel('Music sound ID').click();
  await popup.reload();
  const problems = popup.getByRole('region', { name: 'Problems' });
  await expect(problems).toContainText('Layers refused the request (BAD_KEY: Key … is not valid here)');

  // Use a track: the chosen track goes to the composer tab, and it alone.
  await popup.getByRole('button', { name: /^Use / }).first().click();
  await expect(popup.getByRole('status')).toHaveText('Filled into composer.test');
  await expect(page.getByLabel('Music sound ID')).toHaveValue(/^\d{19}$/);
  const received = await inContentScript<string[]>(context, page, 'globalThis.__received');
  expect(received.some((message) => message.includes('"fillChosen"'))).toBe(true);
  expect(leaks(received.join('\n'))).toEqual([]);
  const chosen = await inContentScript<unknown>(
    context,
    page,
    `chrome.runtime.sendMessage({ type: 'getChosen' })`,
  );
  expect(leaks(JSON.stringify(chosen))).toEqual([]);

  // A key the provider stops accepting: the connection test says so without quoting it.
  sim.revokeKey('bundle-social', DEMO_CREDENTIALS.bundleSocialKey);
  const options = await openOptions();
  options.on('console', log('options'));
  await options.getByRole('button', { name: 'Test connection to bundle.social' }).click();
  // The connection test's own result (the team list may say the same once its request fails too).
  await expect(options.getByRole('status').filter({ hasText: 'Failed — bundle.social' })).toContainText(
    'bundle.social rejected the API key: check it in Settings.',
  );

  // The default export.
  const [download] = await Promise.all([
    options.waitForEvent('download'),
    options.getByRole('button', { name: 'Export settings' }).click(),
  ]);
  const exported = readFileSync((await download.path()) ?? '', 'utf8');
  expect(JSON.parse(exported)).toMatchObject({ teamId: DEMO_CREDENTIALS.teamId });
  expect(leaks(exported)).toEqual([]);

  // Everything a person or a page could read.
  for (const [where, text] of [
    ['popup', await popup.content()],
    ['options', await options.content()],
    ['composer page', await page.content()],
    ['problems', await problems.innerText()],
    ['consoles', logged.join('\n')],
  ] as const) {
    expect(leaks(text), where).toEqual([]);
  }
  const stored = await snapshot(background);
  const errors = Object.entries(stored)
    .filter(([key]) => key.startsWith('catalog:'))
    .map(([, entry]) => JSON.stringify((entry as { error: unknown }).error));
  expect(errors.join('')).toContain('BAD_KEY');
  expect(leaks(errors.join('\n'))).toEqual([]);
  expect(await workerErrors(background)).toEqual([]);
});

test('a provider redirecting to another site never gets the key sent there', async ({
  context,
  openPopup,
}) => {
  await setUpProviders(context, { seed: 'keys' });
  // A misconfigured proxy or a hijacked route: the Layers API answers 302 to a collector.
  await context.route('https://api.layers.com/v1/tiktok-music', (route) =>
    route.fulfill({ status: 302, headers: { location: 'https://collector.test/grab' } }),
  );
  const collector: string[] = [];
  await context.route('https://collector.test/**', (route) => {
    collector.push(JSON.stringify(route.request().headers()));
    return route.fulfill({ status: 200, contentType: 'application/json', body: '{"data":[]}' });
  });

  const popup = await openPopup();
  await ask(popup, 'saveSettings', DEMO_CREDENTIALS);
  await popup.reload();
  await expect(popup.getByRole('region', { name: 'Problems' })).toContainText(
    'Layers answered with a redirect. Cleartune does not follow redirects, so your key was not sent anywhere else',
  );
  // bundle.social's tracks are still listed.
  await expect(popup.getByRole('button', { name: /^Use / }).first()).toBeVisible();
  expect(collector).toEqual([]);
});

test('keys are unreadable from a composer tab: storage is closed to content scripts, and the keys are sealed at rest, old plain ones too', async ({
  context,
  background,
  openPopup,
  collected,
}) => {
  await watchWorker(background, collected);
  const { sim } = await setUpProviders(context, { seed: 'keys' });
  await serveFixturePage(context, COMPOSER, 'plain-composer.html');
  // What the first release stored: both keys in plain text in the settings.
  await background.evaluate(
    (credentials) =>
      chrome.storage.local.set({
        settings: { ...credentials, defaultGenre: 'POP', defaultRange: '7DAY', composerSites: [] },
      }),
    DEMO_CREDENTIALS,
  );
  const popup = await openPopup();
  await expect(popup.getByText(/^\d+ tracks$/)).toBeVisible();

  // Everything stored, as a browser that lets content scripts read storage.local would show it.
  const stored = JSON.stringify(await background.evaluate(() => chrome.storage.local.get(null)));
  expect(leaks(stored)).toEqual([]);
  expect(stored).toContain('"secrets"');

  const page = await context.newPage();
  await openComposer(page);
  const read = await inContentScript<string>(
    context,
    page,
    `chrome.storage.local.get(null).then((all) => JSON.stringify(all), (error) => 'refused: ' + error.message)`,
  );
  expect(leaks(read)).toEqual([]);
  expect(read).toBe('refused: Access to storage is not allowed from this context.');

  expect(await workerErrors(background)).toEqual([]);

  // A new worker opens the sealed keys with the key kept in IndexedDB: a refresh reaches the providers.
  await stopWorker(context, popup);
  sim.resetRequests();
  await popup.reload();
  await popup.getByRole('button', { name: 'Refresh tracks' }).click();
  await expect(popup.getByRole('button', { name: 'Refresh tracks' })).toBeEnabled({ timeout: 30_000 });
  await expect(popup.getByRole('region', { name: 'Problems' })).toHaveCount(0);
  expect(catalogRequests(sim, 'layers') + catalogRequests(sim, 'bundle-social')).toBeGreaterThan(0);
});
