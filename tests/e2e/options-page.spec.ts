/// <reference types="chrome" />
/**
 * The options page end to end: connection results, composer sites, export and import.
 *
 * Not covered here: Chromium's permission prompt for a new site cannot be clicked in a test, so
 * adding a site is exercised with the e2e build's test origin (already granted by its manifest, so
 * the request resolves without a prompt); a refused prompt is covered by the component test.
 */
import { readFileSync } from 'node:fs';
import { DEMO_CREDENTIALS, UNKNOWN_KEYS } from '../simulator';
import { expect, test } from './fixtures';
import { ask, setUpProviders } from './popup-support';

test('a refused key fails its connection test with the reason', async ({ context, openOptions }) => {
  await setUpProviders(context);
  const options = await openOptions();
  await options.getByLabel('Layers API key').fill(UNKNOWN_KEYS.layers);
  await options.getByRole('button', { name: 'Test connection to Layers' }).click();
  await expect(options.getByText(/^✗ Failed — .*Layers/)).toBeVisible();
});

test('composer sites: validated, added with access, listed and removed', async ({ context, openOptions }) => {
  await setUpProviders(context);
  const options = await openOptions();
  const address = options.getByRole('textbox', { name: 'Site address' });
  await address.fill('ftp://composer.test');
  await options.getByRole('button', { name: 'Add site' }).click();
  await expect(options.getByText(/Enter the address of a site as an origin/)).toBeVisible();

  await address.fill('composer.test');
  await options.getByRole('button', { name: 'Add site' }).click();
  await expect(options.getByText('Added https://composer.test.')).toBeVisible();
  const list = options.getByRole('list', { name: 'Composer sites' });
  await expect(list.getByText('https://composer.test')).toBeVisible();
  await expect
    .poll(async () => (await ask<{ composerSites: string[] }>(options, 'getSettings')).composerSites)
    .toEqual(['https://composer.test']);

  await options.getByRole('button', { name: 'Remove https://composer.test' }).click();
  await expect(options.getByText('Removed https://composer.test.')).toBeVisible();
  await expect(options.getByText('No other sites yet.')).toBeVisible();
});

test('export leaves keys out unless asked; import reads a file back', async ({ context, openOptions }) => {
  await setUpProviders(context);
  const options = await openOptions();
  await ask(options, 'saveSettings', { ...DEMO_CREDENTIALS, defaultGenre: 'DANCE_POP' });
  await options.reload();

  const [plain] = await Promise.all([
    options.waitForEvent('download'),
    options.getByRole('button', { name: 'Export settings' }).click(),
  ]);
  expect(plain.suggestedFilename()).toMatch(/^cleartune-settings-\d{4}-\d{2}-\d{2}\.json$/);
  const plainText = readFileSync((await plain.path()) ?? '', 'utf8');
  expect(JSON.parse(plainText)).toMatchObject({ defaultGenre: 'DANCE_POP', teamId: DEMO_CREDENTIALS.teamId });
  expect(plainText).not.toContain(DEMO_CREDENTIALS.bundleSocialKey);

  await options.getByRole('checkbox', { name: 'Include API keys' }).check();
  const [withKeys] = await Promise.all([
    options.waitForEvent('download'),
    options.getByRole('button', { name: 'Export settings' }).click(),
  ]);
  expect(readFileSync((await withKeys.path()) ?? '', 'utf8')).toContain(DEMO_CREDENTIALS.bundleSocialKey);

  await options.getByLabel('Import settings').setInputFiles({
    name: 'settings.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ format: 'cleartune-settings', defaultRange: '30DAY', mystery: 1 })),
  });
  await expect(options.getByText('Settings imported.')).toBeVisible();
  await expect(options.getByText('Ignored the unknown field "mystery".')).toBeVisible();
  expect((await ask<{ defaultRange: string }>(options, 'getSettings')).defaultRange).toBe('30DAY');
});

test('two windows: a key removed during a slow test stays removed, and each window shows what is stored', async ({
  context,
  openOptions,
}) => {
  const { sim } = await setUpProviders(context);
  const first = await openOptions();
  const second = await openOptions();
  // Layers answers slowly: the first window's test is still on its way while the second acts.
  sim.setScenario('layers', 'latency', { ms: 3000 });
  await first.getByLabel('Layers API key').fill(DEMO_CREDENTIALS.layersKey);
  await first.getByRole('button', { name: 'Test connection to Layers' }).click();
  await expect
    .poll(async () => (await ask<{ layersKey: string | null }>(second, 'getSettings')).layersKey)
    .not.toBeNull();
  await second.reload();
  await second.getByRole('button', { name: 'Remove Layers key' }).click();
  await expect(second.getByText('Layers key removed.')).toBeVisible();
  await second.getByLabel('Default genre').selectOption('JAZZ');
  await second.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(second.getByText('Settings saved.')).toBeVisible();

  // The first window follows: no key, the genre the second one saved.
  await expect(first.getByRole('button', { name: 'Remove Layers key' })).toHaveCount(0);
  await expect(first.getByLabel('Default genre')).toHaveValue('JAZZ');
  await expect(first.getByText(/^✓ Passed — Layers works/)).toBeVisible({ timeout: 15_000 });
  // Its Save writes only what was changed there: neither the key nor the old genre comes back.
  await first.getByLabel('Default date range').selectOption('30DAY');
  await first.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(first.getByText('Settings saved.')).toBeVisible();
  const stored = await ask<{ layersKey: string | null; defaultGenre: string; defaultRange: string }>(
    first,
    'getSettings',
  );
  expect(stored).toMatchObject({ layersKey: null, defaultGenre: 'JAZZ', defaultRange: '30DAY' });
});
