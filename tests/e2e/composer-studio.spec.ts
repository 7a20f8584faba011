/// <reference types="chrome" />
/**
 * Cleartune on TikTok Studio, on fixture pages that behave like Studio (tests/e2e/studio-fixtures
 * proves they do): Find in Sounds guides to the picker, types and submits the search, highlights the
 * row and says what to press; it never presses Studio's buttons; it checks what got attached and
 * the popup says the same for the tab.
 */
import { serveHtml, useTrack } from '../fixtures/composers/serve';
import { cmlTrack } from '../fixtures/tracks';
import { expect, serveFixturePage, test, watchErrors } from './fixtures';
import { serveMedia } from './popup-support';

const UPLOAD_URL = 'https://www.tiktok.com/tiktokstudio/upload?from=creator_center';
/** A CML track both of the fixture's For You and Unlimited tabs hold. */
const GLASSHOUSE = { ...cmlTrack, title: 'Glasshouse Parade', artist: 'The Lanterns' };
// Covers come from TikTok's CDN, served here as the popup tests serve them.
test.beforeEach(async ({ context }) => {
  await serveMedia(context);
});

const FOUND_VIDEO = 'Found it: press + on the highlighted row, then Save in the editor.';

test('video: Find in Sounds points to Sounds, then to Unlimited, highlights the row; the person adds and saves, Cleartune confirms', async ({
  background,
  context,
  openPage,
  openPopup,
  collected,
}) => {
  await serveFixturePage(context, /tiktokstudio\/upload/, 'studio-video.html');
  const popup = await openPopup();
  // Lo-Fi analog beat is in Studio's Unlimited tab only.
  await useTrack(popup, cmlTrack);
  const page = await openPage(`${UPLOAD_URL}&state=uploaded`);
  watchErrors(page, collected);
  const panel = page.getByRole('region', { name: 'Cleartune' });
  const status = panel.getByRole('status');
  await expect(panel.getByText('♪ Lo-Fi analog beat — Gloveity · 3:03')).toBeVisible();
  const cover = panel.locator('img.cover');
  await expect(cover).toHaveAttribute('src', cmlTrack.coverUrl ?? '');
  await expect.poll(() => cover.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await expect(cover).toBeVisible();

  await panel.getByRole('button', { name: 'Find in Sounds' }).click();
  await expect(status).toHaveText(
    'Press “Sounds” in the editor (highlighted): Cleartune searches as soon as it opens.',
  );
  const sounds = page.locator('button[data-button-name="sounds"]');
  await expect(sounds).toHaveAttribute('data-cleartune-match', '');
  await sounds.click();

  // It searched For You by itself (typed and submitted as a person would), then points to Unlimited.
  const search = page.locator('.MusicPanelSearchBar__wrap input[type="text"]');
  await expect(search).toHaveValue('Lo-Fi analog beat Gloveity');
  await expect(status).toHaveText(
    "Not in this tab. Commercial Music Library tracks are in Studio's “Unlimited” tab (highlighted): open it and Cleartune searches again.",
    { timeout: 8000 },
  );
  const unlimited = page.locator('button[role="tab"]#unlimited');
  await expect(unlimited).toHaveAttribute('data-cleartune-match', '');
  await unlimited.click();
  await expect(status).toHaveText(FOUND_VIDEO, { timeout: 8000 });
  const row = page.locator('[data-cleartune-match]');
  await expect(row).toHaveCount(1);
  await expect(row.locator('.MusicPanelMusicItem__infoBasicTitle')).toHaveText('Lo-Fi analog beat');
  await expect(row).toBeInViewport();

  // Cleartune pressed nothing of Studio's: no sound was added until the person pressed +.
  expect(
    await page.evaluate(() => (window as unknown as { __studio: { log: string[] } }).__studio.log),
  ).not.toContainEqual(expect.stringMatching(/^add:/));
  await row.locator('.MusicPanelMusicItem__operation button').click();
  await expect(panel.getByRole('alert')).toHaveText('Press Save in the editor, or Studio drops the sound.');
  await page.locator('.clip-forge-editor-header-right .Button__root--type-primary').click();
  await expect(panel.getByText('✓ Lo-Fi analog beat is attached')).toBeVisible();
  await expect(panel.getByRole('alert')).toBeHidden();

  // The background holds the same verdict for this tab, for the popup's line about it.
  await expect
    .poll(async () =>
      Object.values(
        (
          (await background.evaluate(() => chrome.storage.session.get('composerFrames'))) as {
            composerFrames?: Record<
              string,
              { studio: { attached: string | null; verdict: string | null } | null }
            >;
          }
        ).composerFrames ?? {},
      ).map((frame) => frame.studio),
    )
    .toContainEqual(expect.objectContaining({ attached: 'Lo-Fi analog beat - Gloveity', verdict: 'chosen' }));
});

test('video: another saved sound is named, and copyright issues point to the cleared choice', async ({
  context,
  openPage,
  openPopup,
}) => {
  await serveFixturePage(context, /tiktokstudio\/upload/, 'studio-video.html');
  await useTrack(await openPopup(), GLASSHOUSE);
  const page = await openPage(`${UPLOAD_URL}&state=saved&sound=Night%20Drive`);
  const panel = page.getByRole('region', { name: 'Cleartune' });
  await expect(
    panel.getByText('The attached sound is Night Drive - Neon Rivers, not your chosen Glasshouse Parade.'),
  ).toBeVisible();
  await expect(panel.getByRole('alert')).toHaveText(
    'Studio reports copyright issues with the attached sound. Your chosen Glasshouse Parade is cleared for business use: press Find in Sounds to use it instead.',
    { timeout: 5000 },
  );
});

test('photo, in German: points to "Sound hinzufügen", highlights the row and says to press Use; verifies the sound box', async ({
  context,
  openPage,
  openPopup,
}) => {
  await serveFixturePage(context, /tiktokstudio\/upload/, 'studio-photo.html');
  await useTrack(await openPopup(), GLASSHOUSE);
  const page = await openPage(`${UPLOAD_URL}&state=uploaded&lang=de`);
  const panel = page.getByRole('region', { name: 'Cleartune' });
  await panel.getByRole('button', { name: 'Find in Sounds' }).click();
  await expect(panel.getByRole('status')).toHaveText(
    'Press “Add sound” (highlighted): Cleartune searches as soon as the picker opens.',
  );
  const add = page.getByRole('button', { name: 'Sound hinzufügen' });
  await expect(add).toHaveAttribute('data-cleartune-match', '');
  await add.click();
  await expect(panel.getByRole('status')).toHaveText('Found it: press “Use” on the highlighted row.', {
    timeout: 8000,
  });
  const row = page.locator('[data-cleartune-match]');
  await row.getByRole('button', { name: 'Verwenden' }).click();
  await expect(panel.getByText('✓ Glasshouse Parade is attached')).toBeVisible();
});

test('a track Studio does not have: said so, with the title and artist to copy', async ({
  context,
  openPage,
  openPopup,
}) => {
  await serveFixturePage(context, /tiktokstudio\/upload/, 'studio-photo.html');
  await useTrack(await openPopup(), { ...cmlTrack, title: 'Not In Studio', artist: 'Nobody' });
  const page = await openPage(`${UPLOAD_URL}&state=uploaded`);
  const panel = page.getByRole('region', { name: 'Cleartune' });
  await page.getByRole('button', { name: 'Add sound' }).click();
  await panel.getByRole('button', { name: 'Find in Sounds' }).click();
  await expect(panel.getByRole('status')).toHaveText(
    "Studio's search found no sound matching ♪ Not In Studio — Nobody. Copy the title or artist to search by hand.",
    { timeout: 8000 },
  );
  await expect(panel.getByRole('button', { name: 'Copy title' })).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Copy artist' })).toBeVisible();
  await expect(page.locator('[data-cleartune-match]')).toHaveCount(0);
});

test('the older uploader wrapped in an iframe gets the panel inside the frame', async ({
  openPage,
  context,
  openPopup,
}) => {
  await serveFixturePage(context, /tiktokstudio\/upload/, 'studio-frame.html');
  await serveFixturePage(context, /tiktokstudio\/frame\/upload/, 'studio-video.html');
  await useTrack(await openPopup(), GLASSHOUSE);
  const page = await openPage(UPLOAD_URL);
  const frame = page.frameLocator('iframe[data-tt="Upload_index_iframe"]');
  const panel = frame.getByRole('region', { name: 'Cleartune' });
  await panel.getByRole('button', { name: 'Find in Sounds' }).click();
  await expect(frame.locator('button[data-button-name="sounds"]')).toHaveAttribute(
    'data-cleartune-match',
    '',
  );
  await expect(frame.getByRole('region', { name: 'Cleartune' })).toHaveCount(1);
  await expect(page.locator('[data-cleartune-ui="studio-panel"]')).toHaveCount(0);
});

test('when Studio markup does not match, the adapter does nothing and logs one line', async ({
  context,
  openPopup,
  collected,
}) => {
  await serveHtml(
    context,
    /tiktokstudio\/upload/,
    '<!doctype html><html lang="en"><body><div class="redesigned-uploader"><p>New uploader</p></div></body></html>',
  );
  await useTrack(await openPopup(), cmlTrack);
  const page = await context.newPage();
  watchErrors(page, collected);
  const lines: string[] = [];
  page.on('console', (message) => {
    if (message.text().startsWith('[Cleartune]')) lines.push(message.text());
  });
  await page.goto(UPLOAD_URL);
  await expect(page.locator('html')).toHaveAttribute('data-cleartune', 'ready');
  await page.evaluate(() => document.body.append(document.createElement('section')));
  await page.waitForTimeout(500);
  await expect(page.getByRole('region', { name: 'Cleartune' })).toHaveCount(0);
  expect(lines).toEqual([
    '[Cleartune] TikTok Studio: no composer markup found on the upload page; nothing to do',
  ]);
});
