/**
 * Popup figures on the warm cache: open → first row painted (against a blank extension page opened
 * the same way), a keystroke → list painted (against the same on the blank page), switching to
 * "All genres", and frame gaps while scrolling the whole list.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { FIRST_PAINT_KEY } from '../../lib/popup/popup-memory';
import { ALL_QUERY } from './catalog-warmup';
import { BLANK_PAGE, POPUP_VIEWPORT, pause } from './harness';
import { installProbe, type ProbeState, type ScrollResult, scrollThrough } from './probe';
import { alternate } from './stats';

export interface OpenSample {
  /** Navigation start → paint after `cleartune:first-row`. */
  paintedMs: number;
  markMs: number;
  /** Navigation start → paint after React's own first rows (the same as `paintedMs` without a first paint). */
  liveMs: number;
  /** The list's size (`aria-setsize` of the first row); 1 on the blank page. */
  rows: number;
  rewrittenQueries: number;
  /** Navigation start → the getCatalog with tracks sent, and → its reply (null on the blank page). */
  catalogSentMs: number | null;
  catalogReplyMs: number | null;
}

const state = (page: Page) => page.evaluate(() => (window as unknown as { __bench: ProbeState }).__bench);

async function openPage(
  context: BrowserContext,
  url: string,
  catalogQuery: Record<string, string> | null,
): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize(POPUP_VIEWPORT);
  await page.addInitScript(installProbe, { catalogQuery });
  await page.goto(url);
  return page;
}

/** Opens `url` in a new page and times its first row; the page is closed afterwards. */
export async function timeOpen(
  context: BrowserContext,
  url: string,
  catalogQuery: Record<string, string> | null,
): Promise<OpenSample> {
  const page = await openPage(context, url, catalogQuery);
  try {
    await page.waitForFunction(
      () => {
        const probe = (window as unknown as { __bench: ProbeState }).__bench;
        return probe.firstRowPainted !== null && (probe.liveRowPainted ?? -1) >= 0;
      },
      null,
      { timeout: 30_000 },
    );
    const probe = await state(page);
    const rows = await page.evaluate(() =>
      Number(document.querySelector('li[aria-setsize]')?.getAttribute('aria-setsize') ?? 1),
    );
    const reply = probe.catalogReplies.find((r) => r.tracks > 0) ?? null;
    // A person looks at an open popup for a moment: long enough for it to keep what it shows as the
    // next open's first paint (lib/popup/first-paint.ts). Closing it at its first row would not.
    if (catalogQuery)
      await page
        .waitForFunction(
          (prefix) => Object.keys(localStorage).some((key) => key.startsWith(prefix)),
          FIRST_PAINT_KEY,
          { timeout: 3000 },
        )
        .catch(() => undefined);
    return {
      catalogSentMs: reply?.sentAt ?? null,
      catalogReplyMs: reply?.repliedAt ?? null,
      paintedMs: probe.firstRowPainted as number,
      markMs: probe.firstRowMark as number,
      liveMs: probe.liveRowPainted as number,
      rows,
      rewrittenQueries: probe.rewrittenQueries,
    };
  } finally {
    await page.close();
  }
}

export interface OpenComparison {
  popup: OpenSample[];
  blank: OpenSample[];
}

/** A finder page with the "All" query and the blank page, alternated; `beforeEach` runs before every open. */
export async function compareOpens(
  context: BrowserContext,
  extensionId: string,
  rounds: number,
  beforeEach: () => Promise<void> = async () => {},
  /** The finder page to open: the popup, or the side panel (`sidepanel.html`). */
  page = 'popup.html',
): Promise<OpenComparison> {
  const samples: OpenComparison = { popup: [], blank: [] };
  const query = { genre: ALL_QUERY.genre, source: ALL_QUERY.source };
  await alternate(rounds, ['popup', 'blank'] as const, async (side) => {
    await beforeEach();
    const sample =
      side === 'popup'
        ? await timeOpen(context, `chrome-extension://${extensionId}/${page}`, query)
        : await timeOpen(context, `chrome-extension://${extensionId}/${BLANK_PAGE}`, null);
    samples[side].push(sample);
    return sample.paintedMs;
  });
  return samples;
}

/** Keys typed into the search box: words from the simulator's titles, each typed then erased. */
export function keystrokes(count: number): string[] {
  const keys: string[] = [];
  for (const word of ['midnight', 'golden', 'velvet', 'neon', 'love', 'summer']) {
    keys.push(...word.split(''), ...word.split('').map(() => 'Backspace'));
  }
  return keys.slice(0, count);
}

/** One key at a time: each waits for its own paint (or 2 s) before the next is pressed. */
export async function typeAndTime(
  page: Page,
  keys: readonly string[],
): Promise<{ ms: number[]; missed: number }> {
  const search = page.locator('#track-search');
  await search.focus();
  let missed = 0;
  for (const key of keys) {
    const before = (await state(page)).keystrokes.length;
    await page.keyboard.press(key);
    await page
      .waitForFunction(
        (n) => (window as unknown as { __bench: ProbeState }).__bench.keystrokes.length > n,
        before,
        { timeout: 2000 },
      )
      .catch(() => {
        missed++;
      });
    await pause(40);
  }
  return { ms: (await state(page)).keystrokes, missed };
}

/** A popup opened as a user opens it (its default genre), ready for `switchGenre`. */
export async function openPopupPage(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await openPage(context, `chrome-extension://${extensionId}/popup.html`, null);
  await page.locator('li[data-index]').first().waitFor({ timeout: 30_000 });
  await page.evaluate(() => {
    const w = window as unknown as { __switchMs: number | null };
    w.__switchMs = null;
    let changedAt = 0;
    document.addEventListener(
      'change',
      (event) => {
        if (event.target instanceof HTMLSelectElement) changedAt = event.timeStamp;
      },
      true,
    );
    const mark = performance.mark;
    performance.mark = ((name: string, options?: PerformanceMarkOptions) => {
      const entry = mark.call(performance, name, options);
      if (name === 'cleartune:list-updated' && changedAt > 0) {
        const started = changedAt;
        changedAt = 0;
        requestAnimationFrame(() =>
          setTimeout(() => {
            w.__switchMs = performance.now() - started;
          }, 0),
        );
      }
      return entry;
    }) as typeof performance.mark;
  });
  return page;
}

/** Picks a genre in the popup's own select; ms from the change event to the paint of the new list. */
export async function switchGenre(page: Page, genre: string): Promise<{ ms: number; rows: number }> {
  await page.evaluate(() => {
    (window as unknown as { __switchMs: number | null }).__switchMs = null;
  });
  await page.getByRole('combobox', { name: 'Genre' }).selectOption(genre);
  await page.waitForFunction(
    () => (window as unknown as { __switchMs: number | null }).__switchMs !== null,
    null,
    {
      timeout: 30_000,
    },
  );
  const ms = await page.evaluate(() => (window as unknown as { __switchMs: number }).__switchMs);
  // The popup paints a first screen, then swaps the whole list in: count rows once it is all there.
  await page.waitForFunction(
    () => !document.querySelector('.result-count')?.textContent?.startsWith('Loading all'),
    null,
    {
      timeout: 30_000,
    },
  );
  const rows = Number((await page.locator('li[data-index]').first().getAttribute('aria-setsize')) ?? 0);
  return { ms, rows };
}

export async function scrollWhole(page: Page): Promise<ScrollResult> {
  const step = await page.locator('.track-scroller').evaluate((element) => element.clientHeight);
  return page.evaluate(scrollThrough, ['.track-scroller', step] as [string, number]);
}

/**
 * The blank page doing the same: 50 keystrokes into its search box (its script rewrites one row and
 * marks `cleartune:list-updated`), and a plain scroller of the popup list's size scrolled the same way.
 */
export async function referenceSession(
  context: BrowserContext,
  extensionId: string,
  keys: readonly string[],
  list: { clientHeight: number; scrollHeight: number },
): Promise<{ keystrokes: { ms: number[]; missed: number }; scroll: ScrollResult }> {
  const page = await openPage(context, `chrome-extension://${extensionId}/${BLANK_PAGE}`, null);
  try {
    const typed = await typeAndTime(page, keys);
    await page.evaluate(({ clientHeight, scrollHeight }) => {
      const scroller = document.createElement('div');
      scroller.className = 'track-scroller';
      scroller.style.cssText = `height:${clientHeight}px;overflow:auto`;
      const inner = document.createElement('div');
      inner.style.height = `${scrollHeight}px`;
      scroller.append(inner);
      document.body.append(scroller);
    }, list);
    return { keystrokes: typed, scroll: await scrollWhole(page) };
  } finally {
    await page.close();
  }
}

export async function listGeometry(page: Page): Promise<{ clientHeight: number; scrollHeight: number }> {
  return page
    .locator('.track-scroller')
    .evaluate((element) => ({ clientHeight: element.clientHeight, scrollHeight: element.scrollHeight }));
}
