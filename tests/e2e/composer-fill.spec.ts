import { reactComposerHtml, serveHtml, useTrack } from '../fixtures/composers/serve';
import {
  CML_FULL_CLIP_ID,
  CML_TRENDING_CLIP_ID,
  cmlTrack,
  LAYERS_CLEARED_ID,
  layersClearedTrack,
} from '../fixtures/tracks';
import { expect, serveFixturePage, test, watchErrors } from './fixtures';

const REACT_URL = 'https://composer.test/react';

test.beforeEach(async ({ context }) => {
  await serveHtml(context, REACT_URL, await reactComposerHtml());
  await serveFixturePage(context, 'https://composer.test/layers', 'layers-composer.html');
});

test('"Insert chosen track" fills the sound id so React registers it, and Undo restores the field', async ({
  openPage,
  openPopup,
}) => {
  await useTrack(await openPopup(), cmlTrack);
  const page = await openPage(REACT_URL);
  const soundId = page.getByLabel('Music sound ID');
  await page.getByRole('button', { name: 'Insert chosen track' }).click();
  await expect(soundId).toHaveValue(CML_TRENDING_CLIP_ID);
  await expect(page.getByText('♪ Lo-Fi analog beat — Gloveity')).toBeVisible();

  await page.getByRole('button', { name: 'Schedule post' }).click();
  await expect(page.getByTestId('submitted')).toContainText(`"musicSoundId":"${CML_TRENDING_CLIP_ID}"`);

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(soundId).toHaveValue('');
  await expect(page.getByText('♪ Lo-Fi analog beat — Gloveity')).toBeHidden();
  await page.getByRole('button', { name: 'Schedule post' }).click();
  await expect(page.getByTestId('submitted')).toContainText('"musicSoundId":""');
});

test('a value the user typed is never overwritten silently: the chip offers Replace, Undo brings it back', async ({
  openPage,
  openPopup,
}) => {
  await useTrack(await openPopup(), cmlTrack);
  const page = await openPage(REACT_URL);
  const soundId = page.getByLabel('Music sound ID');
  await soundId.fill('6817312022837872642');
  await page.getByRole('button', { name: 'Insert chosen track' }).click();
  await expect(page.getByText('This field already holds “6817312022837872642”')).toBeVisible();
  await expect(soundId).toHaveValue('6817312022837872642');

  await page.getByRole('button', { name: 'Replace' }).click();
  await expect(soundId).toHaveValue(CML_TRENDING_CLIP_ID);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(soundId).toHaveValue('6817312022837872642');
  await page.getByRole('button', { name: 'Schedule post' }).click();
  await expect(page.getByTestId('submitted')).toContainText('"musicSoundId":"6817312022837872642"');
});

test('id kinds are enforced both ways, with an explanation instead of a write', async ({
  openPage,
  openPopup,
}) => {
  const popup = await openPopup();
  await useTrack(popup, layersClearedTrack);
  const page = await openPage(REACT_URL);
  await page.getByRole('button', { name: 'Insert chosen track' }).click();
  await expect(
    page.getByText(/Not filled: this field takes a CML sound id.*“Sunset Drive” is a Layers track id/),
  ).toBeVisible();
  await expect(page.getByText('Pick a bundle.social track in the Cleartune popup.')).toBeVisible();
  await expect(page.getByLabel('Music sound ID')).toHaveValue('');

  await useTrack(popup, cmlTrack);
  await page.goto('https://composer.test/layers');
  const firstTarget = page.getByRole('region', { name: 'Target 1: @brand' });
  await firstTarget.getByRole('button', { name: 'Insert chosen track' }).click();
  await expect(firstTarget.getByText(/this field takes a Layers track id.*is a CML sound id/)).toBeVisible();
  await expect(firstTarget.getByLabel('Track ID')).toHaveValue('');
});

test('"Use" in the popup fills the chosen clip into the composer tab the user was on', async ({
  openPage,
  openPopup,
}) => {
  const page = await openPage(REACT_URL);
  await expect(page.getByRole('button', { name: 'Insert chosen track' })).toBeVisible();
  await page.getByLabel('Music volume').click();
  const popup = await openPopup();

  const reply = await useTrack(popup, cmlTrack, 'full');
  expect(reply).toEqual({ filledInto: 'composer.test', message: 'Filled into composer.test' });
  await expect(page.getByLabel('Music sound ID')).toHaveValue(CML_FULL_CLIP_ID);
  await page.getByRole('button', { name: 'Schedule post' }).click();
  await expect(page.getByTestId('submitted')).toContainText(`"musicSoundId":"${CML_FULL_CLIP_ID}"`);

  const badge = await popup.evaluate(() => chrome.action.getBadgeText({}));
  expect(badge).toBe('♪');

  await page.close();
  const afterClose = await useTrack(popup, cmlTrack);
  expect(afterClose).toEqual({ filledInto: null, message: 'Chosen — open a composer to fill it' });
});

test('with several composers on a page, "Use" fills the one the user worked in last', async ({
  openPage,
  openPopup,
}) => {
  const page = await openPage('https://composer.test/layers');
  const first = page.getByRole('region', { name: 'Target 1: @brand' });
  const second = page.getByRole('region', { name: 'Target 2: @creator' });
  await expect(second.getByRole('button', { name: 'Insert chosen track' })).toBeVisible();
  await expect(first.getByRole('button', { name: 'Insert chosen track' })).toBeVisible();
  await second.getByRole('radio', { name: 'Managed' }).click();

  const reply = await useTrack(await openPopup(), layersClearedTrack);
  expect(reply.filledInto).toBe('composer.test');
  await expect(second.getByLabel('Music track ID')).toHaveValue(LAYERS_CLEARED_ID);
  await expect(first.getByLabel('Track ID')).toHaveValue('');
  await expect(second.getByText('♪ Sunset Drive — Mae & Co')).toBeVisible();
});

test('a form React rebuilds from scratch gets its button back, and the fill keeps its Undo', async ({
  openPage,
  openPopup,
}) => {
  await useTrack(await openPopup(), cmlTrack);
  const page = await openPage(REACT_URL);
  await page.getByRole('button', { name: 'Insert chosen track' }).click();
  const oldField = await page.getByLabel('Music sound ID').elementHandle();

  await page.getByRole('button', { name: 'Rebuild form' }).click();
  await expect.poll(() => oldField?.evaluate((node) => node.isConnected)).toBe(false);
  await expect(page.getByRole('button', { name: 'Insert chosen track' })).toHaveCount(1);
  await expect(page.getByLabel('Music sound ID')).toHaveValue(CML_TRENDING_CLIP_ID);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByLabel('Music sound ID')).toHaveValue('');
});

test('a new choice reaches every open composer: buttons come alive in tabs that were not filled', async ({
  openPage,
  context,
  openPopup,
  collected,
}) => {
  const other = await context.newPage();
  watchErrors(other, collected);
  await other.goto('https://composer.test/layers');
  const waiting = other.getByRole('button', { name: 'Insert chosen track' }).first();
  await expect(waiting).toBeDisabled();
  const page = await openPage(REACT_URL);
  await page.getByLabel('Music sound ID').click();

  await useTrack(await openPopup(), layersClearedTrack);
  await expect(waiting).toBeEnabled();
  await waiting.click();
  await expect(other.getByRole('region', { name: 'Target 1: @brand' }).getByLabel('Track ID')).toHaveValue(
    LAYERS_CLEARED_ID,
  );
  await expect(page.getByLabel('Music sound ID')).toHaveValue('');
});
