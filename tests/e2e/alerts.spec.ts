/// <reference types="chrome" />
/**
 * Alerts in Chromium: turned on in the options page, an alert fires once after a periodic refresh
 * (the simulator's rising POP track breaks out), a second refresh does not repeat it, and its click
 * hands the tracks to the finder. Without the notifications permission nothing fires at all.
 *
 * Playwright cannot answer the browser's permission prompt. The profile is launched once to install
 * the extension, then the optional `notifications` permission is written into its preferences as
 * granted, which is what Chrome keeps after a person clicks Allow; the e2e manifest is the
 * production one, so "not granted" is tested with it as well.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from '@playwright/test';
import type { CmlTrack } from '../simulator';
import { test as base, CHROME_PATH, CHROMIUM_ARGS, expect, serviceWorkerOf } from './fixtures';
import { openConnectedPopup } from './popup-support';

const REFRESH_ALARM = 'cleartune-catalog-refresh';

const cmlKey = (item: CmlTrack) =>
  `bundle-social:${(item.trending_song_clip ?? item.full_duration_song_clip)?.song_clip_id}`;

const launch = (userDataDir: string) =>
  chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROME_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
  });

/** A profile with the extension installed and the notifications permission granted, as after "Allow". */
async function launchWithNotifications(): Promise<BrowserContext> {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'cleartune-e2e-alerts-'));
  const first = await launch(userDataDir);
  const id = new URL((await serviceWorkerOf(first)).url()).host;
  await first.close();
  const file = path.join(userDataDir, 'Default', 'Preferences');
  const prefs = JSON.parse(readFileSync(file, 'utf8'));
  const settings = prefs.extensions.settings[id];
  for (const kind of ['granted_permissions', 'active_permissions', 'runtime_granted_permissions']) {
    settings[kind] ??= {};
    settings[kind].api = [...(settings[kind].api ?? []), 'notifications'];
  }
  writeFileSync(file, JSON.stringify(prefs));
  return launch(userDataDir);
}

const test = base.extend<{ notificationsGranted: boolean }>({
  notificationsGranted: [false, { option: true }],
  context: async ({ notificationsGranted }, use) => {
    const context = notificationsGranted
      ? await launchWithNotifications()
      : await launch(mkdtempSync(path.join(tmpdir(), 'cleartune-e2e-')));
    await use(context);
    await context.close();
  },
  // The service worker's errors fail the test too: the alerts run there.
  background: async ({ context, collected }, use) => {
    const worker = await serviceWorkerOf(context);
    worker.on('console', (message) => {
      if (message.type() === 'error') collected.errors.push(`worker: ${message.text()}`);
    });
    await use(worker);
  },
});

/** What the periodic refresh alarm does when it goes off. */
const refreshNow = (background: Worker) =>
  background.evaluate(
    (name) =>
      (chrome.alarms.onAlarm as unknown as { dispatch(alarm: chrome.alarms.Alarm): void }).dispatch({
        name,
        scheduledTime: Date.now(),
      } as chrome.alarms.Alarm),
    REFRESH_ALARM,
  );

const notificationIds = (background: Worker) =>
  background.evaluate(async () => Object.keys(await chrome.notifications.getAll()));

type AlertLog = { announced: Record<string, number>; shown: { id: string; keys: string[] }[] };
const alertLog = (background: Worker) =>
  background.evaluate(
    async () => ((await chrome.storage.local.get('alertLog')).alertLog ?? null) as AlertLog | null,
  );

/** The POP list cached as a person sees it: the popup open on its default list. */
async function popCached(context: BrowserContext, openPopup: () => Promise<Page>) {
  const { sim, popup } = await openConnectedPopup(context, openPopup);
  const rising = sim.catalog.awkward('rising');
  await popup.getByRole('searchbox', { name: 'Search tracks' }).fill(rising.commercial_music_name ?? '');
  await expect(popup.locator(`li[data-key="${cmlKey(rising)}"]`)).toBeVisible();
  return { sim, popup, rising };
}

test.describe('with notifications allowed', () => {
  test.use({ notificationsGranted: true });

  test('a breakout is announced once after a refresh, and its click hands the tracks to the finder', async ({
    context,
    background,
    openPopup,
    openOptions,
  }) => {
    const { rising } = await popCached(context, openPopup);
    const options = await openOptions();
    const section = options.getByRole('region', { name: 'Alerts' });
    await section.getByRole('checkbox', { name: 'Pop', exact: true }).click();
    await expect(section.getByRole('status')).toHaveText('Cleartune will tell you about breakouts in Pop.');
    await expect(section.getByRole('checkbox', { name: 'Pop', exact: true })).toBeChecked();

    await refreshNow(background);
    await expect.poll(() => notificationIds(background)).toHaveLength(1);
    const [id] = await notificationIds(background);
    const log = await alertLog(background);
    expect(log?.shown).toEqual([
      expect.objectContaining({ id, keys: expect.arrayContaining([cmlKey(rising)]) }),
    ]);
    expect(Object.keys(log?.announced ?? {})).toContain(`${cmlKey(rising)}|breakout`);

    // The next refresh finds the same breakout: nothing new is shown.
    await refreshNow(background);
    await options.waitForTimeout(1500);
    expect(await notificationIds(background)).toEqual([id]);
    expect((await alertLog(background))?.shown).toHaveLength(1);

    // What the click hands over, as the background writes it (the finder takes it at once).
    await background.evaluate(() => {
      const seen: unknown[] = [];
      Object.assign(globalThis, { handedOver: seen });
      chrome.storage.onChanged.addListener((changes, area) => {
        if (area === 'session' && changes.finderSearch?.newValue) seen.push(changes.finderSearch.newValue);
      });
    });
    await background.evaluate(
      (notificationId) =>
        (chrome.notifications.onClicked as unknown as { dispatch(id: string): void }).dispatch(
          notificationId,
        ),
      id as string,
    );
    await expect.poll(() => notificationIds(background)).toEqual([]);
    const keys = log?.shown[0]?.keys ?? [];
    expect(
      await background.evaluate(() => (globalThis as unknown as { handedOver: unknown[] }).handedOver),
    ).toEqual([
      {
        text: '',
        at: expect.any(Number),
        keys,
        query: { source: 'bundle-social', genre: 'POP', range: '7DAY' },
      },
    ]);

    // Chrome opens the side panel only within a person's click; dispatched here, the popup opens
    // instead, showing those tracks alone. An extension page can look into it.
    const finder = () =>
      options.evaluate(() => {
        const [view] = chrome.extension.getViews({ type: 'popup' });
        const label = [...(view?.document.querySelectorAll('label') ?? [])].find((l) =>
          l.textContent?.includes('from the alert'),
        );
        return view
          ? {
              only: label?.textContent ?? null,
              checked: label?.querySelector('input')?.checked ?? null,
              rows: [...view.document.querySelectorAll('li[data-key]')].map((li) =>
                li.getAttribute('data-key'),
              ),
            }
          : null;
      });
    // The filter panel loads when first shown: the rows may be in a moment before it.
    await expect.poll(finder).toEqual({
      only: `Only the ${keys.length} tracks from the alert`,
      checked: true,
      rows: expect.arrayContaining([cmlKey(rising)]),
    });
    await expect.poll(async () => (await finder())?.rows.sort()).toEqual([...keys].sort());
    // Taken by the finder that showed it: the next open starts as usual.
    expect(
      await background.evaluate(async () => (await chrome.storage.session.get('finderSearch')).finderSearch),
    ).toBeUndefined();

    // Turning every alert off gives the permission back.
    await section.getByRole('button', { name: 'Turn all alerts off' }).click();
    await expect(section.getByRole('status')).toHaveText(
      'Alerts are off, and Cleartune gave back the permission to show notifications.',
    );
    await expect(section.getByRole('checkbox', { name: 'Pop', exact: true })).not.toBeChecked();
    await expect
      .poll(() => background.evaluate(() => chrome.permissions.contains({ permissions: ['notifications'] })))
      .toBe(false);
  });
});

test('without the notifications permission nothing fires, and the options page says why', async ({
  context,
  background,
  openPopup,
  openOptions,
}) => {
  await popCached(context, openPopup);
  await background.evaluate(() =>
    chrome.storage.local.set({ alerts: { breakoutGenres: ['POP'], favoritesTop10: false } }),
  );
  const options = await openOptions();
  const section = options.getByRole('region', { name: 'Alerts' });
  await expect(section.getByRole('checkbox', { name: 'Pop', exact: true })).toBeChecked();
  await expect(section.getByText(/^Notifications are not allowed right now/)).toBeVisible();

  await refreshNow(background);
  await options.waitForTimeout(1500);
  expect(await background.evaluate(() => typeof chrome.notifications)).toBe('undefined');
  // Nothing is marked announced: allowed later, the breakout is still told.
  expect(await alertLog(background)).toBeNull();
});
