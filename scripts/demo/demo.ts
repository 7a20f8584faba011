/**
 * The demo: Cleartune in Chromium with the simulator's sample catalog in place of the real APIs and
 * demo credentials already saved. With a display it stays open until the browser is closed; without
 * one it saves screenshots of the popup and a composer into demo-screenshots/ and ends.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { test } from '@playwright/test';
import { launchExtension, serveFixturePage, serviceWorkerOf } from '../../tests/e2e/fixtures';
import { reactComposerHtml, serveHtml } from '../../tests/fixtures/composers/serve';
import { createSimulator, DEMO_CREDENTIALS } from '../../tests/simulator';
import { installSimulator } from '../../tests/simulator/playwright';
import { serveMedia } from '../../tests/support/media-routes';

const interactive = Boolean(process.env.DISPLAY) && !process.env.CI;
const SHOTS = path.resolve('demo-screenshots');

test('Cleartune demo', async () => {
  const context = await launchExtension('light', { headless: !interactive });
  await installSimulator(context, createSimulator());
  await serveMedia(context);
  const worker = await serviceWorkerOf(context);
  const extensionId = new URL(worker.url()).host;

  const popup = await context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.evaluate(
    (credentials) => chrome.runtime.sendMessage({ type: 'saveSettings', data: credentials }),
    DEMO_CREDENTIALS,
  );
  await popup.reload();
  await popup.getByRole('button', { name: /^Use / }).first().waitFor({ timeout: 20_000 });

  // A React composer shaped like bundle.social's TikTok post form, and TikTok Studio's upload page.
  await serveHtml(context, 'https://composer.test/post', await reactComposerHtml());
  await serveFixturePage(context, /^https:\/\/www\.tiktok\.com\/tiktokstudio\/upload/, 'studio-video.html');
  if (interactive)
    await (await context.newPage()).goto('https://www.tiktok.com/tiktokstudio/upload?lang=en&state=uploaded');
  const composer = await context.newPage();
  await composer.goto('https://composer.test/post');
  await composer.getByRole('button', { name: 'Insert chosen track' }).first().waitFor();
  await composer.getByLabel('Music sound ID').click();
  await composer.bringToFront();
  await popup.getByRole('button', { name: /^Use / }).first().click();
  await popup
    .getByRole('status')
    .filter({ hasText: /Filled|Chosen/ })
    .first()
    .waitFor();

  if (interactive) {
    console.log('Cleartune demo is running: close the browser window to end it.');
    await new Promise((resolve) => context.once('close', resolve));
    return;
  }
  mkdirSync(SHOTS, { recursive: true });
  const shots = [path.join(SHOTS, 'popup.png'), path.join(SHOTS, 'composer.png')];
  await popup.screenshot({ path: shots[0] });
  await composer.screenshot({ path: shots[1], fullPage: true });
  await context.close();
  console.log(`\nScreenshots:\n${shots.map((s) => `  ${s}`).join('\n')}`);
});
