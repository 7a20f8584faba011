/// <reference types="chrome" />
/**
 * The usage record from a person's point of view: a track put into a composer (Use, then the
 * in-page Insert) is in the record once per fill, and the options page's export downloads a CSV a spreadsheet
 * reads with the exact id that was filled, and a JSON with the same entries.
 */
import { readFileSync } from 'node:fs';
import { serveHtml, useTrack } from '../fixtures/composers/serve';
import { CML_TRENDING_CLIP_ID, cmlTrack, LAYERS_CLEARED_ID, layersClearedTrack } from '../fixtures/tracks';
import { expect, test } from './fixtures';

const PAGE = 'https://composer.test/record';
const HTML = `<!doctype html><html><head><title>Composer</title></head><body>
  <form><label for="a">Music sound ID</label><input id="a" name="music_sound_id" /></form>
  <form><label for="t">Track ID</label><input id="t" name="tiktokMusic.trackId" /></form></body></html>`;

test('fills are recorded, and the exported CSV and JSON hold the exact ids filled', async ({
  context,
  openPage,
  openPopup,
  openOptions,
}) => {
  await serveHtml(context, PAGE, HTML);
  const popup = await openPopup();
  const page = await openPage(PAGE);
  await page.locator('#a').click();
  await expect(page.getByRole('button', { name: 'Insert chosen track' })).toHaveCount(2);
  // "Use" fills the field focused last; then a person's Insert click fills the Layers field.
  await expect
    .poll(async () => (await useTrack(popup, cmlTrack, 'trending')).filledInto)
    .toBe('composer.test');
  await expect(page.locator('#a')).toHaveValue(CML_TRENDING_CLIP_ID);
  // A Layers track: Use fills the Layers field (the only one that takes it).
  await useTrack(popup, layersClearedTrack);
  await expect(page.locator('#t')).toHaveValue(LAYERS_CLEARED_ID);
  // Cleared by hand and put back with the in-page Insert: a use too; pressing Insert again over
  // the same id is not.
  const insert = page.locator('form').nth(1).getByRole('button', { name: 'Insert chosen track' });
  await page.locator('#t').fill('');
  await insert.click();
  await expect(page.locator('#t')).toHaveValue(LAYERS_CLEARED_ID);
  await insert.click();
  // Use again over the id the field already holds: the popup says it is there, no new entry.
  expect((await useTrack(popup, cmlTrack, 'trending')).filledInto).toBe('composer.test');
  await expect(page.locator('#a')).toHaveValue(CML_TRENDING_CLIP_ID);

  const options = await openOptions();
  await expect(options.getByText(/kept on this device only \(3 entries\)/)).toBeVisible();
  const [csv] = await Promise.all([
    options.waitForEvent('download'),
    options.getByRole('button', { name: 'Export usage as CSV' }).click(),
  ]);
  expect(csv.suggestedFilename()).toMatch(/^cleartune-usage-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = readFileSync((await csv.path()) ?? '', 'utf8');
  expect(text.startsWith('\uFEFFtime,provider,id,id kind,')).toBe(true);
  const rows = text.slice(1).trim().split('\r\n').slice(1);
  // Newest first; a spreadsheet shows `="…"` as exactly the text inside.
  const ids = rows.map((row) => row.split(',')[2]?.replace(/^"=""(\d+)"""$/, '$1'));
  expect(ids).toEqual([LAYERS_CLEARED_ID, LAYERS_CLEARED_ID, CML_TRENDING_CLIP_ID]);
  expect(rows.map((row) => row.split(',').at(-2))).toEqual([
    'composer.test',
    'composer.test',
    'composer.test',
  ]);
  await expect(options.getByRole('status').filter({ hasText: 'Exported' })).toHaveText(
    'Exported 3 entries as CSV.',
  );

  const [json] = await Promise.all([
    options.waitForEvent('download'),
    options.getByRole('button', { name: 'Export usage as JSON' }).click(),
  ]);
  const data = JSON.parse(readFileSync((await json.path()) ?? '', 'utf8'));
  expect(data).toMatchObject({ format: 'cleartune-usage', version: 1 });
  expect(data.entries.map((entry: { id: string }) => entry.id)).toEqual([
    LAYERS_CLEARED_ID,
    LAYERS_CLEARED_ID,
    CML_TRENDING_CLIP_ID,
  ]);
});
