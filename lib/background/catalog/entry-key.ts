import type { DateRange, Genre } from '../../shared/genres';
import type { Provider } from '../../shared/track';

/** What one cache entry holds: a CML list for one genre and range, or the one Layers catalog. */
export type EntryId =
  | { provider: 'bundle-social'; genre: Genre; range: DateRange }
  | { provider: 'layers'; genre: null; range: null };

export const ENTRY_PREFIX = 'catalog:';

/** One storage key per entry, so each entry is written by one atomic `storage.local.set`. */
export function entryKey(id: EntryId): string {
  return id.provider === 'layers'
    ? `${ENTRY_PREFIX}layers`
    : `${ENTRY_PREFIX}bundle-social:${id.range}:${id.genre}`;
}

export function cmlEntry(genre: Genre, range: DateRange): EntryId {
  return { provider: 'bundle-social', genre, range };
}
export const LAYERS_ENTRY: EntryId = { provider: 'layers', genre: null, range: null };

export function providerOf(key: string): Provider | null {
  if (key === `${ENTRY_PREFIX}layers`) return 'layers';
  return key.startsWith(`${ENTRY_PREFIX}bundle-social:`) ? 'bundle-social' : null;
}
