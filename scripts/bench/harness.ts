/**
 * Browsers for the benchmark: the bench build (the production build with the list's performance
 * marks, plus a blank reference page and one test origin for the content script, see
 * `prepareBenchBuild`) and a plain Chromium without any extension, both with the e2e harness's flags.
 */
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, type CDPSession, chromium, type Page } from '@playwright/test';
import { CHROME_PATH, CHROMIUM_ARGS } from '../../tests/e2e/fixtures';
import { OUT_DIR } from './sizes';

/**
 * `CLEARTUNE_BENCH=1 wxt build`: the production build (same mode, same manifest) with the performance
 * marks the timings wait for (`cleartune:first-row`, `cleartune:list-updated`), which the production
 * build compiles out. Sizes are still measured on the production build (sizes.ts).
 */
export const BENCH_BUILD = path.join(OUT_DIR, 'chrome-mv3-bench');
const FIRST_ROW_MARK = 'cleartune:first-row';
/** Pages the content script must run on are served here (the production build matches only TikTok Studio). */
export const BENCH_ORIGIN = 'https://composer.test';
export const BLANK_PAGE = 'bench-blank.html';
const FIXTURES = path.resolve('tests/fixtures/bench');
export const POPUP_VIEWPORT = { width: 400, height: 600 };

const EXTENSION_FLAGS = /^--(load-extension|disable-extensions-except)=/;
const BASE_ARGS = CHROMIUM_ARGS.filter((arg) => !EXTENSION_FLAGS.test(arg));

/** Whether a build's scripts carry the benchmark's marks (a production build has none). */
function hasListMarks(dir: string): boolean {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.js'))
    .some((file) => readFileSync(path.join(dir, file), 'utf8').includes(FIRST_ROW_MARK));
}

/**
 * The bench build with two additions and nothing else changed: `bench-blank.html` (the reference
 * page, one static row and a module script) and `https://composer.test/*` added to the composer
 * content script's matches, so the unchanged production content script runs on the benchmark's
 * pages with the generic (non-Studio) adapter, as on any composer site a user enables. Made in place
 * and only once, so a second run on the same build changes nothing.
 */
export function prepareBenchBuild(): { dir: string; additions: string[] } {
  if (!existsSync(path.join(BENCH_BUILD, 'manifest.json'))) {
    throw new Error(
      `No bench build in ${BENCH_BUILD}: run \`npm run bench\` (it builds first) or \`CLEARTUNE_BENCH=1 npx wxt build\`.`,
    );
  }
  // Without the marks every popup timing would wait for a mark that never comes.
  if (!hasListMarks(BENCH_BUILD)) {
    throw new Error(
      `${BENCH_BUILD} has no ${FIRST_ROW_MARK} mark: rebuild it with \`CLEARTUNE_BENCH=1 npx wxt build\`.`,
    );
  }
  copyFileSync(path.join(FIXTURES, 'blank-page.html'), path.join(BENCH_BUILD, BLANK_PAGE));
  copyFileSync(path.join(FIXTURES, 'blank-page.js'), path.join(BENCH_BUILD, 'bench-blank.js'));
  const manifestFile = path.join(BENCH_BUILD, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as {
    content_scripts?: { matches: string[] }[];
  };
  const scripts = manifest.content_scripts ?? [];
  if (scripts.length === 0) throw new Error('The production manifest declares no content script.');
  for (const script of scripts) {
    if (!script.matches.includes(`${BENCH_ORIGIN}/*`)) script.matches.push(`${BENCH_ORIGIN}/*`);
  }
  writeFileSync(manifestFile, JSON.stringify(manifest));
  return {
    dir: BENCH_BUILD,
    additions: [
      'performance marks cleartune:first-row, cleartune:list-updated (CLEARTUNE_BENCH=1 wxt build)',
      BLANK_PAGE,
      'bench-blank.js',
      `content_scripts.matches += ${BENCH_ORIGIN}/*`,
    ],
  };
}

async function launch(args: string[]): Promise<BrowserContext> {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'cleartune-bench-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROME_PATH,
    headless: true,
    args,
  });
  context.once('close', () => {
    try {
      rmSync(userDataDir, { recursive: true, force: true, maxRetries: 3 });
    } catch {
      // Chromium may still be writing its profile: a stray temp dir is harmless.
    }
  });
  return context;
}

export function launchWithExtension(dir: string = BENCH_BUILD): Promise<BrowserContext> {
  return launch([...BASE_ARGS, `--disable-extensions-except=${dir}`, `--load-extension=${dir}`]);
}

/** The same Chromium and flags, no extension: the "without" side of the content-script figures. */
export function launchPlain(): Promise<BrowserContext> {
  return launch(BASE_ARGS);
}

export async function extensionIdOf(context: BrowserContext): Promise<string> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return new URL(worker.url()).host;
}

/** Serves `tests/fixtures/bench/<file>` for every request under `url` (query strings included). */
export async function serveBenchPage(context: BrowserContext, url: string, file: string): Promise<void> {
  const body = readFileSync(path.join(FIXTURES, file));
  await context.route(
    (candidate) => candidate.href.split('?')[0] === url,
    (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }),
  );
}

/** `chrome.runtime.sendMessage` from an extension page, answered `{ ok, value | error }`. */
export async function ask<T = unknown>(page: Page, type: string, data?: unknown): Promise<T> {
  const reply = (await page.evaluate(([t, d]) => chrome.runtime.sendMessage({ type: t, data: d }), [
    type,
    data,
  ] as const)) as { ok: boolean; value?: T; error?: string } | undefined;
  if (!reply?.ok) throw new Error(`${type} failed: ${reply?.error ?? 'no reply'}`);
  return reply.value as T;
}

export async function cdp(page: Page): Promise<CDPSession> {
  return page.context().newCDPSession(page);
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
