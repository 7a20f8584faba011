import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createCatalogEngine } from '@/lib/catalog/engine';
import type { CatalogQuery } from '@/lib/messaging';
import { DEFAULT_SETTINGS, settingsItem } from '@/lib/storage';
import { createTestEnv, saveDemoCredentials } from '@/tests/fixtures/providers/test-env';

const POP_7: CatalogQuery = { source: 'bundle-social', genre: 'POP', range: '7DAY' };
const HOUR = 3_600_000;

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
      { provider: 'bundle-social', status: 'fresh', fetchedAt: env.clock.now, dropped: 0, error: null },
    ]);
    expect(first.tracks.map((t) => t.id)).toEqual(
      env.sim.catalog
        .cml('POP', '7DAY')
        .map((item) => (item.trending_song_clip ?? item.full_duration_song_clip)?.song_clip_id),
    );
    env.clock.now += HOUR;
    const second = await engine.getCatalog(POP_7);
    expect(second.tracks).toEqual(first.tracks);
    expect(env.sim.count({ provider: 'bundle-social' })).toBe(1);
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
});
