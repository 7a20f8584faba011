/// <reference types="chrome" />
/**
 * The fault matrix: every provider fault the contract simulator can stage, for each provider, hits a
 * popup whose cache is warm (tracks fetched two hours ago, one chosen and favorited). The user must
 * see one sentence naming the provider, the cause and the fix; the cached tracks stay listed with
 * their age; the choice and favorites survive; the cached entry in storage is untouched; and nothing
 * in the service worker, the popup or any page reports an error.
 */
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { REQUEST_TIMEOUT_MS } from '../../lib/background/providers/http';
import { DEMO_CREDENTIALS, REDIRECT_TARGET, type Simulator } from '../simulator';
import {
  ageEntry,
  catalogRequests,
  ENTRY_KEYS,
  entryData,
  entryError,
  PROVIDER_NAMES,
  PROVIDERS,
  type Provider,
  shortenTimeout,
  snapshot,
  watchWorker,
  workerErrors,
} from '../support/fault-harness';
import { expect, test } from './fixtures';
import { ask, openConnectedPopup, setUpProviders } from './popup-support';

const TWO_HOURS = 2 * 60 * 60 * 1000;
/** `chrome.storage.local.QUOTA_BYTES` without `unlimitedStorage`. */
const QUOTA_BYTES = 10 * 1024 * 1024;
const MB = 1024 * 1024;
type Button = 'Open settings' | 'Retry';

interface Stage {
  sim: Simulator;
  provider: Provider;
  context: BrowserContext;
  background: Worker;
  /** The headers of every request made to another site (see `watchElsewhere`). */
  elsewhere: Record<string, string>[];
}

/**
 * Records every request to `REDIRECT_TARGET`'s host, where a followed redirect would take the key.
 * A request event, not a route: the browser follows a redirect past the context's routes.
 */
function watchElsewhere({ context, elsewhere }: Stage): void {
  const host = new URL(REDIRECT_TARGET).host;
  context.on('request', (request) => {
    if (new URL(request.url()).host === host) elsewhere.push(request.headers());
  });
}

interface Fault {
  name: string;
  arrange(stage: Stage): Promise<void> | void;
  /** The sentence the popup shows, per provider; null when the answer is usable and nothing is wrong. */
  sees: Record<Provider, string> | null;
  button?: Button | Record<Provider, Button>;
  /** Requests made to the provider's catalog for one press of Refresh (retries included). */
  requests: number;
  /** Whether the failure is written beside the cached tracks (a browser that is offline is not). */
  stored?: boolean;
  offline?: boolean;
}

const each = (sentence: (name: string) => string): Record<Provider, string> => ({
  'bundle-social': sentence(PROVIDER_NAMES['bundle-social']),
  layers: sentence(PROVIDER_NAMES.layers),
});

const FAULTS: Fault[] = [
  {
    name: '401 unauthorized',
    arrange: ({ sim, provider }) =>
      provider === 'layers'
        ? sim.revokeKey('layers', DEMO_CREDENTIALS.layersKey)
        : sim.setScenario(provider, 'not-found', { status: 401 }),
    sees: {
      'bundle-social': 'bundle.social did not accept the API key as sent: paste the key again in Settings.',
      layers: 'Layers rejected the API key: check it in Settings.',
    },
    button: 'Open settings',
    requests: 1,
  },
  {
    name: '403 forbidden',
    arrange: ({ sim, provider }) =>
      provider === 'layers'
        ? sim.addKey('layers', { key: DEMO_CREDENTIALS.layersKey, scopes: ['content:read'] })
        : sim.revokeKey('bundle-social', DEMO_CREDENTIALS.bundleSocialKey),
    sees: {
      'bundle-social': 'bundle.social rejected the API key: check it in Settings.',
      layers:
        'Layers refused the key because it lacks the publish:read scope: grant that scope or use another key in Settings.',
    },
    button: 'Open settings',
    requests: 1,
  },
  {
    name: '404 not found',
    arrange: ({ sim, provider }) => sim.setScenario(provider, 'not-found'),
    sees: {
      'bundle-social':
        'bundle.social could not find the team or the list: choose your team again in Settings.',
      layers: 'Layers could not find the music catalog: try again later.',
    },
    button: { 'bundle-social': 'Open settings', layers: 'Retry' },
    requests: 1,
  },
  {
    name: '429 with Retry-After',
    arrange: ({ sim, provider }) => sim.setScenario(provider, 'rate-limited', { retryAfter: 120 }),
    sees: each((name) => `${name} is limiting requests for now: wait 2 minutes before trying again.`),
    requests: 1,
  },
  {
    name: '500 server error',
    arrange: ({ sim, provider }) => sim.setScenario(provider, 'server-error'),
    sees: each((name) => `${name} had a server error (500): try again in a few minutes.`),
    requests: 3,
  },
  {
    name: '502 bad gateway',
    arrange: ({ sim, provider }) => sim.setScenario(provider, 'bad-gateway'),
    sees: each((name) => `${name} had a server error (502): try again in a few minutes.`),
    requests: 3,
  },
  {
    name: 'hang past the timeout',
    async arrange({ sim, provider, background }) {
      await shortenTimeout(background, REQUEST_TIMEOUT_MS, 1_000);
      sim.setScenario(provider, 'hang');
    },
    sees: each((name) => `${name} did not answer within 15 seconds: try again.`),
    requests: 3,
  },
  {
    name: 'connection refused',
    arrange: ({ sim, provider }) => sim.setScenario(provider, 'connection-refused'),
    sees: each((name) => `${name} could not be reached: check your connection and try again.`),
    requests: 3,
  },
  {
    name: 'network dropped (simulator offline)',
    arrange: ({ sim, provider }) => sim.setScenario(provider, 'offline'),
    sees: each((name) => `${name} could not be reached: check your connection and try again.`),
    requests: 3,
  },
  {
    name: 'browser offline',
    arrange: ({ context }) => context.setOffline(true),
    sees: each((name) => `You are offline, so ${name} cannot be reached: reconnect and try again.`),
    requests: 0,
    stored: false,
    offline: true,
  },
  {
    name: 'malformed JSON',
    arrange: ({ sim, provider }) => sim.setScenario(provider, 'malformed-json'),
    sees: each(
      (name) =>
        `${name} sent a response Cleartune cannot read: try again later, and report it if it keeps happening.`,
    ),
    requests: 1,
  },
  {
    name: 'HTML error page (503)',
    arrange: ({ sim, provider }) => sim.setScenario(provider, 'html-error'),
    sees: each((name) => `${name} had a server error (503): try again in a few minutes.`),
    requests: 3,
  },
  {
    name: 'HTML page with 200 (captive portal)',
    arrange: ({ sim, provider }) => sim.setScenario(provider, 'html-error', { status: 200 }),
    sees: each(
      (name) =>
        `${name} sent a response Cleartune cannot read: try again later, and report it if it keeps happening.`,
    ),
    requests: 1,
  },
  {
    name: 'valid and invalid items mixed',
    arrange: ({ sim, provider }) => sim.setScenario(provider, 'mixed-invalid'),
    sees: {
      'bundle-social':
        'bundle.social sent a list Cleartune could not read (9 of 14 items), so the tracks shown are from the last good refresh: try again later, and report it if it keeps happening.',
      layers:
        'Layers sent a list Cleartune could not read (6 of 10 items), so the tracks shown are from the last good refresh: try again later, and report it if it keeps happening.',
    },
    requests: 1,
  },
  {
    name: 'empty list',
    arrange: ({ sim, provider }) => sim.setScenario(provider, 'empty'),
    sees: each(
      (name) =>
        `${name} sent an empty list, so the tracks shown are from the last good refresh: try again later.`,
    ),
    requests: 1,
  },
  {
    name: '302 redirect to another site',
    arrange(stage) {
      watchElsewhere(stage);
      stage.sim.setScenario(stage.provider, 'redirect');
    },
    // The service worker sees only an opaque redirect, so the sentence cannot name the site.
    sees: each(
      (name) =>
        `${name} answered with a redirect. Cleartune does not follow redirects, so your key was not sent anywhere else: try again later, and report it if it keeps happening.`,
    ),
    requests: 1,
  },
  {
    name: '10 MB response',
    arrange: ({ sim, provider }) => sim.setScenario(provider, 'huge'),
    sees: each(
      (name) =>
        `${name} sent an answer larger than 8 MB, which Cleartune does not read: try again later, and report it if it keeps happening.`,
    ),
    requests: 1,
  },
  {
    name: '1 MB response (the same tracks repeated)',
    arrange: ({ sim, provider }) => sim.setScenario(provider, 'huge', { bytes: MB }),
    sees: null,
    requests: 1,
  },
];

/** A track with a plain title that, searched for, finds only that track (every word, anywhere). */
function pickTrack(sim: Simulator, provider: Provider): string {
  const plain = /^[A-Za-z][A-Za-z ]{3,30}$/;
  const cml = sim.catalog.cml('POP', '7DAY').map((item) => ({
    title: item.commercial_music_name ?? '',
    key: `${item.commercial_music_name ?? ''} ${item.artist}`.toLowerCase(),
    eligible: true,
  }));
  const layers = sim.catalog.layers().map((track) => ({
    title: track.title,
    key: `${track.title} ${track.author} ${track.album ?? ''}`.toLowerCase(),
    eligible: track.isCommerceMusic,
  }));
  const all = [...cml, ...layers];
  const finds = (title: string) => {
    const words = title.toLowerCase().split(/\s+/);
    return all.filter((track) => words.every((word) => track.key.includes(word))).length;
  };
  const pick = (provider === 'layers' ? layers : cml).find(
    (track) => track.eligible && plain.test(track.title) && finds(track.title) === 1,
  );
  if (!pick) throw new Error(`no plain title in the ${provider} catalog`);
  return pick.title;
}

async function showOnly(popup: Page, title: string): Promise<void> {
  await popup.getByRole('searchbox', { name: 'Search tracks' }).fill(title);
  await expect(popup.getByText(/^\d+ tracks?$/)).toHaveText('1 track');
}

/** The row of `title` says it is the chosen track and a favorite. */
async function expectChosenAndFavorite(popup: Page, title: string): Promise<void> {
  await showOnly(popup, title);
  const row = popup.getByRole('listitem', { name: new RegExp(`^${title} by `) });
  await expect(row.getByText('Chosen', { exact: true })).toBeVisible();
  await expect(row.getByRole('button', { name: `Favorite ${title}` })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await popup.getByRole('searchbox', { name: 'Search tracks' }).fill('');
}

test.describe.configure({ mode: 'parallel', timeout: 90_000 });

for (const fault of FAULTS) {
  for (const provider of PROVIDERS) {
    test(`${PROVIDER_NAMES[provider]}: ${fault.name}`, async ({
      context,
      background,
      openPopup,
      collected,
    }) => {
      await watchWorker(background, collected);
      const { sim } = await setUpProviders(context, { seed: 'fault-matrix' });
      const key = ENTRY_KEYS[provider];
      const popup = await openPopup();
      await ask(popup, 'saveSettings', DEMO_CREDENTIALS);
      await popup.reload();
      const count = popup.getByText(/^\d+ tracks$/);
      await expect(count).toBeVisible();

      // The user chose a track of this provider and made it a favorite; the lists are 2 hours old.
      const title = pickTrack(sim, provider);
      await showOnly(popup, title);
      await popup.getByRole('button', { name: `Use ${title}`, exact: true }).click();
      await expect(popup.getByRole('status')).toHaveText('Chosen — open a composer to fill it');
      await popup.getByRole('button', { name: `Favorite ${title}`, exact: true }).click();
      await popup.getByRole('searchbox', { name: 'Search tracks' }).fill('');
      await ageEntry(background, ENTRY_KEYS['bundle-social'], TWO_HOURS);
      await ageEntry(background, ENTRY_KEYS.layers, TWO_HOURS);
      await popup.reload();
      const age = popup.locator('.data-age');
      await expect(age).toHaveText('Updated 2 hr. ago');
      const shown = await count.innerText();
      const before = await snapshot(background);
      expect(entryData(before, key)).not.toBeNull();

      sim.resetRequests();
      const stage: Stage = { sim, provider, context, background, elsewhere: [] };
      await fault.arrange(stage);
      await popup.getByRole('button', { name: 'Refresh tracks' }).click();
      await expect(popup.getByRole('button', { name: 'Refresh tracks' })).toBeEnabled({ timeout: 30_000 });

      const problems = popup.getByRole('region', { name: 'Problems' });
      const after = await snapshot(background);
      if (fault.sees) {
        const sentence = fault.sees[provider];
        const problem = problems.locator('.problem').filter({ hasText: sentence });
        await expect(problem.getByText(sentence, { exact: true })).toBeVisible();
        const button = typeof fault.button === 'object' ? fault.button[provider] : (fault.button ?? 'Retry');
        await expect(problem.getByRole('button')).toHaveText(button);
        // Only the provider at fault speaks up, unless the whole browser is offline.
        await expect(problems.locator('.problem')).toHaveCount(fault.offline ? 2 : 1);
        // The cached tracks are still listed, with their true age.
        await expect(count).toHaveText(shown);
        await expect(age).toHaveText(fault.offline ? 'Offline — updated 2 hr. ago' : 'Updated 2 hr. ago');
        // The failed refresh left the cached list exactly as it was; only the failure is recorded.
        expect(entryData(after, key)).toEqual(entryData(before, key));
        expect(entryError(after, key)?.message ?? null).toBe(fault.stored === false ? null : sentence);
      } else {
        // A huge but valid answer is read in full: the same tracks, fetched just now, no complaint.
        await expect(problems).toHaveCount(0);
        await expect(count).toHaveText(shown);
        await expect(age).toHaveText('Updated just now');
        const entry = entryData(after, key) as { tracks: unknown[]; fetchedAt: number };
        const old = entryData(before, key) as { tracks: unknown[]; fetchedAt: number };
        expect(entry.tracks).toEqual(old.tracks);
        expect(entry.fetchedAt).toBeGreaterThan(old.fetchedAt);
        const bytes = await background.evaluate(() => chrome.storage.local.getBytesInUse(null));
        expect(bytes).toBeLessThan(QUOTA_BYTES);
      }
      expect(catalogRequests(sim, provider)).toBe(fault.requests);
      // No request, let alone one carrying a key, went anywhere but the provider.
      expect(stage.elsewhere).toEqual([]);
      await expectChosenAndFavorite(popup, title);
      for (const item of ['chosen', 'favorites', 'settings']) expect(after[item]).toEqual(before[item]);
      expect(await workerErrors(background)).toEqual([]);
    });
  }
}

test('Layers: a list too large for the cache is refused with a sentence, and every bundle.social list stays', async ({
  context,
  background,
  openPopup,
  collected,
}) => {
  test.setTimeout(120_000);
  await watchWorker(background, collected);
  const { sim, popup } = await openConnectedPopup(context, openPopup, { seed: 'fault-matrix' });
  await expect(popup.getByText(/^\d+ tracks$/)).toBeVisible();
  // A warm cache: every genre of the last 7 days, besides the default view and Layers.
  await ask(popup, 'refreshCatalog', { source: 'bundle-social', genre: 'ALL', range: '7DAY' });
  const before = await snapshot(background);
  const bundleKeys = Object.keys(before).filter((key) => key.startsWith('catalog:bundle-social:'));
  expect(bundleKeys.length).toBeGreaterThanOrEqual(42);

  // About 7 MB of distinct Layers tracks with long fields: readable, but more than one list may keep.
  sim.setScenario('layers', 'huge', { bytes: 7 * MB, distinct: true });
  await popup.getByRole('button', { name: 'Refresh tracks' }).click();
  await expect(popup.getByRole('button', { name: 'Refresh tracks' })).toBeEnabled({ timeout: 60_000 });

  const problem = popup.getByRole('region', { name: 'Problems' }).locator('.problem');
  await expect(problem).toHaveCount(1);
  await expect(problem.locator('p')).toHaveText(
    /^Layers sent a list too large to keep \(\d+(\.\d)? MB; one list may take at most 4 MB\), so it was not saved and your other cached lists were kept: try again later, and report it if it keeps happening\.$/,
  );
  const after = await snapshot(background);
  // Every list is still there with its tracks (Refresh renewed the default view's Pop list as well).
  const tracksOf = (storage: Record<string, unknown>, key: string) =>
    (storage[key] as { tracks: unknown[] } | undefined)?.tracks;
  for (const key of bundleKeys) expect(tracksOf(after, key), key).toEqual(tracksOf(before, key));
  expect(entryData(after, ENTRY_KEYS.layers)).toEqual(entryData(before, ENTRY_KEYS.layers));
  expect(entryError(after, ENTRY_KEYS.layers)?.kind).toBe('too-large');
  const bytes = await background.evaluate(() => chrome.storage.local.getBytesInUse(null));
  expect(bytes).toBeLessThan(QUOTA_BYTES);
  expect(await workerErrors(background)).toEqual([]);
});

test('a rate-limit message counts down, says when the wait is over, and Retry then works', async ({
  context,
  background,
  openPopup,
  collected,
}) => {
  await watchWorker(background, collected);
  const { sim, popup } = await openConnectedPopup(context, openPopup, { seed: 'fault-matrix' });
  await expect(popup.getByText(/^\d+ tracks$/)).toBeVisible();

  sim.setScenario('layers', 'rate-limited', { retryAfter: 12 });
  await popup.getByRole('button', { name: 'Refresh tracks' }).click();
  const problem = popup.getByRole('region', { name: 'Problems' }).locator('.problem');
  const sentence = problem.locator('p');
  await expect(sentence).toHaveText(
    /^Layers is limiting requests for now: wait 1[12] seconds before trying again\.$/,
  );
  await expect(problem.getByRole('button', { name: 'Retry' })).toBeDisabled();
  // A few seconds later it says less, not the number it said at first (a wait over 10 s is not waited out).
  await expect(sentence).toHaveText(
    /^Layers is limiting requests for now: wait [1-9] seconds? before trying again\.$/,
    {
      timeout: 5_000,
    },
  );
  await expect(sentence).toHaveText('Layers should take requests again: try again now.', { timeout: 12_000 });
  await expect(problem.getByRole('button', { name: 'Retry' })).toBeEnabled();

  sim.setScenario('layers', null);
  sim.resetRequests();
  await problem.getByRole('button', { name: 'Retry' }).click();
  await expect(popup.getByRole('region', { name: 'Problems' })).toHaveCount(0);
  expect(catalogRequests(sim, 'layers')).toBe(1);
  expect(await workerErrors(background)).toEqual([]);
});
