/**
 * Size budgets (bench/budget.json) against the production build `npm test` makes before the e2e
 * run (`npm run build:all`). Deterministic: gzip sizes of the built files, no timing.
 */
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

test('the Chrome and Firefox zips exist beside the build', () => {
  const zips = measureZips(OUT_DIR).map((zip) => zip.file);
  expect(
    zips.filter((file) => /-(chrome|firefox)\.zip$/.test(file)).length,
    `zips in ${OUT_DIR}: ${zips.join(', ')}`,
  ).toBe(2);
});
