/// <reference types="chrome" />
/**
 * Every message is checked before a handler runs: malformed ones from an extension page are refused
 * and change nothing, and a foreign sender (another extension) cannot reach the handlers at all.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { DEMO_CREDENTIALS } from '../simulator';
import { snapshot, watchWorker, workerErrors } from '../support/fault-harness';
import { CHROME_PATH, CHROMIUM_ARGS, EXTENSION_PATH, expect, test } from './fixtures';
import { ask, openConnectedPopup } from './popup-support';

test.describe.configure({ mode: 'parallel' });

const LONG = 'x'.repeat(10_000);
const invalid = (type: string) => ({ ok: false, error: `Message "${type}" had an invalid payload.` });

/** Each with the reply it must get: the envelope or payload is wrong, so no handler runs. */
const MALFORMED: { why: string; message: unknown; reply: unknown }[] = [
  {
    why: 'an unknown type',
    message: { type: 'dropAllData' },
    reply: { ok: false, error: 'Unknown message "dropAllData".' },
  },
  {
    why: 'a prototype key as type',
    message: { type: '__proto__' },
    reply: { ok: false, error: 'Unknown message "__proto__".' },
  },
  {
    why: 'a key that is a number',
    message: { type: 'saveSettings', data: { bundleSocialKey: 42 } },
    reply: invalid('saveSettings'),
  },
  {
    why: 'a 10,000-character key',
    message: { type: 'saveSettings', data: { layersKey: LONG } },
    reply: invalid('saveSettings'),
  },
  {
    why: 'an unknown genre',
    message: { type: 'saveSettings', data: { defaultGenre: 'NOT_A_GENRE' } },
    reply: invalid('saveSettings'),
  },
  {
    why: 'a catalog query for an unknown source',
    message: { type: 'getCatalog', data: { source: 'spotify', genre: 'POP', range: '7DAY' } },
    reply: invalid('getCatalog'),
  },
  { why: 'a refresh with no query', message: { type: 'refreshCatalog' }, reply: invalid('refreshCatalog') },
  {
    why: 'teams for an empty key',
    message: { type: 'listTeams', data: { apiKey: '   ' } },
    reply: invalid('listTeams'),
  },
  {
    why: 'a test of an unknown provider',
    message: { type: 'testConnection', data: { provider: 'spotify' } },
    reply: invalid('testConnection'),
  },
  {
    why: 'an export flag that is a string',
    message: { type: 'exportSettings', data: { includeKeys: 'yes' } },
    reply: invalid('exportSettings'),
  },
  {
    why: 'an import that is a list',
    message: { type: 'importSettings', data: [1, 2, 3] },
    reply: invalid('importSettings'),
  },
  {
    why: 'a 400-character site',
    message: { type: 'addComposerSite', data: { origin: `https://${'a'.repeat(400)}.test` } },
    reply: invalid('addComposerSite'),
  },
  {
    why: 'a track with an id of the wrong kind',
    message: {
      type: 'useTrack',
      data: { track: { provider: 'layers', id: '<script>', idKind: 'cml-song-clip' }, clip: null },
    },
    reply: invalid('useTrack'),
  },
  {
    why: 'a 10,000-character favorite',
    message: { type: 'toggleFavorite', data: { key: LONG } },
    reply: invalid('toggleFavorite'),
  },
  {
    why: 'data where none is taken',
    message: { type: 'takeNotices', data: { all: true } },
    reply: invalid('takeNotices'),
  },
  {
    why: 'a composer report from an extension page',
    message: {
      type: 'composerPresence',
      data: { hasComposer: true, focused: true, visible: true, label: 'x' },
    },
    reply: { ok: false, error: 'Message "composerPresence" is not allowed from this sender.' },
  },
];

/** Not envelopes at all: ignored, so the sender gets no answer. */
const NOT_ENVELOPES: unknown[] = [
  'getSettings',
  42,
  null,
  [],
  {},
  { type: 7 },
  { type: 'x'.repeat(65) },
  { data: {} },
];

test('malformed messages from an extension page are refused and change nothing', async ({
  context,
  background,
  openPopup,
  collected,
}) => {
  await watchWorker(background, collected);
  const { sim, popup } = await openConnectedPopup(context, openPopup, { seed: 'messages' });
  await popup.getByRole('button', { name: /^Use / }).first().click();
  await expect(popup.getByRole('status')).toHaveText('Chosen — open a composer to fill it');
  const before = await snapshot(background);
  const requests = sim.requests.length;

  for (const { why, message, reply } of MALFORMED) {
    expect(await popup.evaluate((m) => chrome.runtime.sendMessage(m), message), why).toEqual(reply);
  }
  for (const message of NOT_ENVELOPES) {
    const reply = await popup.evaluate(
      (m) =>
        chrome.runtime.sendMessage(m).then(
          (value: unknown) => ({ answered: value }),
          (error: unknown) => ({ refused: String(error) }),
        ),
      message,
    );
    expect(reply, JSON.stringify(message)).not.toHaveProperty('answered.ok');
  }

  expect(await snapshot(background)).toEqual(before);
  expect(sim.requests.length, 'no provider request').toBe(requests);
  // The background is fine: a well-formed message is answered as usual.
  expect(await ask(popup, 'getFavorites')).toEqual([]);
  expect(await workerErrors(background)).toEqual([]);
});

test('another extension cannot reach the handlers', async () => {
  // A second, unrelated extension in the same browser, trying every message Cleartune knows.
  const foreign = mkdtempSync(path.join(tmpdir(), 'cleartune-foreign-'));
  mkdirSync(foreign, { recursive: true });
  writeFileSync(
    path.join(foreign, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'Foreign',
      version: '1.0',
      background: { service_worker: 'sw.js' },
    }),
  );
  writeFileSync(path.join(foreign, 'sw.js'), '// sends what the test asks it to\n');
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'cleartune-e2e-'));
  const args = CHROMIUM_ARGS.map((arg) =>
    arg.startsWith('--disable-extensions-except=') || arg.startsWith('--load-extension=')
      ? `${arg.split('=')[0]}=${EXTENSION_PATH},${foreign}`
      : arg,
  );
  const context = await chromium.launchPersistentContext(userDataDir, { executablePath: CHROME_PATH, args });
  try {
    const workers = async () => {
      await expect.poll(() => context.serviceWorkers().length).toBe(2);
      return context.serviceWorkers();
    };
    const all = await workers();
    const cleartune = all.find((worker) => worker.url().endsWith('/background.js'));
    const other = all.find((worker) => worker.url().endsWith('/sw.js'));
    if (!cleartune || !other) throw new Error('both extensions should be running');
    const sink = { errors: [] as string[] };
    await watchWorker(cleartune, sink);
    const cleartuneId = new URL(cleartune.url()).host;
    await cleartune.evaluate(
      (credentials) =>
        chrome.storage.local.set({
          settings: { ...credentials, defaultGenre: 'POP', defaultRange: '7DAY', composerSites: [] },
        }),
      DEMO_CREDENTIALS,
    );
    // Plain keys are sealed on the first read, which the worker's own start may or may not do
    // before the seed lands: read once from an extension page and wait for the sealed form, so
    // the snapshot below is the settled state and only the foreign messages could change it.
    const page = await context.newPage();
    await page.goto(`chrome-extension://${cleartuneId}/options.html`);
    await ask(page, 'getSettings');
    await expect.poll(async () => Object.keys(await snapshot(cleartune))).toContain('settings$');
    await page.close();
    const before = await snapshot(cleartune);

    const messages = [
      { type: 'getSettings' },
      { type: 'exportSettings', data: { includeKeys: true } },
      { type: 'saveSettings', data: { bundleSocialKey: 'pk_live_foreign_123456' } },
      { type: 'getChosen' },
      { type: 'useTrack', data: {} },
    ];
    const replies = await other.evaluate(
      ({ id, messages }) =>
        Promise.all(
          messages.map((message) =>
            chrome.runtime.sendMessage(id, message).then(
              (value: unknown) => ({ answered: value }),
              (error: unknown) => ({ refused: String(error) }),
            ),
          ),
        ),
      { id: cleartuneId, messages },
    );
    // Cleartune has no external listener: the browser refuses before any of its code runs.
    for (const reply of replies)
      expect(reply).toEqual({ refused: expect.stringContaining('Receiving end does not exist') });
    expect(await snapshot(cleartune)).toEqual(before);
    expect([...sink.errors, ...(await workerErrors(cleartune))]).toEqual([]);
  } finally {
    await context.close();
  }
});
