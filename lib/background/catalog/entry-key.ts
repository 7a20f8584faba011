import type { DateRange, Genre } from '../../shared/genres';

import { CATALOG_ENTRY_PREFIX } from '../storage';

/** What one cache entry holds: a CML list for one genre and range, or the one Layers catalog. */
export type EntryId =
  | { provider: 'bundle-social'; genre: Genre; range: DateRange }
  | { provider: 'layers'; genre: null; range: null };

/** One storage key per entry, so each entry is written by one atomic `storage.local.set`. */
export function entryKey(id: EntryId): string {
  return id.provider === 'layers'
    ? `${CATALOG_ENTRY_PREFIX}layers`
    : `${CATALOG_ENTRY_PREFIX}bundle-social:${id.range}:${id.genre}`;
}

export function cmlEntry(genre: Genre, range: DateRange): EntryId {
  return { provider: 'bundle-social', genre, range };
}
export const LAYERS_ENTRY: EntryId = { provider: 'layers', genre: null, range: null };
