import * as z from 'zod/mini';
import { dateRangeSchema, genreSchema } from './genres';

/** Settings as stored. Origins in `composerSites` (`https://example.com`) get the composer content script. */
export const settingsSchema = z.object({
  bundleSocialKey: z.nullable(z.string()),
  layersKey: z.nullable(z.string()),
  teamId: z.nullable(z.string()),
  defaultGenre: genreSchema,
  defaultRange: dateRangeSchema,
  composerSites: z.array(z.string()),
});

/**
 * Settings as `storage.local` holds them from version 2: without the API keys, which are kept
 * sealed apart (`settings/secret-box.ts`), since content scripts can read `storage.local`.
 */
export const storedSettingsSchema = z.omit(settingsSchema, { bundleSocialKey: true, layersKey: true });
export const apiKeysSchema = z.pick(settingsSchema, { bundleSocialKey: true, layersKey: true });
export const sealedSchema = z.object({ v: z.literal(1), iv: z.string(), data: z.string() });

export const apiKeySchema = z.string().check(z.trim(), z.minLength(1), z.maxLength(512));

export const settingsPatchSchema = z.object({
  /** A new key; omitted or undefined keeps the stored one, null removes it. */
  bundleSocialKey: z.optional(z.nullable(apiKeySchema)),
  layersKey: z.optional(z.nullable(apiKeySchema)),
  teamId: z.optional(z.nullable(z.string().check(z.maxLength(200)))),
  defaultGenre: z.optional(genreSchema),
  defaultRange: z.optional(dateRangeSchema),
});

/** A favorite is a `trackKey`; the list is capped so a runaway import cannot fill the quota. */
export const MAX_FAVORITES = 5000;
export const favoriteKeySchema = z.string().check(z.maxLength(200));
export const favoritesSchema = z.array(favoriteKeySchema).check(z.maxLength(MAX_FAVORITES));
