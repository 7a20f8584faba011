import { reactComposerHtml, serveHtml } from '../fixtures/composers/serve';
import { expect, serveFixturePage, test } from './fixtures';

const PHOTO_NOTE = 'Photos take only the sound id — TikTok rejects volume and trim';
const VIDEO_ONLY = ['Music volume', 'Original sound volume', 'Music start (ms)', 'Music end (ms)'];

test('photo posts hide and disable volume and trim with their labels; video brings them back as they were', async ({
  openPage,
  context,
}) => {
  await serveHtml(context, 'https://composer.test/react', await reactComposerHtml());
  const page = await openPage('https://composer.test/react');
  await expect(page.getByRole('button', { name: 'Insert chosen track' })).toBeVisible();
  await page.getByLabel('Music sound ID').fill('7312345678901234567');
  await page.getByLabel('Music volume').fill('70');
  await page.getByLabel('Music end (ms)').fill('30000');

  await page.getByRole('radio', { name: 'Photos' }).check();
  await expect(page.getByRole('note').filter({ hasText: PHOTO_NOTE })).toBeVisible();
  for (const label of VIDEO_ONLY) {
    await expect(page.getByLabel(label)).toBeHidden();
    await expect(page.getByLabel(label)).toBeDisabled();
    await expect(page.getByText(label, { exact: true })).toBeHidden();
  }
  await expect(page.getByLabel('Music sound ID')).toBeVisible();
  await page.getByRole('button', { name: 'Schedule post' }).click();
  await expect(page.getByTestId('submitted')).toHaveText(
    '{"data":{"TIKTOK":{"type":"IMAGE","uploadToDraft":false,"musicSoundInfo":{"musicSoundId":"7312345678901234567"}}}}',
  );

  await page.getByRole('radio', { name: 'Video' }).check();
  await expect(page.getByRole('note')).toBeHidden();
  for (const label of VIDEO_ONLY) {
    await expect(page.getByLabel(label)).toBeVisible();
    await expect(page.getByLabel(label)).toBeEnabled();
  }
  await expect(page.getByLabel('Music volume')).toHaveValue('70');
  await expect(page.getByLabel('Music end (ms)')).toHaveValue('30000');
});

test('a plain form does not submit volume and trim for photos, and does again for video', async ({
  openPage,
  context,
}) => {
  await serveFixturePage(context, 'https://composer.test/plain-snake', 'snake-composer.html');
  const page = await openPage('https://composer.test/plain-snake');
  await expect(page.getByLabel('Trim end')).toBeVisible();
  await page.getByLabel('Music sound ID').fill('7312345678901234567');
  await page.getByLabel('Video volume').fill('55');

  await page.getByLabel('Post type').selectOption('IMAGE');
  await expect(page.getByText(PHOTO_NOTE)).toBeVisible();
  await expect(page.getByText('Music volume')).toBeHidden();
  await expect(page.getByLabel('Video volume')).toBeHidden();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.locator('#sent')).toHaveText(
    '{"post_type":"IMAGE","music_sound_id":"7312345678901234567"}',
  );

  await page.getByLabel('Post type').selectOption('VIDEO');
  await expect(page.getByText('Music volume')).toBeVisible();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.locator('#sent')).toHaveText(
    '{"post_type":"VIDEO","music_sound_id":"7312345678901234567","music_sound_volume":"40","video_original_sound_volume":"55","music_sound_start":"","music_sound_end":""}',
  );
});

test('a tab list post type (Video / Photo) switches photo mode too', async ({ openPage, context }) => {
  await serveFixturePage(context, /https:\/\/composer\.test\/spa\/.*/, 'spa-composer.html');
  const page = await openPage('https://composer.test/spa/bundle');
  await expect(page.getByRole('button', { name: 'Insert chosen track' })).toBeVisible();
  await page.getByRole('tab', { name: 'Photo' }).click();
  await expect(page.getByText('Music volume')).toBeHidden();
  await expect(page.getByText('Original sound volume')).toBeHidden();
  await expect(page.getByText(PHOTO_NOTE)).toBeVisible();
  await page.getByRole('tab', { name: 'Video' }).click();
  await expect(page.getByText('Music volume')).toBeVisible();
});
