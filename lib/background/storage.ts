/**
 * Every stored value, declared once. Each `storage.local` item here is parsed with its zod schema
 * when read: a value that does not parse (corrupted by hand, left by an old version) is reset to its
 * fallback and a notice is recorded for the popup, instead of throwing.
 *
 * Two kinds of stored value are not items here, on purpose:
 * - The catalog cache (`catalog:*` entries and `catalogIndex`, keys below) is written by
 *   `catalog/catalog-cache.ts` with raw `storage.local` calls: an entry and the index of sizes must
 *   go in one `set`, so a worker killed mid-write leaves the old entry whole, and entries are
 *   validated there against their own stored form (`catalog/compact.ts`).
 * - The popup keeps two values in its own `localStorage` (`lib/popup/popup-memory.ts`): the first
 *   screen it last showed and the last defaults it saw. It must read them synchronously, before its
 *   first paint and before the background answers, and it carries no zod; neither holds a key.
 */
import { storage } from 'wxt/utils/storage';
import * as z from 'zod/mini';
import { DEFAULT_DATE_RANGE, DEFAULT_GENRE } from '../shared/genres';
import type { Settings } from '../shared/protocol';
import { catalogQuerySchema } from './schemas/protocol';
import { favoritesSchema, settingsSchema } from './schemas/settings';
import { chosenTrackSchema } from './schemas/track';

/** Prefix of the catalog cache's entries, one key per (provider, genre, range) list. */
export const CATALOG_ENTRY_PREFIX = 'catalog:';
/** The catalog cache's index of entry sizes and last use. */
export const CATALOG_INDEX_KEY = 'catalogIndex';

export const DEFAULT_SETTINGS: Settings = {
  bundleSocialKey: null,
  layersKey: null,
  teamId: null,
  defaultGenre: DEFAULT_GENRE,
  defaultRange: DEFAULT_DATE_RANGE,
  composerSites: [],
};

const noticesSchema = z.array(z.string()).check(z.maxLength(20));

type Key = `local:${string}`;

export interface ValidatedItem<T> {
  key: Key;
  get(): Promise<T>;
  set(value: T): Promise<void>;
  remove(): Promise<void>;
}

/** A storage item whose reads are validated; see the module comment. */
export function defineValidatedItem<T>(
  key: Key,
  schema: z.ZodMiniType<T>,
  fallback: T,
  label: string,
): ValidatedItem<T> {
  const item = storage.defineItem<unknown>(key, { fallback: null, version: 1 });
  const parse = (raw: unknown): { value: T; ok: boolean } => {
    if (raw === null || raw === undefined) return { value: fallback, ok: true };
    const parsed = schema.safeParse(raw);
    return parsed.success ? { value: parsed.data, ok: true } : { value: fallback, ok: false };
  };
  return {
    key,
    async get() {
      const { value, ok } = parse(await item.getValue());
      if (!ok) {
        await item.removeValue();
        await addNotice(`Your stored ${label} could not be read and was reset; everything else is intact.`);
      }
      return value;
    },
    async set(value) {
      await item.setValue(schema.parse(value));
    },
    async remove() {
      await item.removeValue();
    },
  };
}

/** Notices (a stored value reset, cached lists cleared) the popup shows once. */
const noticesItem = storage.defineItem<unknown>('local:notices', { fallback: [] });

export async function addNotice(text: string): Promise<void> {
  const parsed = noticesSchema.safeParse(await noticesItem.getValue());
  const notices = parsed.success ? parsed.data : [];
  if (!notices.includes(text)) await noticesItem.setValue([...notices, text].slice(-20));
}

/** Returns the pending notices and clears them. */
export async function takeNotices(): Promise<string[]> {
  const parsed = noticesSchema.safeParse(await noticesItem.getValue());
  await noticesItem.setValue([]);
  return parsed.success ? parsed.data : [];
}

export const settingsItem = defineValidatedItem(
  'local:settings',
  settingsSchema,
  DEFAULT_SETTINGS,
  'settings',
);
export const chosenItem = defineValidatedItem(
  'local:chosen',
  z.nullable(chosenTrackSchema),
  null,
  'chosen track',
);
export const favoritesItem = defineValidatedItem('local:favorites', favoritesSchema, [], 'favorites');
/** The tab, and within it the frame, whose composer the user focused last: "Use" fills there. */
export const lastComposerItem = defineValidatedItem(
  'local:lastComposer',
  z.nullable(z.object({ tabId: z.int(), frameId: z.optional(z.int()), label: z.string(), at: z.number() })),
  null,
  'last composer tab',
);

/** The catalog queries looked at lately: the periodic refresh renews their lists. */
export const catalogUsageItem = defineValidatedItem(
  'local:catalogUsage',
  z.array(z.object({ query: catalogQuerySchema, usedAt: z.number() })).check(z.maxLength(200)),
  [],
  'catalog usage',
);

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
