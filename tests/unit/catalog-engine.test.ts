import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createCatalogEngine } from '@/lib/catalog/engine';
import { GENRES } from '@/lib/genres';
import type { CatalogAnswer, CatalogQuery } from '@/lib/messaging';
import { DEFAULT_SETTINGS, settingsItem, takeNotices } from '@/lib/storage';
import {
  countingConcurrency,
  createTestEnv,
  saveDemoCredentials,
  T0,
} from '@/tests/fixtures/providers/test-env';
import { AWKWARD, BIG_ID, DEMO_CREDENTIALS } from '@/tests/simulator';

const POP_7: CatalogQuery = { source: 'bundle-social', genre: 'POP', range: '7DAY' };
const ALL_7: CatalogQuery = { source: 'bundle-social', genre: 'ALL', range: '7DAY' };
const MIN = 60_000;
const HOUR = 60 * MIN;
const TRENDING = '/api/v1/misc/tiktok/cml/trending-list';

const summary = (answer: CatalogAnswer) =>
  answer.parts.map((p) => ({ provider: p.provider, status: p.status, error: p.error?.kind ?? null }));

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
    const raw = JSON.stringify(await browser.storage.local.get('catalog:bundle-social:7DAY:POP'));
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

  it('backs off with jitter on server errors, three tries in all, and keeps the error with the old tracks', async () => {
    const env = createTestEnv();
    const engine = createCatalogEngine(env);
    const first = await engine.getCatalog(POP_7);
    env.clock.now += 4 * HOUR;
    env.sim.setScenario('bundle-social', 'server-error');
    const failed = await engine.refreshCatalog(POP_7);
    expect(env.sim.count({ path: TRENDING })).toBe(4);
    expect(env.sleeps).toEqual([500, 1000]);
    expect(failed.parts[0]).toMatchObject({
      status: 'error',
      fetchedAt: T0,
      error: { kind: 'server', action: 'retry' },
    });
    expect(failed.tracks).toEqual(first.tracks);
    // A restarted worker still knows, and does not hammer the provider again at once.
    const restarted = await createCatalogEngine(env).getCatalog(POP_7);
    expect(summary(restarted)).toEqual([{ provider: 'bundle-social', status: 'error', error: 'server' }]);
    expect(restarted.tracks).toEqual(first.tracks);
    expect(env.sim.count({ path: TRENDING })).toBe(4);
  });

  it('does not retry a rejected key, and retries at once after the key changes', async () => {
    const env = createTestEnv();
    const engine = createCatalogEngine(env);
    env.sim.revokeKey('bundle-social', DEMO_CREDENTIALS.bundleSocialKey);
    const answer = await engine.getCatalog(POP_7);
    expect(answer.parts[0]?.error).toMatchObject({ kind: 'forbidden', action: 'open-settings' });
    expect(env.sim.count({ path: TRENDING })).toBe(1);
    env.clock.now += HOUR;
    await engine.getCatalog(POP_7);
    expect(env.sim.count({ path: TRENDING })).toBe(1);
    env.sim.addKey('bundle-social', DEMO_CREDENTIALS.bundleSocialKey);
    await engine.noteSettingsChanged();
    expect((await engine.getCatalog(POP_7)).parts[0]?.status).toBe('fresh');
    expect(env.sim.count({ path: TRENDING })).toBe(2);
  });

  it('waits out a short Retry-After and succeeds', async () => {
    const env = createTestEnv();
    env.sim.setScenario('bundle-social', 'rate-limited', { times: 1, retryAfter: 2 });
    const answer = await createCatalogEngine(env).getCatalog(POP_7);
    expect(answer.parts[0]?.status).toBe('fresh');
    expect(env.sleeps).toEqual([2000]);
    expect(env.sim.count({ path: TRENDING })).toBe(2);
  });

  it('gives up on a long Retry-After and calls the provider again only after it', async () => {
    const env = createTestEnv();
    const engine = createCatalogEngine(env);
    env.sim.setScenario('bundle-social', 'rate-limited', { times: 1, retryAfter: 120 });
    const limited = await engine.getCatalog(POP_7);
    expect(limited.parts[0]?.error).toMatchObject({
      kind: 'rate-limited',
      action: 'wait',
      retryAt: T0 + 120_000,
    });
    env.clock.now += 119_000;
    const stillLimited = await createCatalogEngine(env).refreshCatalog({ ...POP_7, genre: 'ROCK' });
    expect(stillLimited.parts[0]?.error?.kind).toBe('rate-limited');
    expect(env.sim.count({ path: TRENDING })).toBe(1);
    env.clock.now += 1_000;
    expect((await engine.getCatalog(POP_7)).parts[0]?.status).toBe('fresh');
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

  it('times out a hanging provider and says so', async () => {
    const env = createTestEnv();
    env.sim.setScenario('layers', 'hang');
    const answer = await createCatalogEngine(env).getCatalog({ ...POP_7, source: 'layers' });
    expect(answer.parts[0]).toMatchObject({
      status: 'error',
      error: { kind: 'timeout', provider: 'layers' },
    });
    expect(env.sim.count({ provider: 'layers' })).toBe(3);
  });

  it('reports a response that is not the documented shape, naming the provider', async () => {
    const env = createTestEnv();
    env.sim.setScenario('layers', 'malformed-json');
    const answer = await createCatalogEngine(env).getCatalog({ ...POP_7, source: 'layers' });
    expect(answer.parts[0]?.error).toMatchObject({ kind: 'invalid-response', provider: 'layers' });
    expect(answer.parts[0]?.error?.message).toMatch(/^Layers /);
  });

  it('counts dropped items on the part', async () => {
    const env = createTestEnv();
    env.sim.setScenario('bundle-social', 'mixed-invalid');
    const answer = await createCatalogEngine(env).getCatalog(POP_7);
    expect(answer.parts[0]).toMatchObject({ status: 'fresh', dropped: 9 });
    expect(answer.tracks).toHaveLength(5);
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

describe('every genre at once (ALL)', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await saveDemoCredentials();
  });

  it('answers from the cached genres merged, and fills the others behind, four at a time', async () => {
    const env = createTestEnv({}, { latencyMs: 5 });
    const counter = countingConcurrency(env.fetch);
    const engine = createCatalogEngine({ ...env, fetch: counter.fetch });
    await engine.getCatalog(POP_7);
    await engine.getCatalog({ ...POP_7, genre: 'DANCE_POP' });
    const answer = await engine.getCatalog(ALL_7);
    expect(answer.parts[0]?.status).toBe('refreshing');
    // The same track charted in POP and DANCE_POP appears once, with both genres.
    const duplicateId = env.sim.catalog.at(AWKWARD.duplicate).trending_song_clip?.song_clip_id;
    const copies = answer.tracks.filter((t) => t.id === duplicateId);
    expect(copies).toHaveLength(1);
    expect(copies[0]?.genres).toEqual(expect.arrayContaining(['POP', 'DANCE_POP']));
    await vi.waitFor(
      async () => {
        expect((await engine.getCatalog(ALL_7)).parts[0]?.status).toBe('fresh');
      },
      { timeout: 10_000, interval: 100 },
    );
    if (process.env.CLEARTUNE_MEASURE) {
      const started = performance.now();
      await engine.getCatalog(ALL_7);
      console.log(`ALL from a warm cache: ${(performance.now() - started).toFixed(1)} ms`);
    }
    expect(env.sim.count({ path: TRENDING })).toBe(GENRES.length);
    expect(counter.peak()).toBe(4);
    const ids = (await engine.getCatalog(ALL_7)).tracks.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('on a first run, answers as soon as the first genre arrives and keeps filling', async () => {
    const env = createTestEnv({}, { latencyMs: 5 });
    const engine = createCatalogEngine(env);
    const first = await engine.getCatalog(ALL_7);
    expect(first.parts[0]?.status).toBe('refreshing');
    expect(first.tracks.length).toBeGreaterThan(0);
    expect(env.sim.count({ path: TRENDING })).toBeLessThan(GENRES.length);
    await vi.waitFor(async () => expect((await engine.getCatalog(ALL_7)).parts[0]?.status).toBe('fresh'), {
      timeout: 10_000,
      interval: 50,
    });
    expect(env.sim.count({ path: TRENDING })).toBe(GENRES.length);
  });

  it('stops filling once the key is rejected, instead of failing 42 times', async () => {
    const env = createTestEnv({}, { latencyMs: 5 });
    env.sim.revokeKey('bundle-social', DEMO_CREDENTIALS.bundleSocialKey);
    const engine = createCatalogEngine(env);
    await engine.refreshCatalog(ALL_7);
    expect(env.sim.count({ path: TRENDING })).toBeLessThanOrEqual(4);
    const answer = await engine.getCatalog(ALL_7);
    expect(answer.parts[0]).toMatchObject({ status: 'error', error: { kind: 'forbidden' } });
    // Opening the popup again does not start another round of doomed requests.
    await engine.getCatalog(ALL_7);
    expect(env.sim.count({ path: TRENDING })).toBeLessThanOrEqual(4);
  });
});

describe('the periodic refresh', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await saveDemoCredentials();
  });

  it('renews what was used this week before it goes stale, and nothing else', async () => {
    const env = createTestEnv();
    const engine = createCatalogEngine(env);
    await engine.getCatalog(POP_7);
    await engine.refreshRecent();
    expect(env.sim.count({ path: TRENDING })).toBe(1);
    env.clock.now += 2.5 * HOUR;
    await engine.refreshRecent();
    expect(env.sim.count({ path: TRENDING })).toBe(2);
    expect(env.sim.filter({ path: TRENDING }).map((r) => r.genre)).toEqual(['POP', 'POP']);
  });

  it('does nothing while offline, or for lists last used over a week ago', async () => {
    const env = createTestEnv();
    const engine = createCatalogEngine(env);
    await engine.getCatalog(POP_7);
    env.clock.now += 4 * HOUR;
    env.online.value = false;
    await engine.refreshRecent();
    expect(env.sim.count({ path: TRENDING })).toBe(1);
    env.online.value = true;
    env.clock.now += 7 * 24 * HOUR;
    await engine.refreshRecent();
    expect(env.sim.count({ path: TRENDING })).toBe(1);
  });
});
