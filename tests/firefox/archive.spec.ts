/**
 * The archive these specs install is the store archive plus the test origin, nothing else: same
 * manifest (gecko id, minimum version, permissions, background, sidebar, commands), the content
 * script matching `https://composer.test/*` besides what the store archive matches.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { readZip } from '../support/zip-entries';
import { e2eArchive, GECKO_ID, OUT_DIR } from './harness/firefox';

const TEST_ORIGIN = 'https://composer.test/*';

function manifestOf(file: string): Record<string, unknown> & {
  host_permissions: string[];
  content_scripts: { matches: string[] }[];
} {
  const manifest = readZip(file).get('manifest.json');
  if (!manifest) throw new Error(`${file} has no manifest.json`);
  return JSON.parse(manifest.toString('utf8'));
}

test('the tested Firefox archive is the store archive plus the test origin only', () => {
  const storeName = readdirSync(OUT_DIR).find((file) => /-firefox\.zip$/.test(file));
  if (!storeName) throw new Error(`no store *-firefox.zip in ${OUT_DIR}: run npm run build:firefox-tests`);
  const store = manifestOf(path.join(OUT_DIR, storeName));
  const tested = manifestOf(e2eArchive());

  expect(store.browser_specific_settings).toMatchObject({
    gecko: { id: GECKO_ID, strict_min_version: expect.stringMatching(/^\d+\.\d+$/) },
  });
  expect(JSON.stringify(store)).not.toContain('composer.test');

  const { host_permissions, content_scripts, ...rest } = tested;
  const { host_permissions: storeHosts, content_scripts: storeScripts, ...storeRest } = store;
  expect(rest).toEqual(storeRest);
  expect(host_permissions).toEqual([...storeHosts, TEST_ORIGIN]);
  expect(content_scripts).toEqual(
    storeScripts.map((script) => ({ ...script, matches: [...script.matches, TEST_ORIGIN] })),
  );
});
