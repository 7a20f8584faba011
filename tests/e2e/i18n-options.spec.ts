/// <reference types="chrome" />
/**
 * The options page in the browser's language: Chromium launched in German and in Spanish shows its
 * headings, buttons and messages from that catalog (lib/shared/locales), no text spills out of its
 * box at a desktop width or a narrow one, and axe finds nothing serious or critical.
 */
import { existsSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { DEMO_CREDENTIALS } from '../simulator';
import { catalog } from '../support/catalog';
import { expectNoSeriousViolations } from './axe-audit';
import { expect, languageTest } from './fixtures';
import { ask, setUpProviders } from './popup-support';

/**
 * Debian's Chromium switches its UI language only with the locale files of chromium-l10n; without
 * them chrome.i18n.getUILanguage() stays en-US whatever the flags say.
 */
const DEBIAN_LOCALES = '/usr/lib/chromium/locales';

const english = catalog('en');

/** A plural's form for `count`, as @wxt-dev/i18n picks it (`1: …` or `n: …`), `$1` filled in. */
function plural(message: string, count: number): string {
  const forms = message.split(' | ');
  return (forms[count === 1 ? 0 : forms.length - 1] ?? '').replaceAll('$1', String(count));
}

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

/**
 * Elements whose own text is wider than their box: what a reader would see cut off or spilling over
 * the next thing (inline boxes, with no width of their own, are measured through their blocks), a
 * placeholder wider than its field, and a page that scrolls sideways.
 */
function overflowingText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>('body *')) {
      const ownText = [...element.childNodes].some(
        (node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== '',
      );
      if (!ownText || element.clientWidth === 0) continue;
      if (element.scrollWidth > element.clientWidth + 1)
        found.push(
          `<${element.tagName.toLowerCase()}> "${(element.textContent ?? '').trim().slice(0, 60)}": ${element.scrollWidth} > ${element.clientWidth}`,
        );
    }
    // A placeholder is cut off silently: measured in the field's font against the room inside it.
    const ruler = document.createElement('canvas').getContext('2d');
    for (const field of document.querySelectorAll<HTMLInputElement>('input[placeholder]')) {
      const style = getComputedStyle(field);
      if (!ruler || field.value !== '' || field.clientWidth === 0) continue;
      ruler.font = style.font;
      const room =
        field.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight);
      const width = ruler.measureText(field.placeholder).width;
      if (width > room + 1) found.push(`placeholder "${field.placeholder}": ${Math.ceil(width)} > ${room}`);
    }
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1)
      found.push(`the page scrolls sideways: ${root.scrollWidth} > ${root.clientWidth}`);
    return found;
  });
}

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
      const pak = `${DEBIAN_LOCALES}/${lang}.pak`;
      expect(
        !existsSync(DEBIAN_LOCALES) || existsSync(pak),
        `Chromium lacks ${pak}: install Debian's chromium-l10n (apt-get install chromium-l10n)`,
      ).toBe(true);
      expect(await options.evaluate(() => chrome.i18n.getUILanguage())).toMatch(new RegExp(`^${lang}\\b`));
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
