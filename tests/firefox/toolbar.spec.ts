/**
 * The toolbar button in Firefox, pressed as a person presses it: its popup is the real panel (not
 * the page in a tab) and fills the composer tab under it; set to open the side panel, it opens
 * Firefox's sidebar instead, and the popup's "Open in side panel" does too.
 */
import { DEMO_CREDENTIALS } from '../simulator';
import { FIXTURE_PAGES } from './harness/composers';
import { EXTENSION_ORIGIN } from './harness/firefox';
import { expect, test } from './harness/fixtures';
import { ask, click, expectValue, role, textOf, WAIT } from './harness/page';
import { clickInView, useFirstCmlRow, viewCount, viewText } from './harness/views';

const COMPOSER = 'https://composer.test/plain';

test("the toolbar button's popup lists tracks, names the composer under it, and Use fills that tab", async ({
  firefox,
  proxy,
}) => {
  proxy.serve(COMPOSER, { body: FIXTURE_PAGES.plain() });
  const options = await firefox.openExtensionPage('options.html', { width: 1000, height: 800 });
  await ask(options, 'saveSettings', DEMO_CREDENTIALS);
  const composer = await firefox.openPage(COMPOSER);
  await composer.locator('::-p-text(Insert chosen track)').setTimeout(WAIT.timeout).wait();
  await click(composer, '#music_sound_id');

  await firefox.pressToolbarButton();
  const { popup } = firefox;
  await expect.poll(() => popup.url(), WAIT).toBe(`${EXTENSION_ORIGIN}/popup.html`);
  await expect.poll(() => viewCount(popup, 'li.track-row'), WAIT).toBeGreaterThan(0);
  await expect.poll(() => viewText(popup, '.tab-status'), WAIT).toBe('composer.test — 1 composer');

  const id = await useFirstCmlRow(popup);
  expect(id).toMatch(/^\d{19}$/);
  await expect.poll(() => viewText(popup, '.status-text'), WAIT).toBe('Filled into composer.test');
  await expectValue(composer, '#music_sound_id', id ?? '');
});

test('set to open the side panel, the toolbar button opens the sidebar; so does the popup’s ◨', async ({
  firefox,
}) => {
  const options = await firefox.openExtensionPage('options.html', { width: 1000, height: 800 });
  await ask(options, 'saveSettings', DEMO_CREDENTIALS);
  const { popup, sidebar } = firefox;

  // Firefox opened the sidebar at install; the person closed it (the fixture did).
  await expect.poll(() => sidebar.url(), WAIT).toBeNull();

  await click(options, role('radio', 'the side panel (stays open beside the page)'));
  await expect
    .poll(() => textOf(options, 'body'), WAIT)
    .toContain('The toolbar button now opens the side panel.');
  await firefox.pressToolbarButton();
  await expect.poll(() => sidebar.url(), WAIT).toBe(`${EXTENSION_ORIGIN}/sidepanel.html`);
  await expect.poll(() => viewCount(sidebar, 'li.track-row'), WAIT).toBeGreaterThan(0);
  expect(await popup.url()).toBeNull();

  await firefox.closeSidebar();
  await click(options, role('radio', 'the popup'));
  await expect.poll(() => textOf(options, 'body'), WAIT).toContain('The toolbar button now opens the popup.');
  await firefox.pressToolbarButton();
  await expect.poll(() => popup.url(), WAIT).toBe(`${EXTENSION_ORIGIN}/popup.html`);
  expect(await sidebar.url()).toBeNull();

  await expect.poll(() => viewCount(popup, 'button[aria-label="Open in side panel"]'), WAIT).toBe(1);
  await clickInView(popup, 'button[aria-label="Open in side panel"]');
  await expect.poll(() => sidebar.url(), WAIT).toBe(`${EXTENSION_ORIGIN}/sidepanel.html`);
});
