/**
 * Firefox's sidebar (the side panel's counterpart), which Firefox opens when the add-on is
 * installed: the real sidebar, not its page in a tab. A first run starts there: "Open settings",
 * connect, and the open sidebar lists the tracks. It shows a line about the tab beside it, follows
 * tab switches, and its "Use" fills the composer in that tab.
 */
import { FIXTURE_PAGES } from './harness/composers';
import { EXTENSION_ORIGIN } from './harness/firefox';
import { expect, sidebarTest as test } from './harness/fixtures';
import { connectThroughOptions } from './harness/options';
import { expectValue, WAIT } from './harness/page';
import { clickButtonInView, useFirstCmlRow, viewCount, viewText } from './harness/views';

const COMPOSER = 'https://composer.test/plain';

test('first run in the sidebar: connect from it, it lists tracks, follows the tab beside it, and Use fills that tab', async ({
  firefox,
  proxy,
}) => {
  proxy.serve(COMPOSER, { body: FIXTURE_PAGES.plain() });
  const { sidebar } = firefox;
  await expect.poll(() => sidebar.url(), WAIT).toBe(`${EXTENSION_ORIGIN}/sidepanel.html`);
  await expect.poll(() => viewText(sidebar, 'h2'), WAIT).toBe('Connect a provider to see trending tracks');

  expect(await clickButtonInView(sidebar, 'Open settings')).toBe(true);
  const options = await firefox.pageAt(`${EXTENSION_ORIGIN}/options.html`);
  await connectThroughOptions(options);
  // The sidebar stayed open meanwhile: it lists the tracks of the keys just connected.
  await expect.poll(() => viewCount(sidebar, 'li.track-row'), WAIT).toBeGreaterThan(0);
  // The options tab is in front: nothing to compose there.
  await expect.poll(() => viewText(sidebar, '.tab-status'), WAIT).toBe('No composer on this tab');

  const composer = await firefox.openPage(COMPOSER);
  await expect.poll(() => viewText(sidebar, '.tab-status'), WAIT).toBe('composer.test — 1 composer');
  await options.bringToFront();
  await expect.poll(() => viewText(sidebar, '.tab-status'), WAIT).toBe('No composer on this tab');
  await composer.bringToFront();
  await expect.poll(() => viewText(sidebar, '.tab-status'), WAIT).toBe('composer.test — 1 composer');

  // "Use" on a bundle.social row (a 19-digit CML id, what this field takes): the composer beside
  // the sidebar is filled with it.
  const id = await useFirstCmlRow(sidebar);
  expect(id).toMatch(/^\d{19}$/);
  await expect.poll(() => viewText(sidebar, '.status-text'), WAIT).toBe('Filled into composer.test');
  await expectValue(composer, '#music_sound_id', id ?? '');
});
