/**
 * Developer tool, not part of `npm run bench`: where the popup's time goes on the warm "All genres"
 * list. `BENCH_MATCH=profile-popup.ts npx playwright test -c playwright.bench.config.ts`.
 * Prints long-animation-frame breakdowns and the CPU profile's heaviest functions for keystrokes and
 * for scrolling the whole list. Runs against the bench build, the production build with the list's
 * performance marks (`CLEARTUNE_BENCH=1 npx wxt build` first).
 *
 * - `PROFILE_OPENS=n`: also n popup/blank opens as the bench times them, each one's marks printed;
 *   `PROFILE_OPEN_TRACES=n` traces n opens (main-thread tasks over 3 ms, from the navigation);
 *   `PROFILE_TIMELINES=n` prints n opens' navigation, resource, mark and paint timings (with
 *   `PROFILE_NOPROF=1`, without the CPU profiler slowing them down);
 *   `PROFILE_OPENS_ONLY=1` stops after the opens; `PROFILE_PAGE=sidepanel.html` opens the side panel.
 * - `PROFILE_CSS='…'`: a style sheet added before the keystrokes (what-if: `img.cover{visibility:hidden}`).
 * - `PROFILE_TRACE=1`: traces the scroll (busiest events per thread, main-thread tasks over 40 ms).
 */
import { test } from '@playwright/test';
import { createSimulator } from '../../tests/simulator';
import { installSimulator } from '../../tests/simulator/playwright';
import { warmCache } from './catalog-warmup';
import { BLANK_PAGE, cdp, extensionIdOf, launchWithExtension, prepareBenchBuild } from './harness';
import { serveBenchMedia } from './media';
import {
  compareOpens,
  keystrokes,
  openPopupPage,
  scrollWhole,
  switchGenre,
  typeAndTime,
} from './popup-figures';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

function topSelf(profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }, n = 25) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    if (!node) return;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    const key = `${functionName || '(anon)'} ${url.split('/').pop()}:${lineNumber}:${columnNumber}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.log(`  total sampled ${total.toFixed(0)} ms`);
  for (const [key, ms] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, n)) {
    console.log(`  ${ms.toFixed(1).padStart(8)} ms  ${key}`);
  }
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  pid: number;
  args?: { name?: string };
}

/** Self time per event name on each busy thread (complete events only). */
function summarizeTrace(events: TraceEvent[], minMs = 200) {
  const threadNames = new Map<string, string>();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name') threadNames.set(`${e.pid}:${e.tid}`, e.args?.name ?? '?');
  }
  const byThread = new Map<string, Map<string, number>>();
  for (const e of events) {
    if (e.ph !== 'X' || !e.dur) continue;
    const thread = threadNames.get(`${e.pid}:${e.tid}`) ?? `${e.pid}:${e.tid}`;
    const names = byThread.get(thread) ?? new Map<string, number>();
    names.set(e.name, (names.get(e.name) ?? 0) + e.dur / 1000);
    byThread.set(thread, names);
  }
  for (const [thread, names] of byThread) {
    const top = [...names.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25);
    if ((top[0]?.[1] ?? 0) < minMs) continue;
    console.log(`  thread ${thread}: ${top.map(([n, ms]) => `${n} ${ms.toFixed(0)}`).join(', ')}`);
  }
}

/**
 * Renderer main-thread tasks over `minMs`, in order, with their biggest inner events; `from` (the
 * page's navigation) limits them to that page's renderer and gives times relative to it.
 */
function printTasks(events: TraceEvent[], minMs: number, from?: TraceEvent) {
  const names = new Map<string, string>();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args?.name ?? '?');
  }
  const main = events.filter(
    (e) =>
      e.ph === 'X' &&
      names.get(`${e.pid}:${e.tid}`) === 'CrRendererMain' &&
      (from === undefined || e.pid === from.pid),
  );
  const tasks = main.filter((e) => e.name === 'ThreadControllerImpl::RunTask' && (e.dur ?? 0) > minMs * 1000);
  for (const task of tasks.sort((a, b) => a.ts - b.ts).slice(0, 40)) {
    const end = task.ts + (task.dur ?? 0);
    const inner = main
      .filter((e) => e !== task && e.tid === task.tid && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= end)
      .filter((e) => (e.dur ?? 0) > 2000 && !/RunTask|mojo|SimpleWatcher|ThreadController/.test(e.name))
      .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
      .slice(0, 6)
      .map((e) => `${e.name} ${((e.dur ?? 0) / 1000).toFixed(1)}`);
    const at = from ? `@${((task.ts - from.ts) / 1000).toFixed(0)} ` : '';
    console.log(`    ${at}${((task.dur ?? 0) / 1000).toFixed(1)} ms: ${inner.join(', ')}`);
  }
}

test('profile popup', async () => {
  const build = prepareBenchBuild();
  const sim = createSimulator({ seed: 'cleartune-bench' });
  const context = await launchWithExtension(build.dir);
  try {
    await installSimulator(context, sim);
    await serveBenchMedia(context);
    const extensionId = await extensionIdOf(context);
    const control = await context.newPage();
    await control.goto(`chrome-extension://${extensionId}/${BLANK_PAGE}`);
    await warmCache(control);
    const openRounds = Number(process.env.PROFILE_OPENS ?? 0);
    if (openRounds > 0) {
      const finderPage = process.env.PROFILE_PAGE ?? 'popup.html';
      await compareOpens(context, extensionId, 2, undefined, finderPage);
      const opens = await compareOpens(context, extensionId, openRounds, undefined, finderPage);
      const sizes = await control.evaluate(() =>
        Object.keys(localStorage).map((key) => `${key} ${localStorage.getItem(key)?.length}`),
      );
      console.log(`localStorage: ${sizes.join(', ')}`);
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
      const popupMs = median(opens.popup.map((o) => o.paintedMs));
      const blankMs = median(opens.blank.map((o) => o.paintedMs));
      console.log(
        `open: popup ${popupMs.toFixed(1)} blank ${blankMs.toFixed(1)} ratio ${(popupMs / blankMs).toFixed(2)}; sent ${median(opens.popup.map((o) => o.catalogSentMs ?? NaN)).toFixed(1)} reply ${median(opens.popup.map((o) => o.catalogReplyMs ?? NaN)).toFixed(1)} mark ${median(opens.popup.map((o) => o.markMs)).toFixed(1)}`,
      );
      for (let i = 0; i < Number(process.env.PROFILE_TIMELINES ?? 0); i++) {
        const page = await context.newPage();
        await page.setViewportSize({ width: 400, height: 600 });
        const openSession = await cdp(page);
        await openSession.send('Profiler.enable');
        await openSession.send('Profiler.setSamplingInterval', { interval: 100 });
        if (!process.env.PROFILE_NOPROF) await openSession.send('Profiler.start');
        await page.goto(`chrome-extension://${extensionId}/${finderPage}`);
        await page.locator('li[data-index]').first().waitFor();
        await page.waitForTimeout(300);
        if (!process.env.PROFILE_NOPROF) {
          const opened = await openSession.send('Profiler.stop');
          if (i === 2) topSelf(opened.profile as never, 30);
        }
        console.log(
          await page.evaluate(() => {
            const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
            const f = (n: number) => n.toFixed(0);
            const res = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map(
              (r) => `${r.name.split('/').pop()?.slice(0, 12)} ${f(r.startTime)}-${f(r.responseEnd)}`,
            );
            const marks = performance.getEntriesByType('mark').map((m) => `${m.name} ${f(m.startTime)}`);
            const paints = performance.getEntriesByType('paint').map((m) => `${m.name} ${f(m.startTime)}`);
            return `resp ${f(nav.responseEnd)} domInteractive ${f(nav.domInteractive)} dcl ${f(nav.domContentLoadedEventStart)} | ${res.join(', ')} | ${marks.join(', ')} | ${paints.join(', ')}`;
          }),
        );
        await page.close();
      }
      for (let i = 0; i < Number(process.env.PROFILE_OPEN_TRACES ?? 0); i++) {
        const page = await context.newPage();
        await page.setViewportSize({ width: 400, height: 600 });
        const browserSession = await context.browser()?.newBrowserCDPSession();
        const traceSession = browserSession ?? (await cdp(page));
        const events: TraceEvent[] = [];
        traceSession.on('Tracing.dataCollected', (data) =>
          events.push(...(data.value as unknown as TraceEvent[])),
        );
        const traced = new Promise((resolve) => traceSession.once('Tracing.tracingComplete', resolve));
        await traceSession.send('Tracing.start', {
          categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8,blink,loading,toplevel',
          transferMode: 'ReportEvents',
        });
        await page.goto(`chrome-extension://${extensionId}/${finderPage}`);
        await page.locator('li[data-index]').first().waitFor();
        await page.waitForTimeout(300);
        await traceSession.send('Tracing.end');
        await traced;
        summarizeTrace(events, 40);
        printTasks(
          events,
          3,
          events.find((e) => e.name === 'DocumentLoader::CommitNavigation'),
        );
        await page.close();
      }
      for (const o of opens.popup) {
        console.log(
          `  popup painted ${o.paintedMs.toFixed(0)} live ${o.liveMs?.toFixed(0)} mark ${o.markMs.toFixed(0)} sent ${o.catalogSentMs?.toFixed(0)} reply ${o.catalogReplyMs?.toFixed(0)}`,
        );
      }
      console.log(`  blank ${opens.blank.map((o) => o.paintedMs.toFixed(0)).join(' ')}`);
      if (process.env.PROFILE_OPENS_ONLY) return;
    }
    const popup = await openPopupPage(context, extensionId);
    await switchGenre(popup, 'ALL');
    if (process.env.PROFILE_CSS) await popup.addStyleTag({ content: process.env.PROFILE_CSS });
    await popup.evaluate(() => {
      const w = window as unknown as { __loaf: unknown[] };
      w.__loaf = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as unknown as {
          duration: number;
          renderStart: number;
          styleAndLayoutStart: number;
          startTime: number;
          blockingDuration: number;
          scripts: { duration: number; invoker: string; sourceFunctionName: string }[];
        }[]) {
          w.__loaf.push({
            duration: e.duration,
            script: e.scripts.reduce((s, x) => s + x.duration, 0),
            render: e.renderStart ? e.styleAndLayoutStart - e.renderStart : 0,
            styleLayout: e.styleAndLayoutStart ? e.startTime + e.duration - e.styleAndLayoutStart : 0,
            invokers: e.scripts.map((x) => `${x.invoker}:${x.duration.toFixed(0)}`).join(' '),
          });
        }
      }).observe({ type: 'long-animation-frame', buffered: false });
    });
    const session = await cdp(popup);
    await session.send('Profiler.enable');
    await session.send('Profiler.setSamplingInterval', { interval: 200 });
    const summarize = async (label: string) => {
      const loaf = await popup.evaluate(() => {
        const w = window as unknown as { __loaf: Record<string, number | string>[] };
        const out = w.__loaf;
        w.__loaf = [];
        return out;
      });
      const sum = (k: string) => loaf.reduce((s, e) => s + Number(e[k]), 0);
      console.log(
        `${label}: ${loaf.length} LoAFs, duration ${sum('duration').toFixed(0)} script ${sum('script').toFixed(0)} rAF/render ${sum('render').toFixed(0)} style+layout(+paint) ${sum('styleLayout').toFixed(0)}`,
      );
      for (const e of loaf.slice(0, 6)) console.log('   ', JSON.stringify(e));
    };
    await session.send('Profiler.start');
    const typed = await typeAndTime(popup, keystrokes(50));
    const { profile } = await session.send('Profiler.stop');
    const sorted = [...typed.ms].sort((a, b) => a - b);
    console.log(
      `keystrokes median ${sorted[25]?.toFixed(1)} p95 ${sorted[47]?.toFixed(1)}; worst: ${sorted
        .slice(-6)
        .map((ms) => ms.toFixed(0))
        .join(' ')}`,
    );
    await summarize('keystrokes');
    topSelf(profile as never);
    await popup.locator('#track-search').fill('');
    await popup.waitForTimeout(500);
    await popup.evaluate(() => {
      (window as unknown as { __loaf: unknown[] }).__loaf = [];
    });
    const events: TraceEvent[] = [];
    session.on('Tracing.dataCollected', (data) => events.push(...(data.value as unknown as TraceEvent[])));
    const traced = new Promise((resolve) => session.once('Tracing.tracingComplete', resolve));
    if (process.env.PROFILE_TRACE)
      await session.send('Tracing.start', {
        categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8,blink,cc,gpu,loading',
        transferMode: 'ReportEvents',
      });
    await session.send('Profiler.start');
    const scroll = await scrollWhole(popup);
    const scrolled = await session.send('Profiler.stop');
    if (process.env.PROFILE_TRACE) {
      await session.send('Tracing.end');
      await traced;
      summarizeTrace(events);
      printTasks(events, 40);
    }
    const gaps = [...scroll.gaps].sort((a, b) => a - b);
    console.log(
      `scroll ${scroll.frames} frames, median gap ${gaps[Math.floor(gaps.length / 2)]?.toFixed(1)}, >50: ${gaps.filter((g) => g > 50).length}, long tasks ${scroll.longTasks.length}`,
    );
    await summarize('scroll');
    topSelf(scrolled.profile as never);
  } finally {
    await context.close();
  }
});
