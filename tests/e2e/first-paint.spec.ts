/**
 * The first paint before React (entrypoints/first-paint.ts, lib/popup/first-paint.ts): a popup
 * opened again shows the rows it showed last time before React has started, inert, and React's own
 * rows replace them, clickable. The side panel keeps its own.
 */
import type { Page } from '@playwright/test';
import { DEMO_CREDENTIALS } from '../simulator';
import { expect, test } from './fixtures';
import { ask, setUpProviders } from './popup-support';

/** Records, from before the page's own scripts, whether inert rows were ever on the page. */
function watchForInertRows(): void {
  const w = window as unknown as { __inertRows: number };
  w.__inertRows = 0;
  new MutationObserver(() => {
    w.__inertRows = Math.max(w.__inertRows, document.querySelectorAll('[inert] .track-row').length);
  }).observe(document, { childList: true, subtree: true });
}

const inertRowsSeen = (page: Page) =>
  page.evaluate(() => (window as unknown as { __inertRows: number }).__inertRows);

test('a popup opened again paints last time’s rows before React, then React’s replace them', async ({
  context,
  extensionId,
  openPage,
}) => {
  await setUpProviders(context);
  const first = await openPage(`chrome-extension://${extensionId}/popup.html`);
  await ask(first, 'saveSettings', DEMO_CREDENTIALS);
  await first.reload();
  await expect(first.locator('.track-row').first()).toBeVisible();
  // Kept once the list is whole: the count no longer says it is loading everything.
  await expect
    .poll(() => first.evaluate(() => localStorage.getItem('cleartune:first-paint:popup')?.length ?? 0))
    .toBeGreaterThan(1000);
  const firstTitle = await first.locator('.track-row .title').first().textContent();
  await first.close();

  const again = await context.newPage();
  await again.setViewportSize({ width: 400, height: 600 });
  await again.addInitScript(watchForInertRows);
  await again.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(again.locator('.track-row:not([inert] *)').first()).toBeVisible();
  expect(await inertRowsSeen(again)).toBeGreaterThan(0);
  // The copy is gone, and the rows are React's: Use works.
  await expect(again.locator('[inert]')).toHaveCount(0);
  await expect(again.locator('.track-row .title').first()).toHaveText(firstTitle ?? '');
  await again.getByRole('button', { name: /^Use / }).first().click();
  await expect(again.getByRole('status')).not.toBeEmpty();

  // The side panel has none of the popup's.
  const panel = await context.newPage();
  await panel.addInitScript(watchForInertRows);
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  await expect(panel.locator('.track-row').first()).toBeVisible();
  expect(await inertRowsSeen(panel)).toBe(0);
});
