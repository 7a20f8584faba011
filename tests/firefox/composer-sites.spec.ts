/**
 * A composer site added in the options page, in Firefox: the browser's own permission prompt asks
 * for that site alone; allowed, the composer script is registered there and "Use" fills its field;
 * refused, nothing is added and the page says why.
 */
import { FIXTURE_PAGES } from './harness/composers';
import { inRow, openConnectedPopup, rowOf, showCmlOnly, useUntilFilled } from './harness/finder';
import { expect, test } from './harness/fixtures';
import { attributeOf, click, expectValue, fill, role, textOf, WAIT } from './harness/page';

const SITE = 'https://scheduler.test';

test('adding a composer site asks Firefox for that site; allowed, Use fills there; refused, nothing is added', async ({
  firefox,
  proxy,
}) => {
  proxy.serve(`${SITE}/compose`, { body: FIXTURE_PAGES.plain() });
  const options = await firefox.openExtensionPage('options.html', { width: 1000, height: 900 });
  const address = role('textbox', 'Site address');
  const sites = role('list', 'Composer sites');

  await fill(options, address, 'scheduler.test');
  await click(options, role('button', 'Add site'));
  const asked = await firefox.answerPermissionPrompt(true);
  expect(asked.join('\n')).toContain('scheduler.test');
  await expect.poll(() => textOf(options, 'body'), WAIT).toContain(`Added ${SITE}.`);
  await expect.poll(() => textOf(options, sites), WAIT).toContain(SITE);

  await fill(options, address, 'other.test');
  await click(options, role('button', 'Add site'));
  await firefox.answerPermissionPrompt(false);
  await expect
    .poll(() => textOf(options, 'body'), WAIT)
    .toContain('Access to https://other.test was not allowed, so it was not added.');
  expect(await textOf(options, sites)).not.toContain('other.test');

  // The composer script runs on the new site, and the popup's Use fills it.
  const composer = await firefox.openPage(`${SITE}/compose`);
  await composer.locator('::-p-text(Insert chosen track)').setTimeout(WAIT.timeout).wait();
  await click(composer, '#music_sound_id');
  const popup = await openConnectedPopup(firefox);
  await showCmlOnly(popup);
  const row = await rowOf(popup);
  const id = await attributeOf(popup, inRow(row, `Copy ID of ${row.title}`), 'title');
  await useUntilFilled(popup, row, 'Filled into scheduler.test');
  await expectValue(composer, '#music_sound_id', id ?? '');
});
