/// <reference types="chrome" />

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, serveFixturePage, test } from './fixtures';

test('the background answers a typed message from an extension page', async ({ openPopup }) => {
  const popup = await openPopup();
  const reply = await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'getChosen' }));
  expect(reply).toEqual({ ok: true, value: null });
});

test('a malformed message is refused with an explanation', async ({ openPopup }) => {
  const popup = await openPopup();
  const reply = await popup.evaluate(() =>
    chrome.runtime.sendMessage({ type: 'getChosen', data: { sneaky: true } }),
  );
  expect(reply).toEqual({ ok: false, error: 'Message "getChosen" had an invalid payload.' });
});

test('the popup renders', async ({ openPopup }) => {
  const popup = await openPopup();
  await expect(popup.getByRole('heading', { name: 'Cleartune' })).toBeVisible();
});

test('the content script runs on a fixture composer page', async ({ context, collected }) => {
  await serveFixturePage(context, 'https://composer.test/plain', 'plain-composer.html');
  const page = await context.newPage();
  page.on('pageerror', (err) => collected.errors.push(err.message));
  await page.goto('https://composer.test/plain');
  await expect(page.locator('html')).toHaveAttribute('data-cleartune', 'ready');
});

test('the production manifest has no trace of the e2e test origin', () => {
  const manifest = readFileSync(
    path.resolve(process.env.CLEARTUNE_OUT_DIR ?? '.output', 'chrome-mv3/manifest.json'),
    'utf8',
  );
  expect(manifest).toContain('tiktokstudio');
  expect(manifest).not.toContain('composer.test');
});
