/**
 * Size budgets (bench/budget.json) against the production build `npm test` makes before the e2e
 * run (`npm run build:all`). Deterministic: gzip sizes of the built files, no timing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import {
  kb,
  measureBuild,
  measureZips,
  OUT_DIR,
  overBudget,
  PRODUCTION_BUILD,
  readBudget,
} from '../../scripts/bench/sizes';

test('every part of the production build fits its gzip budget in bench/budget.json', () => {
  const budget = readBudget();
  const parts = measureBuild(PRODUCTION_BUILD);
  expect(Object.keys(budget.gzip).length, 'budgets to check').toBeGreaterThan(0);
  expect(
    overBudget(parts, budget),
    `sizes: ${parts.map((p) => `${p.part} ${kb(p.gzipBytes)}`).join(', ')}`,
  ).toEqual([]);
});

test('the popup budget counts every chunk popup.html loads, shared React runtime included', () => {
  const popup = measureBuild(PRODUCTION_BUILD).find((part) => part.part === 'popup');
  expect(popup, 'a popup in the manifest').toBeDefined();
  const scripts = popup?.files.filter((file) => file.endsWith('.js')) ?? [];
  const css = popup?.files.filter((file) => file.endsWith('.css')) ?? [];
  // React DOM alone is far over 30 KB gzip: a popup total below it means a chunk was missed.
  expect(scripts.length, popup?.files.join(', ')).toBeGreaterThan(1);
  expect(css.length, popup?.files.join(', ')).toBeGreaterThan(0);
  expect(popup?.gzipBytes ?? 0).toBeGreaterThan(30_000);
});

test('the side panel is measured and budgeted like the popup, shared chunks included', () => {
  const parts = measureBuild(PRODUCTION_BUILD);
  const panel = parts.find((part) => part.part === 'side panel');
  expect(panel, 'a side panel in the manifest').toBeDefined();
  expect(readBudget().gzip['side panel']).toBe(90_000);
  // The panel mounts the same finder: React and the finder's chunks count for it too.
  expect(panel?.gzipBytes ?? 0).toBeGreaterThan(30_000);
});

test('the Chrome and Firefox zips exist beside the build', () => {
  const zips = measureZips(OUT_DIR).map((zip) => zip.file);
  expect(
    zips.filter((file) => /-(chrome|firefox)\.zip$/.test(file)).length,
    `zips in ${OUT_DIR}: ${zips.join(', ')}`,
  ).toBe(2);
});

test('the benchmark instrumentation is compiled out of the production build', () => {
  // Only the bench build (`CLEARTUNE_BENCH=1 wxt build`) has them: components/popup/track-list/bench-marks.ts.
  const scripts = readdirSync(PRODUCTION_BUILD, { recursive: true, encoding: 'utf8' }).filter((file) =>
    /\.m?js$/.test(file),
  );
  expect(scripts.length, `scripts in ${PRODUCTION_BUILD}`).toBeGreaterThan(1);
  const found = scripts.flatMap((file) => {
    const text = readFileSync(path.join(PRODUCTION_BUILD, file), 'utf8');
    return ['cleartune:first-row', 'cleartune:list-updated', 'performance.mark']
      .filter((needle) => text.includes(needle))
      .map((needle) => `${file}: ${needle}`);
  });
  expect(found).toEqual([]);
});
