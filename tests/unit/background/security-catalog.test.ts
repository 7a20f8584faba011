import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createCatalogEngine } from '@/lib/background/catalog/engine';
import { normalizeCmlList } from '@/lib/background/providers/bundle-social';
import { normalizeLayersList } from '@/lib/background/providers/layers';
import { sendFromPage as send } from '@/lib/shared/messages';
import type { CatalogQuery } from '@/lib/shared/protocol';
import { createTestEnv, saveDemoCredentials, T0 } from '@/tests/fixtures/providers/test-env';
import { createSimulator } from '@/tests/simulator';

const POP_7: CatalogQuery = { source: 'bundle-social', genre: 'POP', range: '7DAY' };
const LAYERS: CatalogQuery = { source: 'layers', genre: 'POP', range: '7DAY' };
const HOUR = 3_600_000;

describe('a refresh that would empty a cached list', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await saveDemoCredentials();
  });

  it.each([
    ['bundle-social', POP_7, 'bundle.social'],
    ['layers', LAYERS, 'Layers'],
  ] as const)('%s: an empty answer keeps the cached tracks and says so', async (provider, query, name) => {
    const env = createTestEnv();
    const engine = createCatalogEngine(env);
    const first = await engine.getCatalog(query);
    expect(first.tracks.length).toBeGreaterThan(0);
    env.clock.now += HOUR;
    env.sim.setScenario(provider, 'empty');
    const answer = await engine.refreshCatalog(query);
    expect(answer.tracks).toEqual(first.tracks);
    expect(answer.parts[0]).toMatchObject({
      status: 'error',
      fetchedAt: T0,
      error: {
        kind: 'invalid-response',
        action: 'retry',
        message: `${name} sent an empty list, so the tracks shown are from the last good refresh: try again later.`,
      },
    });
  });

  it('a list mostly made of unreadable items keeps the cached tracks; a few bad items do not', async () => {
    const env = createTestEnv();
    const engine = createCatalogEngine(env);
    const first = await engine.getCatalog(POP_7);
    env.clock.now += HOUR;
    env.sim.setScenario('bundle-social', 'mixed-invalid');
    const mixed = await engine.refreshCatalog(POP_7);
    expect(mixed.tracks).toEqual(first.tracks);
    expect(mixed.parts[0]?.error?.message).toBe(
      'bundle.social sent a list Cleartune could not read (9 of 14 items), so the tracks shown are from the last good refresh: try again later, and report it if it keeps happening.',
    );
    // One unreadable item among a hundred is the provider's data, not a glitch: the list is taken.
    env.sim.setScenario('bundle-social', null);
    const list = env.sim.catalog.cml('POP', '7DAY');
    const body = JSON.stringify([null, ...list.slice(1)]);
    const oneBad = createCatalogEngine({
      ...env,
      fetch: async () => new Response(body, { status: 200, headers: { 'content-type': 'application/json' } }),
    });
    const taken = await oneBad.refreshCatalog(POP_7);
    expect(taken.parts[0]).toMatchObject({ status: 'fresh', dropped: 1, error: null });
    expect(taken.tracks).toHaveLength(list.length - 1);
  });

  it('an empty first answer is simply an empty list', async () => {
    const env = createTestEnv();
    env.sim.setScenario('bundle-social', 'empty');
    const answer = await createCatalogEngine(env).getCatalog(POP_7);
    expect(answer.parts[0]).toMatchObject({ status: 'empty', error: null });
  });
});

describe('provider text', () => {
  const sim = createSimulator({ seed: 'security-text', now: T0 });
  const controls = /[\u202A-\u202E\u2066-\u2069]/;

  it('loses bidi embedding, override and isolate controls, and keeps right-to-left scripts', () => {
    const [item] = sim.catalog.cml('POP', '7DAY');
    const cml = normalizeCmlList(
      [{ ...item, commercial_music_name: 'Mirror \u202ESong\u202C', artist: '\u2067שלום\u2069 Band' }],
      'POP',
      T0,
    );
    expect(cml?.tracks[0]).toMatchObject({ title: 'Mirror Song', artist: 'שלום Band' });
    const [track] = sim.catalog.layers();
    const layers = normalizeLayersList({
      tracks: [{ ...track, title: '\u202DLayered', author: 'مرحبا\u202E', album: '\u2066Album\u2069' }],
      total: 1,
    });
    expect(layers?.tracks[0]).toMatchObject({ title: 'Layered', artist: 'مرحبا', album: 'Album' });
    for (const value of Object.values(layers?.tracks[0] ?? {})) {
      if (typeof value === 'string') expect(value).not.toMatch(controls);
    }
  });
});

describe('the popup’s messages when the background goes away', () => {
  it('says what happened and what to do instead of repeating Chrome', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(
      new Error(
        'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received',
      ),
    );
    await expect(send('getFavorites')).rejects.toThrow(
      'Cleartune’s background stopped before it answered: try again.',
    );
  });
});
