/**
 * Every stored value, declared once. Each `storage.local` item here is parsed with its zod schema
 * when read: a value that does not parse (corrupted by hand, left by an old version) is reset to its
 * fallback and a notice is recorded for the popup, instead of throwing.
 *
 * The API keys are part of `settingsItem` for the code that uses them, but stored apart, sealed
 * (`secrets`, see `settings/secret-box.ts`): content scripts can read `storage.local`.
 *
 * Three kinds of stored value are not items here, on purpose:
 * - The catalog cache (`catalog:*` entries and `catalogIndex`, keys below) is written by
 *   `catalog/catalog-cache.ts` with raw `storage.local` calls: an entry and the index of sizes must
 *   go in one `set`, so a worker killed mid-write leaves the old entry whole, and entries are
 *   validated there against their own stored form (`catalog/compact.ts`).
 * - The popup keeps three values in its own `localStorage` (`lib/popup/popup-memory.ts`): the first
 *   screen it last showed, that screen as drawn (per page) and the last defaults it saw. It must read
 *   them synchronously, before its first paint and before the background answers, and it carries no
 *   zod; none holds a key.
 * - The side panel keeps its search, filters, sort and scroll in `storage.session` under
 *   `panelState` (`lib/popup/panel-memory.ts`): the page writes it while the person types and
 *   scrolls, with no message round trip to the worker, and reads it back by hand, field by field.
 */

import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import * as z from 'zod/mini';
import { i18n } from '#i18n';
import { DEFAULT_DATE_RANGE, DEFAULT_GENRE, type Genre } from '../shared/genres';
import { type AlertPrefs, NO_ALERTS, type Settings } from '../shared/protocol';
import { FINDER_SEARCH_KEY } from '../shared/side-panel';
import { alertLogSchema, alertPrefsSchema, alertQuerySchema } from './schemas/alerts';
import { genreSchema } from './schemas/genres';
import {
  catalogQuerySchema,
  rotationDaysSchema,
  tabStatusSchema,
  toolbarOpensSchema,
} from './schemas/protocol';
import {
  apiKeysSchema,
  favoriteKeySchema,
  favoritesSchema,
  MAX_FAVORITES,
  sealedSchema,
  settingsSchema,
  storedSettingsSchema,
} from './schemas/settings';
import { chosenTrackSchema } from './schemas/track';
import { type Entry, entrySchema, MAX_USAGE_ENTRIES } from './schemas/usage';
import { createSerialQueue } from './serial-queue';
import { type Sealed, seal, unseal } from './settings/secret-box';

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

type Key = `local:${string}` | `session:${string}`;

export interface ValidatedItem<T> {
  key: Key;
  get(): Promise<T>;
  set(value: T): Promise<void>;
  remove(): Promise<void>;
}

/** What a repair kept of an unreadable value, and the names of the parts it reset. */
export interface Repaired<T> {
  value: T;
  reset: string[];
}

export interface ItemOptions<T> {
  /**
   * The stored form's version. A value stored by an older release (its meta `v`, 1 when absent) is
   * brought up to date by `migrations[n]` (from n - 1 to n) in order, then written back.
   */
  version?: number;
  migrations?: Record<number, (previous: unknown) => unknown>;
  /**
   * Keeps what can be kept of a value that does not parse, part by part; null when nothing can.
   * Without it, or when it returns null, the whole value is reset.
   */
  repair?: (raw: unknown) => Repaired<T> | null;
}

/** Runs the migrations from `from` up to `to`; null when one of them throws on an odd value. */
function migrate(raw: unknown, from: number, to: number, migrations: ItemOptions<unknown>['migrations']) {
  let value = raw;
  try {
    for (let version = from + 1; version <= to; version++) value = migrations?.[version]?.(value) ?? value;
    return { value };
  } catch {
    return null;
  }
}

/** A storage item whose reads are validated; see the module comment. */
export function defineValidatedItem<T>(
  key: Key,
  schema: z.ZodMiniType<T>,
  fallback: T,
  /** What the value is, as a notice names it (`background.stored` in the catalogs). */
  label: string,
  options: ItemOptions<T> = {},
): ValidatedItem<T> {
  const version = options.version ?? 1;
  const item = storage.defineItem<unknown, { v?: number }>(key, { fallback: null });
  /** The value as of `version`, and whether it must be written back (migrated or repaired). */
  const read = async (): Promise<{ value: T; rewrite: boolean; reset: string[] | 'all' }> => {
    const stored = await item.getValue();
    if (stored === null || stored === undefined) return { value: fallback, rewrite: false, reset: [] };
    const from = (await item.getMeta()).v ?? 1;
    const migrated = from < version ? migrate(stored, from, version, options.migrations) : { value: stored };
    const raw = migrated?.value ?? stored;
    const parsed = schema.safeParse(raw);
    if (parsed.success) return { value: parsed.data, rewrite: from !== version, reset: [] };
    const repaired = options.repair?.(raw) ?? null;
    if (!repaired) return { value: fallback, rewrite: false, reset: 'all' };
    return { value: repaired.value, rewrite: true, reset: repaired.reset };
  };
  const write = async (value: T) => {
    await item.setValue(schema.parse(value));
    if (version > 1) await item.setMeta({ v: version });
  };
  return {
    key,
    async get() {
      const { value, rewrite, reset } = await read();
      if (reset === 'all') {
        await item.removeValue({ removeMeta: true });
        await addNotice(i18n.t('background.notice.reset', { what: label }));
        return value;
      }
      if (rewrite) await write(value);
      if (reset.length > 0) await partResetNotice(label, reset);
      return value;
    },
    set: write,
    async remove() {
      await item.removeValue({ removeMeta: true });
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

/** How each settings field is named when it had to be reset. */
const SETTINGS_FIELD_NAMES: Record<keyof Settings, string> = {
  bundleSocialKey: i18n.t('background.part.bundleSocialKey'),
  layersKey: i18n.t('background.part.layersKey'),
  teamId: i18n.t('background.part.teamId'),
  defaultGenre: i18n.t('background.part.defaultGenre'),
  defaultRange: i18n.t('background.part.defaultRange'),
  composerSites: i18n.t('background.part.composerSites'),
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const partResetNotice = (label: string, reset: string[]) =>
  addNotice(i18n.t('background.notice.partReset', { what: label, parts: reset.join(', ') }));

type StoredSettings = Omit<Settings, ApiKeyField>;
type ApiKeyField = 'bundleSocialKey' | 'layersKey';
type ApiKeys = Pick<Settings, ApiKeyField>;
const KEY_FIELDS: readonly ApiKeyField[] = ['bundleSocialKey', 'layersKey'];
const NO_KEYS: ApiKeys = { bundleSocialKey: null, layersKey: null };
const { bundleSocialKey: _b, layersKey: _l, ...DEFAULT_STORED_SETTINGS } = DEFAULT_SETTINGS;

/**
 * Settings field by field: a genre a later release dropped, or one value of a wrong type, resets
 * that field alone and keeps the keys, the team and the composer sites. A field that is missing
 * (added after the value was stored) takes its default without a word; unreadable composer sites
 * are dropped one by one.
 */
export function repairSettings(raw: unknown): Repaired<StoredSettings> | null {
  if (!isRecord(raw)) return null;
  const value: Record<string, unknown> = { ...DEFAULT_STORED_SETTINGS };
  const reset: string[] = [];
  for (const field of Object.keys(DEFAULT_STORED_SETTINGS) as (keyof StoredSettings)[]) {
    if (raw[field] === undefined) continue;
    const parsed = storedSettingsSchema.shape[field].safeParse(raw[field]);
    if (parsed.success) value[field] = parsed.data;
    else if (field === 'composerSites' && Array.isArray(raw[field])) {
      value[field] = raw[field].filter((site): site is string => typeof site === 'string');
      reset.push(i18n.t('background.part.someComposerSites'));
    } else reset.push(SETTINGS_FIELD_NAMES[field]);
  }
  return { value: value as StoredSettings, reset };
}

/** Favorites one by one: an unreadable entry is dropped, never the whole list. */
export function repairFavorites(raw: unknown): Repaired<string[]> | null {
  if (!Array.isArray(raw)) return null;
  const kept = raw.filter((entry) => favoriteKeySchema.safeParse(entry).success).slice(-MAX_FAVORITES);
  return {
    value: kept,
    reset: kept.length === raw.length ? [] : [i18n.t('background.part.favorites', raw.length - kept.length)],
  };
}

/** Alert genres one by one: a genre this release does not know (or no longer knows) costs only itself. */
export function repairAlertPrefs(raw: unknown): Repaired<AlertPrefs> | null {
  if (!isRecord(raw) || !Array.isArray(raw.breakoutGenres)) return null;
  const breakoutGenres = [...new Set(raw.breakoutGenres)].filter(
    (genre): genre is Genre => genreSchema.safeParse(genre).success,
  );
  return {
    value: { breakoutGenres, favoritesTop10: raw.favoritesTop10 === true },
    reset: [i18n.t('background.part.someAlertGenres')],
  };
}

/** Everything but the keys. Version 2 took the keys out (`sealPlaintextKeys` moves them first). */
/** Plain keys the version 2 migration took out of a settings value, for `settingsItem.get` to seal. */
let strayPlainKeys: Record<string, unknown> | null = null;

const storedSettingsItem = defineValidatedItem(
  'local:settings',
  storedSettingsSchema,
  DEFAULT_STORED_SETTINGS,
  i18n.t('background.stored.settings'),
  {
    version: 2,
    migrations: {
      2: (v1) => {
        if (!isRecord(v1)) return v1;
        const { bundleSocialKey, layersKey, ...rest } = v1;
        // Normally sealed already (`settingsItem.get`); a version 1 value written after that check
        // (a test seeding one while the worker starts) hands its keys over instead of losing them.
        if (bundleSocialKey !== undefined || layersKey !== undefined)
          strayPlainKeys = { bundleSocialKey, layersKey };
        return rest;
      },
    },
    repair: repairSettings,
  },
);

/** The sealed keys' storage key; see `settings/secret-box.ts`. */
export const SECRETS_KEY = 'secrets';
const local = () => browser.storage.local;
/** The keys last opened, by their ciphertext: one decryption per change, not per read. */
let opened: { data: string; keys: ApiKeys } | null = null;

function parseKeys(plain: string): ApiKeys | null {
  try {
    const parsed = apiKeysSchema.safeParse(JSON.parse(plain));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

async function readKeys(): Promise<ApiKeys> {
  const raw = (await local().get(SECRETS_KEY))[SECRETS_KEY];
  if (raw === undefined || raw === null) return NO_KEYS;
  const sealed = sealedSchema.safeParse(raw);
  if (sealed.success && opened?.data === sealed.data.data) return opened.keys;
  const plain = sealed.success ? await unseal(sealed.data) : null;
  const keys = plain === null ? null : parseKeys(plain);
  if (!sealed.success || !keys) {
    await local().remove(SECRETS_KEY);
    await addNotice(i18n.t('background.notice.keysRemoved'));
    return NO_KEYS;
  }
  opened = { data: sealed.data.data, keys };
  return keys;
}

/** The storage change that keeps `keys`: sealed, or nothing stored when there are none. */
async function keysEntry(keys: ApiKeys): Promise<{ [SECRETS_KEY]?: Sealed }> {
  if (!keys.bundleSocialKey && !keys.layersKey) {
    opened = null;
    return {};
  }
  const sealed = await seal(JSON.stringify(keys));
  opened = { data: sealed.data, keys };
  return { [SECRETS_KEY]: sealed };
}

async function writeKeys(keys: ApiKeys): Promise<void> {
  const current = await readKeys();
  if (current.bundleSocialKey === keys.bundleSocialKey && current.layersKey === keys.layersKey) return;
  const entry = await keysEntry(keys);
  if (entry[SECRETS_KEY]) await local().set(entry);
  else await local().remove(SECRETS_KEY);
}

/**
 * Keys found in plain text in stored settings (stored by version 1, or put there by hand) are
 * sealed and taken out, in one write, before anything else reads the settings.
 */
async function sealPlaintextKeys(): Promise<void> {
  const raw = (await local().get('settings')).settings;
  if (!isRecord(raw) || KEY_FIELDS.every((field) => !(field in raw))) return;
  const { bundleSocialKey: _bundle, layersKey: _layers, ...rest } = raw;
  // One write: the keys never leave `settings` before they are in `secrets`.
  await sealKeysFrom(raw, { settings: rest });
}

/** Seals the plain keys found in `raw` (a version 1 settings value), written with `alongside`. */
async function sealKeysFrom(
  raw: Record<string, unknown>,
  alongside: Record<string, unknown> = {},
): Promise<void> {
  const keys = { ...(await readKeys()) };
  const reset: string[] = [];
  for (const field of KEY_FIELDS) {
    const value = raw[field];
    if (typeof value === 'string' && value !== '') keys[field] = value;
    else if (value !== null && value !== undefined && value !== '') reset.push(SETTINGS_FIELD_NAMES[field]);
  }
  const entry = await keysEntry(keys);
  if (Object.keys(alongside).length > 0 || entry[SECRETS_KEY]) await local().set({ ...alongside, ...entry });
  if (reset.length > 0) await partResetNotice(i18n.t('background.stored.settings'), reset);
}

const settingsQueue = createSerialQueue();

/**
 * The settings the background works with, keys included: the keys are opened from `secrets`, the
 * rest read from `settings`. Reads and writes take turns, so a read sealing a version 1 value
 * never overwrites a write made meanwhile.
 */
export const settingsItem: ValidatedItem<Settings> = {
  key: 'local:settings',
  get: () =>
    settingsQueue(async () => {
      await sealPlaintextKeys();
      const stored = await storedSettingsItem.get();
      if (strayPlainKeys) {
        const plain = strayPlainKeys;
        strayPlainKeys = null;
        await sealKeysFrom(plain);
      }
      return { ...(await readKeys()), ...stored };
    }),
  set: (value) =>
    settingsQueue(async () => {
      const { bundleSocialKey, layersKey, ...stored } = settingsSchema.parse(value);
      await writeKeys({ bundleSocialKey, layersKey });
      await storedSettingsItem.set(stored);
    }),
  remove: () =>
    settingsQueue(async () => {
      await local().remove(SECRETS_KEY);
      opened = null;
      await storedSettingsItem.remove();
    }),
};
export const chosenItem = defineValidatedItem(
  'local:chosen',
  z.nullable(chosenTrackSchema),
  null,
  i18n.t('background.stored.chosen'),
);
export const favoritesItem = defineValidatedItem(
  'local:favorites',
  favoritesSchema,
  [],
  i18n.t('background.stored.favorites'),
  {
    repair: repairFavorites,
  },
);
/** The tab, and within it the frame, whose composer the user focused last: "Use" fills there. */
export const lastComposerItem = defineValidatedItem(
  'local:lastComposer',
  z.nullable(z.object({ tabId: z.int(), frameId: z.optional(z.int()), label: z.string(), at: z.number() })),
  null,
  i18n.t('background.stored.lastComposer'),
);

/**
 * Per frame with a composer (`tabId:frameId`), what its content script last reported
 * (`composerPresence`): the site's name, how many composers, and on TikTok Studio where the user
 * is. For the popup's and the side panel's line about a tab. The session area: nothing of it
 * outlives the browser session.
 */
export const composerFramesItem = defineValidatedItem(
  'session:composerFrames',
  z.record(z.string(), tabStatusSchema),
  {},
  i18n.t('background.stored.composerFrames'),
);

/** One bad entry costs only itself. */
function repairUsage(raw: unknown): { value: Entry[]; reset: string[] } | null {
  if (!Array.isArray(raw)) return null;
  const kept = raw.flatMap((entry) => {
    const parsed = entrySchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
  return {
    value: kept.slice(-MAX_USAGE_ENTRIES),
    reset: kept.length < raw.length ? [i18n.t('background.part.unreadableEntries')] : [],
  };
}

/** The usage record (`usage/usage-record.ts`): newest last, never sent anywhere. */
export const usageItem = defineValidatedItem(
  'local:usage',
  z.array(entrySchema).check(z.maxLength(MAX_USAGE_ENTRIES)),
  [],
  i18n.t('background.stored.usage'),
  { repair: repairUsage },
);

/** Rotation's window in days (options); null: the default. */
export const rotationDaysItem = defineValidatedItem(
  'local:rotationDays',
  z.nullable(rotationDaysSchema),
  null,
  i18n.t('background.stored.rotation'),
);

/** What the toolbar button opens (options page): the popup, or the side panel. */
export const toolbarOpensItem = defineValidatedItem(
  'local:toolbarOpens',
  toolbarOpensSchema,
  'popup',
  i18n.t('background.stored.toolbarOpens'),
);

/**
 * A search handed to the finder, taken by the page that shows it: the context menu's "Find … in
 * Cleartune" (`text`), or an alert's tracks (`keys`, with `text` empty) in the list they came from.
 */
export const finderSearchItem = defineValidatedItem(
  `session:${FINDER_SEARCH_KEY}`,
  z.nullable(
    z.object({
      text: z.string().check(z.maxLength(200)),
      at: z.number(),
      keys: z.optional(z.array(z.string().check(z.maxLength(200))).check(z.maxLength(50))),
      query: z.optional(alertQuerySchema),
    }),
  ),
  null,
  i18n.t('background.stored.finderSearch'),
);

/** Alerts (options): off until the person turns one on. */
export const alertPrefsItem = defineValidatedItem(
  'local:alerts',
  alertPrefsSchema,
  NO_ALERTS,
  i18n.t('background.stored.alertPrefs'),
  { repair: repairAlertPrefs },
);

/** What the alerts announced (`track key|reason` → when; never twice) and the notifications on screen. */
export const alertLogItem = defineValidatedItem(
  'local:alertLog',
  alertLogSchema,
  { announced: {}, shown: [] },
  i18n.t('background.stored.alertLog'),
);

/** The catalog queries looked at lately: the periodic refresh renews their lists. */
export const catalogUsageItem = defineValidatedItem(
  'local:catalogUsage',
  z.array(z.object({ query: catalogQuerySchema, usedAt: z.number() })).check(z.maxLength(200)),
  [],
  i18n.t('background.stored.catalogUsage'),
);

/** When keys or the team last changed: failures older than this are worth retrying at once. */
export const settingsChangedAtItem = defineValidatedItem(
  'local:catalogSettingsChangedAt',
  z.number(),
  0,
  i18n.t('background.stored.settingsStamp'),
);

/** Per provider: no request before this time (a long `Retry-After`). */
export const rateLimitItem = defineValidatedItem(
  'local:catalogRateLimits',
  z.object({ 'bundle-social': z.optional(z.number()), layers: z.optional(z.number()) }),
  {},
  i18n.t('background.stored.rateLimits'),
);
