/**
 * The finder (popup and sidebar) from a person's side: connected to the simulator, its rows, and
 * "Use" until the composer the person worked in last is filled.
 */
import type { Page } from 'puppeteer-core';
import { DEMO_CREDENTIALS } from '../../simulator';
import type { Firefox } from './firefox';
import { expect } from './fixtures';
import { ask, attributeOf, choose, click, role, textOf, WAIT } from './page';

export const ROW = 'li.track-row';
export const STATUS = '.status-text';
export const COUNT = '.result-count';

/**
 * The popup (in a tab, 400×600) with both providers connected (the demo credentials, saved from the
 * options page as its form does; `settings` adds to them) and its first rows shown.
 */
export async function openConnectedPopup(firefox: Firefox, settings: object = {}): Promise<Page> {
  // Left open: closing a tab and opening the next at once can leave Puppeteer without the new one.
  const options = await firefox.openExtensionPage('options.html', { width: 1000, height: 800 });
  await ask(options, 'saveSettings', { ...DEMO_CREDENTIALS, ...settings });
  const popup = await firefox.openExtensionPage('popup.html');
  await popup.locator(ROW).setTimeout(WAIT.timeout).wait();
  return popup;
}

export interface Row {
  /** The row's accessible name: "Title by Artist". */
  label: string;
  title: string;
}

/** The first listed row, or the first whose label matches `pattern`. */
export async function rowOf(page: Page, pattern?: RegExp): Promise<Row> {
  await page.locator(ROW).setTimeout(WAIT.timeout).wait();
  const labels = await page.$$eval(ROW, (rows) => rows.map((row) => row.getAttribute('aria-label') ?? ''));
  const label = labels.find((l) => !pattern || pattern.test(l));
  if (!label) throw new Error(`no row matches ${pattern}`);
  return { label, title: label.slice(0, label.lastIndexOf(' by ')) };
}

/** Every row listed now, in order. */
export async function rowsOf(page: Page): Promise<Row[]> {
  const labels = await page.$$eval(ROW, (rows) => rows.map((row) => row.getAttribute('aria-label') ?? ''));
  return labels.map((label) => ({ label, title: label.slice(0, label.lastIndexOf(' by ')) }));
}

/**
 * Source: bundle.social only, once the list shows it (every row's id is a 19-digit CML clip id,
 * what a plain or bundle.social-style composer field takes).
 */
export async function showCmlOnly(page: Page): Promise<void> {
  await choose(page, role('combobox', 'Source'), 'bundle-social');
  await expect
    .poll(
      () =>
        page.$$eval(
          `${ROW} button[aria-label^="Copy ID of "]`,
          (buttons) =>
            buttons.length > 0 &&
            buttons.every((button) => /^\d{19}$/.test(button.getAttribute('title') ?? '')),
        ),
      WAIT,
    )
    .toBe(true);
}

/** A button inside the row named `label`. */
export const inRow = (row: Row, button: string) => `${role('listitem', row.label)} ${role('button', button)}`;

/**
 * Presses "Use" on `row` until the background fills the composer (its presence report reaches
 * the background a moment after the page shows): answers the status line.
 */
export async function useUntilFilled(
  popup: Page,
  row: Row,
  filled = 'Filled into composer.test',
): Promise<void> {
  await expect
    .poll(async () => {
      await click(popup, inRow(row, `Use ${row.title}`));
      await expect.poll(() => textOf(popup, STATUS), { timeout: 2_000 }).not.toBe('');
      return textOf(popup, STATUS);
    }, WAIT)
    .toBe(filled);
}

/** Whether the row's toggle button (Preview, Favorite) is pressed. */
export const pressed = (page: Page, row: Row, button: string) =>
  attributeOf(page, inRow(row, button), 'aria-pressed');
