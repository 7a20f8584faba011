/**
 * The catalog cache in `storage.local`: one key per entry, validated on every read, kept under a
 * byte budget by evicting the least recently used entries. The extension has no
 * `unlimitedStorage`, so the whole of `storage.local` gets 10 MB.
 */

import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { i18n } from '#i18n';
import { genreLabel } from '../../shared/genres';
import { PROVIDER_NAMES, type Track } from '../../shared/track';
import { dateRangeSchema, genreSchema } from '../schemas/genres';
import { providerErrorSchema } from '../schemas/provider-error';
import { providerSchema } from '../schemas/track';
import { createSerialQueue } from '../serial-queue';
import { addNotice, CATALOG_ENTRY_PREFIX, CATALOG_INDEX_KEY } from '../storage';
import { compactTrack, expandTrack, isStoredTrack, type StoredTrack, storedTrackSchema } from './compact';
import { type EntryId, entryKey } from './entry-key';

/** Leaves 2 MB of the 10 MB quota for settings, favorites and everything else. */
export const CACHE_BUDGET_BYTES = 8 * 1024 * 1024;

const storedEntrySchema = z.object({
  v: z.literal(1),
  provider: providerSchema,
  genre: z.nullable(genreSchema),
  range: z.nullable(dateRangeSchema),
  /** Null until a fetch has succeeded; an entry may hold only the error of a failed first fetch. */
  fetchedAt: z.nullable(z.number()),
  attemptedAt: z.number(),
  dropped: z.int().check(z.nonnegative()),
  error: z.nullable(providerErrorSchema),
  /** Checked apart (`storedTracks`): most reads take the fast path. */
  tracks: z.array(z.unknown()),
});
const storedTracksSchema = z.array(storedTrackSchema);

/** The entry's tracks as the schema reads them, or null when one is not a stored track. */
function storedTracks(tracks: unknown[]): StoredTrack[] | null {
  if (tracks.every(isStoredTrack)) return tracks;
  const result = storedTracksSchema.safeParse(tracks);
  return result.success ? result.data : null;
}

export interface CatalogEntry {
  id: EntryId;
  fetchedAt: number | null;
  attemptedAt: number;
  dropped: number;
  /** The last refresh's failure, kept so a restarted worker still shows it beside the old tracks. */
  error: z.infer<typeof providerErrorSchema> | null;
  tracks: Track[];
}

const indexSchema = z.record(z.string(), z.object({ size: z.number(), usedAt: z.number() }));
type Index = z.infer<typeof indexSchema>;

/**
 * An entry is stored as one JSON string: Chrome hands a worker a stored object tree field by field,
 * and 48 entries (5 MB) took 210-270 ms to read that way against 56-66 ms as strings plus 9 ms of
 * `JSON.parse`. Entries a release before this one stored as objects are read as they are.
 */
function unwrap(raw: unknown): unknown {
  if (typeof raw !== 'string') return raw;
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}

function parseEntry(id: EntryId, raw: unknown): CatalogEntry | null {
  const result = storedEntrySchema.safeParse(unwrap(raw));
  if (!result.success || result.data.provider !== id.provider) return null;
  const { fetchedAt, attemptedAt, dropped, error } = result.data;
  const tracks = storedTracks(result.data.tracks);
  if (!tracks) return null;
  const at = fetchedAt ?? attemptedAt;
  return {
    id,
    fetchedAt,
    attemptedAt,
    dropped,
    error,
    tracks: tracks.map((stored) => expandTrack(stored, id.provider, at)),
  };
}

const byteSize = (key: string, value: unknown): number =>
  new TextEncoder().encode(key + JSON.stringify(value)).byteLength;

function entryLabel(id: EntryId): string {
  return id.provider === 'layers'
    ? PROVIDER_NAMES.layers
    : `${PROVIDER_NAMES['bundle-social']} ${genreLabel(id.genre)} (${id.range})`;
}

/**
 * What a write did. A list larger than half the budget is refused rather than stored: stored, it
 * would push out most of the other lists (one oversized Layers answer once evicted every
 * bundle.social list), and past the quota it would fail at every refresh.
 */
export type WriteResult = { stored: true } | { stored: false; bytes: number; limitBytes: number };

export interface CatalogCache {
  read(ids: EntryId[]): Promise<Map<string, CatalogEntry>>;
  write(entry: CatalogEntry): Promise<WriteResult>;
  /** Marks entries as just used, so eviction spares what the user looks at. */
  touch(ids: EntryId[]): Promise<void>;
  totalBytes(): Promise<number>;
}

export function createCatalogCache(env: { now: () => number; budgetBytes?: number }): CatalogCache {
  const budget = env.budgetBytes ?? CACHE_BUDGET_BYTES;
  const entryLimit = Math.floor(budget / 2);
  const local = () => browser.storage.local;
  // Parsed entries, so a popup reopened while the worker lives skips reading and validating 4,200
  // tracks again. Storage stays the truth: any change to a key there drops its parsed copy.
  const parsed = new Map<string, CatalogEntry>();
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local') return;
    for (const key of Object.keys(changes)) parsed.delete(key);
  });
  // Index updates are read-modify-write: one at a time, or parallel refreshes lose each other's sizes.
  const serial = createSerialQueue();

  async function readIndex(): Promise<Index> {
    const raw = (await local().get(CATALOG_INDEX_KEY))[CATALOG_INDEX_KEY];
    const parsed = indexSchema.safeParse(raw);
    if (parsed.success) return parsed.data;
    // A missing or damaged index is rebuilt from what is actually stored; nothing the user sees is lost.
    const all = await local().get(null);
    const rebuilt: Index = {};
    for (const [key, value] of Object.entries(all)) {
      if (key.startsWith(CATALOG_ENTRY_PREFIX)) rebuilt[key] = { size: byteSize(key, value), usedAt: 0 };
    }
    return rebuilt;
  }

  async function dropInvalid(keys: string[], ids: EntryId[]): Promise<void> {
    await serial(async () => {
      const index = await readIndex();
      for (const key of keys) delete index[key];
      await local().remove(keys);
      await local().set({ [CATALOG_INDEX_KEY]: index });
    });
    for (const id of ids) {
      await addNotice(i18n.t('background.notice.cacheCleared', { list: entryLabel(id) }));
    }
  }

  return {
    async read(ids) {
      const found = new Map<string, CatalogEntry>();
      const missing = ids.filter((id) => {
        const known = parsed.get(entryKey(id));
        if (known) found.set(entryKey(id), known);
        return !known;
      });
      if (missing.length === 0) return found;
      const keys = missing.map(entryKey);
      const raw = await local().get(keys);
      const invalid: string[] = [];
      const invalidIds: EntryId[] = [];
      missing.forEach((id, i) => {
        const key = keys[i] as string;
        if (raw[key] === undefined) return;
        const entry = parseEntry(id, raw[key]);
        if (!entry) {
          invalid.push(key);
          invalidIds.push(id);
          return;
        }
        parsed.set(key, entry);
        found.set(key, entry);
      });
      if (invalid.length > 0) await dropInvalid(invalid, invalidIds);
      return found;
    },

    write(entry) {
      return serial(async (): Promise<WriteResult> => {
        const key = entryKey(entry.id);
        const stored = JSON.stringify({
          v: 1 as const,
          provider: entry.id.provider,
          genre: entry.id.genre,
          range: entry.id.range,
          fetchedAt: entry.fetchedAt,
          attemptedAt: entry.attemptedAt,
          dropped: entry.dropped,
          error: entry.error,
          tracks: entry.tracks.map(compactTrack),
        });
        const size = byteSize(key, stored);
        if (size > entryLimit) return { stored: false, bytes: size, limitBytes: entryLimit };
        const index = await readIndex();
        index[key] = { size, usedAt: env.now() };
        const evicted = evictionsFor(index, key, budget);
        for (const gone of evicted) delete index[gone];
        if (evicted.length > 0) await local().remove(evicted);
        // Entry and index in one set: a worker killed here leaves the old entry, never half of one.
        await local().set({ [key]: stored, [CATALOG_INDEX_KEY]: index });
        parsed.delete(key);
        return { stored: true };
      });
    },

    touch(ids) {
      return serial(async () => {
        const index = await readIndex();
        const now = env.now();
        for (const id of ids) {
          const row = index[entryKey(id)];
          if (row) row.usedAt = now;
        }
        await local().set({ [CATALOG_INDEX_KEY]: index });
      });
    },

    async totalBytes() {
      const index = await readIndex();
      return Object.values(index).reduce((sum, row) => sum + row.size, 0);
    },
  };
}

/** Least recently used first, until the rest fits; `keep` (the entry being written) is never chosen. */
export function evictionsFor(index: Index, keep: string, budget: number): string[] {
  let total = Object.values(index).reduce((sum, row) => sum + row.size, 0);
  const evicted: string[] = [];
  const candidates = Object.entries(index)
    .filter(([key]) => key !== keep)
    .sort(([, a], [, b]) => a.usedAt - b.usedAt);
  for (const [key, row] of candidates) {
    if (total <= budget) break;
    evicted.push(key);
    total -= row.size;
  }
  return evicted;
}
