/**
 * Content-script figures. The same heavy page (tests/fixtures/bench/heavy-page.html) is loaded in
 * Chromium with the extension and in the same Chromium without it; main-thread time is the page
 * renderer's `TaskDuration` (CDP `Performance.getMetrics`) from before navigation to the end of the
 * workload: load, 1 s idle, 5 s of 200 mutations/s, 0.5 s for the last batches.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { BENCH_ORIGIN, cdp, pause, serveBenchPage } from './harness';
import { alternate } from './stats';

export const HEAVY_URL = `${BENCH_ORIGIN}/bench/heavy`;
/** The same page at TikTok Studio's upload address (with `studio=1`), where the Studio adapter runs. */
export const STUDIO_HEAVY_URL = 'https://www.tiktok.com/tiktokstudio/upload';

export interface MainThreadSample {
  taskMs: number;
  scriptMs: number;
  nodes: number;
  mutations: number;
  /** With the extension: the content script marked the page and, with a composer, showed its button. */
  contentScriptRan: boolean;
  buttonShown: boolean;
  /** `threadTicks` (the thread's CPU time, steadier on a busy machine) when Chromium offers it. */
  timeDomain: 'threadTicks' | 'timeTicks';
}

export async function serveHeavyPage(context: BrowserContext): Promise<void> {
  await serveBenchPage(context, HEAVY_URL, 'heavy-page.html');
  await serveBenchPage(context, STUDIO_HEAVY_URL, 'heavy-page.html');
}

async function sampleMainThread(context: BrowserContext, url: string): Promise<MainThreadSample> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  try {
    const session = await cdp(page);
    let timeDomain: MainThreadSample['timeDomain'] = 'threadTicks';
    await session.send('Performance.enable', { timeDomain }).catch(async () => {
      timeDomain = 'timeTicks';
      await session.send('Performance.enable', { timeDomain });
    });
    await page.goto(url, { waitUntil: 'load' });
    await pause(1000);
    const workload = await page.evaluate(() =>
      (
        window as unknown as { startWorkload(): Promise<{ mutations: number; nodes: number }> }
      ).startWorkload(),
    );
    await pause(500);
    const { metrics } = await session.send('Performance.getMetrics');
    const value = (name: string) => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
    const marks = await page.evaluate(() => ({
      ran: document.documentElement.dataset.cleartune === 'ready',
      button:
        document.querySelector('[data-cleartune-ui="field"], [data-cleartune-ui="studio-panel"]') !== null,
    }));
    await session.detach();
    return {
      taskMs: value('TaskDuration') * 1000,
      scriptMs: value('ScriptDuration') * 1000,
      nodes: workload.nodes,
      mutations: workload.mutations,
      contentScriptRan: marks.ran,
      buttonShown: marks.button,
      timeDomain,
    };
  } finally {
    await page.close();
  }
}

export interface MainThreadComparison {
  with: MainThreadSample[];
  without: MainThreadSample[];
}

export async function compareMainThread(
  contexts: { with: BrowserContext; without: BrowserContext },
  query: string,
  rounds: number,
  url = HEAVY_URL,
): Promise<MainThreadComparison> {
  const samples: MainThreadComparison = { with: [], without: [] };
  await alternate(rounds, ['with', 'without'] as const, async (side) => {
    const sample = await sampleMainThread(contexts[side], `${url}?${query}`);
    samples[side].push(sample);
    return sample.taskMs;
  });
  return samples;
}

type InsertFn = 'insertField' | 'insertFieldToPaint';

/** Inserts a music field `count` times, each timed by the page; heavy: while the workload runs. */
export async function timeFieldInsertions(
  context: BrowserContext,
  fn: InsertFn,
  { count, heavy }: { count: number; heavy: boolean },
): Promise<{ ms: number[]; missed: number }> {
  const page: Page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  try {
    const query = heavy ? 'nodes=5000&rate=200&seconds=60' : 'nodes=50&rate=0';
    await page.goto(`${HEAVY_URL}?${query}`, { waitUntil: 'load' });
    await pause(1000);
    if (heavy) {
      await page.evaluate(() => {
        void (window as unknown as { startWorkload(): Promise<unknown> }).startWorkload();
      });
    }
    const ms: number[] = [];
    let missed = 0;
    for (let i = 0; i < count; i++) {
      const took = await page.evaluate(
        (name) => (window as unknown as Record<string, () => Promise<number | null>>)[name]?.() ?? null,
        fn,
      );
      if (took === null) missed++;
      else ms.push(took);
      await pause(150);
    }
    return { ms, missed };
  } finally {
    await page.close();
  }
}
