/**
 * `npm run bench`: Cleartune's production build (as the bench build: the same plus the list's
 * performance marks, see harness.ts) in Chromium against the contract simulator. Prints the tables
 * and writes bench/results.json. Timing figures are reported, never asserted; each one that depends
 * on machine speed comes with a reference measured in this run.
 * `BENCH_QUICK=1` runs a few repetitions of each, to try the benchmark itself.
 */
import { test } from '@playwright/test';
import { createSimulator } from '../../tests/simulator';
import { installSimulator } from '../../tests/simulator/playwright';

import { ALL_QUERY, warmCache } from './catalog-warmup';
import { compareMainThread, STUDIO_HEAVY_URL, serveHeavyPage, timeFieldInsertions } from './content-figures';
import {
  ask,
  BLANK_PAGE,
  extensionIdOf,
  launchPlain,
  launchWithExtension,
  prepareBenchBuild,
} from './harness';
import { serveBenchMedia } from './media';
import {
  compareOpens,
  keystrokes,
  listGeometry,
  openPopupPage,
  referenceSession,
  scrollWhole,
  switchGenre,
  typeAndTime,
} from './popup-figures';
import { buildResults } from './results';
import { createWorkerStopper, measureColdWorker, tenAskers, tenPopups } from './worker-figures';

const quick = process.env.BENCH_QUICK === '1';
const ROUNDS = {
  warmup: quick ? 1 : 2,
  open: quick ? 4 : 20,
  coldOpen: quick ? 2 : 8,
  switches: quick ? 2 : 6,
  keystrokes: 50,
  coldWorker: quick ? 3 : 12,
  mainThread: quick ? 2 : 8,
  fields: quick ? 10 : 40,
};

const step = (text: string) => console.log(`[bench] ${new Date().toISOString().slice(11, 19)} ${text}`);

test('Cleartune performance benchmark', async () => {
  const build = prepareBenchBuild();
  const sim = createSimulator({ seed: 'cleartune-bench' });
  const context = await launchWithExtension(build.dir);
  const plain = await launchPlain();
  try {
    await installSimulator(context, sim);
    await serveBenchMedia(context);
    await serveHeavyPage(context);
    await serveHeavyPage(plain);
    const extensionId = await extensionIdOf(context);
    const control = await context.newPage();
    await control.goto(`chrome-extension://${extensionId}/${BLANK_PAGE}`);

    step('warming the cache through the simulator');
    const cache = await warmCache(control);
    step(`cache: ${cache.cachedTracks} tracks in ${cache.entries} entries, ${cache.storageBytes} bytes`);

    step('popup open → first row, worker running');
    await compareOpens(context, extensionId, ROUNDS.warmup);
    const opens = await compareOpens(context, extensionId, ROUNDS.open);
    step('side panel open → first row, worker running');
    const panelOpens = await compareOpens(context, extensionId, ROUNDS.open, undefined, 'sidepanel.html');
    step('popup open → first row, worker stopped before each open');
    const stopper = await createWorkerStopper(control);
    const coldOpens = await compareOpens(context, extensionId, ROUNDS.coldOpen, () => stopper.stop());
    await stopper.session.detach();

    step('genre switch, keystrokes, scroll');
    const popup = await openPopupPage(context, extensionId);
    const switches: number[] = [];
    let allRows = 0;
    for (let i = 0; i < ROUNDS.switches; i++) {
      const toAll = await switchGenre(popup, 'ALL');
      switches.push(toAll.ms);
      allRows = toAll.rows;
      if (i < ROUNDS.switches - 1) await switchGenre(popup, 'POP');
    }
    const keys = keystrokes(ROUNDS.keystrokes);
    const typed = await typeAndTime(popup, keys);
    await popup.locator('#track-search').fill('');
    await popup.waitForFunction(
      (rows) => document.querySelector('li[data-index]')?.getAttribute('aria-setsize') === String(rows),
      allRows,
    );
    const geometry = await listGeometry(popup);
    const scroll = await scrollWhole(popup);
    await popup.close();
    const reference = await referenceSession(context, extensionId, keys, geometry);

    step('cold service worker → first catalog answer');
    const coldWorker = await measureColdWorker(control, ROUNDS.coldWorker);

    step('ten popups at once');
    const stampedes = [
      await tenPopups(context, extensionId, control, sim),
      await tenAskers(context, extensionId, sim),
    ];

    step('content script: heavy page with a composer, with and without the extension');
    const heavy = await compareMainThread({ with: context, without: plain }, 'composer=1', ROUNDS.mainThread);
    step('content script: heavy page as TikTok Studio, Sounds panel open, a track chosen');
    const [track] = (await ask<{ tracks: unknown[] }>(control, 'getCatalog', ALL_QUERY)).tracks;
    await ask(control, 'useTrack', { track, clip: null });
    const studio = await compareMainThread(
      { with: context, without: plain },
      'studio=1',
      ROUNDS.mainThread,
      STUDIO_HEAVY_URL,
    );
    step('content script: heavy page without a composer');
    const bare = await compareMainThread({ with: context, without: plain }, 'composer=0', ROUNDS.mainThread);
    step('music field inserted → button shown');
    const fieldPlain = await timeFieldInsertions(context, 'insertField', {
      count: ROUNDS.fields,
      heavy: false,
    });
    const fieldHeavy = await timeFieldInsertions(context, 'insertField', {
      count: ROUNDS.fields,
      heavy: true,
    });
    const fieldReference = await timeFieldInsertions(plain, 'insertFieldToPaint', {
      count: ROUNDS.fields,
      heavy: false,
    });

    const results = buildResults({
      quick,
      build,
      cache,
      opens,
      panelOpens,
      coldOpens,
      switches: { ms: switches, rows: allRows },
      typed,
      scroll,
      reference,
      coldWorker,
      stampedes,
      heavy,
      studio,
      bare,
      fields: { plain: fieldPlain, heavy: fieldHeavy, reference: fieldReference },
    });
    console.log(`\n${results.markdown}\n`);
  } finally {
    await context.close();
    await plain.close();
  }
});
