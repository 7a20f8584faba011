/// <reference types="chrome" />
/**
 * The popup end to end, against the contract simulator: connect through the options page as a
 * user would, then find a rising Dance Pop track from the last 7 days, hear it, use it, copy its id.
 */
import type { Page } from '@playwright/test';
import { type CmlTrack, DEMO_CREDENTIALS, DEMO_TEAM_ID } from '../simulator';
import { expect, test, watchErrors } from './fixtures';
import { setUpProviders } from './popup-support';

/** Places gained over the last 7 ranked days, as the popup computes "rising fastest". */
function risingGain(item: CmlTrack): number | null {
  const ranks = item.trending_history
    .map((point) => (point.rank_position_daily === null ? null : Number(point.rank_position_daily)))
    .filter((rank): rank is number => rank !== null)
    .slice(-7);
  return ranks.length < 2 ? null : (ranks[0] as number) - (ranks[ranks.length - 1] as number);
}

async function connectThroughOptions(options: Page): Promise<void> {
  await options.getByLabel('bundle.social API key').fill(DEMO_CREDENTIALS.bundleSocialKey);
  const team = options.getByRole('combobox', { name: 'Team' });
  await expect(team.getByRole('option', { name: 'Northwind Social' })).toBeAttached();
  await team.selectOption(DEMO_TEAM_ID);
  await options.getByLabel('Layers API key').fill(DEMO_CREDENTIALS.layersKey);
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(options.getByText('Settings saved.')).toBeVisible();
  // Shown masked from now on, never in full.
  await expect(options.getByText(`${DEMO_CREDENTIALS.bundleSocialKey.slice(0, 8)}…`)).toBeVisible();
  await expect(options.getByLabel('bundle.social API key')).toHaveValue('');

  await options.getByRole('button', { name: 'Test connection to bundle.social' }).click();
  await expect(options.getByText(/^✓ Passed — /).first()).toBeVisible();
  await options.getByRole('button', { name: 'Test connection to Layers' }).click();
  await expect(options.getByText(/^✓ Passed — /)).toHaveCount(2);
}

test('first run: the popup leads to the options page in one click', async ({ context, openPopup }) => {
  await setUpProviders(context);
  const popup = await openPopup();
  await expect(
    popup.getByRole('heading', { name: 'Connect a provider to see trending tracks' }),
  ).toBeVisible();
  await expect(popup.getByRole('searchbox')).toHaveCount(0);
  const [options] = await Promise.all([
    context.waitForEvent('page'),
    popup.getByRole('button', { name: 'Open settings' }).click(),
  ]);
  await expect(options).toHaveURL(/options\.html/);
  await expect(options.getByRole('heading', { name: 'Cleartune settings' })).toBeVisible();
});

test('connect, find a rising Dance Pop track, preview it, use it and copy its id', async ({
  context,
  openPopup,
  openOptions,
}) => {
  const { sim, media } = await setUpProviders(context);
  await connectThroughOptions(await openOptions());

  const popup = await openPopup();
  await popup.getByRole('combobox', { name: 'Genre' }).selectOption('DANCE_POP');
  await popup.getByRole('combobox', { name: 'Date range' }).selectOption('7DAY');
  await popup.getByRole('combobox', { name: 'Source' }).selectOption('bundle-social');
  await popup.getByRole('combobox', { name: 'Sort' }).selectOption('rising');
  const chart = sim.catalog.cml('DANCE_POP', '7DAY');
  await expect(popup.getByText(`${chart.length} tracks`)).toBeVisible();
  expect(sim.count({ provider: 'bundle-social', genre: 'DANCE_POP', dateRange: '7DAY' })).toBe(1);

  // The fastest riser is first, and its sparkline says by how much.
  const best = Math.max(...chart.map((item) => risingGain(item) ?? Number.NEGATIVE_INFINITY));
  const firstRow = popup.getByRole('listitem').first();
  await expect(
    firstRow.getByRole('img', { name: new RegExp(`^Rank trend: up ${best} places in \\d+ days$`) }),
  ).toBeVisible();
  const label = (await firstRow.getAttribute('aria-label')) ?? '';
  const title = label.slice(0, label.lastIndexOf(' by '));
  const item = chart.find(
    (candidate) => risingGain(candidate) === best && (candidate.commercial_music_name ?? '') === title,
  );
  expect(item, `the top riser "${title}" is in the chart`).toBeTruthy();
  if (!item) return;

  // Search narrows the list on every keystroke, accent- and case-insensitively.
  const search = popup.getByRole('searchbox', { name: 'Search tracks' });
  await search.fill(title.toUpperCase());
  await expect(popup.getByRole('listitem').first()).toHaveAttribute('aria-label', label);

  // Preview: the shared audio element gets the trending clip's preview and plays it.
  const row = popup.getByRole('listitem', { name: label });
  const preview = row.getByRole('button', { name: `Preview ${title}` });
  await preview.click();
  const expectedPreview =
    item.trending_song_clip?.preview_url ?? item.full_duration_song_clip?.preview_url ?? item.preview_url;
  await expect(popup.getByTestId('preview-audio')).toHaveAttribute('src', expectedPreview ?? '');
  await expect(preview).toHaveAttribute('aria-pressed', 'true');
  await expect
    .poll(() => popup.getByTestId('preview-audio').evaluate((audio: HTMLAudioElement) => !audio.paused))
    .toBe(true);
  // \`paused\` turns false when play() is called, which can be before the request reaches the route.
  await expect.poll(() => media.audio).toContain(expectedPreview);
  await preview.click();
  await expect(preview).toHaveAttribute('aria-pressed', 'false');

  // Use: chosen (no composer tab is open) and said so.
  await row.getByRole('button', { name: `Use ${title}` }).click();
  await expect(popup.getByRole('status')).toHaveText('Chosen — open a composer to fill it');
  await expect(row.getByText('Chosen')).toBeVisible();

  // Copy ID: the exact 19-digit string of the selected clip.
  const expectedId = item.trending_song_clip?.song_clip_id ?? item.full_duration_song_clip?.song_clip_id;
  await row.getByRole('button', { name: `Copy ID of ${title}` }).click();
  await expect(row.getByRole('button', { name: `Copied ID of ${title}` })).toHaveText('Copied');
  const copied = await popup.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/^\d{19}$/);
  expect(copied).toBe(expectedId);
});

test('a provider error shows its message and a fix, and cached tracks stay', async ({
  context,
  openPopup,
}) => {
  const { sim } = await setUpProviders(context);
  const popup = await openPopup();
  await popup.evaluate(
    (data) => chrome.runtime.sendMessage({ type: 'saveSettings', data }),
    DEMO_CREDENTIALS,
  );
  sim.setScenario('bundle-social', 'server-error');
  await popup.reload();
  const problems = popup.getByRole('region', { name: 'Problems' });
  await expect(problems).toContainText('bundle.social');
  await expect(problems.getByRole('button', { name: 'Retry' })).toBeVisible();
  // Layers still answers: its tracks are listed under the error.
  await expect(popup.getByRole('listitem').first()).toBeVisible();

  sim.setScenario('bundle-social', null);
  await problems.getByRole('button', { name: 'Retry' }).click();
  await expect(popup.getByRole('region', { name: 'Problems' })).toHaveCount(0);
});

test('a refused key offers the way to settings', async ({ context, openPopup }) => {
  const { sim } = await setUpProviders(context);
  const popup = await openPopup();
  await popup.evaluate(
    (data) => chrome.runtime.sendMessage({ type: 'saveSettings', data }),
    DEMO_CREDENTIALS,
  );
  sim.revokeKey('layers', DEMO_CREDENTIALS.layersKey);
  await popup.reload();
  await popup.getByRole('combobox', { name: 'Source' }).selectOption('layers');
  const problems = popup.getByRole('region', { name: 'Problems' });
  await expect(problems).toContainText('Layers');
  const [options] = await Promise.all([
    context.waitForEvent('page'),
    problems.getByRole('button', { name: 'Open settings' }).click(),
  ]);
  await expect(options).toHaveURL(/options\.html/);
});

test('a preview that cannot play says so', async ({ context, extensionId, collected }) => {
  await setUpProviders(context, { failAudio: true });
  // The 404 for the preview is the point of this test; any other console error still fails it.
  const popup = await context.newPage();
  watchErrors(popup, collected, [/Failed to load resource: the server responded with a status of 404/]);
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.evaluate(
    (data) => chrome.runtime.sendMessage({ type: 'saveSettings', data }),
    DEMO_CREDENTIALS,
  );
  await popup.reload();
  const row = popup.getByRole('listitem').first();
  const label = (await row.getAttribute('aria-label')) ?? '';
  const title = label.slice(0, label.lastIndexOf(' by '));
  await row.getByRole('button', { name: `Preview ${title}` }).click();
  await expect(popup.getByRole('status')).toHaveText(`Preview unavailable for ${title}`);
  await expect(row.getByRole('button', { name: `Preview ${title}` })).toHaveAttribute(
    'aria-pressed',
    'false',
  );
});

test('empty results say which filter excluded everything', async ({ context, openPopup }) => {
  await setUpProviders(context);
  const popup = await openPopup();
  await popup.evaluate(
    (data) => chrome.runtime.sendMessage({ type: 'saveSettings', data }),
    DEMO_CREDENTIALS,
  );
  await popup.reload();
  await expect(popup.getByRole('listitem').first()).toBeVisible();
  await popup.getByRole('button', { name: 'Filters' }).click();
  await popup.getByRole('checkbox', { name: 'Favorites only' }).check();
  await expect(popup.getByText('None of your favorites is in this list.')).toBeVisible();
  await popup.getByRole('button', { name: 'Show all tracks' }).click();
  await expect(popup.getByRole('listitem').first()).toBeVisible();
});
