import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createCatalogEngine } from '@/lib/background/catalog/engine';
import { GENRES } from '@/lib/shared/genres';
import type { CatalogQuery } from '@/lib/shared/protocol';
import {
  countingConcurrency,
  createTestEnv,
  HOUR,
  POP_7,
  saveDemoCredentials,
  TRENDING,
} from '@/tests/fixtures/providers/test-env';
import { AWKWARD, DEMO_CREDENTIALS } from '@/tests/simulator';

const ALL_7: CatalogQuery = { source: 'bundle-social', genre: 'ALL', range: '7DAY' };

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

describe('the first screen (limit)', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await saveDemoCredentials();
  });

  it('answers the top of the rank order with the total, and the full ask that follows starts no refresh', async () => {
    const env = createTestEnv({}, { latencyMs: 5 });
    const engine = createCatalogEngine(env);
    await engine.refreshCatalog(ALL_7);
    const full = await engine.getCatalog(ALL_7);
    expect(full.total).toBeUndefined();
    expect(full.tracks.length).toBeGreaterThan(12);
    const oneRound = env.sim.count({ path: TRENDING });

    // Everything goes stale: the limited ask starts the refresh, its follow-up must not start another.
    const later = { ...env, now: () => env.now() + 48 * HOUR };
    const stale = createCatalogEngine(later);
    const first = await stale.getCatalog({ ...ALL_7, limit: 12 });
    expect(first.total).toBe(full.tracks.length);
    expect(first.tracks).toHaveLength(12);
    // The popup's default order: rank (none last), then the answer's own order.
    const rank = (r: number | null) => r ?? Number.POSITIVE_INFINITY;
    const expected = full.tracks
      .map((track, i) => ({ track, i }))
      .sort((a, b) => rank(a.track.rank) - rank(b.track.rank) || a.i - b.i)
      .slice(0, 12)
      .map(({ track }) => track.id);
    expect(first.tracks.map((t) => t.id)).toEqual(expected);
    expect(first.parts[0]?.status).toBe('refreshing');

    const rest = await stale.getCatalog(ALL_7);
    expect(rest.total).toBeUndefined();
    expect(rest.tracks.map((t) => t.id)).toEqual(full.tracks.map((t) => t.id));
    expect(rest.parts[0]?.status).toBe('refreshing');
    // One refresh round for the pair: each genre fetched once more, not twice.
    await vi.waitFor(async () => expect((await stale.getCatalog(ALL_7)).parts[0]?.status).toBe('fresh'), {
      timeout: 10_000,
      interval: 100,
    });
    expect(env.sim.count({ path: TRENDING })).toBe(2 * oneRound);
  });

  it('merges unchanged lists once: asking again hands back the same merged tracks', async () => {
    const env = createTestEnv({}, { latencyMs: 5 });
    const engine = createCatalogEngine(env);
    await engine.refreshCatalog(ALL_7);
    const duplicateId = env.sim.catalog.at(AWKWARD.duplicate).trending_song_clip?.song_clip_id;
    const one = (await engine.getCatalog({ ...ALL_7, limit: 200 })).tracks.find((t) => t.id === duplicateId);
    const two = (await engine.getCatalog(ALL_7)).tracks.find((t) => t.id === duplicateId);
    expect(one?.genres.length).toBeGreaterThan(1);
    expect(two).toBe(one);
  });

  it('refuses a limit that is not a small positive whole number', async () => {
    const { catalogQuerySchema } = await import('@/lib/background/schemas/protocol');
    expect(catalogQuerySchema.safeParse({ ...ALL_7, limit: 40 }).success).toBe(true);
    expect(catalogQuerySchema.safeParse(ALL_7).success).toBe(true);
    for (const limit of [0, -1, 1.5, 201]) {
      expect(catalogQuerySchema.safeParse({ ...ALL_7, limit }).success).toBe(false);
    }
  });
});
