/// <reference types="chrome" />
/**
 * The History view from a person's point of view: a track Used into a composer shows in the popup's
 * History with the site; its CSV export holds the id that was filled; Clear history empties it and
 * Undo brings it back; the side panel shows the same history; axe finds nothing serious or critical
 * in the view, light or dark.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { serveHtml } from '../fixtures/composers/serve';
import { expectNoSeriousViolations } from './axe-audit';
import { expect, test, watchErrors } from './fixtures';
import { connectDemo, setUpProviders } from './popup-support';

const PAGE = 'https://composer.test/history';
const HTML = `<!doctype html><html lang="en"><head><title>Composer</title></head><body>
  <form><label for="sound">Music sound ID</label><input id="sound" name="music_sound_id" /></form></body></html>`;

/** RFC 4180 fields of one CSV line (quoted fields may hold commas and doubled quotes). */
function csvFields(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      fields.push(field);
      field = '';
    } else field += char;
  }
  fields.push(field);
  return fields;
}

/** What a spreadsheet shows for a cell: `="…"` is the text inside. */
const shown = (cell: string) => cell.replace(/^="(.*)"$/, '$1');

/** The popup connected to the simulator, a composer open and focused, the first track Used into it. */
async function useFirstTrack(page: Page, popup: Page): Promise<{ title: string; filled: string }> {
  await page.locator('#sound').click();
  const row = popup.getByRole('listitem').first();
  await expect(row).toBeVisible();
  const title = (await row.locator('.title').textContent()) ?? '';
  // The composer's focus reaches the background a moment after the click: Use again until it fills.
  await expect(async () => {
    await row.getByRole('button', { name: `Use ${title}` }).click();
    await expect(popup.locator('.status-text')).toHaveText('Filled into composer.test', { timeout: 1000 });
  }).toPass();
  const filled = await page.locator('#sound').inputValue();
  expect(filled).toMatch(/^\d{19}$/);
  return { title, filled };
}

test.beforeEach(async ({ context }) => {
  await setUpProviders(context, { seed: 'history' });
  await serveHtml(context, PAGE, HTML);
});

test('a Use shows in History with its site, exports with its id, and Clear is undone', async ({
  context,
  extensionId,
  collected,
  openPage,
  openPopup,
}) => {
  const page = await openPage(PAGE);
  const popup = await openPopup();
  await connectDemo(popup);
  await popup.reload();
  const { title, filled } = await useFirstTrack(page, popup);

  const historyButton = popup.getByRole('button', { name: 'History' });
  await historyButton.click();
  await expect(historyButton).toHaveAttribute('aria-pressed', 'true');
  const view = popup.getByRole('region', { name: 'History' });
  await expect(view.getByRole('heading', { name: 'Today' })).toBeVisible();
  const entry = view.getByRole('listitem').filter({ hasText: title });
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText('composer.test');
  await expect(entry).toContainText('bundle.social');

  const [download] = await Promise.all([
    popup.waitForEvent('download'),
    view.getByRole('button', { name: 'Export history as CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^cleartune-usage-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = readFileSync((await download.path()) ?? '', 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const [header = '', ...lines] = text.slice(1).trim().split('\r\n');
  const columns = csvFields(header);
  const ids = lines.map((line) => shown(csvFields(line)[columns.indexOf('id')] ?? ''));
  expect(ids).toEqual([filled]);
  expect(lines.map((line) => csvFields(line)[columns.indexOf('site')])).toEqual(['composer.test']);
  await expect(popup.locator('.status-text')).toHaveText('Exported 1 entry as CSV.');

  await view.getByRole('button', { name: 'Clear history' }).click();
  await expect(view.getByText('Nothing used yet. Tracks you Use appear here.')).toBeVisible();
  await expect(popup.locator('.status-text')).toHaveText('Cleared the history (1 entry)');
  await popup.getByRole('button', { name: 'Undo' }).click();
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText('composer.test');
  await expect(popup.locator('.status-text')).toHaveText('History restored (1 entry)');

  // Escape goes back to the tracks.
  await popup.keyboard.press('Escape');
  await expect(view).toHaveCount(0);
  await expect(historyButton).toBeFocused();
  await expect(popup.getByRole('searchbox', { name: 'Search tracks' })).toBeVisible();

  // The side panel shows the same history.
  const panel = await context.newPage();
  watchErrors(panel, collected);
  await panel.setViewportSize({ width: 360, height: 800 });
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  await panel.getByRole('button', { name: 'History' }).click();
  const panelEntry = panel.getByRole('region', { name: 'History' }).getByRole('listitem');
  await expect(panelEntry).toHaveCount(1);
  await expect(panelEntry).toContainText(title);
  await expect(panelEntry).toContainText('composer.test');
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds no serious issue in the History view (${scheme})`, async ({ openPage, openPopup }) => {
    // Two full axe runs on two cores: more than the default 30 s at times.
    test.setTimeout(60_000);
    const page = await openPage(PAGE);
    const popup = await openPopup();
    await popup.emulateMedia({ colorScheme: scheme });
    await connectDemo(popup);
    await popup.reload();
    const { title } = await useFirstTrack(page, popup);
    await popup.getByRole('button', { name: 'History' }).click();
    const view = popup.getByRole('region', { name: 'History' });
    await expect(view.getByRole('listitem').filter({ hasText: title })).toBeVisible();
    await expectNoSeriousViolations(popup);
    await popup.screenshot({ path: test.info().outputPath(`history-${scheme}.png`) });
    // And empty, with the Undo offered.
    await view.getByRole('button', { name: 'Clear history' }).click();
    await expect(view.getByText('Nothing used yet. Tracks you Use appear here.')).toBeVisible();
    await expect(popup.getByRole('button', { name: 'Undo' })).toBeVisible();
    await expectNoSeriousViolations(popup);
  });
}
