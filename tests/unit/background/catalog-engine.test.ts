import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createCatalogEngine } from '@/lib/background/catalog/engine';
import { DEFAULT_SETTINGS, settingsItem, takeNotices } from '@/lib/background/storage';
import {
  createTestEnv,
  HOUR,
  MIN,
  POP_7,
  saveDemoCredentials,
  summary,
  T0,
  TRENDING,
} from '@/tests/fixtures/providers/test-env';
import { AWKWARD, BIG_ID, DEMO_CREDENTIALS } from '@/tests/simulator';

describe('the catalog engine', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await saveDemoCredentials();
  });

  it('waits for the first fetch when nothing is cached, then answers from the cache without a request', async () => {
    const env = createTestEnv();
    const engine = createCatalogEngine(env);
    const first = await engine.getCatalog(POP_7);
    expect(first.parts).toEqual([
      { provider: 'bundle-social', status: 'fresh', fetchedAt: T0, dropped: 0, error: null },
    ]);
    const expectedIds = env.sim.catalog
      .cml('POP', '7DAY')
      .map((item) => (item.trending_song_clip ?? item.full_duration_song_clip)?.song_clip_id);
    expect(first.tracks.map((t) => t.id)).toEqual(expectedIds);
    env.clock.now += HOUR;
    const second = await engine.getCatalog(POP_7);
    expect(second.tracks).toEqual(first.tracks);
    expect(env.sim.count({ path: TRENDING })).toBe(1);
  });

  it('keeps a 19-digit id byte for byte from the wire to storage and back, across a restart', async () => {
    const env = createTestEnv();
    await createCatalogEngine(env).getCatalog(POP_7);
    const raw = (await browser.storage.local.get('catalog:bundle-social:7DAY:POP'))[
      'catalog:bundle-social:7DAY:POP'
    ] as string;
    expect(raw).toContain(`"${BIG_ID}"`);
    const restarted = await createCatalogEngine(env).getCatalog(POP_7);
    expect(restarted.tracks[AWKWARD.bigId.index]?.id).toBe(BIG_ID);
    expect(restarted.tracks[AWKWARD.bigId.index]?.clips?.trending?.id).toBe(BIG_ID);
  });

  it('answers a provider without a key with not-configured and makes no request', async () => {
    await settingsItem.set(DEFAULT_SETTINGS);
    const env = createTestEnv();
    const answer = await createCatalogEngine(env).getCatalog({ ...POP_7, source: 'all' });
    expect(answer.parts.map((p) => [p.provider, p.status, p.error?.kind, p.error?.action])).toEqual([
      ['bundle-social', 'error', 'not-configured', 'open-settings'],
      ['layers', 'error', 'not-configured', 'open-settings'],
    ]);
    expect(env.sim.requests).toHaveLength(0);
  });

  it('asks for a team when bundle.social has a key but no team', async () => {
    await settingsItem.set({ ...DEFAULT_SETTINGS, bundleSocialKey: DEMO_CREDENTIALS.bundleSocialKey });
    const env = createTestEnv();
    const [part] = (await createCatalogEngine(env).getCatalog(POP_7)).parts;
    expect(part?.error?.message).toBe(
      'bundle.social needs a team before it can list tracks: choose one in Settings.',
    );
    expect(env.sim.requests).toHaveLength(0);
  });

  it('combines both providers for source "all", each id with its own kind', async () => {
    const env = createTestEnv();
    const answer = await createCatalogEngine(env).getCatalog({ ...POP_7, source: 'all' });
    expect(summary(answer)).toEqual([
      { provider: 'bundle-social', status: 'fresh', error: null },
      { provider: 'layers', status: 'fresh', error: null },
    ]);
    const kinds = new Set(answer.tracks.map((t) => `${t.provider}/${t.idKind}`));
    expect(kinds).toEqual(new Set(['bundle-social/cml-song-clip', 'layers/layers-track']));
    expect(answer.tracks.filter((t) => t.provider === 'layers')).toHaveLength(
      env.sim.catalog.layers().length,
    );
  });

  it('makes one request for ten simultaneous asks', async () => {
    const env = createTestEnv({}, { latencyMs: 30 });
    const engine = createCatalogEngine(env);
    const answers = await Promise.all(Array.from({ length: 10 }, () => engine.getCatalog(POP_7)));
    expect(env.sim.count({ path: TRENDING })).toBe(1);
    for (const answer of answers)
      expect(answer.tracks.length).toBe(env.sim.catalog.cml('POP', '7DAY').length);
  });

  it('serves stale tracks at once and refreshes behind them', async () => {
    const env = createTestEnv();
    const engine = createCatalogEngine(env);
    const first = await engine.getCatalog(POP_7);
    env.clock.now += 3 * HOUR;
    env.sim.setScenario('bundle-social', 'hang', { times: 1 });
    const started = Date.now();
    const stale = await engine.getCatalog(POP_7);
    expect(Date.now() - started).toBeLessThan(100);
    expect(stale.parts[0]).toMatchObject({ status: 'refreshing', fetchedAt: T0 });
    expect(stale.tracks).toEqual(first.tracks);
    // The hung try times out, the retry succeeds; meanwhile asking again adds no request.
    await vi.waitFor(async () => {
      expect((await engine.getCatalog(POP_7)).parts[0]?.status).toBe('fresh');
    });
    expect(env.sim.count({ path: TRENDING })).toBe(3);
  });

  it('refreshes on demand even when fresh, and waits for it', async () => {
    const env = createTestEnv();
    const engine = createCatalogEngine(env);
    await engine.getCatalog(POP_7);
    env.clock.now += MIN;
    const refreshed = await engine.refreshCatalog(POP_7);
    expect(refreshed.parts[0]).toMatchObject({ status: 'fresh', fetchedAt: T0 + MIN });
    expect(env.sim.count({ path: TRENDING })).toBe(2);
  });

  it('makes no request while offline, and still serves what it has', async () => {
    const env = createTestEnv();
    const engine = createCatalogEngine(env);
    await engine.getCatalog(POP_7);
    env.online.value = false;
    const fresh = await engine.getCatalog(POP_7);
    expect(fresh).toMatchObject({ offline: true, parts: [{ status: 'fresh', error: null }] });
    env.clock.now += 4 * HOUR;
    const stale = await engine.getCatalog(POP_7);
    expect(stale.parts[0]).toMatchObject({ status: 'error', error: { kind: 'offline', action: 'retry' } });
    expect(stale.tracks).toEqual(fresh.tracks);
    const nothing = await engine.getCatalog({ ...POP_7, genre: 'ROCK' });
    expect(nothing.parts[0]?.error?.kind).toBe('offline');
    expect(env.sim.count({ path: TRENDING })).toBe(1);
  });

  it('survives a worker killed mid-refresh: the old entry is intact and a new worker refreshes', async () => {
    const env = createTestEnv();
    const before = await createCatalogEngine(env).getCatalog(POP_7);
    const storedBefore = await browser.storage.local.get('catalog:bundle-social:7DAY:POP');
    env.clock.now += 4 * HOUR;
    // The dying worker's request never comes back (not even its timeout fires).
    const dying = createCatalogEngine({
      ...env,
      fetch: () => new Promise<Response>(() => {}),
      timeoutMs: 60_000,
    });
    expect((await dying.getCatalog(POP_7)).parts[0]?.status).toBe('refreshing');
    expect(await browser.storage.local.get('catalog:bundle-social:7DAY:POP')).toEqual(storedBefore);
    const restarted = createCatalogEngine(env);
    const served = await restarted.getCatalog(POP_7);
    expect(served.tracks).toEqual(before.tracks);
    expect(served.parts[0]?.fetchedAt).toBe(T0);
    await vi.waitFor(async () => {
      expect((await restarted.getCatalog(POP_7)).parts[0]?.fetchedAt).toBe(T0 + 4 * HOUR);
    });
  });

  it('recovers from a corrupted entry by fetching again, with a notice', async () => {
    const env = createTestEnv();
    await browser.storage.local.set({ 'catalog:bundle-social:7DAY:POP': { v: 1, tracks: 'oops' } });
    const answer = await createCatalogEngine(env).getCatalog(POP_7);
    expect(answer.parts[0]?.status).toBe('fresh');
    expect(await takeNotices()).toHaveLength(1);
  });
});
