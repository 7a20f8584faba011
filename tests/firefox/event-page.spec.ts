/**
 * Firefox runs the MV3 background as an event page, stopped when idle and started again by the
 * next message or event. Nothing may live only in its memory: after Firefox stops it, one press of
 * "Use" still fills the composer the person worked in, the popup still opens on the cached lists
 * without asking the providers, and the periodic refresh is still scheduled; the shortcut and the
 * context menu, whose events must start a stopped event page, still insert the chosen track.
 */
import { catalogRequests } from '../support/fault-harness';
import { FIXTURE_PAGES } from './harness/composers';
import {
  COUNT,
  inRow,
  openConnectedPopup,
  rowsOf,
  STATUS,
  showCmlOnly,
  useUntilFilled,
} from './harness/finder';
import { expect, test } from './harness/fixtures';
import { attributeOf, click, expectText, expectValue, fill, role, textOf, WAIT } from './harness/page';

const COMPOSER = 'https://composer.test/plain';

test('after Firefox stops the idle event page: Use, the cached lists, the refresh alarm, the shortcut and the menu still work', async ({
  firefox,
  proxy,
  sim,
}) => {
  proxy.serve(COMPOSER, { body: FIXTURE_PAGES.plain() });
  const composer = await firefox.openPage(COMPOSER);
  await composer.locator('::-p-text(Insert chosen track)').setTimeout(WAIT.timeout).wait();
  await click(composer, '#music_sound_id');
  const popup = await openConnectedPopup(firefox);
  await showCmlOnly(popup);
  const [first, second] = await rowsOf(popup);
  if (!first || !second) throw new Error('fewer than two rows');
  await useUntilFilled(popup, first);
  const count = await textOf(popup, COUNT);

  expect(await firefox.backgroundState()).toBe('running');
  expect(await firefox.suspendBackground()).toBe('stopped');

  // One press: the event page starts again and fills the composer focused before it stopped.
  const id = await attributeOf(popup, inRow(second, `Copy ID of ${second.title}`), 'title');
  await click(popup, inRow(second, `Use ${second.title}`));
  await expectText(popup, STATUS, 'Filled into composer.test');
  await expectValue(composer, '#music_sound_id', id ?? '');
  expect(await firefox.backgroundState()).toBe('running');

  // Stopped again: a new popup shows the cached list at once, and the chosen track.
  expect(await firefox.suspendBackground()).toBe('stopped');
  sim.resetRequests();
  const again = await firefox.openExtensionPage('popup.html');
  await showCmlOnly(again);
  await expectText(again, COUNT, count ?? '');
  await expect.poll(() => textOf(again, role('listitem', second.label)), WAIT).toContain('Chosen');
  expect(catalogRequests(sim, 'bundle-social') + catalogRequests(sim, 'layers')).toBe(0);

  const alarm = await again.evaluate(() =>
    (
      globalThis as unknown as {
        browser: { alarms: { get(name: string): Promise<{ name: string } | undefined> } };
      }
    ).browser.alarms.get('cleartune-catalog-refresh'),
  );
  expect(alarm?.name).toBe('cleartune-catalog-refresh');

  // Stopped: the shortcut's event starts it and the focused field gets the chosen track.
  await composer.bringToFront();
  await fill(composer, '#music_sound_id', '');
  await click(composer, '#music_sound_id');
  expect(await firefox.suspendBackground()).toBe('stopped');
  expect(await firefox.pressShortcut('I', 'alt,shift')).toBe(true);
  await expectValue(composer, '#music_sound_id', id ?? '');

  // And the context menu, from a stopped event page too.
  await fill(composer, '#music_sound_id', '');
  expect(await firefox.suspendBackground()).toBe('stopped');
  await composer.locator('#music_sound_id').click({ button: 'right' });
  const artist = second.label.slice(second.title.length + ' by '.length);
  const offered = `Insert chosen track — ${second.title} · ${artist}`;
  expect(await firefox.contextMenu(offered, offered)).toEqual([{ label: offered, enabled: true }]);
  await expectValue(composer, '#music_sound_id', id ?? '');
});
