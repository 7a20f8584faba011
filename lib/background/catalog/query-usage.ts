/** What the engine must remember across worker restarts besides the entries themselves. */
import { ALL_GENRES, GENRES } from '../../shared/genres';
import { type CatalogQuery, sameList } from '../../shared/protocol';
import { DAY_MS } from '../../shared/time';
import { catalogUsageItem } from '../storage';
import { cmlEntry, type EntryId, entryKey, LAYERS_ENTRY } from './entry-key';

/** The periodic refresh renews what was looked at in the last week, and nothing older. */
export const USAGE_WINDOW_MS = 7 * DAY_MS;

export async function recordUsage(query: CatalogQuery, now: number): Promise<void> {
  const usage = await catalogUsageItem.get();
  const kept = usage.filter((row) => !sameList(row.query, query) && now - row.usedAt < USAGE_WINDOW_MS);
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
    for (const id of [...layers, ...cml]) seen.set(entryKey(id), id);
  }
  return [...seen.values()];
}
