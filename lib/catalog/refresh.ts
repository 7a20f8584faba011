/** Fetching one cache entry: preflight checks, shared in-flight requests, capped concurrency, retries, the write. */
import type { ProviderError, ProviderErrorKind } from '../errors';
import { fetchCmlTrending } from '../providers/bundle-social';
import type { Fetched, HttpEnv } from '../providers/http';
import { fetchLayersMusic } from '../providers/layers';
import type { FetchedList } from '../providers/normalize-shared';
import { providerError } from '../providers/provider-error';
import { type RetryEnv, type RetryPolicy, withRetries } from '../providers/retry';
import type { Settings } from '../storage';
import type { Provider } from '../track';
import { type EntryId, entryKey } from './entry-key';
import type { CatalogCache } from './entry-store';
import { isDue } from './freshness';
import { createInflight, createLimiter } from './limiter';
import { rateLimitItem, settingsChangedAtItem } from './usage';

export interface RefreshEnv extends HttpEnv, RetryEnv {
  isOnline: () => boolean;
  /** Requests at once, across providers. */
  concurrency?: number;
  retryPolicy?: RetryPolicy;
}

/** Shared by the entries of one fill: once one fails this way, the rest would fail the same way. */
export interface Batch {
  stoppedBy: ProviderError | null;
}
const STOPS_A_BATCH: ReadonlySet<ProviderErrorKind> = new Set([
  'unauthenticated',
  'forbidden',
  'rate-limited',
  'offline',
  'not-configured',
]);

/** Why no request can be made for `provider` right now, or null when one can. */
export async function preflight(
  env: RefreshEnv,
  provider: Provider,
  settings: Settings,
): Promise<ProviderError | null> {
  const key = provider === 'layers' ? settings.layersKey : settings.bundleSocialKey;
  if (!key) return providerError(provider, 'not-configured', { missing: 'key' });
  if (provider === 'bundle-social' && !settings.teamId) {
    return providerError(provider, 'not-configured', { missing: 'team' });
  }
  if (!env.isOnline()) return providerError(provider, 'offline');
  const until = (await rateLimitItem.get())[provider];
  const now = env.now();
  if (until !== undefined && now < until) {
    return providerError(provider, 'rate-limited', { retryAt: until, waitMs: until - now });
  }
  return null;
}

function request(env: RefreshEnv, id: EntryId, settings: Settings): Promise<Fetched<FetchedList>> {
  if (id.provider === 'layers') return fetchLayersMusic(env, settings.layersKey ?? '');
  return fetchCmlTrending(env, {
    apiKey: settings.bundleSocialKey ?? '',
    teamId: settings.teamId ?? '',
    genre: id.genre,
    range: id.range,
  });
}

export function createRefresher(env: RefreshEnv, cache: CatalogCache) {
  const limit = createLimiter(env.concurrency ?? 4);
  const inflight = createInflight<ProviderError | null>();

  async function remember(id: EntryId, error: ProviderError): Promise<void> {
    if (error.kind === 'rate-limited' && error.retryAt !== null) {
      const limits = await rateLimitItem.get();
      await rateLimitItem.set({ ...limits, [id.provider]: error.retryAt });
    }
    const old = (await cache.read([id])).get(entryKey(id));
    const base = old ?? { id, fetchedAt: null, dropped: 0, tracks: [] };
    await cache.write({ ...base, attemptedAt: env.now(), error });
  }

  /**
   * Refreshes one entry and stores the outcome: new tracks, or the error beside the old tracks.
   * Resolves to the error, or null on success (and when a concurrent refresh already renewed it).
   */
  function refresh(id: EntryId, settings: Settings, options: { force?: boolean; batch?: Batch } = {}) {
    return inflight.run(entryKey(id), async () => {
      if (!options.force) {
        // Another refresh may have finished since the caller read the cache.
        const current = (await cache.read([id])).get(entryKey(id));
        if (!isDue(current, env.now(), await settingsChangedAtItem.get())) return null;
      }
      let requested = false;
      const result = await withRetries(
        env,
        () =>
          limit(async (): Promise<Fetched<FetchedList>> => {
            const stop = options.batch?.stoppedBy ?? (await preflight(env, id.provider, settings));
            if (stop) return { ok: false, error: stop };
            requested = true;
            return request(env, id, settings);
          }),
        env.retryPolicy,
      );
      if (result.ok) {
        const { tracks, dropped, fetchedAt } = result.value;
        await cache.write({ id, fetchedAt, attemptedAt: fetchedAt, dropped, error: null, tracks });
        return null;
      }
      if (options.batch && STOPS_A_BATCH.has(result.error.kind)) options.batch.stoppedBy ??= result.error;
      // Only what the provider said is kept; "offline" or "no key" are facts of the moment, not of the list.
      if (requested) await remember(id, result.error);
      return result.error;
    });
  }

  return { refresh, isRefreshing: (id: EntryId) => inflight.has(entryKey(id)), limit };
}
export type Refresher = ReturnType<typeof createRefresher>;
