/// <reference types="chrome" />

import { createSimulator, DEMO_CREDENTIALS } from '../simulator';
import { installSimulator } from '../simulator/playwright';
import { expect, test } from './fixtures';
import { setUpProviders } from './popup-support';

type Reply<T> = { ok: true; value: T } | { ok: false; error: string };
interface Answer {
  tracks: { id: string; title: string; idKind: string; previewExpiresAt: number | null }[];
  parts: {
    provider: string;
    status: string;
    fetchedAt: number | null;
    error: { kind: string; action: string; message: string } | null;
  }[];
}

test('the background fetches and caches a real catalog, then serves the next ask from its cache', async ({
  context,
  openPopup,
}) => {
  // Media too: once the key is saved, the popup paints its own default list with covers.
  const { sim } = await setUpProviders(context, { seed: 'e2e-catalog' });
  const page = await openPopup();
  const send = <T>(message: unknown) =>
    page.evaluate((m) => chrome.runtime.sendMessage(m), message) as Promise<Reply<T>>;

  const saved = await send<{ bundleSocialKey: string; teamId: string }>({
    type: 'saveSettings',
    data: DEMO_CREDENTIALS,
  });
  expect(saved.ok).toBe(true);
  if (!saved.ok) return;
  // The key never comes back whole.
  expect(saved.value.bundleSocialKey).toBe(
    `${DEMO_CREDENTIALS.bundleSocialKey.slice(0, 8)}…${DEMO_CREDENTIALS.bundleSocialKey.slice(-4)}`,
  );

  const query = { source: 'all', genre: 'HIP_HOP/RAP', range: '7DAY' };
  const first = await send<Answer>({ type: 'getCatalog', data: query });
  if (!first.ok) throw new Error(first.error);
  expect(first.value.parts.map((p) => [p.provider, p.status])).toEqual([
    ['bundle-social', 'fresh'],
    ['layers', 'fresh'],
  ]);
  const expectedCml = sim.catalog.cml('HIP_HOP/RAP', '7DAY');
  const cmlTracks = first.value.tracks.filter((t) => t.idKind === 'cml-song-clip');
  expect(cmlTracks).toHaveLength(expectedCml.length);
  expect(first.value.tracks.length).toBe(expectedCml.length + sim.catalog.layers().length);
  // The genre went out URL-encoded, with the key in its header.
  const cmlRequests = sim.filter({
    provider: 'bundle-social',
    path: '/api/v1/misc/tiktok/cml/trending-list',
  });
  expect(cmlRequests).toHaveLength(1);
  expect(cmlRequests[0]?.search).toContain('genre=HIP_HOP%2FRAP');
  // The popup itself may ask for its own default list meanwhile; only this query's requests count.
  const requestsFor = () => ({
    cml: sim.count({
      provider: 'bundle-social',
      path: '/api/v1/misc/tiktok/cml/trending-list',
      genre: 'HIP_HOP/RAP',
    }),
    layers: sim.count({ provider: 'layers' }),
  });
  expect(requestsFor()).toEqual({ cml: 1, layers: 1 });

  // A fresh popup (a new page) asks again: answered from storage, no request.
  await page.close();
  const again = await openPopup();
  const second = (await again.evaluate((m) => chrome.runtime.sendMessage(m), {
    type: 'getCatalog',
    data: query,
  })) as Reply<Answer>;
  if (!second.ok) throw new Error(second.error);
  expect(second.value.tracks.map((t) => t.id)).toEqual(first.value.tracks.map((t) => t.id));
  expect(second.value.parts.map((p) => p.fetchedAt)).toEqual(first.value.parts.map((p) => p.fetchedAt));
  expect(requestsFor()).toEqual({ cml: 1, layers: 1 });
});

test('a rejected key becomes an actionable error, and the provider is not asked again at once', async ({
  context,
  openPopup,
}) => {
  const sim = createSimulator({ seed: 'e2e-catalog-errors' });
  sim.revokeKey('bundle-social', DEMO_CREDENTIALS.bundleSocialKey);
  await installSimulator(context, sim);
  const page = await openPopup();
  const send = <T>(message: unknown) =>
    page.evaluate((m) => chrome.runtime.sendMessage(m), message) as Promise<Reply<T>>;
  await send({ type: 'saveSettings', data: { ...DEMO_CREDENTIALS, layersKey: null } });
  const query = { source: 'all', genre: 'ROCK', range: '1DAY' };
  const answer = await send<Answer>({
    type: 'getCatalog',
    data: query,
  });
  if (!answer.ok) throw new Error(answer.error);
  expect(answer.value.parts.map((p) => [p.provider, p.status, p.error?.kind, p.error?.action])).toEqual([
    ['bundle-social', 'error', 'forbidden', 'open-settings'],
    ['layers', 'error', 'not-configured', 'open-settings'],
  ]);
  expect(answer.value.parts[0]?.error?.message).toBe(
    'bundle.social rejected the API key: check it in Settings.',
  );
  const rockRequests = () => sim.count({ provider: 'bundle-social', genre: 'ROCK' });
  expect(rockRequests()).toBe(1);
  await send({ type: 'getCatalog', data: query });
  expect(rockRequests()).toBe(1);
  expect(sim.count({ provider: 'layers' })).toBe(0);
});
