import type { Page } from '@playwright/test';
import { reactComposerHtml, serveHtml, useTrack } from '../fixtures/composers/serve';
import { cmlTrack } from '../fixtures/tracks';
import { axeAudit } from './axe-audit';
import { expect, serveFixturePage, test } from './fixtures';
import { serveMedia } from './popup-support';

/** Only what Cleartune adds is audited: the fixtures stand in for sites we do not control. */
async function auditOurs(page: Page) {
  const results = await axeAudit(page).include('[data-cleartune-ui]').analyze();
  expect(results.violations).toEqual([]);
  // The audit must have reached into the shadow roots: names and contrast were checked there.
  expect(results.passes.map((rule) => rule.id)).toEqual(
    expect.arrayContaining(['button-name', 'color-contrast']),
  );
}

test('the button, chip, warnings, flags and photo note pass an accessibility audit', async ({
  openPage,
  context,
  openPopup,
}) => {
  await serveHtml(context, 'https://composer.test/react', await reactComposerHtml());
  await useTrack(await openPopup(), cmlTrack);
  const page = await openPage('https://composer.test/react');
  await page.getByRole('button', { name: 'Insert chosen track' }).click();
  await page.getByLabel('Upload to draft').check();
  await page.getByLabel('Music volume').fill('150');
  await expect(page.getByRole('alert')).toHaveCount(2);
  await expect(page.getByText('Volume must be between 0 and 100')).toBeVisible();
  await auditOurs(page);

  await page.getByRole('radio', { name: 'Photos' }).check();
  await expect(page.getByRole('note')).toBeVisible();
  await auditOurs(page);
});

test('the Studio panel passes an accessibility audit', async ({ openPage, context, openPopup }) => {
  await serveFixturePage(context, /tiktokstudio\/upload/, 'studio-photo.html');
  await serveMedia(context);
  await useTrack(await openPopup(), { ...cmlTrack, title: 'Not In Studio', artist: 'Nobody' });
  const page = await openPage('https://www.tiktok.com/tiktokstudio/upload?state=uploaded');
  await page.getByRole('button', { name: 'Add sound' }).click();
  const panel = page.getByRole('region', { name: 'Cleartune' });
  await panel.getByRole('button', { name: 'Find in Sounds' }).click();
  await expect(panel.getByRole('status')).toHaveText(/found no sound matching/, { timeout: 8000 });
  await expect(panel.locator('img.cover')).toBeVisible();
  await auditOurs(page);
});
