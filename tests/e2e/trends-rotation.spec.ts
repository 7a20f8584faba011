/// <reference types="chrome" />
/**
 * What is breaking out and what was used lately, as a person sees it in the finder: New and
 * Breakout chips on the simulator's rising tracks, the "New and Breakout only" filter, a track
 * used into a composer marked "Used … · site", hidden by the rotation filter, with the window the
 * options page sets.
 */
import { serveHtml } from '../fixtures/composers/serve';
import type { CmlTrack } from '../simulator';
import { expect, test } from './fixtures';
import { openConnectedPopup } from './popup-support';

const PAGE = 'https://composer.test/rotation';
const HTML = `<!doctype html><html><head><title>Composer</title></head><body>
  <form><label for="a">Music sound ID</label><input id="a" name="music_sound_id" /></form></body></html>`;

/** The row's key: a CML track is known by its trending clip's id (the full clip's without one). */
const cmlKey = (item: CmlTrack) =>
  `bundle-social:${(item.trending_song_clip ?? item.full_duration_song_clip)?.song_clip_id}`;

test('rising tracks carry New and Breakout chips, and the filter keeps only those', async ({
  context,
  openPopup,
}) => {
  const { sim, popup } = await openConnectedPopup(context, openPopup);
  const search = popup.getByRole('searchbox', { name: 'Search tracks' });
  const rowOf = (item: CmlTrack) => popup.locator(`li[data-key="${cmlKey(item)}"]`);

  const rising = sim.catalog.awkward('rising');
  await search.fill(rising.commercial_music_name ?? '');
  const breakout = rowOf(rising).getByText('Breakout', { exact: true });
  await expect(breakout).toBeVisible();
  await expect(breakout).toHaveAttribute('title', /Up 20 or more places in 3 days/);

  const fresh = sim.catalog.awkward('newEntry');
  await search.fill(fresh.commercial_music_name ?? '');
  await expect(rowOf(fresh).getByText('New', { exact: true })).toHaveAttribute('title', /New on the chart/);

  await search.fill('');
  await popup.getByRole('button', { name: 'Filters' }).click();
  await popup.getByRole('checkbox', { name: 'New and Breakout only' }).check();
  const rows = popup.getByRole('listitem');
  await expect(rows.first()).toBeVisible();
  for (const row of await rows.all()) {
    await expect(row.locator('.badge-new, .badge-breakout').first()).toBeVisible();
  }
  await search.fill(rising.commercial_music_name ?? '');
  await expect(rowOf(rising)).toBeVisible();
  // A steady chart-topper is not in the filtered list.
  const steady = sim.catalog.awkward('accents');
  await search.fill(steady.commercial_music_name ?? '');
  await expect(popup.getByText('No matching track is New or Breakout right now.')).toBeVisible();
  await popup.getByRole('button', { name: 'Show all trends' }).click();
  await expect(rowOf(steady)).toBeVisible();
});

test('a used track says when and where, and the rotation filter hides it for the window set in options', async ({
  context,
  openPopup,
  openPage,
  openOptions,
}) => {
  await serveHtml(context, PAGE, HTML);
  const { sim, popup } = await openConnectedPopup(context, openPopup);
  const page = await openPage(PAGE);
  await page.locator('#a').click();
  await expect(page.getByRole('button', { name: 'Insert chosen track' })).toHaveCount(1);

  const item = sim.catalog.awkward('accents');
  const clipId = item.trending_song_clip?.song_clip_id ?? '';
  const row = popup.locator(`li[data-key="${cmlKey(item)}"]`);
  await popup.getByRole('searchbox', { name: 'Search tracks' }).fill(item.commercial_music_name ?? '');
  // The page reports its composer moments after load: Use again until the field is filled.
  await expect(async () => {
    await row.getByRole('button', { name: `Use ${item.commercial_music_name}` }).click();
    await expect(page.locator('#a')).toHaveValue(clipId, { timeout: 1000 });
  }).toPass();
  const used = row.getByText(/^Used (just now|1 min\. ago) · composer\.test$/);
  await expect(used).toBeVisible();

  await popup.getByRole('button', { name: 'Filters' }).click();
  await popup.getByRole('checkbox', { name: 'Hide tracks used in the last 14 days' }).check();
  await expect(row).toHaveCount(0);
  // Layers' track of the same name was not used: it stays.
  await expect(
    popup.getByRole('listitem', { name: `${item.commercial_music_name} by ${item.artist}` }),
  ).toHaveCount(1);

  const options = await openOptions();
  const days = options.getByRole('spinbutton', { name: 'Hide tracks used in the last' });
  await expect(days).toHaveValue('14');
  await days.fill('0');
  await options.getByRole('button', { name: 'Save rotation' }).click();
  await expect(options.getByText('Enter a whole number of days from 1 to 365.')).toBeVisible();
  await days.fill('3');
  await days.press('Enter');
  await expect(options.getByText('The finder can now hide tracks used in the last 3 days.')).toBeVisible();

  await popup.reload();
  await popup.getByRole('searchbox', { name: 'Search tracks' }).fill(item.commercial_music_name ?? '');
  await expect(row.getByText(/^Used .* · composer\.test$/)).toBeVisible();
  await popup.getByRole('button', { name: 'Filters' }).click();
  await popup.getByRole('checkbox', { name: 'Hide tracks used in the last 3 days' }).check();
  await expect(row).toHaveCount(0);
});
