import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createCatalogEngine } from '@/lib/background/catalog/engine';
import {
  createTestEnv,
  HOUR,
  POP_7,
  saveDemoCredentials,
  summary,
  T0,
  TRENDING,
} from '@/tests/fixtures/providers/test-env';
import { DEMO_CREDENTIALS } from '@/tests/simulator';

describe('the catalog engine when a provider fails', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await saveDemoCredentials();
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

  it('never waits more than an hour on a Retry-After that holds a Unix timestamp', async () => {
    const env = createTestEnv();
    const engine = createCatalogEngine(env);
    const aWeekAhead = Math.floor(T0 / 1000) + 7 * 24 * 3600;
    env.sim.setScenario('bundle-social', 'rate-limited', { times: 1, retryAfter: aWeekAhead });
    const limited = await engine.getCatalog(POP_7);
    expect(limited.parts[0]?.error).toMatchObject({ kind: 'rate-limited', retryAt: T0 + HOUR });
    expect(limited.parts[0]?.error?.message).toContain('wait 60 minutes');
    env.clock.now += HOUR;
    expect((await engine.getCatalog(POP_7)).parts[0]?.status).toBe('fresh');
    expect(env.sim.count({ path: TRENDING })).toBe(2);
  });

  it('ignores a stored wait longer than an hour (written by an older version), so the provider is asked', async () => {
    const env = createTestEnv();
    await fakeBrowser.storage.local.set({ catalogRateLimits: { 'bundle-social': T0 + 481_450 * HOUR } });
    const answer = await createCatalogEngine(env).getCatalog(POP_7);
    expect(answer.parts[0]?.status).toBe('fresh');
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

  it('refuses a list too large for the cache, saying so, and keeps every other cached list', async () => {
    // A budget where two bundle.social lists fit but the Layers catalog (about 215 KB) is more than
    // one list may take: the shape of an oversized Layers answer against a warm cache.
    const env = createTestEnv({ budgetBytes: 300_000 });
    const engine = createCatalogEngine(env);
    const rock = { ...POP_7, genre: 'ROCK' as const };
    const pop = await engine.getCatalog(POP_7);
    await engine.getCatalog(rock);
    const warm = await fakeBrowser.storage.local.get(null);
    expect(Object.keys(warm).filter((key) => key.startsWith('catalog:bundle-social'))).toHaveLength(2);
    env.clock.now += 1000;
    const layers = await engine.getCatalog({ ...POP_7, source: 'layers' });
    expect(layers.parts[0]?.error).toMatchObject({ kind: 'too-large', provider: 'layers', action: 'retry' });
    expect(layers.parts[0]?.error?.message).toMatch(
      /^Layers sent a list too large to keep \(0\.2 MB; one list may take at most 0\.1 MB\), so it was not saved and your other cached lists were kept: /,
    );
    const after = await fakeBrowser.storage.local.get(null);
    for (const key of ['catalog:bundle-social:7DAY:POP', 'catalog:bundle-social:7DAY:ROCK'])
      expect(after[key]).toEqual(warm[key]);
    expect((await engine.getCatalog(POP_7)).tracks).toEqual(pop.tracks);
    // A later refresh meets the same answer and says the same thing, instead of failing on quota.
    env.clock.now += 4 * HOUR;
    const again = await engine.refreshCatalog({ ...POP_7, source: 'layers' });
    expect(again.parts[0]?.error?.kind).toBe('too-large');
  });

  it('counts dropped items on the part', async () => {
    const env = createTestEnv();
    env.sim.setScenario('bundle-social', 'mixed-invalid');
    const answer = await createCatalogEngine(env).getCatalog(POP_7);
    expect(answer.parts[0]).toMatchObject({ status: 'fresh', dropped: 9 });
    expect(answer.tracks).toHaveLength(5);
  });
});
