import type { Page } from '@playwright/test';
import { reactComposerHtml, serveHtml, useTrack } from '../fixtures/composers/serve';
import { CML_TRENDING_CLIP_ID, LAYERS_NOT_CLEARED_ID, layersNotClearedTrack } from '../fixtures/tracks';
import { expect, serveFixturePage, test, watchErrors } from './fixtures';

const DRAFT =
  "TikTok drafts don't keep the chosen music: add it in the TikTok app before publishing, or post directly.";
const SILENT = 'TikTok treats a missing volume as 0: this video may be silent';
const TRIM = "The end time won't be sent: the track plays from start to the end";

const alert = (page: Page, text: string) => page.getByRole('alert').filter({ hasText: text });

test.describe('bundle.social-style composer', () => {
  test.beforeEach(async ({ context }) => {
    await serveHtml(context, 'https://composer.test/react', await reactComposerHtml());
  });

  async function openWithSoundId(page: Page): Promise<void> {
    await page.goto('https://composer.test/react');
    await expect(page.getByRole('button', { name: 'Insert chosen track' })).toBeVisible();
    await page.getByLabel('Music sound ID').fill(CML_TRENDING_CLIP_ID);
  }

  test('a draft upload with a sound id is warned about, dismissibly, without blocking the post', async ({
    context,
    collected,
  }) => {
    const page = await context.newPage();
    watchErrors(page, collected);
    await openWithSoundId(page);
    await page.getByLabel('Music volume').fill('50');
    await page.getByLabel('Original sound volume').fill('50');
    await expect(page.getByRole('alert')).toHaveCount(0);

    await page.getByLabel('Upload to draft').check();
    await expect(alert(page, DRAFT)).toBeVisible();
    await page.getByRole('button', { name: 'Schedule post' }).click();
    await expect(page.getByTestId('submitted')).toContainText('"uploadToDraft":true');

    await alert(page, DRAFT).getByRole('button', { name: 'Dismiss' }).click();
    await expect(alert(page, DRAFT)).toBeHidden();
    await page.getByLabel('Upload to draft').uncheck();
    await page.getByLabel('Upload to draft').check();
    await expect(alert(page, DRAFT)).toBeVisible();
  });

  test('a video with a sound id and no volumes is warned about, and "Set both to 50" fixes it in React state', async ({
    context,
    collected,
  }) => {
    const page = await context.newPage();
    watchErrors(page, collected);
    await openWithSoundId(page);
    await expect(alert(page, SILENT)).toBeVisible();
    await alert(page, SILENT).getByRole('button', { name: 'Set both to 50' }).click();
    await expect(page.getByLabel('Music volume')).toHaveValue('50');
    await expect(page.getByLabel('Original sound volume')).toHaveValue('50');
    await expect(alert(page, SILENT)).toBeHidden();
    await page.getByRole('button', { name: 'Schedule post' }).click();
    await expect(page.getByTestId('submitted')).toContainText(
      '"musicSoundVolume":50,"videoOriginalSoundVolume":50',
    );
  });

  test('a trim end that will be dropped is explained; out-of-range values are flagged with the range', async ({
    context,
    collected,
  }) => {
    const page = await context.newPage();
    watchErrors(page, collected);
    await openWithSoundId(page);
    await page.getByLabel('Music start (ms)').fill('5000');
    await page.getByLabel('Music end (ms)').fill('3000');
    await expect(alert(page, TRIM)).toBeVisible();
    await page.getByLabel('Music end (ms)').fill('0');
    await expect(alert(page, TRIM)).toBeVisible();
    await page.getByLabel('Music end (ms)').fill('30000');
    await expect(alert(page, TRIM)).toBeHidden();

    await page.getByLabel('Music volume').fill('150');
    await expect(page.getByText('Volume must be between 0 and 100')).toBeVisible();
    await page.getByLabel('Music start (ms)').fill('-20');
    await expect(page.getByText('Times are milliseconds from 0 up')).toBeVisible();
    await page.getByLabel('Music volume').fill('100');
    await expect(page.getByText('Volume must be between 0 and 100')).toBeHidden();
  });
});

test.describe('Layers-style target form', () => {
  test.beforeEach(async ({ context }) => {
    await serveFixturePage(context, 'https://composer.test/layers', 'layers-composer.html');
  });

  test('draft targets with music and manual music on publish targets are warned about per target', async ({
    context,
    collected,
  }) => {
    const page = await context.newPage();
    watchErrors(page, collected);
    await page.goto('https://composer.test/layers');
    await expect(page.getByRole('button', { name: 'Insert chosen track' })).toHaveCount(2);
    await expect(page.getByRole('alert')).toHaveCount(1);
    await expect(page.getByRole('alert')).toHaveText(
      /On direct publish a manual track is replaced by TikTok's automatic music; use a managed target to keep it\./,
    );
    const second = page.getByRole('region', { name: 'Target 2: @creator' });
    await second.getByRole('radio', { name: 'Managed' }).check();
    await expect(page.getByRole('alert')).toHaveCount(0);

    const first = page.getByRole('region', { name: 'Target 1: @brand' });
    await first.getByLabel('Target mode').selectOption('draft');
    await expect(alert(page, 'Layers rejects music on draft targets (422)')).toBeVisible();
    await first.getByRole('radio', { name: 'None' }).check();
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('a Layers track that is not cleared is flagged once it is in the form', async ({
    context,
    openPopup,
    collected,
  }) => {
    await useTrack(await openPopup(), layersNotClearedTrack);
    const page = await context.newPage();
    watchErrors(page, collected);
    await page.goto('https://composer.test/layers');
    const first = page.getByRole('region', { name: 'Target 1: @brand' });
    await first.getByRole('button', { name: 'Insert chosen track' }).click();
    await expect(first.getByLabel('Track ID')).toHaveValue(LAYERS_NOT_CLEARED_ID);
    await expect(
      alert(page, "Not in TikTok's Commercial Music Library: not cleared for business accounts"),
    ).toBeVisible();
  });
});
