import { useTrack } from '../fixtures/composers/serve';
import { CML_TRENDING_CLIP_ID, cmlTrack, LAYERS_CLEARED_ID, layersClearedTrack } from '../fixtures/tracks';
import { expect, serveFixturePage, test } from './fixtures';

const INSERT = { name: 'Insert chosen track' } as const;

test('fields that render seconds after load are recognised, and a new field gets its button within 500 ms', async ({
  openPage,
  context,
}) => {
  await serveFixturePage(context, 'https://composer.test/plain-snake', 'snake-composer.html');
  const page = await openPage('https://composer.test/plain-snake');
  await expect(page.getByRole('button', INSERT)).toHaveCount(1);
  // The page styles every button black-on-black at 40px; ours keep their own look.
  const look = await page
    .getByRole('button', INSERT)
    .evaluate((button) => [getComputedStyle(button).backgroundColor, getComputedStyle(button).fontSize]);
  expect(look).toEqual([expect.not.stringMatching(/^rgb\(0, 0, 0\)$/), '13px']);
  await expect(page.getByLabel('Trim end')).toBeVisible();
  await page.getByLabel('Post type').selectOption('IMAGE');
  await expect(page.getByLabel('Trim end')).toBeHidden();

  const elapsed = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const wrapper = document.createElement('div');
        wrapper.innerHTML =
          '<label for="late-id">Song clip ID</label><input id="late-id" name="song_clip_id">';
        const started = performance.now();
        new MutationObserver((_, observer) => {
          if (wrapper.querySelector('[data-cleartune-ui="field"]')) {
            observer.disconnect();
            resolve(performance.now() - started);
          }
        }).observe(wrapper, { childList: true, subtree: true });
        document.body.append(wrapper);
      }),
  );
  test.info().annotations.push({ type: 'field-to-button-ms', description: elapsed.toFixed(1) });
  expect(elapsed).toBeLessThan(500);
  await expect(page.getByRole('button', INSERT)).toHaveCount(2);
});

test('SPA navigation swaps composers: each view gets the right buttons and nothing stale is left', async ({
  openPage,
  context,
  openPopup,
}) => {
  await serveFixturePage(context, /https:\/\/composer\.test\/spa\/.*/, 'spa-composer.html');
  await useTrack(await openPopup(), layersClearedTrack);
  const page = await openPage('https://composer.test/spa/home');
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  await expect(page.getByRole('button', INSERT)).toHaveCount(0);

  await page.getByRole('link', { name: 'TikTok post' }).click();
  await expect(page.getByRole('button', INSERT)).toHaveCount(1);
  await page.getByRole('button', INSERT).click();
  await expect(page.getByText(/this field takes a CML sound id/)).toBeVisible();

  await page.getByRole('link', { name: 'Layers target' }).click();
  await expect(page.getByRole('button', INSERT)).toHaveCount(1);
  await page.getByRole('button', INSERT).click();
  await expect(page.getByPlaceholder('Track ID')).toHaveValue(LAYERS_CLEARED_ID);

  await page.goBack();
  await expect(page.getByRole('heading', { name: 'TikTok post' })).toBeVisible();
  await expect(page.getByRole('button', INSERT)).toHaveCount(1);
  await page.getByRole('link', { name: 'Home' }).click();
  await expect(page.getByRole('button', INSERT)).toHaveCount(0);
  await expect(page.locator('[data-cleartune-ui]:not(style)')).toHaveCount(0);
});

test('composers inside same-origin frames are handled once each, with or without their own script', async ({
  openPage,
  context,
  openPopup,
}) => {
  await serveFixturePage(context, 'https://composer.test/frames', 'iframe-composer.html');
  await serveFixturePage(context, 'https://composer.test/frame-inner', 'frame-inner.html');
  const popup = await openPopup();
  await useTrack(popup, cmlTrack);
  const page = await openPage('https://composer.test/frames');
  const srcdoc = page.frameLocator('#srcdoc-frame');
  const framed = page.frameLocator('#src-frame');
  await expect(srcdoc.getByRole('button', INSERT)).toHaveCount(1);
  await expect(framed.getByRole('button', INSERT)).toHaveCount(1);
  await page.waitForTimeout(300);
  await expect(srcdoc.getByRole('button', INSERT)).toHaveCount(1);
  await expect(framed.getByRole('button', INSERT)).toHaveCount(1);

  await srcdoc.getByRole('button', INSERT).click();
  await expect(srcdoc.getByLabel('Sound ID')).toHaveValue(CML_TRENDING_CLIP_ID);

  // "Use" goes to the frame the user focused last: wait until the background has heard of that focus.
  // The srcdoc frame is handled by the page's own script (frame 0); the framed page has its own, so
  // its focus names another frame. (A late report of the srcdoc click must not pass for it.)
  const lastFrame = () =>
    popup.evaluate(
      async () =>
        ((await chrome.storage.local.get('lastComposer')).lastComposer as { frameId?: number } | undefined)
          ?.frameId ?? 0,
    );
  await framed.getByLabel('Track ID').click();
  await expect.poll(lastFrame).toBeGreaterThan(0);
  const reply = await useTrack(popup, layersClearedTrack);
  expect(reply).toEqual({ filledInto: 'composer.test', message: 'Filled into composer.test' });
  await expect(framed.getByLabel('Track ID')).toHaveValue(LAYERS_CLEARED_ID);
});

test('a page without a composer is left alone', async ({ openPage, context }) => {
  await serveFixturePage(context, /https:\/\/composer\.test\/spa\/.*/, 'spa-composer.html');
  const page = await openPage('https://composer.test/spa/home');
  await page.evaluate(async () => {
    for (let i = 0; i < 200; i++) {
      const row = document.createElement('p');
      row.innerHTML = `<input name="comment_${i}" aria-label="Comment ${i}">`;
      document.body.append(row);
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  });
  await page.waitForTimeout(200);
  await expect(page.locator('[data-cleartune-ui]:not(style)')).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('reloading the extension removes every element, attribute and listener it added to the page', async ({
  openPage,
  context,
  openPopup,
}) => {
  await serveFixturePage(context, 'https://composer.test/plain-snake', 'snake-composer.html');
  const popup = await openPopup();
  await useTrack(popup, cmlTrack);
  const page = await openPage('https://composer.test/plain-snake');
  await expect(page.getByLabel('Trim end')).toBeVisible();
  await page.getByRole('button', INSERT).click();
  await page.getByLabel('Post type').selectOption('IMAGE');
  await expect(page.getByLabel('Trim end')).toBeHidden();
  await expect(page.locator('[data-cleartune-ui]')).not.toHaveCount(0);

  await popup.evaluate(() => chrome.runtime.reload()).catch(() => {});
  await expect(page.locator('[data-cleartune-ui]')).toHaveCount(0, { timeout: 5000 });
  await expect(
    page.locator('[data-cleartune-photo-hidden], [data-cleartune-owner], [data-cleartune]'),
  ).toHaveCount(0);
  await expect(page.getByLabel('Trim end')).toBeVisible();
  await expect(page.getByLabel('Trim end')).toBeEnabled();
  // The fill itself stays: it is the user's form now.
  await expect(page.getByLabel('Music sound ID')).toHaveValue(CML_TRENDING_CLIP_ID);

  // With the listeners gone, changes to the form draw no reaction and no error.
  await page.getByLabel('Post type').selectOption('VIDEO');
  await page.getByLabel('Post type').selectOption('IMAGE');
  await page.waitForTimeout(300);
  await expect(page.getByLabel('Trim end')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});
