/** The alerts' zod schemas: what the options page sets, and what the background remembers it announced. */
import * as z from 'zod/mini';
import { GENRES } from '../../shared/genres';
import { dateRangeSchema, genreSchema } from './genres';

/** "Tell me about breakouts in: [genres]" and "Tell me when a favorite enters the top 10". Off by default. */
export const alertPrefsSchema = z.object({
  breakoutGenres: z.array(genreSchema).check(z.maxLength(GENRES.length)),
  favoritesTop10: z.boolean(),
});

/** What the options page sees: the choices, and whether the browser lets Cleartune notify now. */
export const alertStateSchema = z.object({ prefs: alertPrefsSchema, allowed: z.boolean() });

/** The list an alert's tracks came from, as the finder opens it. */
export const alertQuerySchema = z.object({
  source: z.literal('bundle-social'),
  genre: z.string().check(z.maxLength(40)),
  range: dateRangeSchema,
});

/** A notification on screen: what its click hands to the finder. */
export const shownAlertSchema = z.object({
  id: z.string().check(z.maxLength(100)),
  keys: z.array(z.string().check(z.maxLength(200))).check(z.maxLength(50)),
  query: z.nullable(alertQuerySchema),
});

/**
 * What was announced (`track key|reason` → when), so nothing is announced twice, and the
 * notifications still on screen.
 */
export const alertLogSchema = z.object({
  announced: z.record(z.string().check(z.maxLength(220)), z.number()),
  shown: z.array(shownAlertSchema).check(z.maxLength(10)),
});
