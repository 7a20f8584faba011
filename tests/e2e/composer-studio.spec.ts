import { serveHtml, useTrack } from '../fixtures/composers/serve';
import { cmlTrack, layersNotClearedTrack } from '../fixtures/tracks';
import { expect, serveFixturePage, test, watchErrors } from './fixtures';

const UPLOAD_URL = 'https://www.tiktok.com/tiktokstudio/upload?from=creator_center&lang=en';
const FOUND = 'Found ♪ Lo-Fi analog beat — Gloveity: press “Use” on the highlighted sound.';

test('on the upload page, "Find in Sounds" opens the sounds panel, searches the title and highlights the track', async ({
  openPage,
  context,
  openPopup,
}) => {
  await serveFixturePage(context, /tiktokstudio\/upload/, 'studio-upload.html');
  await useTrack(await openPopup(), cmlTrack);
  const page = await openPage(UPLOAD_URL);
  const panel = page.getByRole('region', { name: 'Cleartune' });
  await expect(panel.getByText('♪ Lo-Fi analog beat — Gloveity')).toBeVisible();

  await panel.getByRole('button', { name: 'Find in Sounds' }).click();
  await expect(panel.getByRole('status')).toHaveText(
    'Open “Edit video” in Studio, then press Find in Sounds.',
  );

  await page.getByRole('button', { name: 'Edit video' }).click();
  await panel.getByRole('button', { name: 'Find in Sounds' }).click();
  await expect(panel.getByRole('status')).toHaveText(FOUND);
  await expect(page.getByPlaceholder('Search sounds')).toHaveValue('Lo-Fi analog beat');
  const card = page.locator('.music-card-container').filter({ hasText: 'Lo-Fi analog beat' });
  await expect(card).toHaveAttribute('data-cleartune-match', '');
  await expect(page.locator('[data-cleartune-match]')).toHaveCount(1);
});

test('in an open editor the match is accent-insensitive, and a track Studio lacks is said to be missing', async ({
  openPage,
  context,
  openPopup,
}) => {
  await serveFixturePage(context, /tiktokstudio\/upload/, 'studio-editor.html');
  const popup = await openPopup();
  await useTrack(popup, layersNotClearedTrack);
  const page = await openPage(UPLOAD_URL);
  const panel = page.getByRole('region', { name: 'Cleartune' });
  await panel.getByRole('button', { name: 'Find in Sounds' }).click();
  await expect(panel.getByRole('status')).toHaveText(/^Found ♪ Café del Mar \(Sped Up\) — Beyoncé Fans/);
  await expect(page.locator('[data-cleartune-match]')).toHaveText(/Cafe del Mar \(Sped Up\)\s*Beyonce Fans/);

  const reply = await useTrack(popup, cmlTrack);
  expect(reply.filledInto).toBe('TikTok Studio');
  await expect(panel.getByText('♪ Lo-Fi analog beat — Gloveity')).toBeVisible();
  await panel.getByRole('button', { name: 'Find in Sounds' }).click();
  await expect(panel.getByRole('status')).toHaveText(
    'TikTok Studio does not offer ♪ Lo-Fi analog beat — Gloveity here.',
    { timeout: 6000 },
  );
  await expect(page.locator('[data-cleartune-match]')).toHaveCount(0);
});

test('the older uploader wrapped in an iframe gets the panel inside the frame', async ({
  openPage,
  context,
  openPopup,
}) => {
  await serveFixturePage(context, /tiktokstudio\/upload/, 'studio-iframe.html');
  await serveFixturePage(context, /www\.tiktok\.com\/creator/, 'studio-iframe-inner.html');
  await useTrack(await openPopup(), cmlTrack);
  const page = await openPage(UPLOAD_URL);
  const frame = page.frameLocator('iframe[data-tt="Upload_index_iframe"]');
  const panel = frame.getByRole('region', { name: 'Cleartune' });
  await panel.getByRole('button', { name: 'Find in Sounds' }).click();
  await expect(panel.getByRole('status')).toHaveText(FOUND);
  await expect(frame.locator('[data-cleartune-match]')).toHaveText(/Lo-Fi analog beat/);
  // One panel in all: in the frame with the composer, none on the page around it.
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
