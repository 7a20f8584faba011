/**
 * What Cleartune keeps survives quitting Firefox: the same profile started again (the add-on
 * installed once, permanently, as a user installs it) still has the settings, the cached lists
 * (shown without asking the providers again), the favorite, the chosen track and the history, and
 * its context menu is back.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_CREDENTIALS } from '../simulator';
import { catalogRequests } from '../support/fault-harness';
import { FIXTURE_PAGES } from './harness/composers';
import {
  COUNT,
  inRow,
  openConnectedPopup,
  pressed,
  ROW,
  type Row,
  rowOf,
  showCmlOnly,
  useUntilFilled,
} from './harness/finder';
import { type Firefox, launchFirefox } from './harness/firefox';
import { expect, test } from './harness/fixtures';
import { click, expectText, expectValue, fieldValue, fill, role, textOf, WAIT } from './harness/page';

const COMPOSER = 'https://composer.test/plain';

/** Runs `steps` in a Firefox on `profile`, then checks it reported no error and quits it. */
async function session(
  options: { proxyPort: number; profile: string; install: boolean },
  steps: (firefox: Firefox) => Promise<void>,
): Promise<void> {
  const firefox = await launchFirefox({
    proxyPort: options.proxyPort,
    userDataDir: options.profile,
    install: options.install,
  });
  try {
    await steps(firefox);
    expect(await firefox.takeErrors(), 'errors reported by Firefox').toEqual([]);
  } finally {
    await firefox.close();
  }
}

test('settings, cached lists, favorites, the choice and history survive a restart of Firefox', async ({
  proxy,
  sim,
}) => {
  proxy.serve(COMPOSER, { body: FIXTURE_PAGES.plain() });
  const profile = mkdtempSync(path.join(tmpdir(), 'cleartune-firefox-profile-'));
  let row: Row | undefined;
  let count: string | null = null;
  let filled: string | null = null;
  try {
    await session({ proxyPort: proxy.port, profile, install: true }, async (firefox) => {
      await firefox.closeSidebar();
      const composer = await firefox.openPage(COMPOSER);
      await composer.locator('::-p-text(Insert chosen track)').setTimeout(WAIT.timeout).wait();
      await click(composer, '#music_sound_id');
      const popup = await openConnectedPopup(firefox, { defaultGenre: 'DANCE_POP' });
      await showCmlOnly(popup);
      row = await rowOf(popup);
      count = await textOf(popup, COUNT);
      await click(popup, inRow(row, `Favorite ${row.title}`));
      await expect
        .poll(() => pressed(popup, row as Row, `Favorite ${(row as Row).title}`), WAIT)
        .toBe('true');
      await useUntilFilled(popup, row);
      filled = await fieldValue(composer, '#music_sound_id');
      expect(filled).toMatch(/^\d{19}$/);
    });

    sim.resetRequests();
    await session({ proxyPort: proxy.port, profile, install: false }, async (firefox) => {
      const popup = await firefox.openExtensionPage('popup.html');
      await popup.locator(ROW).setTimeout(WAIT.timeout).wait();
      const kept = row as Row;
      // The stored default genre, and its list from the cache: no provider was asked again.
      expect(await fieldValue(popup, role('combobox', 'Genre'))).toBe('DANCE_POP');
      await showCmlOnly(popup);
      await expectText(popup, COUNT, count ?? '');
      expect(catalogRequests(sim, 'bundle-social')).toBe(0);
      expect(catalogRequests(sim, 'layers')).toBe(0);

      await fill(popup, role('searchbox', 'Search tracks'), kept.title);
      await expect.poll(async () => (await rowOf(popup)).label, WAIT).toBe(kept.label);
      await expect.poll(() => pressed(popup, kept, `Favorite ${kept.title}`), WAIT).toBe('true');
      await expect.poll(() => textOf(popup, role('listitem', kept.label)), WAIT).toContain('Chosen');

      await click(popup, role('button', 'History'));
      const history = role('region', 'History');
      await expect.poll(() => textOf(popup, history), WAIT).toContain(kept.title);
      expect(await textOf(popup, history)).toContain('composer.test');

      const options = await firefox.openExtensionPage('options.html', { width: 1000, height: 800 });
      await expect
        .poll(() => textOf(options, 'body'), WAIT)
        .toContain(`${DEMO_CREDENTIALS.bundleSocialKey.slice(0, 8)}…`);
      expect(await fieldValue(options, role('combobox', 'Default genre'))).toBe('DANCE_POP');

      // The context menu is back after the restart, naming the chosen track, and inserts it.
      const composer = await firefox.openPage(COMPOSER);
      await composer.locator('::-p-text(Insert chosen track)').setTimeout(WAIT.timeout).wait();
      await composer.locator('#music_sound_id').click({ button: 'right' });
      const artist = kept.label.slice(kept.title.length + ' by '.length);
      const offered = `Insert chosen track — ${kept.title} · ${artist}`;
      expect(await firefox.contextMenu(offered, offered)).toEqual([{ label: offered, enabled: true }]);
      await expectValue(composer, '#music_sound_id', filled ?? '');
    });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});
