/** Fetching one cache entry: preflight checks, shared in-flight requests, capped concurrency, retries, the write. */

import type { ProviderError, ProviderErrorKind, Settings } from '../../shared/protocol';
import type { Provider } from '../../shared/track';
import { fetchCmlTrending } from '../providers/bundle-social';
import { type Fetched, type HttpEnv, stillLimited } from '../providers/http';
import { fetchLayersMusic } from '../providers/layers';
import type { FetchedList } from '../providers/normalize';
import { providerError } from '../providers/provider-error';
import { RETRY_POLICY, type RetryEnv, type RetryPolicy, withRetries } from '../providers/retry';
import { rateLimitItem, settingsChangedAtItem } from '../storage';
import type { CatalogCache } from './catalog-cache';
import { createLimiter } from './concurrency-limit';
import { type EntryId, entryKey } from './entry-key';
import { isDue } from './freshness';
import { createInflight } from './inflight-requests';
import { carryUserCounts } from './user-growth';

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
const STOPS_A_BATCH: ReadonlySet<ProviderErrorKind> = new Set(['unauthenticated', 'forbidden']);

function stopsBatch(error: ProviderError, now: number, policy: RetryPolicy): boolean {
  if (error.kind === 'rate-limited')
    return error.retryAt !== null && error.retryAt - now > policy.maxRateLimitWaitMs;
  return STOPS_A_BATCH.has(error.kind);
}

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
  if (until !== undefined && stillLimited(until, now)) {
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

/**
 * An empty list, or one mostly made of items that could not be read, where good tracks are cached
 * is far more likely a provider glitch than the real chart: the tracks stay and the user is told.
 */
function unreadableList(id: EntryId, list: FetchedList, cached: number): ProviderError | null {
  const received = list.tracks.length + list.dropped;
  if (cached === 0 || (list.tracks.length > 0 && list.dropped <= list.tracks.length)) return null;
  return providerError(id.provider, 'invalid-response', {
    status: 200,
    list: { received, unreadable: list.dropped },
  });
}

export function createRefresher(env: RefreshEnv, cache: CatalogCache) {
  const limit = createLimiter(env.concurrency ?? 4);
  const policy = env.retryPolicy ?? RETRY_POLICY;
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
      // Worth storing: what the provider said, and a batch stop (the provider said it for a sibling).
      let worthKeeping = false;
      const { batch } = options;
      const result = await withRetries(
        env,
        () =>
          limit(async (): Promise<Fetched<FetchedList>> => {
            const local = batch?.stoppedBy ? null : await preflight(env, id.provider, settings);
            const stop = local ?? batch?.stoppedBy;
            if (stop) {
              worthKeeping = !local;
              return { ok: false, error: stop };
            }
            worthKeeping = true;
            const answer = await request(env, id, settings);
            // Recorded before the slot is handed on, so the next task in line already sees it.
            if (!answer.ok && batch && stopsBatch(answer.error, env.now(), policy))
              batch.stoppedBy ??= answer.error;
            return answer;
          }),
        policy,
      );
      if (result.ok) {
        const { dropped, fetchedAt } = result.value;
        const old = (await cache.read([id])).get(entryKey(id))?.tracks ?? [];
        const unreadable = unreadableList(id, result.value, old.length);
        if (unreadable) {
          await remember(id, unreadable);
          return unreadable;
        }
        const written = await cache.write({
          id,
          fetchedAt,
          attemptedAt: fetchedAt,
          dropped,
          error: null,
          tracks: id.provider === 'layers' ? carryUserCounts(old, result.value.tracks) : result.value.tracks,
        });
        if (written.stored) return null;
        const { bytes, limitBytes } = written;
        const tooLarge = providerError(id.provider, 'too-large', {
          status: 200,
          tooLarge: { what: 'list', bytes, limitBytes },
        });
        await remember(id, tooLarge);
        return tooLarge;
      }
      // "Offline" or "no key" are facts of the moment, not of the list: those are not stored.
      if (worthKeeping) await remember(id, result.error);
      return result.error;
    });
  }

  return { refresh, isRefreshing: (id: EntryId) => inflight.has(entryKey(id)), limit };
}
export type Refresher = ReturnType<typeof createRefresher>;
