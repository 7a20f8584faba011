/**
 * Firefox's own context menu and keyboard shortcut on a composer field: a right-click offers
 * "Insert chosen track — Title · Artist" and fills the field; on a field for the other kind of id
 * the item is shown disabled with the reason, even when the menu opened before the background knew
 * the field; Alt+Shift+I fills the focused field.
 */
import { readFileSync } from 'node:fs';
import { FIXTURE_PAGES } from './harness/composers';
import { inRow, openConnectedPopup, rowOf, STATUS, showCmlOnly } from './harness/finder';
import { expect, test } from './harness/fixtures';
import { attributeOf, click, expectText, expectValue, fill, WAIT } from './harness/page';

const PLAIN = 'https://composer.test/plain';
const LAYERS = 'https://composer.test/layers';

test('the context menu inserts the chosen track, refuses a Layers field with the reason; Alt+Shift+I inserts', async ({
  firefox,
  proxy,
}) => {
  proxy.serve(PLAIN, { body: FIXTURE_PAGES.plain() });
  proxy.serve(LAYERS, { body: readFileSync('tests/fixtures/pages/layers-composer.html', 'utf8') });
  // A track chosen in the popup while no composer was open.
  const popup = await openConnectedPopup(firefox);
  await showCmlOnly(popup);
  const row = await rowOf(popup);
  const id = (await attributeOf(popup, inRow(row, `Copy ID of ${row.title}`), 'title')) ?? '';
  await click(popup, inRow(row, `Use ${row.title}`));
  await expectText(popup, STATUS, 'Chosen — open a composer to fill it');
  const artist = row.label.slice(row.title.length + ' by '.length);

  const page = await firefox.openPage(PLAIN);
  await page.locator('::-p-text(Insert chosen track)').setTimeout(WAIT.timeout).wait();
  await page.locator('#music_sound_id').click({ button: 'right' });
  const offered = `Insert chosen track — ${row.title} · ${artist}`;
  expect(await firefox.contextMenu(offered, offered)).toEqual([{ label: offered, enabled: true }]);
  await expectValue(page, '#music_sound_id', id);

  const layers = await firefox.openPage(LAYERS);
  await layers.locator('::-p-text(Insert chosen track)').setTimeout(WAIT.timeout).wait();
  // With the event page stopped (idle), the menu opens before the background, started by the
  // right-click, hears which field it is: Firefox redraws it with this field's kind.
  expect(await firefox.suspendBackground()).toBe('stopped');
  await layers.locator('#t0-track').click({ button: 'right' });
  const refused =
    'Insert chosen track — this field takes a Layers track id, not a CML sound id (bundle.social)';
  expect(await firefox.contextMenu(refused)).toEqual([{ label: refused, enabled: false }]);
  await expectValue(layers, '#t0-track', '');

  // The shortcut, in the field the person is typing in.
  await page.bringToFront();
  await fill(page, '#music_sound_id', '');
  await click(page, '#music_sound_id');
  expect(await firefox.pressShortcut('I', 'alt,shift')).toBe(true);
  await expectValue(page, '#music_sound_id', id);
});
