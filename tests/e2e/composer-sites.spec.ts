/// <reference types="chrome" />
import type { Page } from '@playwright/test';
import { reactComposerHtml, serveHtml, useTrack } from '../fixtures/composers/serve';
import { CML_FULL_CLIP_ID, cmlTrack } from '../fixtures/tracks';
import { expect, serveFixturePage, test } from './fixtures';

type Reply = { ok: true; value: { composerSites: string[] } } | { ok: false; error: string };

const REACT_URL = 'https://composer.test/react';

const send = (page: Page, type: string, origin: string): Promise<Reply> =>
  page.evaluate(([type, origin]) => chrome.runtime.sendMessage({ type, data: { origin } }), [type, origin]);

const ourScripts = (page: Page) =>
  page.evaluate(async () =>
    (await chrome.scripting.getRegisteredContentScripts()).filter((script) =>
      script.id.startsWith('cleartune-composer:'),
    ),
  );

test('a composer site is registered with the built content script, runs once per page, and is removed again', async ({
  openPage,
  context,
  openOptions,
}) => {
  const options = await openOptions();
  const added = await send(options, 'addComposerSite', 'https://composer.test/');
  expect(added).toMatchObject({ ok: true, value: { composerSites: ['https://composer.test'] } });
  expect(await ourScripts(options)).toEqual([
    expect.objectContaining({
      id: 'cleartune-composer:https://composer.test',
      matches: ['https://composer.test/*'],
      js: ['content-scripts/composer.js'],
      allFrames: true,
      persistAcrossSessions: true,
    }),
  ]);

  // The e2e build also matches this origin statically: the two copies must not both act.
  await serveFixturePage(context, 'https://composer.test/layers', 'layers-composer.html');
  const page = await openPage('https://composer.test/layers');
  await expect(page.getByRole('button', { name: 'Insert chosen track' })).toHaveCount(2);
  await page.waitForTimeout(300);
  await expect(page.getByRole('button', { name: 'Insert chosen track' })).toHaveCount(2);

  const removed = await send(options, 'removeComposerSite', 'https://composer.test');
  expect(removed).toMatchObject({ ok: true, value: { composerSites: [] } });
  expect(await ourScripts(options)).toEqual([]);
});

test('origins are validated, and a site the browser has not granted is refused with what to do', async ({
  openOptions,
}) => {
  const options = await openOptions();
  for (const bad of [
    'javascript:alert(1)',
    'https://app.example.com/posts',
    'ftp://files.example.com',
    'https://*.example.com',
  ]) {
    const reply = await send(options, 'addComposerSite', bad);
    expect(reply).toEqual({
      ok: false,
      error: 'Enter the address of a site as an origin, like https://app.example.com (no path, no wildcard).',
    });
  }
  const ungranted = await send(options, 'addComposerSite', 'https://app.example.com');
  expect(ungranted).toEqual({
    ok: false,
    error:
      'Cleartune may not open https://app.example.com yet: allow access when your browser asks, then add it again.',
  });
  expect(await ourScripts(options)).toEqual([]);
});

test('a site with a port or an IPv6 address is refused when added, saying what to enter instead', async ({
  openOptions,
}) => {
  const options = await openOptions();
  expect(await send(options, 'addComposerSite', 'http://localhost:3000')).toEqual({
    ok: false,
    error:
      'Enter the site without its port: http://localhost lets Cleartune work on localhost:3000 and every other port of localhost.',
  });
  const ipv6 = await send(options, 'addComposerSite', 'http://[::1]:8080');
  expect(ipv6).toMatchObject({
    ok: false,
    error: expect.stringMatching(/^Cleartune cannot work on an IPv6 address like \[::1\]/),
  });
  await options.getByLabel('Site address').fill('localhost:3000');
  await options.getByRole('button', { name: 'Add site' }).click();
  await expect(options.getByRole('status').filter({ hasText: 'without its port' })).toHaveText(
    'Enter the site without its port: https://localhost lets Cleartune work on localhost:3000 and every other port of localhost.',
  );
  expect(await ourScripts(options)).toEqual([]);
});

test('a stored site that today\'s rules refuse never breaks "Use"', async ({
  openPage,
  openPopup,
  context,
  background,
}) => {
  // What an older release could store: sites with a port and an IPv6 address besides a good one.
  const stored = ['http://localhost:3000', 'http://[::1]', 'https://composer.test'];
  await background.evaluate(async (composerSites) => {
    const { settings } = await chrome.storage.local.get('settings');
    await chrome.storage.local.set({ settings: { ...(settings as object), composerSites } });
  }, stored);
  await serveHtml(context, REACT_URL, await reactComposerHtml());
  const page = await openPage(REACT_URL);
  await expect(page.getByRole('button', { name: 'Insert chosen track' })).toBeVisible();
  await page.getByLabel('Music volume').click();

  const reply = await useTrack(await openPopup(), cmlTrack, 'full');
  expect(reply).toEqual({ filledInto: 'composer.test', message: 'Filled into composer.test' });
  await expect(page.getByLabel('Music sound ID')).toHaveValue(CML_FULL_CLIP_ID);
});
