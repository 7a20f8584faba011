/** The track model's zod schemas; the zod-free names and types they are built from are in `lib/shared/track.ts`. */
import * as z from 'zod/mini';
import { isStoredMediaUrl } from '../../shared/media-url';
import { CLIP_CHOICES, CLIP_ID_PATTERN, ID_KINDS, PROVIDERS } from '../../shared/track';

/**
 * A cover or preview URL as normalization stores it: https, on a provider's media host, in its
 * canonical form (lib/shared/media-url.ts decides; anything else became null before it got here).
 */
export const mediaUrlSchema = z.string().check(z.refine(isStoredMediaUrl, 'not a provider media URL'));

export const providerSchema = z.enum(PROVIDERS);
export const idKindSchema = z.enum(ID_KINDS);

export const clipSchema = z.object({
  id: z.string().check(z.regex(CLIP_ID_PATTERN)),
  durationSec: z.nullable(z.int().check(z.nonnegative())),
  previewUrl: z.nullable(mediaUrlSchema),
});
export const clipChoiceSchema = z.enum(CLIP_CHOICES);

export const rankPointSchema = z.object({ date: z.string(), rank: z.nullable(z.int().check(z.positive())) });

export const trackSchema = z.object({
  provider: providerSchema,
  /** The default id to post with: the trending clip's id for CML (full clip when absent), the UUID for Layers. */
  id: z.string().check(z.minLength(1)),
  idKind: idKindSchema,
  title: z.string(),
  /** True when the provider sent no name and `title` is our readable fallback. */
  untitled: z.boolean(),
  artist: z.string(),
  album: z.nullable(z.string()),
  durationSec: z.nullable(z.number().check(z.nonnegative())),
  coverUrl: z.nullable(mediaUrlSchema),
  previewUrl: z.nullable(mediaUrlSchema),
  /** CML preview URLs die six hours after the fetch; epoch ms, null when the URL is permanent. */
  previewExpiresAt: z.nullable(z.number()),
  genres: z.array(z.string()),
  rank: z.nullable(z.int().check(z.positive())),
  /** Oldest first, up to 30 days (CML only; empty for Layers). */
  rankHistory: z.array(rankPointSchema),
  userCount: z.nullable(z.number().check(z.nonnegative())),
  /** Layers: the count a previous refresh saw before it last changed (lib/background/catalog/user-growth.ts). */
  previousUserCount: z.optional(z.nullable(z.number().check(z.nonnegative()))),
  language: z.nullable(z.string()),
  /** In TikTok's Commercial Music Library: CML tracks always, Layers when `isCommerceMusic`. */
  cleared: z.boolean(),
  clips: z.nullable(z.object({ trending: z.nullable(clipSchema), full: z.nullable(clipSchema) })),
});

/**
 * What a content script may know of the chosen track: no keys, no settings, no catalog. `id` is the
 * id to fill: for CML, the id of the clip the user chose.
 */
export const chosenTrackSchema = z.extend(
  z.pick(trackSchema, {
    provider: true,
    id: true,
    idKind: true,
    title: true,
    artist: true,
    durationSec: true,
    cleared: true,
  }),
  {
    clip: z.nullable(clipChoiceSchema),
    chosenAt: z.number(),
    /** Shown in Studio's in-page panel. Optional: a choice stored by an earlier version has none. */
    coverUrl: z.optional(z.nullable(mediaUrlSchema)),
    /** Where the track stood when chosen (genre, date range, rank), for the usage record. */
    genre: z.optional(z.nullable(z.string().check(z.maxLength(40)))),
    range: z.optional(z.nullable(z.string().check(z.maxLength(10)))),
    rank: z.optional(z.nullable(z.int())),
  },
);
