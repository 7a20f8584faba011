/** The options page from a person's side: connecting both providers through its form. */
import type { Page } from 'puppeteer-core';
import { DEMO_CREDENTIALS, DEMO_TEAM_ID } from '../../simulator';
import { expect } from './fixtures';
import { choose, click, fill, label, role, textOf, WAIT } from './page';

/**
 * Types the demo keys, picks the team bundle.social lists for the key (its organisation has two),
 * and saves, waiting for "Settings saved.".
 */
export async function connectThroughOptions(options: Page): Promise<void> {
  await fill(options, label('bundle.social API key'), DEMO_CREDENTIALS.bundleSocialKey);
  const team = role('combobox', 'Team');
  await expect
    .poll(() => options.$$eval(`${team} option`, (list) => list.map((o) => o.textContent)), WAIT)
    .toContain('Northwind Social');
  await choose(options, team, DEMO_TEAM_ID);
  await fill(options, label('Layers API key'), DEMO_CREDENTIALS.layersKey);
  await click(options, role('button', 'Save'));
  await expect.poll(() => textOf(options, 'body'), WAIT).toContain('Settings saved.');
}
