/**
 * The popup and the side panel in the browser's language: Chromium launched in each catalog's
 * language (German, Spanish, Brazilian Portuguese, Indonesian, Vietnamese) shows the finder's labels, rows, filters, payload dialog, empty state and History in that
 * language, with numbers and ages formatted for it; no text spills out of its box at the popup's
 * width or the panel's, and axe finds nothing serious or critical.
 */
import type { Page } from '@playwright/test';
import { DEMO_CREDENTIALS } from '../simulator';
import { catalog } from '../support/catalog';
import { expectNoSeriousViolations } from './axe-audit';
import { expect, languageTest as test } from './fixtures';
import { expectBrowserLanguage, overflowingText, plural } from './i18n-support';
import { ask, screenshotPath, setUpProviders } from './popup-support';

const english = catalog('en');

/** A message as a pattern: its `{name}`s and `$1` match anything. */
function pattern(message: string): RegExp {
  const parts = message.split(/\{\w+\}|\$1/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('.+')}$`);
}

async function expectTextInBoxes(page: Page, where: string): Promise<void> {
  expect(await overflowingText(page), `overflowing text in ${where}`).toEqual([]);
}

for (const lang of ['de', 'es', 'pt-BR', 'id', 'vi']) {
  test.describe(`browser in ${lang}`, () => {
    test.use({ lang });
    const t = catalog(lang);

    test('the popup speaks it, formats for it, keeps its text in its boxes and passes axe', async ({
      context,
      openPopup,
    }) => {
      test.setTimeout(90_000);
      await setUpProviders(context);
      const popup = await openPopup();
      await expectBrowserLanguage(popup, lang);
      await ask(popup, 'saveSettings', DEMO_CREDENTIALS);
      await popup.reload();

      await expect(popup.locator('html')).toHaveAttribute('lang', lang);
      const rows = popup.locator('.track-row');
      await expect(rows.first()).toBeVisible();
      const search = popup.getByRole('searchbox', { name: t('popup.search.label') });
      await expect(search).toHaveAttribute('placeholder', t('popup.search.placeholder'));
      const selects = ['popup.query.source', 'popup.query.genre', 'popup.query.range', 'popup.sort.label'];
      for (const key of selects) {
        await expect(popup.getByRole('combobox', { name: t(key), exact: true }), key).toBeVisible();
      }
      // Translated (German writes "Genre" too; the labels as a whole are not English).
      expect(selects.filter((key) => t(key) === english(key)).length).toBeLessThan(2);
      await expect(popup.locator('.data-age')).toHaveText(
        pattern(t('popup.status.updated').replace(/^./, (c) => c.toUpperCase())),
      );
      await expect(popup.locator('.result-count')).toHaveText(
        pattern(t('popup.count').split(' | ')[1] ?? ''),
      );
      const first = rows.first();
      const title = (await first.locator('.title').textContent()) ?? '';
      await expect(first.getByRole('button', { name: t('popup.row.useLabel', { title }) })).toHaveText(
        t('popup.row.use'),
      );
      await expect(first.getByRole('button', { name: t('popup.row.copyLabel', { title }) })).toHaveText(
        t('popup.row.copy'),
      );
      await expect(first.locator('.badge').first()).toHaveText(
        new RegExp(`^(${t('popup.chip.cleared')}|${t('popup.chip.uncleared')}|${t('popup.chip.chosen')})$`),
      );
      // Layers' use counts in the language's compact notation ("12.300" in German, "12,3 mil" in Spanish).
      const uses = popup.locator('.uses').first();
      if (await uses.count())
        await expect(uses).toHaveText(pattern(t('popup.row.uses').split(' | ')[1] ?? ''));
      await expectTextInBoxes(popup, 'the list');
      if (lang === 'de') {
        // The README's picture of the popup in another language, covers in.
        await popup.waitForFunction(
          () =>
            document.querySelectorAll('img.cover').length > 0 &&
            [...document.images].every((img) => img.complete),
        );
        await popup.screenshot({ path: screenshotPath('popup-de.png') });
      }

      // Filters: every label and the rotation's plural.
      await popup.getByRole('button', { name: t('popup.filters.title'), exact: true }).click();
      for (const key of ['popup.filters.cleared', 'popup.filters.favorites', 'popup.filters.trending']) {
        await expect(popup.getByRole('checkbox', { name: t(key) }), key).toBeVisible();
      }
      await expect(
        popup.getByRole('checkbox', { name: plural(t('popup.filters.hideUsed'), 14) }),
      ).toBeVisible();
      await expect(popup.getByRole('combobox', { name: t('popup.filters.duration') })).toHaveValue('any');
      await expectTextInBoxes(popup, 'the filters');
      await expectNoSeriousViolations(popup);

      // The payload dialog.
      await first.getByRole('button', { name: t('popup.row.payloadLabel', { title }) }).click();
      const dialog = popup.getByRole('dialog');
      await expect(dialog.getByRole('heading', { name: t('popup.payload.title', { title }) })).toBeVisible();
      await expect(dialog.getByRole('button', { name: t('popup.payload.copy') })).toBeVisible();
      await expectTextInBoxes(popup, 'the payload dialog');
      await expectNoSeriousViolations(popup);
      await dialog.getByRole('button', { name: t('popup.close') }).click();

      // An empty result names the search and offers to clear it.
      await search.fill('zzqx no such track');
      await expect(popup.getByText(t('popup.empty.search', { search: 'zzqx no such track' }))).toBeVisible();
      await expectTextInBoxes(popup, 'the empty state');
      await popup.getByRole('button', { name: t('popup.empty.clearSearch') }).click();
      await expect(rows.first()).toBeVisible();

      // History.
      await popup.getByRole('button', { name: t('popup.header.history') }).click();
      await expect(popup.getByRole('button', { name: t('popup.header.history') })).toHaveAttribute(
        'aria-pressed',
        'true',
      );
      await expectTextInBoxes(popup, 'History');
      await expectNoSeriousViolations(popup);
    });

    test('the side panel speaks it beside the page, its text in its boxes', async ({
      context,
      extensionId,
      openPage,
    }) => {
      test.setTimeout(60_000);
      await setUpProviders(context);
      const panel = await openPage(`chrome-extension://${extensionId}/sidepanel.html`);
      await panel.setViewportSize({ width: 360, height: 800 });
      await ask(panel, 'saveSettings', DEMO_CREDENTIALS);
      await panel.reload();
      await expect(panel.locator('html')).toHaveAttribute('lang', lang);
      await expect(panel.locator('.track-row').first()).toBeVisible();
      await expect(panel.locator('.tab-status')).toHaveText(t('popup.tab.none'));
      await expect(panel.getByRole('button', { name: t('popup.header.refresh') })).toBeVisible();
      await expectTextInBoxes(panel, 'the side panel');
      await expectNoSeriousViolations(panel);
    });
  });
}
