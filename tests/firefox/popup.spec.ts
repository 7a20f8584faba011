/**
 * The popup in Firefox (its page in a tab, as the Chromium suite does): the tracks listed, search,
 * a filter, a preview that plays, and "Use" with no composer open.
 */

import { COUNT, inRow, openConnectedPopup, pressed, ROW, rowOf, STATUS } from './harness/finder';
import { expect, test } from './harness/fixtures';
import { attributeOf, choose, click, countOf, expectText, fill, role, textOf, WAIT } from './harness/page';

test('popup: the tracks are listed, search narrows them, and a source and the favorites filter apply', async ({
  firefox,
  sim,
}) => {
  const popup = await openConnectedPopup(firefox);
  await choose(popup, role('combobox', 'Genre'), 'DANCE_POP');
  await choose(popup, role('combobox', 'Source'), 'bundle-social');
  const chart = sim.catalog.cml('DANCE_POP', '7DAY');
  await expectText(popup, COUNT, `${chart.length} tracks`);
  expect(sim.count({ provider: 'bundle-social', genre: 'DANCE_POP', dateRange: '7DAY' })).toBe(1);

  // Search: every keystroke narrows, case-insensitively; a plain title finds its row first.
  const wanted = chart.find((item) => /^[A-Za-z]+( [A-Za-z]+)+$/.test(item.commercial_music_name ?? ''));
  if (!wanted?.commercial_music_name) throw new Error('no plain title in the chart');
  const title = wanted.commercial_music_name;
  await fill(popup, role('searchbox', 'Search tracks'), title.toUpperCase());
  await expect.poll(async () => (await rowOf(popup)).title, WAIT).toBe(title);
  await fill(popup, role('searchbox', 'Search tracks'), '');
  await expectText(popup, COUNT, `${chart.length} tracks`);

  // A favorite, then "Favorites only": that track alone.
  const row = await rowOf(popup, new RegExp(`^${title} by `));
  await click(popup, inRow(row, `Favorite ${row.title}`));
  await expect.poll(() => pressed(popup, row, `Favorite ${row.title}`), WAIT).toBe('true');
  await click(popup, role('button', 'Filters'));
  await click(popup, role('checkbox', 'Favorites only'));
  await expectText(popup, COUNT, '1 track');
  expect(await rowOf(popup)).toEqual(row);
  await click(popup, role('checkbox', 'Favorites only'));
  await expectText(popup, COUNT, `${chart.length} tracks`);
});

test('popup: a preview starts playing and stops; Use with no composer open chooses the track; Copy ID copies it', async ({
  firefox,
  proxy,
}) => {
  const popup = await openConnectedPopup(firefox);
  const row = await rowOf(popup);
  const preview = inRow(row, `Preview ${row.title}`);
  await click(popup, preview);
  await expect.poll(() => pressed(popup, row, `Preview ${row.title}`), WAIT).toBe('true');
  const audio = '[data-testid="preview-audio"]';
  await expect
    .poll(
      () =>
        popup.$eval(
          audio,
          (el) => !(el as HTMLAudioElement).paused && (el as HTMLAudioElement).currentTime > 0,
        ),
      WAIT,
    )
    .toBe(true);
  const src = await popup.$eval(audio, (el) => (el as HTMLAudioElement).src);
  expect(proxy.audio).toContain(src);
  await click(popup, preview);
  await expect.poll(() => pressed(popup, row, `Preview ${row.title}`), WAIT).toBe('false');
  expect(await popup.$eval(audio, (el) => (el as HTMLAudioElement).paused)).toBe(true);

  await click(popup, inRow(row, `Use ${row.title}`));
  await expectText(popup, STATUS, 'Chosen — open a composer to fill it');
  await expect.poll(() => textOf(popup, role('listitem', row.label)), WAIT).toContain('Chosen');
  expect(await countOf(popup, ROW)).toBeGreaterThan(1);

  // Copy ID: the status line says so and the clipboard holds the exact id the row shows. (The
  // button's own "Copied" lasts two seconds, which one accessibility-tree query of a busy Firefox
  // can outlast; the Chromium suite checks the button.)
  const id = await attributeOf(popup, inRow(row, `Copy ID of ${row.title}`), 'title');
  await click(popup, inRow(row, `Copy ID of ${row.title}`));
  await expectText(popup, STATUS, `Copied the ID of ${row.title}`);
  expect(await firefox.clipboardText()).toBe(id);
});
