/// <reference types="chrome" />
/**
 * The options page in the browser's language: Chromium launched in German and in Spanish shows its
 * headings, buttons and messages from that catalog (lib/shared/locales), no text spills out of its
 * box at a desktop width or a narrow one, and axe finds nothing serious or critical.
 */
import { DEMO_CREDENTIALS } from '../simulator';
import { catalog } from '../support/catalog';
import { expectNoSeriousViolations } from './axe-audit';
import { expect, languageTest } from './fixtures';
import { expectBrowserLanguage, overflowingText, plural } from './i18n-support';
import { ask, setUpProviders } from './popup-support';

const english = catalog('en');

/** The page's section headings, in order. */
const HEADINGS = [
  'options.providers.title',
  'options.defaults.title',
  'options.sites.title',
  'options.toolbar.title',
  'options.transfer.title',
  'options.usage.title',
  'options.rotation.title',
  'options.alerts.title',
];

const test = languageTest;

for (const lang of ['de', 'es']) {
  test.describe(`browser in ${lang}`, () => {
    test.use({ lang });
    const t = catalog(lang);

    test('the options page speaks it, keeps its text in its boxes and passes axe', async ({
      context,
      openOptions,
    }) => {
      test.setTimeout(60_000);
      await setUpProviders(context);
      const options = await openOptions();
      await expectBrowserLanguage(options, lang);
      await ask(options, 'saveSettings', DEMO_CREDENTIALS);
      await options.reload();

      await expect(options.locator('html')).toHaveAttribute('lang', lang);
      await expect(options).toHaveTitle(t('options.title'));
      await expect(options.getByRole('heading', { level: 1 })).toHaveText(t('options.title'));
      const headings = HEADINGS.map((key) => t(key));
      await expect(options.getByRole('heading', { level: 2 })).toHaveText(headings);
      // Translated (a word like "Rotation" may be spelled alike, the page as a whole is not).
      expect(headings.filter((text, i) => text === english(HEADINGS[i] ?? '')).length).toBeLessThan(2);

      await expect(options.getByRole('combobox', { name: t('options.providers.team') })).toHaveValue(
        DEMO_CREDENTIALS.teamId,
      );
      for (const [key, named] of [
        ['options.providers.testLabel', { name: 'bundle.social' }],
        ['options.providers.testLabel', { name: 'Layers' }],
        ['options.providers.remove', { name: 'Layers' }],
        ['options.defaults.save', {}],
        ['options.sites.add', {}],
        ['options.transfer.export', {}],
        ['options.usage.exportUsage', { format: 'CSV' }],
        ['options.usage.exportFavorites', { format: 'JSON' }],
        ['options.rotation.save', {}],
        ['options.alerts.allOff', {}],
      ] as const) {
        const name = t(key, named);
        expect(name, key).not.toBe(english(key, named));
        await expect(options.getByRole('button', { name, exact: true }), key).toBeVisible();
      }
      await expect(options.getByRole('radio', { name: t('options.toolbar.sidePanel') })).toBeVisible();
      await expect(options.getByRole('textbox', { name: t('options.sites.address') })).toBeVisible();

      // Messages too: a passed test, a refused address, a saved rotation (a plural).
      await options
        .getByRole('button', { name: t('options.providers.testLabel', { name: 'bundle.social' }) })
        .click();
      await expect(options.getByText(t('options.providers.passed', { result: '' }).trim())).toBeVisible();
      await options
        .getByRole('textbox', { name: t('options.sites.address') })
        .fill('https://app.example.com:8443');
      await options.getByRole('button', { name: t('options.sites.add'), exact: true }).click();
      await expect(
        options.getByText(
          t('options.sites.port', {
            site: 'https://app.example.com',
            host: 'app.example.com:8443',
            hostname: 'app.example.com',
          }),
        ),
      ).toBeVisible();
      const days = options.getByRole('spinbutton', { name: t('options.rotation.label') });
      await days.fill('21');
      await days.press('Enter');
      // (14 days is the default: another number, so something is saved.)
      await expect(options.getByText(plural(t('options.rotation.saved'), 21), { exact: true })).toBeVisible();

      for (const width of [1024, 420]) {
        await options.setViewportSize({ width, height: 900 });
        expect(await overflowingText(options), `overflowing text at ${width}px`).toEqual([]);
      }
      await expectNoSeriousViolations(options);
    });
  });
}
