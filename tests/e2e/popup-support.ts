/// <reference types="chrome" />
/**
 * Helpers for the popup and options e2e specs: the simulator behind both API hosts, covers and
 * previews served from their CDN hosts (a generated cover, a real short WAV), and a way to talk to
 * the background as the popup does.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { createSimulator, DEMO_CREDENTIALS, type Simulator } from '../simulator';
import { installSimulator } from '../simulator/playwright';
import { toneWav } from '../support/wav';
import { test } from './fixtures';

export const MEDIA_HOSTS = ['https://*.tiktokcdn.com/**', 'https://media.layers.com/**'];

/** A cover whose colour follows its URL, so screenshots look like a real catalog. */
function coverSvg(url: string): string {
  let hash = 0;
  for (const char of url) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  const hue = hash % 360;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue} 70% 55%)"/><stop offset="1" stop-color="hsl(${(hue + 60) % 360} 70% 35%)"/></linearGradient></defs><rect width="96" height="96" fill="url(#g)"/><circle cx="48" cy="48" r="18" fill="rgb(255 255 255 / 0.35)"/></svg>`;
}

export interface MediaLog {
  audio: string[];
}

/** Serves covers and previews; `failAudio` answers previews with a 404 instead. */
export async function serveMedia(
  context: BrowserContext,
  options: { failAudio?: boolean } = {},
): Promise<MediaLog> {
  const log: MediaLog = { audio: [] };
  const wav = toneWav();
  for (const pattern of MEDIA_HOSTS) {
    await context.route(pattern, (route) => {
      const url = route.request().url();
      if (/\.mp3(\?|$)/.test(url)) {
        log.audio.push(url);
        return options.failAudio
          ? route.fulfill({ status: 404, body: '' })
          : route.fulfill({ status: 200, contentType: 'audio/wav', body: wav });
      }
      return route.fulfill({ status: 200, contentType: 'image/svg+xml', body: coverSvg(url) });
    });
  }
  return log;
}

export async function setUpProviders(
  context: BrowserContext,
  options: { failAudio?: boolean; seed?: string } = {},
): Promise<{ sim: Simulator; media: MediaLog }> {
  const sim = createSimulator({ seed: options.seed ?? 'popup-e2e' });
  await installSimulator(context, sim);
  const media = await serveMedia(context, options);
  return { sim, media };
}

/** A popup with both providers connected through the demo credentials, against a fresh simulator. */
export async function openConnectedPopup(
  context: BrowserContext,
  openPopup: () => Promise<Page>,
  options: { seed?: string } = {},
): Promise<{ sim: Simulator; media: MediaLog; popup: Page }> {
  const setup = await setUpProviders(context, options);
  const popup = await openPopup();
  await ask(popup, 'saveSettings', DEMO_CREDENTIALS);
  await popup.reload();
  return { ...setup, popup };
}

type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

/** Sends a message to the background from an extension page, as the popup does. */
export async function ask<T>(page: Page, type: string, data?: unknown): Promise<T> {
  const reply = (await page.evaluate((message) => chrome.runtime.sendMessage(message), {
    type,
    data,
  })) as Reply<T>;
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

/** Both providers connected through the background, for specs about the popup itself. */
export async function connectDemo(page: Page): Promise<void> {
  await ask(page, 'saveSettings', DEMO_CREDENTIALS);
}

/** Presses Tab until the focused element has this accessible name (keyboard-only navigation). */
export async function tabTo(page: Page, name: string | RegExp, maxPresses = 60): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return '';
      const labelledBy = el.getAttribute('aria-labelledby');
      const byId = labelledBy ? document.getElementById(labelledBy)?.textContent : null;
      const label = (el as HTMLInputElement).labels?.[0]?.querySelector('span')?.textContent;
      return el.getAttribute('aria-label') ?? byId ?? label ?? el.textContent ?? '';
    });
    if (typeof name === 'string' ? focused.trim() === name : name.test(focused)) return;
  }
  throw new Error(`Tab never reached "${name}"`);
}

/**
 * The README's screenshots are rewritten only when asked (`UPDATE_SCREENSHOTS=1`), so a test run
 * leaves the working tree as it found it; otherwise they go to the test's output folder.
 */
export const screenshotPath = (file: string): string =>
  process.env.UPDATE_SCREENSHOTS === '1' ? `docs/screenshots/${file}` : test.info().outputPath(file);
