/// <reference types="chrome" />
/**
 * The side panel: the finder beside the composer. Its page is opened here as a tab in the same
 * window (Playwright cannot reach a real side panel); the tab beside it is then the window's active
 * tab, which `bringToFront` changes as a person switching tabs would.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { serveHtml } from '../fixtures/composers/serve';
import { expect, serveFixturePage, test, watchErrors } from './fixtures';
import { connectDemo, setUpProviders } from './popup-support';

const COMPOSER = 'https://composer.test/panel';
const OTHER_COMPOSER = 'https://composer.test/other';
const STUDIO = 'https://www.tiktok.com/tiktokstudio/upload?from=creator_center&state=uploaded';

const composerHtml = (title: string) => `<!doctype html><html><head><title>${title}</title></head><body>
  <form><h2>${title}</h2><label for="sound">Music sound ID</label><input id="sound" name="music_sound_id" /></form>
</body></html>`;

async function openPanel(context: BrowserContext, extensionId: string, collected: { errors: string[] }) {
  const panel = await context.newPage();
  watchErrors(panel, collected);
  await panel.setViewportSize({ width: 360, height: 800 });
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  return panel;
}

/** The panel with both providers connected (the demo credentials) and its list in. */
async function openConnectedPanel(
  context: BrowserContext,
  extensionId: string,
  collected: { errors: string[] },
): Promise<Page> {
  const panel = await openPanel(context, extensionId, collected);
  await connectDemo(panel);
  await panel.reload();
  await expect(panel.getByRole('button', { name: /^Use / }).first()).toBeVisible();
  return panel;
}

async function openTab(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await page.bringToFront();
  return page;
}

test.beforeEach(async ({ context }) => {
  await setUpProviders(context, { seed: 'side-panel' });
  await serveHtml(context, COMPOSER, composerHtml('Scheduler'));
  await serveHtml(context, OTHER_COMPOSER, composerHtml('Other scheduler'));
  await serveFixturePage(context, /tiktokstudio\/upload/, 'studio-video.html');
});

test('the panel shows the finder and a line about the tab beside it, following tab switches and Studio', async ({
  context,
  extensionId,
  collected,
}) => {
  const panel = await openConnectedPanel(context, extensionId, collected);
  await expect(panel.getByRole('button', { name: /^Use / }).first()).toBeVisible();
  const line = panel.locator('.tab-status');
  // The panel's own tab is in front: nothing to compose there.
  await expect(line).toHaveText('No composer on this tab');

  const composer = await openTab(context, COMPOSER);
  await expect(line).toHaveText('composer.test — 1 composer');

  const studio = await openTab(context, STUDIO);
  await expect(line).toHaveText('TikTok Studio — video — editor open');
  await studio.locator('button[data-button-name="sounds"]').click();
  await expect(line).toHaveText('TikTok Studio — video — Sounds panel open');

  await composer.bringToFront();
  await expect(line).toHaveText('composer.test — 1 composer');
});

test('"Use" in the panel fills the composer in the tab beside it, and the panel says so', async ({
  context,
  extensionId,
  collected,
}) => {
  const panel = await openConnectedPanel(context, extensionId, collected);
  // Another composer had the focus last; the panel still fills the tab beside it.
  const other = await openTab(context, OTHER_COMPOSER);
  await other.locator('#sound').focus();
  const composer = await openTab(context, COMPOSER);
  await expect(panel.locator('.tab-status')).toHaveText('composer.test — 1 composer');

  await panel.getByRole('button', { name: /^Use / }).first().click();
  await expect(panel.getByRole('status')).toHaveText('Filled into composer.test');
  await expect(composer.locator('#sound')).not.toHaveValue('');
  await expect(other.locator('#sound')).toHaveValue('');
});

test('"Use" in the panel beside TikTok Studio starts Find in Sounds there', async ({
  context,
  extensionId,
  collected,
}) => {
  const panel = await openConnectedPanel(context, extensionId, collected);
  const studio = await openTab(context, STUDIO);
  await expect(panel.locator('.tab-status')).toHaveText('TikTok Studio — video — editor open');
  await panel.getByRole('button', { name: /^Use / }).first().click();
  await expect(panel.getByRole('status')).toHaveText(
    'Finding it in TikTok Studio’s sounds — follow Cleartune’s panel there',
  );
  const inPage = studio.getByRole('region', { name: 'Cleartune' });
  await expect(inPage.getByRole('status')).toHaveText(
    'Press “Sounds” in the editor (highlighted): Cleartune searches as soon as it opens.',
  );
  await expect(studio.locator('button[data-button-name="sounds"]')).toHaveAttribute(
    'data-cleartune-match',
    '',
  );
});

test('the panel works from the keyboard, and a playing preview keeps playing across a tab switch', async ({
  context,
  extensionId,
  collected,
}) => {
  const panel = await openConnectedPanel(context, extensionId, collected);
  const composer = await openTab(context, COMPOSER);
  await expect(panel.locator('.tab-status')).toHaveText('composer.test — 1 composer');
  await panel.keyboard.press('/');
  await expect(panel.getByRole('searchbox', { name: 'Search tracks' })).toBeFocused();
  await panel.keyboard.press('ArrowDown');
  const first = panel.getByRole('listitem').first();
  await expect(first).toBeFocused();
  const label = (await first.getAttribute('aria-label')) ?? '';
  const title = label.slice(0, label.lastIndexOf(' by '));
  const preview = first.getByRole('button', { name: `Preview ${title}` });
  await panel.keyboard.press('Space');
  await expect(preview).toHaveAttribute('aria-pressed', 'true');

  // Another tab comes to the front: the panel (and its preview) carry on.
  await openTab(context, OTHER_COMPOSER);
  await expect(panel.locator('.tab-status')).toHaveText('composer.test — 1 composer');
  await expect(preview).toHaveAttribute('aria-pressed', 'true');
  expect(await panel.evaluate(() => [...document.querySelectorAll('audio')].some((a) => !a.paused))).toBe(
    true,
  );

  await composer.bringToFront();
  await panel.keyboard.press('Enter');
  await expect(panel.getByRole('status')).toHaveText('Filled into composer.test');
  await expect(composer.locator('#sound')).not.toHaveValue('');
});

test('search, filters and scroll survive closing and reopening the panel; a search handed over is shown', async ({
  context,
  extensionId,
  background,
  collected,
}) => {
  let panel = await openConnectedPanel(context, extensionId, collected);
  const scroller = (page: Page) => page.locator('.track-scroller');
  await expect(panel.getByRole('button', { name: /^Use / }).first()).toBeVisible();
  await scroller(panel).evaluate((list) => list.scrollTo(0, 1500));
  await panel.waitForTimeout(500);
  await panel.close();
  panel = await openPanel(context, extensionId, collected);
  await expect.poll(() => scroller(panel).evaluate((list) => list.scrollTop)).toBe(1500);

  await panel.getByRole('searchbox').fill('love');
  await panel.getByRole('button', { name: /^Filters/ }).click();
  await panel.getByLabel('Cleared for business only').check();
  await expect(panel.getByRole('button', { name: 'Filters (1)' })).toBeVisible();
  // Written after a short pause.
  await panel.waitForTimeout(500);
  await panel.close();

  panel = await openPanel(context, extensionId, collected);
  await expect(panel.getByRole('searchbox')).toHaveValue('love');
  await expect(panel.getByRole('button', { name: 'Filters (1)' })).toBeVisible();

  // "Find “…” in Cleartune" leaves a search for the open panel.
  await background.evaluate(() =>
    chrome.storage.session.set({ finderSearch: { text: 'Glasshouse', at: Date.now() } }),
  );
  await expect(panel.getByRole('searchbox')).toHaveValue('Glasshouse');
  expect(await background.evaluate(() => chrome.storage.session.get('finderSearch'))).toEqual({});
});

test('the options page sets what the toolbar button opens, and links to the shortcuts page', async ({
  openOptions,
  background,
}) => {
  const options = await openOptions();
  const popupChoice = options.getByRole('radio', { name: 'the popup' });
  const panelChoice = options.getByRole('radio', { name: /the side panel/ });
  await expect(popupChoice).toBeChecked();
  await panelChoice.check();
  await expect(options.getByRole('status').filter({ hasText: 'toolbar button' })).toHaveText(
    'The toolbar button now opens the side panel.',
  );
  const state = () =>
    background.evaluate(async () => ({
      popup: await chrome.action.getPopup({}),
      behavior: await chrome.sidePanel.getPanelBehavior(),
    }));
  expect(await state()).toEqual({ popup: '', behavior: { openPanelOnActionClick: true } });
  await options.reload();
  await expect(panelChoice).toBeChecked();
  await popupChoice.check();
  await expect.poll(state).toEqual({
    popup: expect.stringMatching(/\/popup\.html$/),
    behavior: { openPanelOnActionClick: false },
  });
  await expect(options.getByRole('button', { name: 'Change keyboard shortcuts' })).toBeVisible();
});
