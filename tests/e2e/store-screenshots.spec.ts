/// <reference types="chrome" />
/**
 * The store listing's screenshots (1280×800 PNG): the popup with results, and a composer with the
 * chosen track filled in and a warning. Like the demo (scripts/demo/demo.ts): the production build
 * against the simulator's sample catalog. They are written to test-results/store on every run and to
 * docs/store/ when `CLEARTUNE_STORE_SHOTS=1`, so ordinary test runs leave the committed files alone.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { reactComposerHtml, serveHtml } from '../fixtures/composers/serve';
import { DEMO_CREDENTIALS } from '../simulator';
import { expect, test, watchErrors } from './fixtures';
import { ask, setUpProviders } from './popup-support';

const OUT =
  process.env.CLEARTUNE_STORE_SHOTS === '1' ? path.resolve('docs/store') : path.resolve('test-results/store');
const SIZE = { width: 1280, height: 800 };

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** A screenshot (the popup, or a composer) set on a 1280×800 stage beside a line of text. */
async function stage(
  page: Page,
  shot: { png: Buffer; width: number; height: number },
  headline: string,
  detail: string,
  file: string,
): Promise<void> {
  await page.setViewportSize(SIZE);
  await page.setContent(`<!doctype html><html><head><style>
    body{margin:0;width:1280px;height:800px;box-sizing:border-box;padding:0 64px;display:flex;align-items:center;
      justify-content:center;gap:56px;font:20px/1.5 system-ui,sans-serif;color:#1f1633;
      background:linear-gradient(135deg,#f5f3ff,#ede9fe 60%,#ddd6fe)}
    .text{flex:1 1 0;max-width:520px} h1{font-size:38px;line-height:1.2;margin:0 0 16px}
    img{flex:none;width:${shot.width}px;height:${shot.height}px;border-radius:12px;box-shadow:0 18px 48px rgba(46,16,101,.28)}
  </style></head><body><div class="text"><h1>${headline}</h1><p>${detail}</p></div>
  <img alt="" src="data:image/png;base64,${shot.png.toString('base64')}"></body></html>`);
  await page.screenshot({ path: file });
}

/** The fixture composer dressed as a scheduling tool; Cleartune's own UI sits in shadow roots and keeps its look. */
const COMPOSER_CSS = `
  body{margin:0;padding:24px 28px;font:15px/1.5 system-ui,sans-serif;color:#111827;background:#fff}
  h1{font-size:22px;margin:0 0 14px} h2,pre,form+button{display:none}
  fieldset{border:1px solid #e5e7eb;border-radius:8px;margin:0 0 12px;padding:8px 12px}
  .field{display:flex;flex-wrap:wrap;align-items:center;gap:6px 10px;margin:10px 0}
  .field label{width:170px;font-weight:600}
  input[type=text],input:not([type]),input[type=number]{padding:6px 8px;border:1px solid #d1d5db;border-radius:6px;font:inherit}
  button[type=submit]{margin:12px 0 0 16px;padding:8px 16px;border:0;border-radius:6px;background:#111827;color:#fff;font:inherit}
`;

test('store screenshots: the popup with results, and a composer with a filled track and a warning', async ({
  context,
  openPopup,
  collected,
}) => {
  test.setTimeout(60_000);
  mkdirSync(OUT, { recursive: true });
  await setUpProviders(context, { seed: 'store' });
  await serveHtml(context, 'https://composer.test/react', await reactComposerHtml());

  const composer = await context.newPage();
  watchErrors(composer, collected);
  await composer.setViewportSize(SIZE);
  await composer.goto('https://composer.test/react');
  await expect(composer.getByRole('button', { name: 'Insert chosen track' })).toBeVisible();
  await composer.getByLabel('Music sound ID').click();

  const popup = await openPopup();
  await ask(popup, 'saveSettings', DEMO_CREDENTIALS);
  await popup.reload();
  await popup.getByRole('combobox', { name: 'Source' }).selectOption('bundle-social');
  await popup.getByRole('combobox', { name: 'Sort' }).selectOption('rising');
  await expect(popup.getByText(/^\d+ tracks$/)).toBeVisible();
  await expect(popup.locator('img.cover').first()).toBeVisible();
  const first = popup.getByRole('listitem').first();
  const label = (await first.getAttribute('aria-label')) ?? '';
  const title = label.slice(0, label.lastIndexOf(' by '));
  await first.getByRole('button', { name: `Use ${title}`, exact: true }).click();
  await expect(popup.getByRole('status')).toHaveText('Filled into composer.test');
  await popup.getByRole('status').evaluate((element) => {
    element.textContent = '';
  });
  const popupPng = await popup.screenshot();

  const popupFile = path.join(OUT, 'popup-results.png');
  const canvas = await context.newPage();
  await stage(
    canvas,
    { png: popupPng, width: 400, height: 600 },
    'Trending, pre-cleared TikTok tracks',
    'Search bundle.social’s Commercial Music Library chart and the Layers catalog in one list: rank trends, previews, and the right id for the post, one click away.',
    popupFile,
  );

  // The composer: the chosen clip filled in, and the warning about a video that may be silent.
  await expect(composer.getByLabel('Music sound ID')).toHaveValue(/^\d{19}$/);
  await expect(composer.getByText(`♪ ${title}`, { exact: false })).toBeVisible();
  await expect(composer.getByRole('alert').filter({ hasText: 'this video may be silent' })).toBeVisible();
  await composer.setViewportSize({ width: 640, height: 560 });
  await composer.addStyleTag({ content: COMPOSER_CSS });
  await composer.getByLabel('Music sound ID').blur();
  const composerPng = await composer.screenshot();
  const composerFile = path.join(OUT, 'composer-filled.png');
  await stage(
    canvas,
    { png: composerPng, width: 640, height: 560 },
    'The right id, in the right field',
    'Use fills the chosen clip into the composer you were working in, refuses an id of the wrong kind, and warns about what the platforms would silently drop.',
    composerFile,
  );

  for (const file of [popupFile, composerFile]) expect(pngSize(file), file).toEqual(SIZE);
});
