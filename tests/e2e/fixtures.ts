/**
 * The e2e harness: the system Chromium with the e2e build of the extension loaded, the contract
 * simulator answering for the real API hosts, fixture composer pages served at their real URLs, and
 * every console error and page error collected so a test fails on any of them.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  type BrowserContext,
  test as base,
  chromium,
  expect,
  type Page,
  type Worker,
} from '@playwright/test';

export const EXTENSION_PATH = path.resolve(process.env.CLEARTUNE_OUT_DIR ?? '.output', 'chrome-mv3-e2e');
export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const FIXTURE_DIR = path.resolve('tests/fixtures/pages');

export const CHROMIUM_ARGS = [
  `--disable-extensions-except=${EXTENSION_PATH}`,
  `--load-extension=${EXTENSION_PATH}`,
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--autoplay-policy=no-user-gesture-required',
];

/** The browser's UI language (`lang`, like `de` or `pt-BR`): what chrome.i18n.getUILanguage() answers. */
function languageArgs(lang: string | undefined): string[] {
  return lang ? [`--lang=${lang}`, `--accept-lang=${lang}`] : [];
}

export async function launchExtension(
  colorScheme: 'light' | 'dark' = 'light',
  { headless = true, lang }: { headless?: boolean; lang?: string } = {},
): Promise<BrowserContext> {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'cleartune-e2e-'));
  const args = headless ? CHROMIUM_ARGS : CHROMIUM_ARGS.filter((arg) => arg !== '--headless=new');
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROME_PATH,
    headless,
    colorScheme,
    args: [...args, ...languageArgs(lang)],
    // Chromium on Linux takes its UI language from LANGUAGE (--lang alone is not enough there, and
    // only with Debian's chromium-l10n installed); Playwright's `locale` is what pages are told.
    ...(lang
      ? {
          locale: lang,
          env: { ...process.env, LANGUAGE: lang.replace('-', '_'), LANG: `${lang.replace('-', '_')}.UTF-8` },
        }
      : {}),
    permissions: ['clipboard-read', 'clipboard-write'],
  });
}

export async function serviceWorkerOf(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

/** Serves `tests/fixtures/pages/<file>` whenever the browser asks for `url`. */
export async function serveFixturePage(
  context: BrowserContext,
  url: string | RegExp,
  file: string,
): Promise<void> {
  await context.route(url, (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: readFileSync(path.join(FIXTURE_DIR, file)),
    }),
  );
}

export interface Collected {
  errors: string[];
}

/** Records console errors and uncaught exceptions on a page; tests assert the list stays empty. */
export function watchErrors(page: Page, collected: Collected, ignore: RegExp[] = []): void {
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !ignore.some((re) => re.test(msg.text())))
      collected.errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => collected.errors.push(`pageerror: ${err.message}`));
}

interface Fixtures {
  context: BrowserContext;
  extensionId: string;
  background: Worker;
  collected: Collected;
  openPopup: () => Promise<Page>;
  openOptions: () => Promise<Page>;
  /** A new tab at `url` whose console and page errors fail the test. */
  openPage: (url: string) => Promise<Page>;
}

export const test = base.extend<Fixtures>({
  openPage: async ({ context, collected }, use) => {
    await use(async (url) => {
      const page = await context.newPage();
      watchErrors(page, collected);
      await page.goto(url);
      return page;
    });
  },
  // biome-ignore lint/correctness/noEmptyPattern: Playwright's fixture signature
  context: async ({}, use) => {
    const context = await launchExtension();
    await use(context);
    await context.close();
  },
  background: async ({ context }, use) => {
    await use(await serviceWorkerOf(context));
  },
  extensionId: async ({ background }, use) => {
    await use(new URL(background.url()).host);
  },
  // biome-ignore lint/correctness/noEmptyPattern: Playwright's fixture signature
  collected: async ({}, use) => {
    const collected: Collected = { errors: [] };
    await use(collected);
    expect(collected.errors, 'console errors and page errors').toEqual([]);
  },
  openPopup: async ({ context, extensionId, collected }, use) => {
    await use(async () => {
      const page = await context.newPage();
      watchErrors(page, collected);
      await page.setViewportSize({ width: 400, height: 600 });
      await page.goto(`chrome-extension://${extensionId}/popup.html`);
      return page;
    });
  },
  openOptions: async ({ context, extensionId, collected }, use) => {
    await use(async () => {
      const page = await context.newPage();
      watchErrors(page, collected);
      await page.goto(`chrome-extension://${extensionId}/options.html`);
      return page;
    });
  },
});

/** The shared fixtures, with the browser launched in the test's `lang` (`test.use({ lang: 'de' })`). */
export const languageTest = test.extend<{ lang: string }>({
  lang: ['en', { option: true }],
  context: async ({ lang }, use) => {
    const context = await launchExtension('light', { lang });
    await use(context);
    await context.close();
  },
});

export { expect };
