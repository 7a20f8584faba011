/// <reference types="chrome" />
/**
 * The in-page UI in the browser's language: Chromium launched in German, Spanish and Vietnamese shows the
 * Insert button, its chip, the warnings, the fill message and the TikTok Studio panel from that
 * catalog (lib/shared/locales, `content.*`), no text spills out of Cleartune's boxes, and axe finds
 * nothing serious or critical. Studio's own words on the page stay Studio's.
 */
import type { Page } from '@playwright/test';
import { reactComposerHtml, serveHtml, useTrack } from '../fixtures/composers/serve';
import { CML_FULL_CLIP_ID, CML_TRENDING_CLIP_ID, cmlTrack } from '../fixtures/tracks';
import { catalog } from '../support/catalog';
import { axeAudit, expectNoSeriousViolations } from './axe-audit';
import { expect, languageTest, serveFixturePage } from './fixtures';
import { serveMedia } from './popup-support';

const english = catalog('en');
const REACT_URL = 'https://composer.test/react';
const UPLOAD_URL = 'https://www.tiktok.com/tiktokstudio/upload?from=creator_center';
const TRACK_LABEL = '♪ Lo-Fi analog beat — Gloveity';

const test = languageTest;

/**
 * Text in Cleartune's in-page UI (its shadow roots: open in the e2e build) that is wider or taller
 * than its box, or that pokes out of the box it sits in: what a reader would see cut off or spilling
 * over the page. Inline boxes are measured by their text's own rectangles against their container.
 */
function overflowingText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const name = (element: Element) =>
      `<${element.localName}> "${(element.textContent ?? '').trim().slice(0, 50)}"`;
    for (const host of document.querySelectorAll('[data-cleartune-ui]')) {
      const root = host.shadowRoot;
      if (!root) continue;
      for (const element of root.querySelectorAll<HTMLElement>('*')) {
        if (element.localName === 'style' || element.getClientRects().length === 0) continue;
        if (element.clientWidth > 0 && element.scrollWidth > element.clientWidth + 1)
          found.push(`${name(element)}: ${element.scrollWidth} > ${element.clientWidth} wide`);
        if (element.clientHeight > 0 && element.scrollHeight > element.clientHeight + 1)
          found.push(`${name(element)}: ${element.scrollHeight} > ${element.clientHeight} high`);
        const box = element.getBoundingClientRect();
        for (const node of element.childNodes) {
          if (node.nodeType !== Node.TEXT_NODE || (node.textContent ?? '').trim() === '') continue;
          const range = document.createRange();
          range.selectNodeContents(node);
          for (const line of range.getClientRects()) {
            if (
              line.left < box.left - 1 ||
              line.right > box.right + 1 ||
              line.top < box.top - 1 ||
              line.bottom > box.bottom + 1
            )
              found.push(`${name(element)}: its text pokes out of its box`);
          }
        }
      }
    }
    const page = document.documentElement;
    if (page.scrollWidth > page.clientWidth + 1)
      found.push(`the page scrolls sideways: ${page.scrollWidth} > ${page.clientWidth}`);
    return [...new Set(found)];
  });
}

/** As `expectNoSeriousViolations`, for what Cleartune adds only: the Studio fixture stands in for a site we do not control. */
async function expectNoSeriousViolationsInOurs(page: Page): Promise<void> {
  const results = await axeAudit(page).include('[data-cleartune-ui]').analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
  expect(serious).toEqual([]);
  expect(results.passes.map((rule) => rule.id)).toEqual(
    expect.arrayContaining(['button-name', 'color-contrast']),
  );
}

for (const lang of ['de', 'es', 'vi']) {
  test.describe(`browser in ${lang}`, () => {
    test.use({ lang });
    const t = catalog(lang);

    test('a composer: the Insert button, its chip, the warnings and the fill message speak it', async ({
      context,
      background,
      openPage,
      openPopup,
    }) => {
      test.setTimeout(60_000);
      expect(await background.evaluate(() => chrome.i18n.getUILanguage())).toMatch(new RegExp(`^${lang}\\b`));
      for (const key of ['content.insert', 'content.draft', 'content.filled', 'content.rules.silent'])
        expect(t(key), key).not.toBe(english(key));

      await serveHtml(context, REACT_URL, await reactComposerHtml());
      const popup = await openPopup();
      await useTrack(popup, cmlTrack);
      const page = await openPage(REACT_URL);
      const soundId = page.getByLabel('Music sound ID');

      // The chip's question, with Replace, on a value typed by hand; Undo after the fill.
      await soundId.fill('6817312022837872642');
      await page.getByRole('button', { name: t('content.insert') }).click();
      await expect(
        page.getByText(t('content.holds', { value: '6817312022837872642', track: TRACK_LABEL })),
      ).toBeVisible();
      expect(await overflowingText(page), 'overflowing text in the chip').toEqual([]);
      await page.getByRole('button', { name: t('content.replace') }).click();
      await expect(soundId).toHaveValue(CML_TRENDING_CLIP_ID);
      await expect(page.getByRole('button', { name: t('content.undo') })).toBeVisible();

      // A sound id without volumes, on a draft: two warnings with their buttons.
      await page.getByLabel('Upload to draft').check();
      const silent = page.getByRole('alert').filter({ hasText: t('content.rules.silent') });
      const draft = page.getByRole('alert').filter({ hasText: t('content.draft') });
      await expect(silent).toBeVisible();
      await expect(draft).toBeVisible();
      await expect(silent.getByRole('button', { name: t('content.setVolumes') })).toBeVisible();
      await expect(draft.getByRole('button', { name: t('content.dismiss') })).toBeVisible();
      // A volume out of range is flagged beside its field.
      await page.getByLabel('Music volume').fill('150');
      await expect(page.getByText(t('content.rules.volumeRange', { min: '0', max: '100' }))).toBeVisible();
      expect(await overflowingText(page), 'overflowing text in the warnings').toEqual([]);
      await expectNoSeriousViolations(page);

      // "Use" from the popup fills the composer worked in last and answers in the same language.
      await page.getByLabel('Music volume').click();
      const reply = await useTrack(popup, cmlTrack, 'full');
      expect(reply).toEqual({
        filledInto: 'composer.test',
        message: t('content.filled', { site: 'composer.test' }),
      });
      await expect(soundId).toHaveValue(CML_FULL_CLIP_ID);

      // A photo post: the note says what TikTok takes there.
      await page.getByRole('radio', { name: 'Photos' }).check();
      await expect(page.getByRole('note')).toHaveText(t('content.rules.photo'));
      expect(await overflowingText(page), 'overflowing text in the photo note').toEqual([]);
      await expectNoSeriousViolations(page);
    });

    test('TikTok Studio: the panel speaks it, names Studio’s buttons as Studio does, and passes axe', async ({
      context,
      openPage,
      openPopup,
    }) => {
      test.setTimeout(60_000);
      await serveMedia(context);
      await serveFixturePage(context, /tiktokstudio\/upload/, 'studio-video.html');
      await useTrack(await openPopup(), cmlTrack);
      const page = await openPage(`${UPLOAD_URL}&state=uploaded`);
      // Its accessible name is the product's, in every language.
      const panel = page.getByRole('region', { name: 'Cleartune' });
      const status = panel.getByRole('status');
      await expect(panel.getByRole('heading', { name: t('content.studio.heading') })).toBeVisible();
      await expect(panel.getByRole('button', { name: t('content.studio.hide') })).toBeVisible();

      await panel.getByRole('button', { name: t('content.studio.find') }).click();
      await expect(status).toHaveText(t('content.studio.pressSounds'));
      expect(await overflowingText(page), 'overflowing text in the panel').toEqual([]);
      await page.locator('button[data-button-name="sounds"]').click();
      // The tab is named as Studio shows it (this fixture's Studio is in English).
      await expect(status).toHaveText(t('content.studio.otherTab', { tab: 'Unlimited' }), { timeout: 8000 });
      await page.locator('button[role="tab"]#unlimited').click();
      await expect(status).toHaveText(t('content.studio.foundVideo'), { timeout: 8000 });
      await page.locator('[data-cleartune-match] .MusicPanelMusicItem__operation button').click();
      await expect(panel.getByRole('alert')).toHaveText(t('content.studio.save'));
      expect(await overflowingText(page), 'overflowing text in the panel').toEqual([]);
      await expectNoSeriousViolationsInOurs(page);
      await page.locator('.clip-forge-editor-header-right .Button__root--type-primary').click();
      await expect(
        panel.getByText(t('content.studio.attached', { title: 'Lo-Fi analog beat' })),
      ).toBeVisible();
    });

    if (lang === 'de')
      test('TikTok Studio in German: the panel names “Sound hinzufügen” and “Verwenden” as Studio shows them', async ({
        context,
        openPage,
        openPopup,
      }) => {
        await serveMedia(context);
        await serveFixturePage(context, /tiktokstudio\/upload/, 'studio-photo.html');
        await useTrack(await openPopup(), {
          ...cmlTrack,
          title: 'Glasshouse Parade',
          artist: 'The Lanterns',
        });
        const page = await openPage(`${UPLOAD_URL}&state=uploaded&lang=de`);
        const panel = page.getByRole('region', { name: 'Cleartune' });
        await panel.getByRole('button', { name: t('content.studio.find') }).click();
        await expect(panel.getByRole('status')).toHaveText(t('content.studio.pressAddSound'));
        expect(t('content.studio.pressAddSound')).toContain('„Sound hinzufügen“');
        const add = page.getByRole('button', { name: 'Sound hinzufügen' });
        await expect(add).toHaveAttribute('data-cleartune-match', '');
        await add.click();
        await expect(panel.getByRole('status')).toHaveText(t('content.studio.foundPhoto'), { timeout: 8000 });
        expect(t('content.studio.foundPhoto')).toContain('„Verwenden“');
        await expect(
          page.locator('[data-cleartune-match]').getByRole('button', { name: 'Verwenden' }),
        ).toBeVisible();
        expect(await overflowingText(page), 'overflowing text in the panel').toEqual([]);
        await expectNoSeriousViolationsInOurs(page);
      });
  });
}
