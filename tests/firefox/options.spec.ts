/**
 * The options page in Firefox: both providers connected as a person does it (the team list comes
 * from the key), saved, shown masked, and each connection tested.
 */
import { DEMO_CREDENTIALS, DEMO_TEAM_ID } from '../simulator';
import { expect, test } from './harness/fixtures';
import { connectThroughOptions } from './harness/options';
import { click, countOf, fieldValue, label, role, textOf, WAIT } from './harness/page';

test('options: connect both providers, pick the team, save, and test both connections; no key lies readable in storage', async ({
  firefox,
  sim,
}) => {
  const options = await firefox.openExtensionPage('options.html', { width: 1000, height: 900 });
  await connectThroughOptions(options);
  expect(await fieldValue(options, role('combobox', 'Team'))).toBe(DEMO_TEAM_ID);
  // Shown masked from now on, never in full.
  await expect
    .poll(() => textOf(options, 'body'), WAIT)
    .toContain(`${DEMO_CREDENTIALS.bundleSocialKey.slice(0, 8)}…`);
  expect(await fieldValue(options, label('bundle.social API key'))).toBe('');
  expect(await textOf(options, 'body')).not.toContain(DEMO_CREDENTIALS.bundleSocialKey);

  // Firefox has no access level for storage.local, so a content script can read all of it: the keys
  // may sit there only sealed (their AES key lives in the extension's own IndexedDB).
  const stored = await options.evaluate(async () => {
    const api = (globalThis as unknown as { browser: typeof chrome }).browser;
    return JSON.stringify([await api.storage.local.get(null), await api.storage.sync.get(null)]);
  });
  expect(stored).toContain('"secrets"');
  for (const key of [DEMO_CREDENTIALS.bundleSocialKey, DEMO_CREDENTIALS.layersKey]) {
    expect(stored).not.toContain(key);
    expect(stored).not.toContain(key.slice(-12));
  }

  sim.resetRequests();
  await click(options, role('button', 'Test connection to bundle.social'));
  await click(options, role('button', 'Test connection to Layers'));
  await expect.poll(() => countOf(options, '::-p-text(✓ Passed — )'), WAIT).toBe(2);
  // Each test made real requests, with the saved keys.
  expect(sim.count({ provider: 'layers', status: 200 })).toBeGreaterThan(0);
  expect(sim.count({ provider: 'bundle-social', status: 200 })).toBeGreaterThan(0);
});
