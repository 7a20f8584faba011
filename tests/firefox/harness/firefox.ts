/**
 * Firefox ESR over WebDriver BiDi (puppeteer-core): the e2e archive installed as a user installs an
 * add-on (permanently, from the .zip), every request sent through the test proxy, pages opened the
 * way the browser opens them, the sidebar and the toolbar popup reached through frame scripts, and
 * every error from any Firefox process collected so a test fails on it.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import {
  addTab,
  answerPermissionPrompt,
  backgroundState,
  closeSidebar,
  collectErrors,
  contextMenu,
  inView,
  pressShortcut,
  pressToolbarButton,
  readClipboard,
  setOffline,
  sidebarOpened,
  suspendBackground,
  takeErrors,
  VIEW_BROWSER,
  viewUrl,
} from './chrome-scripts';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const OUT_DIR = path.resolve(process.env.CLEARTUNE_FIREFOX_OUT_DIR ?? '.output-firefox');
export const GECKO_ID = 'cleartune@cleartune.app';
/** Fixed by the `extensions.webextensions.uuids` pref, so extension pages have a known origin. */
export const EXTENSION_UUID = '7c1e4b2a-9d3f-4e5a-8b6c-0f1a2d3e4c5b';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

/** The archive `npm run build:firefox-tests` makes: the Firefox e2e build, zipped. */
export function e2eArchive(): string {
  const name = readdirSync(OUT_DIR).find((file) => /-firefox-e2e\.zip$/.test(file));
  if (!name) throw new Error(`no *-firefox-e2e.zip in ${OUT_DIR}: run npm run build:firefox-tests`);
  return path.join(OUT_DIR, name);
}

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

interface EvaluateResult {
  type: 'success' | 'exception';
  result?: { type: string; value?: unknown };
  exceptionDetails?: { text: string };
}

/** The sidebar or the toolbar popup: an extension page in a browser view WebDriver cannot reach. */
export interface ExtensionView {
  /** The URL the view shows (null when it is not open). */
  url(): Promise<string | null>;
  /** Runs `fn(window, ...args)` in the view's page (DOM access only) and answers its result. */
  run<T, A extends unknown[]>(fn: (window: Window, ...args: A) => T | Promise<T>, ...args: A): Promise<T>;
}

export interface Firefox {
  browser: Browser;
  /** Opens an extension page (`popup.html`, `options.html`…) in a new, selected tab. */
  openExtensionPage(file: string, viewport?: { width: number; height: number }): Promise<Page>;
  /** The tab showing `url` (one Firefox or the add-on opened), once it shows it. */
  pageAt(url: string): Promise<Page>;
  /** Opens `url` in a new, selected tab. */
  openPage(url: string): Promise<Page>;
  sidebar: ExtensionView;
  /** The toolbar button's popup panel (open it with `pressToolbarButton`). */
  popup: ExtensionView;
  /** Presses the add-on's toolbar button, as a person's click does. */
  pressToolbarButton(): Promise<void>;
  closeSidebar(): Promise<void>;
  /** Runs the add-on's shortcut (e.g. `I`, `alt,shift`) as a key press does; false if unregistered. */
  pressShortcut(key: string, modifiers: string): Promise<boolean>;
  /**
   * Waits for the page context menu a right-click opened (and, up to 8 s, for an item of the
   * add-on labelled `expected`…); answers the add-on's items in it and activates the one whose
   * label starts with `choose` (or closes the menu).
   */
  contextMenu(
    expected: string | null,
    choose?: string | null,
  ): Promise<{ label: string; enabled: boolean }[]>;
  /** Stops the event page as Firefox does when it is idle; answers its state afterwards. */
  suspendBackground(): Promise<string>;
  /** The event page's state (`running`, `stopped`…). */
  backgroundState(): Promise<string>;
  /**
   * Answers Firefox's add-on permission prompt (allow or deny) once it shows; answers the lines it
   * listed (e.g. "Access your data for …").
   */
  answerPermissionPrompt(allow: boolean): Promise<string[]>;
  /** The text on the clipboard. */
  clipboardText(): Promise<string | null>;
  /** Firefox's offline mode on or off. */
  setOffline(offline: boolean): Promise<void>;
  /** Errors from every Firefox process since the last call (the background page included). */
  takeErrors(): Promise<string[]>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  proxyPort: number;
  /** A profile to keep (a restart test passes the same one twice); a fresh one otherwise. */
  userDataDir?: string;
  /** Install the archive (false when the profile already has it). Default true. */
  install?: boolean;
}

function prefs(proxyPort: number): Record<string, unknown> {
  return {
    'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
    // The e2e archive is unsigned; ESR honours this, release builds do not.
    'xpinstall.signatures.required': false,
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': proxyPort,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': proxyPort,
    'network.proxy.no_proxies_on': '',
    // What geckodriver sets: no remote settings traffic, no first-run pages.
    'services.settings.server': 'data:,#remote-settings-dummy/v1',
    'browser.startup.homepage_override.mstone': 'ignore',
    'datareporting.policy.dataSubmissionEnabled': false,
    'media.autoplay.default': 0,
    'media.cubeb.force_mock_context': true,
  };
}

export async function launchFirefox(options: LaunchOptions): Promise<Firefox> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    acceptInsecureCerts: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: prefs(options.proxyPort),
    ...(options.userDataDir ? { userDataDir: options.userDataDir } : {}),
    protocolTimeout: 60_000,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  const connection = (browser as unknown as { connection: BidiConnection }).connection;

  const evaluate = async (context: string, expression: string): Promise<unknown> => {
    const { result } = await connection.send('script.evaluate', {
      target: { context },
      expression,
      awaitPromise: true,
    });
    const answer = result as EvaluateResult;
    if (answer.type !== 'success')
      throw new Error(`in Firefox: ${answer.exceptionDetails?.text ?? 'failed'}`);
    return answer.result?.type === 'null' ? null : answer.result?.value;
  };

  const chromeContexts = async () => {
    const { result } = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
    const contexts = (result as { contexts: { context: string; url: string; children?: unknown[] }[] })
      .contexts;
    const window = contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml');
    if (!window) throw new Error('no browser window');
    return window as { context: string; children?: { context: string; 'moz:name'?: string }[] };
  };
  const inWindow = async (expression: string) => evaluate((await chromeContexts()).context, expression);
  const inSidebarDocument = async (expression: string) => {
    const window = await chromeContexts();
    const sidebar = window.children?.find((c) => c['moz:name'] === 'sidebar');
    if (!sidebar) throw new Error('the sidebar is not open');
    return evaluate(sidebar.context, expression);
  };
  const view = (
    inDocument: (expression: string) => Promise<unknown>,
    findBrowser: string,
  ): ExtensionView => ({
    url: async () => (await inDocument(viewUrl(findBrowser)).catch(() => null)) as string | null,
    async run(fn, ...args) {
      return JSON.parse((await inDocument(inView(findBrowser, fn.toString(), args))) as string);
    },
  });

  try {
    await inWindow(collectErrors);
    if (options.install !== false) {
      await connection.send('webExtension.install', {
        extensionData: { type: 'archivePath', path: e2eArchive() },
        'moz:permanent': true,
      });
      // Firefox opens the add-on's sidebar once installed: a test starts from that.
      if (!(await inWindow(sidebarOpened))) throw new Error('Firefox did not open the sidebar at install');
    }
  } catch (error) {
    await browser.close().catch(() => {});
    throw error;
  }

  /**
   * The Puppeteer page of a tab Firefox opened (Puppeteer lists every tab, even ones it did not
   * open): the one with the tab's BiDi context id, or else the new one showing `url`.
   */
  const pageOf = async (contextId: string, url: string, before: Set<Page>): Promise<Page> => {
    const until = Date.now() + 15_000;
    while (Date.now() < until) {
      const pages = await browser.pages();
      const byId = pages.find((p) => contextIdOf(p) === contextId);
      if (byId) return byId;
      for (const page of pages.filter((p) => !before.has(p))) {
        if ((await page.evaluate(() => location.href).catch(() => '')) === url) return page;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const { result } = await connection.send('browsingContext.getTree', {});
    throw new Error(
      `no page for the tab ${contextId} (${url}); Puppeteer lists ${(await browser.pages()).map(contextIdOf)}, Firefox ${JSON.stringify(result)}`,
    );
  };

  return {
    browser,
    async openExtensionPage(file, viewport = { width: 400, height: 600 }) {
      const url = `${EXTENSION_ORIGIN}/${file}`;
      const before = new Set(await browser.pages());
      const id = (await inWindow(addTab(url))) as string;
      const page = await pageOf(id, url, before);
      await page.waitForFunction(
        () => document.readyState === 'complete' && location.protocol === 'moz-extension:',
      );
      // A tab opened a moment ago may still be settling into its process: the viewport is set
      // once Firefox can size it.
      for (let attempt = 0; ; attempt++) {
        try {
          await page.setViewport(viewport);
          break;
        } catch (error) {
          if (attempt >= 20) throw error;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
      return page;
    },
    pageAt: (url) => pageOf('', url, new Set()),
    async openPage(url) {
      const page = await browser.newPage();
      await page.goto(url);
      await page.bringToFront();
      return page;
    },
    sidebar: view(inSidebarDocument, VIEW_BROWSER.sidebar),
    popup: view(inWindow, VIEW_BROWSER.popup),
    async pressToolbarButton() {
      await inWindow(pressToolbarButton(GECKO_ID));
    },
    async closeSidebar() {
      await inWindow(closeSidebar);
    },
    pressShortcut: async (key, modifiers) =>
      (await inWindow(pressShortcut(GECKO_ID, key, modifiers))) as boolean,
    contextMenu: async (expected, choose = null) =>
      JSON.parse((await inWindow(contextMenu(choose, expected))) as string),
    suspendBackground: async () => (await inWindow(suspendBackground(GECKO_ID))) as string,
    backgroundState: async () => (await inWindow(backgroundState(GECKO_ID))) as string,
    async answerPermissionPrompt(allow) {
      const answer = JSON.parse((await inWindow(answerPermissionPrompt(allow))) as string) as {
        listed: string[];
      };
      return answer.listed;
    },
    clipboardText: async () => (await inWindow(readClipboard)) as string | null,
    async setOffline(offline) {
      await inWindow(setOffline(offline));
    },
    async takeErrors() {
      return JSON.parse((await inWindow(takeErrors)) as string) as string[];
    },
    async close() {
      // A browser that does not quit within 20 s is killed: no Firefox outlives its test.
      const firefoxProcess = browser.process();
      const quit = browser.close().catch(() => {});
      const late = new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), 20_000).unref());
      if ((await Promise.race([quit, late])) === 'late' || firefoxProcess?.exitCode === null) {
        firefoxProcess?.kill('SIGKILL');
      }
    },
  };
}

/** The BiDi context id of a page's main frame (Puppeteer keeps it as the frame's `_id`). */
function contextIdOf(page: Page): string {
  return (page.mainFrame() as unknown as { _id: string })._id;
}
