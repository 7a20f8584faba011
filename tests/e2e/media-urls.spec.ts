/// <reference types="chrome" />
/**
 * Issue #12, items 1 and 5, in Chromium: a catalog in which a few tracks carry odd media URLs still
 * shows every track, on the first fetch and from the cache after the worker restarts; a cover on any
 * host but the providers' media hosts is never requested (normalization drops it, and the extension
 * pages' CSP would block it anyway).
 */
import type { BrowserContext, Page } from '@playwright/test';
import { FOREIGN_MEDIA_URLS, ODD_MEDIA_URLS, type Simulator } from '../simulator';
import { stopWorker } from '../support/fault-harness';
import { expect, test } from './fixtures';
import { connectDemo, setUpProviders } from './popup-support';

const TRACKER = 'https://tracker.example';

/** Answers one provider path through the simulator, with `change` applied to its 200 bodies. */
async function alterAnswers(
  context: BrowserContext,
  sim: Simulator,
  pattern: string,
  change: (body: unknown) => unknown,
): Promise<void> {
  // Registered after installSimulator, so it wins for this pattern.
  await context.route(pattern, async (route) => {
    const request = route.request();
    const answer = await sim.handle({
      method: request.method(),
      url: request.url(),
      headers: await request.allHeaders(),
      body: request.postData(),
    });
    const body = answer.status === 200 ? JSON.stringify(change(JSON.parse(answer.body))) : answer.body;
    await route.fulfill({ status: answer.status, headers: answer.headers, body }).catch(() => {});
  });
}

/** Every request the browser makes to the tracker host, answered with an image. */
async function watchTracker(context: BrowserContext): Promise<string[]> {
  const seen: string[] = [];
  await context.route(`${TRACKER}/**`, (route) => {
    seen.push(route.request().url());
    return route.fulfill({
      status: 200,
      contentType: 'image/svg+xml',
      body: '<svg xmlns="http://www.w3.org/2000/svg"/>',
    });
  });
  return seen;
}

type Source = 'layers' | 'bundle-social';

/** A popup on one source's list, which must show `count` tracks. */
async function showList(popup: Page, source: Source, count: number): Promise<void> {
  await popup.getByRole('combobox', { name: 'Source' }).selectOption(source);
  await expect(popup.getByText(`${count} tracks`)).toBeVisible();
}

/** The popup after the demo keys are saved, as on first run. */
async function connectedPopup(openPopup: () => Promise<Page>): Promise<Page> {
  const popup = await openPopup();
  await connectDemo(popup);
  await popup.reload();
  return popup;
}

/** Closes `popup` and stops the worker; the next popup's list can only come from storage. */
async function reopenFromStorage(
  context: BrowserContext,
  popup: Page,
  openPopup: () => Promise<Page>,
): Promise<Page> {
  await stopWorker(context, popup);
  await popup.close();
  return openPopup();
}

/** The row of a track, found by searching for its title, once its cover (or placeholder) is settled. */
async function rowOf(popup: Page, title: string, artist: string) {
  await popup.getByRole('searchbox', { name: 'Search tracks' }).fill(title);
  const row = popup.getByRole('listitem', { name: `${title} by ${artist}` }).first();
  await expect(row.locator('img.cover, .cover-missing')).toBeVisible();
  return row;
}

type LayersBody = { tracks: Record<string, unknown>[] };
type CmlBody = Record<string, unknown>[];

test('a Layers catalog with odd media URLs shows every track, fetched and then from the cache', async ({
  context,
  openPopup,
}) => {
  const { sim } = await setUpProviders(context, { seed: 'odd-urls' });
  const catalog = sim.catalog.layers();
  // Spread over the list: near the top, in the middle and at the end.
  const odd = new Map(ODD_MEDIA_URLS.map((url, i) => [3 + i * 50, url]));
  await alterAnswers(context, sim, 'https://api.layers.com/**', (body) => {
    const { tracks } = body as LayersBody;
    for (const [index, url] of odd) Object.assign(tracks[index] ?? {}, { coverUrl: url, previewUrl: url });
    return body;
  });

  const popup = await connectedPopup(openPopup);
  await showList(popup, 'layers', catalog.length);

  // A URL the browser writes differently is loaded as the browser writes it; one with user info is not.
  const upper = catalog[3 + 1 * 50];
  const row = await rowOf(popup, String(upper?.title), String(upper?.author));
  await expect(row.locator('img.cover')).toHaveAttribute(
    'src',
    `https://media.layers.com/music/odd-2/cover.jpg`,
  );
  const userInfo = catalog[3 + 3 * 50];
  await expect(
    (await rowOf(popup, String(userInfo?.title), String(userInfo?.author))).locator('.cover-missing'),
  ).toBeVisible();

  // Reopened after the worker stopped: read back from storage, every track, no new request.
  await showList(await reopenFromStorage(context, popup, openPopup), 'layers', catalog.length);
  expect(sim.count({ provider: 'layers' })).toBe(1);
});

test('a CML list with odd media URLs shows every track, fetched and then from the cache', async ({
  context,
  openPopup,
}) => {
  const { sim } = await setUpProviders(context, { seed: 'odd-urls-cml' });
  const chart = sim.catalog.cml('POP', '7DAY');
  await alterAnswers(context, sim, 'https://api.bundle.social/api/v1/misc/tiktok/cml/**', (body) => {
    // Items 2, 12, … 92: one odd URL each, as cover, preview and trending clip preview.
    (body as CmlBody).forEach((item, i) => {
      const url = ODD_MEDIA_URLS[Math.floor(i / 10)];
      if (i % 10 !== 2 || !url) return;
      item.thumbnail_url = url;
      item.preview_url = url;
      if (item.trending_song_clip) Object.assign(item.trending_song_clip, { preview_url: url });
    });
    return body;
  });

  const popup = await connectedPopup(openPopup);
  await showList(popup, 'bundle-social', chart.length);

  await showList(await reopenFromStorage(context, popup, openPopup), 'bundle-social', chart.length);
  expect(sim.count({ provider: 'bundle-social', genre: 'POP', dateRange: '7DAY' })).toBe(1);
});

test('a cover on another host shows the placeholder, and that host is never asked', async ({
  context,
  openPopup,
}) => {
  const { sim } = await setUpProviders(context, { seed: 'foreign-media' });
  const tracker = await watchTracker(context);
  const catalog = sim.catalog.layers();
  await alterAnswers(context, sim, 'https://api.layers.com/**', (body) => {
    const { tracks } = body as LayersBody;
    FOREIGN_MEDIA_URLS.forEach((url, i) => {
      Object.assign(tracks[i] ?? {}, { coverUrl: url, previewUrl: `${TRACKER}/preview-${i}.mp3` });
    });
    return body;
  });

  const popup = await connectedPopup(openPopup);
  await showList(popup, 'layers', catalog.length);
  const first = catalog[0];
  const row = await rowOf(popup, String(first?.title), String(first?.author));
  await expect(row.locator('.cover-missing')).toBeVisible();
  await row.getByRole('button', { name: `Preview ${first?.title}` }).click();
  // A track from the media host beside it still shows its cover.
  const ordinary = catalog[FOREIGN_MEDIA_URLS.length];
  const ordinaryRow = await rowOf(popup, String(ordinary?.title), String(ordinary?.author));
  await expect(ordinaryRow.locator('img.cover')).toHaveJSProperty('complete', true);
  expect(
    await ordinaryRow.locator('img.cover').evaluate((img: HTMLImageElement) => img.naturalWidth),
  ).toBeGreaterThan(0);
  expect(tracker).toEqual([]);
});

test('the popup cannot load an image or audio from another host, even if one got into the page', async ({
  context,
  extensionId,
}) => {
  await setUpProviders(context, { seed: 'csp' });
  const tracker = await watchTracker(context);
  // Opened without the console-error watch: the two CSP reports are what this test expects.
  const popup = await context.newPage();
  const reports: string[] = [];
  popup.on('console', (msg) => msg.type() === 'error' && reports.push(msg.text()));
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const blocked = await popup.evaluate(async (origin) => {
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.effectiveDirective));
    const img = document.createElement('img');
    img.src = `${origin}/cover.jpg`;
    const audio = document.createElement('audio');
    audio.src = `${origin}/preview.mp3`;
    audio.preload = 'auto';
    const allowed = document.createElement('img');
    allowed.src = 'https://media.layers.com/music/csp/cover.jpg';
    document.body.append(img, audio, allowed);
    audio.load();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const loaded = allowed.complete && allowed.naturalWidth > 0;
    img.remove();
    audio.remove();
    allowed.remove();
    return { violations: violations.sort(), loaded };
  }, TRACKER);
  expect(blocked).toEqual({ violations: ['img-src', 'media-src'], loaded: true });
  expect(tracker).toEqual([]);
  expect(reports.filter((text) => /tracker\.example.*Content Security Policy/.test(text))).toHaveLength(2);
});
