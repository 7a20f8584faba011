import type { BrowserContext, Page } from '@playwright/test';
import { reactComposerHtml, serveHtml, useTrack } from '../fixtures/composers/serve';
import { CML_TRENDING_CLIP_ID, LAYERS_NOT_CLEARED_ID, layersNotClearedTrack } from '../fixtures/tracks';
import { type Collected, expect, serveFixturePage, test, watchErrors } from './fixtures';

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

  /** A composer with a sound id and both volumes at 50: no warning yet. */
  async function openWithVolumes(context: BrowserContext, collected: Collected): Promise<Page> {
    const page = await context.newPage();
    watchErrors(page, collected);
    await openWithSoundId(page);
    await page.getByLabel('Music volume').fill('50');
    await page.getByLabel('Original sound volume').fill('50');
    await expect(page.getByRole('alert')).toHaveCount(0);
    return page;
  }

  test('a draft upload with a sound id is warned about, dismissibly, without blocking the post', async ({
    context,
    collected,
  }) => {
    const page = await openWithVolumes(context, collected);

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

  test('a warning appearing or going away does not move the control in use', async ({
    context,
    collected,
  }) => {
    const page = await openWithVolumes(context, collected);

    /**
     * Changes a control from the page and waits, frame by frame, for Cleartune's warning with `text`
     * to show or go; answers how long that took and how far the control moved meanwhile.
     */
    const change = (selector: string, action: 'click' | 'clear', text: string, shown: boolean) =>
      page.evaluate(
        ({ selector, action, text, shown }) =>
          new Promise<{ ms: number; moved: number[] }>((resolve, reject) => {
            const control = document.querySelector<HTMLInputElement>(selector);
            if (!control) return reject(new Error(`no ${selector}`));
            const warningShown = () =>
              [...document.querySelectorAll('[data-cleartune-ui]')].some((host) =>
                [...(host.shadowRoot?.querySelectorAll('[role="alert"]') ?? [])].some(
                  (alert) => alert.textContent?.includes(text) && alert.getBoundingClientRect().height > 0,
                ),
              );
            const before = control.getBoundingClientRect();
            const start = performance.now();
            if (action === 'click') control.click();
            else {
              // As typing does: React hears the value through its native setter and an input event.
              const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
              setter?.call(control, '');
              control.dispatchEvent(new Event('input', { bubbles: true }));
            }
            const check = () => {
              if (warningShown() !== shown) {
                if (performance.now() - start > 2000) return reject(new Error(`"${text}" never changed`));
                return requestAnimationFrame(check);
              }
              const after = control.getBoundingClientRect();
              resolve({
                ms: performance.now() - start,
                moved: [
                  after.x - before.x,
                  after.y - before.y,
                  after.width - before.width,
                  after.height - before.height,
                ],
              });
            };
            requestAnimationFrame(check);
          }),
        { selector, action, text, shown },
      );

    const draft = 'input[name="data.TIKTOK.uploadToDraft"]';
    const ticked = await change(draft, 'click', DRAFT, true);
    expect(ticked.moved, 'the draft checkbox, as its warning appears (px)').toEqual([0, 0, 0, 0]);
    const unticked = await change(draft, 'click', DRAFT, false);
    expect(unticked.moved, 'the draft checkbox, as its warning goes (px)').toEqual([0, 0, 0, 0]);

    const volume = 'input[name="data.TIKTOK.musicSoundInfo.musicSoundVolume"]';
    const cleared = await change(volume, 'clear', SILENT, true);
    expect(cleared.moved, 'the music volume, as the silent-video warning appears (px)').toEqual([0, 0, 0, 0]);
    await expect(alert(page, SILENT)).toBeVisible();
    // Wall-clock figures are reported, not enforced here: the bench owns timings.
    test.info().annotations.push({
      type: 'warning latency (ms): tick, untick, clear volume',
      description: [ticked.ms, unticked.ms, cleared.ms].map((ms) => ms.toFixed(1)).join(', '),
    });
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
