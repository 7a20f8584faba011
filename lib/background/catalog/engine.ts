/**
 * The catalog engine: answers at once from the cache, refreshes behind the answer when due, waits
 * only when there is nothing to show yet. Everything it needs survives a worker restart in storage;
 * only in-flight requests live in memory.
 */

import { i18n } from '#i18n';
import { dateRangeLabels, genreLabel } from '../../shared/genres';
import type {
  CatalogAnswer,
  CatalogPart,
  CatalogQuery,
  ProviderError,
  Settings,
  Team,
} from '../../shared/protocol';
import { PROVIDER_NAMES, type Provider, type Track } from '../../shared/track';
import { fetchTeams } from '../providers/bundle-social';
import { providerError } from '../providers/provider-error';
import { withRetries } from '../providers/retry';
import { settingsChangedAtItem, settingsItem } from '../storage';
import { buildPart, firstByRank, memoizeMerge } from './answer';
import { type CatalogCache, createCatalogCache } from './catalog-cache';
import { cmlEntry, type EntryId, entryKey, LAYERS_ENTRY } from './entry-key';
import { isDue } from './freshness';
import { entriesOf, recentlyUsedEntries, recordUsage } from './query-usage';
import { type Batch, createRefresher, preflight, type RefreshEnv } from './refresh';

export interface CatalogEnv extends RefreshEnv {
  /** A first-run popup waits at most this long for its first list (a request's timeout, plus a little). */
  firstFetchWaitMs?: number;
  budgetBytes?: number;
}

/** The periodic refresh runs this often, and renews entries that would go stale before its next run. */
export const REFRESH_PERIOD_MS = 30 * 60_000;

/** Waits for the first of `runs` to settle, or `ms`, whichever comes first. */
async function firstOf(runs: Promise<unknown>[], ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  await Promise.race([...runs, limit]).catch(() => undefined);
  clearTimeout(timer);
}

export function createCatalogEngine(env: CatalogEnv) {
  const cache: CatalogCache = createCatalogCache(env);
  const refresher = createRefresher(env, cache);
  const firstFetchWaitMs = env.firstFetchWaitMs ?? (env.timeoutMs ?? 15_000) + 5_000;
  // A merge per provider, redone only when a cached list changes (its parsed copy is then new).
  const merges: Record<Provider, (lists: Track[][]) => Track[]> = {
    'bundle-social': memoizeMerge(),
    layers: memoizeMerge(),
  };
  // The popup asks for its first screen (`limit`), then at once for the whole list: that second ask
  // reuses the merge above and starts no refresh of its own. Query key → when the first was answered.
  const limitedAsks = new Map<string, number>();
  const FOLLOW_UP_MS = 10_000;

  async function answerPart(
    provider: Provider,
    ids: EntryId[],
    settings: Settings,
    force: boolean,
    followUp = false,
  ): Promise<{ part: CatalogPart; tracks: Track[] }> {
    const changedAt = await settingsChangedAtItem.get();
    let entries = await cache.read(ids);
    const now = env.now();
    const due = force ? ids : ids.filter((id) => isDue(entries.get(entryKey(id)), now, changedAt));
    const cannot = await preflight(env, provider, settings);
    let blocked: ProviderError | null = cannot?.kind === 'not-configured' ? cannot : null;
    if (due.length > 0 && cannot) blocked = cannot;
    if (due.length > 0 && !cannot && !followUp) {
      const batch: Batch = { stoppedBy: null };
      const runs = due.map((id) => refresher.refresh(id, settings, { force, batch }));
      const hasTracks = [...entries.values()].some((entry) => entry.fetchedAt !== null);
      if (force) await Promise.all(runs);
      else if (!hasTracks) await firstOf(runs, firstFetchWaitMs);
      for (const run of runs) run.catch(() => undefined);
      if (force || !hasTracks) entries = await cache.read(ids);
    }
    if (entries.size > 0) cache.touch([...entries.values()].map((entry) => entry.id)).catch(() => undefined);
    return buildPart({
      provider,
      entries: [...entries.values()],
      expected: ids.length,
      refreshing: ids.some((id) => refresher.isRefreshing(id)),
      blocked,
      now: env.now(),
      merge: merges[provider],
    });
  }

  async function answer({ limit, ...query }: CatalogQuery, force: boolean): Promise<CatalogAnswer> {
    const key = `${query.source}|${query.genre}|${query.range}`;
    const askedAt = limitedAsks.get(key);
    const followUp =
      !force && limit === undefined && askedAt !== undefined && env.now() - askedAt < FOLLOW_UP_MS;
    limitedAsks.delete(key);
    // Usage only steers the periodic refresh: failing to record it must not cost the answer.
    const [settings] = await Promise.all([
      settingsItem.get(),
      followUp ? undefined : recordUsage(query, env.now()).catch(() => undefined),
    ]);
    const { cml, layers } = entriesOf(query);
    const parts = await Promise.all([
      ...(cml.length > 0 ? [answerPart('bundle-social', cml, settings, force, followUp)] : []),
      ...(layers.length > 0 ? [answerPart('layers', layers, settings, force, followUp)] : []),
    ]);
    const tracks = parts.flatMap((p) => p.tracks);
    const cut = limit !== undefined && tracks.length > limit;
    if (cut) limitedAsks.set(key, env.now());
    return {
      tracks: cut ? firstByRank(tracks, limit) : tracks,
      parts: parts.map((p) => p.part),
      offline: !env.isOnline(),
      ...(limit !== undefined && { total: tracks.length }),
    };
  }

  return {
    /** Answers from the cache at once; starts a refresh behind the answer when one is due. */
    getCatalog: (query: CatalogQuery) => answer(query, false),
    /** Refreshes every entry of the query now and answers once they are done. */
    refreshCatalog: (query: CatalogQuery) => answer(query, true),

    /** The periodic refresh: what was used in the last week and is (nearly) stale; nothing while offline. */
    async refreshRecent(): Promise<void> {
      if (!env.isOnline()) return;
      const now = env.now();
      const ids = await recentlyUsedEntries(now);
      const settings = await settingsItem.get();
      const changedAt = await settingsChangedAtItem.get();
      const entries = await cache.read(ids);
      const byProvider = new Map<Provider, Batch>();
      const runs: Promise<unknown>[] = [];
      for (const id of ids) {
        if (!isDue(entries.get(entryKey(id)), now, changedAt, REFRESH_PERIOD_MS)) continue;
        if (!byProvider.has(id.provider)) {
          const cannot = await preflight(env, id.provider, settings);
          byProvider.set(id.provider, { stoppedBy: cannot });
        }
        const batch = byProvider.get(id.provider) as Batch;
        if (!batch.stoppedBy) runs.push(refresher.refresh(id, settings, { force: true, batch }));
      }
      await Promise.allSettled(runs);
    },

    /** The teams a key can see: the saved key, or one typed into the options page but not saved yet. */
    async listTeams(apiKey?: string): Promise<{ teams: Team[]; error: ProviderError | null }> {
      const key = apiKey ?? (await settingsItem.get()).bundleSocialKey;
      if (!key)
        return { teams: [], error: providerError('bundle-social', 'not-configured', { missing: 'key' }) };
      if (!env.isOnline()) return { teams: [], error: providerError('bundle-social', 'offline') };
      const result = await withRetries(
        env,
        () => refresher.limit(() => fetchTeams(env, key)),
        env.retryPolicy,
      );
      return result.ok ? { teams: result.value, error: null } : { teams: [], error: result.error };
    },

    /** A real request with the saved settings; it also fills the cache with the default list. */
    async testConnection(
      provider: Provider,
    ): Promise<{ ok: boolean; message: string; error: ProviderError | null }> {
      const settings = await settingsItem.get();
      const cannot = await preflight(env, provider, settings);
      if (cannot) return { ok: false, message: cannot.message, error: cannot };
      const id =
        provider === 'layers' ? LAYERS_ENTRY : cmlEntry(settings.defaultGenre, settings.defaultRange);
      const error = await refresher.refresh(id, settings, { force: true });
      if (error) return { ok: false, message: error.message, error };
      const count = (await cache.read([id])).get(entryKey(id))?.tracks.length ?? 0;
      const name = PROVIDER_NAMES[provider];
      const message =
        id.provider === 'layers'
          ? i18n.t('background.provider.worksLayers', count, { name })
          : i18n.t('background.provider.worksCml', count, {
              name,
              genre: genreLabel(id.genre),
              range: dateRangeLabels()[id.range],
            });
      return { ok: true, message, error: null };
    },

    /** Called when a key or the team changes: failures they caused are retried at the next look. */
    noteSettingsChanged: () => settingsChangedAtItem.set(env.now()),

    /** The cached entries among `ids`, as stored (for the alerts, which read but never fetch). */
    readCached: (ids: EntryId[]) => cache.read(ids),
  };
}
export type CatalogEngine = ReturnType<typeof createCatalogEngine>;
