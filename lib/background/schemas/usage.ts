/** The usage record's stored form: one array per entry, no repeated field names. */

import * as z from 'zod/mini';
import { CLIP_CHOICES, ID_KINDS, PROVIDERS } from '../../shared/track';

export const MAX_USAGE_ENTRIES = 5000;
export const MAX_TEXT = 200;

/** [at, provider, id, idKind, clip, title, artist, cleared, genre, range, rank, site, verified] */
export const entrySchema = z.tuple([
  z.number(),
  z.enum(PROVIDERS),
  z.string().check(z.minLength(1), z.maxLength(MAX_TEXT)),
  z.enum(ID_KINDS),
  z.nullable(z.enum(CLIP_CHOICES)),
  z.string().check(z.maxLength(MAX_TEXT)),
  z.string().check(z.maxLength(MAX_TEXT)),
  z.boolean(),
  z.nullable(z.string().check(z.maxLength(40))),
  z.nullable(z.string().check(z.maxLength(10))),
  z.nullable(z.int()),
  z.string().check(z.maxLength(MAX_TEXT)),
  z.nullable(z.boolean()),
]);
export type Entry = z.infer<typeof entrySchema>;
