/**
 * Every stored value, declared once. Each is parsed with its zod schema when read: a value that does
 * not parse (corrupted by hand, left by an old version) is reset to its fallback and a notice is
 * recorded for the popup, instead of throwing.
 */
import { storage } from 'wxt/utils/storage';
import * as z from 'zod/mini';
import { DEFAULT_DATE_RANGE, DEFAULT_GENRE } from '../shared/genres';
import { dateRangeSchema, genreSchema } from './schemas/genres';
import { chosenTrackSchema } from './schemas/track';

export const settingsSchema = z.object({
  bundleSocialKey: z.nullable(z.string()),
  layersKey: z.nullable(z.string()),
  teamId: z.nullable(z.string()),
  defaultGenre: genreSchema,
  defaultRange: dateRangeSchema,
  /** Origins (`https://example.com`) where the composer content script is registered. */
  composerSites: z.array(z.string()),
});
export type Settings = z.infer<typeof settingsSchema>;
export const DEFAULT_SETTINGS: Settings = {
  bundleSocialKey: null,
  layersKey: null,
  teamId: null,
  defaultGenre: DEFAULT_GENRE,
  defaultRange: DEFAULT_DATE_RANGE,
  composerSites: [],
};

/** The tab, and within it the frame, whose composer the user focused last: "Use" fills there. */
export const lastComposerSchema = z.nullable(
  z.object({ tabId: z.int(), frameId: z.optional(z.int()), label: z.string(), at: z.number() }),
);

export const noticesSchema = z.array(z.string()).check(z.maxLength(20));

type Key = `local:${string}`;

export interface ValidatedItem<T> {
  key: Key;
  get(): Promise<T>;
  set(value: T): Promise<void>;
  remove(): Promise<void>;
  watch(callback: (value: T) => void): () => void;
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
    watch(callback) {
      return item.watch((raw) => callback(parse(raw).value));
    },
  };
}

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
export const favoritesItem = defineValidatedItem(
  'local:favorites',
  z.array(z.string().check(z.maxLength(200))).check(z.maxLength(5000)),
  [],
  'favorites',
);
export const lastComposerItem = defineValidatedItem(
  'local:lastComposer',
  lastComposerSchema,
  null,
  'last composer tab',
);
