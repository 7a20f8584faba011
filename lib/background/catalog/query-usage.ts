/** What the engine must remember across worker restarts besides the entries themselves. */
import * as z from 'zod/mini';
import { ALL_GENRES, GENRES } from '../../shared/genres';
import type { CatalogQuery } from '../../shared/protocol';
import { catalogQuerySchema } from '../schemas/protocol';
import { defineValidatedItem } from '../storage';
import { cmlEntry, type EntryId, LAYERS_ENTRY } from './entry-key';

const DAY_MS = 86_400_000;
/** The periodic refresh renews what was looked at in the last week, and nothing older. */
export const USAGE_WINDOW_MS = 7 * DAY_MS;

const usageSchema = z
  .array(z.object({ query: catalogQuerySchema, usedAt: z.number() }))
  .check(z.maxLength(200));
export const catalogUsageItem = defineValidatedItem('local:catalogUsage', usageSchema, [], 'catalog usage');

/** When keys or the team last changed: failures older than this are worth retrying at once. */
export const settingsChangedAtItem = defineValidatedItem(
  'local:catalogSettingsChangedAt',
  z.number(),
  0,
  'catalog settings stamp',
);

/** Per provider: no request before this time (a long `Retry-After`). */
export const rateLimitItem = defineValidatedItem(
  'local:catalogRateLimits',
  z.object({ 'bundle-social': z.optional(z.number()), layers: z.optional(z.number()) }),
  {},
  'rate-limit record',
);

const sameQuery = (a: CatalogQuery, b: CatalogQuery) =>
  a.source === b.source && a.genre === b.genre && a.range === b.range;

export async function recordUsage(query: CatalogQuery, now: number): Promise<void> {
  const usage = await catalogUsageItem.get();
  const kept = usage.filter((row) => !sameQuery(row.query, query) && now - row.usedAt < USAGE_WINDOW_MS);
  await catalogUsageItem.set([{ query, usedAt: now }, ...kept].slice(0, 200));
}

/** The entries a query reads: one per CML genre (all 42 for `ALL`) and the Layers catalog. */
export function entriesOf(query: CatalogQuery): { cml: EntryId[]; layers: EntryId[] } {
  const wantsCml = query.source !== 'layers';
  const genres = query.genre === ALL_GENRES ? GENRES : [query.genre];
  return {
    cml: wantsCml ? genres.map((genre) => cmlEntry(genre, query.range)) : [],
    layers: query.source !== 'bundle-social' ? [LAYERS_ENTRY] : [],
  };
}

/** Distinct entries behind the queries used within the window, most recently used first. */
export async function recentlyUsedEntries(now: number): Promise<EntryId[]> {
  const usage = await catalogUsageItem.get();
  const seen = new Map<string, EntryId>();
  for (const row of [...usage].sort((a, b) => b.usedAt - a.usedAt)) {
    if (now - row.usedAt >= USAGE_WINDOW_MS) continue;
    const { cml, layers } = entriesOf(row.query);
    for (const id of [...layers, ...cml]) seen.set(`${id.provider}:${id.range}:${id.genre}`, id);
  }
  return [...seen.values()];
}
