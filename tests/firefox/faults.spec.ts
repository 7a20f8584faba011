/**
 * Provider trouble in Firefox, on a popup whose lists are already cached: a refused key (401) names
 * the provider, the cause and the way to Settings; Firefox offline ("Work Offline") is said as
 * such, no request leaves, and Retry works once back online. The cached tracks stay listed.
 */
import { DEMO_CREDENTIALS } from '../simulator';
import { catalogRequests } from '../support/fault-harness';
import { COUNT, openConnectedPopup } from './harness/finder';
import { EXTENSION_ORIGIN } from './harness/firefox';
import { expect, test } from './harness/fixtures';
import { click, expectText, role, textOf, WAIT } from './harness/page';

const PROBLEMS = role('region', 'Problems');

test('a refused Layers key (401): the reason and Open settings, the cached tracks still listed', async ({
  firefox,
  sim,
}) => {
  const popup = await openConnectedPopup(firefox);
  const count = await textOf(popup, COUNT);
  expect(count).toMatch(/^\d+ tracks$/);

  sim.revokeKey('layers', DEMO_CREDENTIALS.layersKey);
  sim.resetRequests();
  await click(popup, role('button', 'Refresh tracks'));
  await expect
    .poll(() => textOf(popup, `${PROBLEMS} .problem`), WAIT)
    .toContain('Layers rejected the API key: check it in Settings.');
  expect(await popup.$$eval(`${PROBLEMS} .problem`, (problems) => problems.length)).toBe(1);
  expect(catalogRequests(sim, 'layers')).toBe(1); // a 401 is never retried
  expect(sim.requests.filter((r) => r.provider === 'layers').map((r) => r.status)).toEqual([401]);
  await expectText(popup, COUNT, count ?? '');

  // Open settings: the settings page comes to the front (the tab it was saved from, here).
  const settingsShown = async () => {
    for (const page of await firefox.browser.pages()) {
      const shown = await page.evaluate(() => `${location.href} ${document.visibilityState}`).catch(() => '');
      if (shown === `${EXTENSION_ORIGIN}/options.html visible`) return true;
    }
    return false;
  };
  expect(await settingsShown()).toBe(false);
  await click(popup, `${PROBLEMS} ${role('button', 'Open settings')}`);
  await expect.poll(settingsShown, WAIT).toBe(true);
});

test('offline: each provider says so, no request leaves, and Retry works once back online', async ({
  firefox,
  sim,
}) => {
  const popup = await openConnectedPopup(firefox);
  const count = await textOf(popup, COUNT);
  await firefox.setOffline(true);
  await expect.poll(() => popup.evaluate(() => navigator.onLine), WAIT).toBe(false);
  sim.resetRequests();

  await click(popup, role('button', 'Refresh tracks'));
  for (const name of ['bundle.social', 'Layers']) {
    await expect
      .poll(() => textOf(popup, PROBLEMS), WAIT)
      .toContain(`You are offline, so ${name} cannot be reached: reconnect and try again.`);
  }
  await expectText(popup, '.data-age', /^Offline — updated /);
  await expectText(popup, COUNT, count ?? '');
  expect(sim.requests).toEqual([]);

  await firefox.setOffline(false);
  await expect.poll(() => popup.evaluate(() => navigator.onLine), WAIT).toBe(true);
  await click(popup, `${PROBLEMS} ${role('button', 'Retry')}`);
  await expect.poll(() => textOf(popup, PROBLEMS), WAIT).toBeNull();
  await expectText(popup, '.data-age', 'Updated just now');
});
