import * as z from 'zod/mini';

/** Only `https:` URLs may become a cover or a preview: anything else (`javascript:`, `data:`, `http:`) is dropped to null. */
export const httpsUrlSchema = z.string().check(
  z.maxLength(4096),
  z.refine((value) => {
    try {
      return new URL(value).protocol === 'https:';
    } catch {
      return false;
    }
  }, 'not an https URL'),
);

export const providerSchema = z.enum(['bundle-social', 'layers']);
export type Provider = z.infer<typeof providerSchema>;
export const PROVIDER_NAMES: Record<Provider, string> = {
  'bundle-social': 'bundle.social',
  layers: 'Layers',
};

/**
 * The two kinds of id are never interchangeable: a CML `song_clip_id` goes into bundle.social's
 * `musicSoundId`, a Layers UUID into `tiktokMusic.trackId`.
 */
export const idKindSchema = z.enum(['cml-song-clip', 'layers-track']);
export type IdKind = z.infer<typeof idKindSchema>;
export const ID_KIND_OF: Record<Provider, IdKind> = {
  'bundle-social': 'cml-song-clip',
  layers: 'layers-track',
};

export const clipSchema = z.object({
  id: z.string().check(z.regex(/^\d{1,30}$/)),
  durationSec: z.nullable(z.int().check(z.nonnegative())),
  previewUrl: z.nullable(httpsUrlSchema),
});
export type Clip = z.infer<typeof clipSchema>;
export const clipChoiceSchema = z.enum(['trending', 'full']);
export type ClipChoice = z.infer<typeof clipChoiceSchema>;

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
  coverUrl: z.nullable(httpsUrlSchema),
  previewUrl: z.nullable(httpsUrlSchema),
  /** CML preview URLs die six hours after the fetch; epoch ms, null when the URL is permanent. */
  previewExpiresAt: z.nullable(z.number()),
  genres: z.array(z.string()),
  rank: z.nullable(z.int().check(z.positive())),
  /** Oldest first, up to 30 days (CML only; empty for Layers). */
  rankHistory: z.array(rankPointSchema),
  userCount: z.nullable(z.number().check(z.nonnegative())),
  language: z.nullable(z.string()),
  /** In TikTok's Commercial Music Library: CML tracks always, Layers when `isCommerceMusic`. */
  cleared: z.boolean(),
  clips: z.nullable(z.object({ trending: z.nullable(clipSchema), full: z.nullable(clipSchema) })),
});
export type Track = z.infer<typeof trackSchema>;

/** What a content script may know of the chosen track: no keys, no settings, no catalog. */
export const chosenTrackSchema = z.object({
  provider: providerSchema,
  /** The id to fill: for CML, the id of the clip the user chose. */
  id: z.string().check(z.minLength(1)),
  idKind: idKindSchema,
  title: z.string(),
  artist: z.string(),
  clip: z.nullable(clipChoiceSchema),
  durationSec: z.nullable(z.number().check(z.nonnegative())),
  cleared: z.boolean(),
  chosenAt: z.number(),
});
export type ChosenTrack = z.infer<typeof chosenTrackSchema>;

export function trackKey(track: Pick<Track, 'provider' | 'id'>): string {
  return `${track.provider}:${track.id}`;
}

/** The chosen-track record for a track and the clip the user picked (trending by default). */
export function toChosen(track: Track, clip: ClipChoice | null, now: number): ChosenTrack {
  const picked = track.clips && clip ? (track.clips[clip] ?? track.clips.trending ?? track.clips.full) : null;
  const pickedKind: ClipChoice | null = picked
    ? picked === track.clips?.trending
      ? 'trending'
      : 'full'
    : null;
  return {
    provider: track.provider,
    id: picked?.id ?? track.id,
    idKind: track.idKind,
    title: track.title,
    artist: track.artist,
    clip: pickedKind,
    durationSec: picked?.durationSec ?? track.durationSec,
    cleared: track.cleared,
    chosenAt: now,
  };
}
