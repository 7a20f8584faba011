/**
 * Track identity without zod, for every context: the provider and id-kind values, their names, the
 * key favorites are stored under. The zod schemas (`lib/background/schemas/track.ts`) are built from
 * these same arrays, and the types below are the schemas' own, so the two cannot drift apart.
 */
import type { chosenTrackSchema, clipSchema, trackSchema } from '../background/schemas/track';
import type { Infer } from './infer';

export const PROVIDERS = ['bundle-social', 'layers'] as const;
export type Provider = (typeof PROVIDERS)[number];
export const PROVIDER_NAMES: Record<Provider, string> = {
  'bundle-social': 'bundle.social',
  layers: 'Layers',
};

/**
 * The two kinds of id are never interchangeable: a CML `song_clip_id` goes into bundle.social's
 * `musicSoundId`, a Layers UUID into `tiktokMusic.trackId`.
 */
export const ID_KINDS = ['cml-song-clip', 'layers-track'] as const;
export type IdKind = (typeof ID_KINDS)[number];
export const ID_KIND_OF: Record<Provider, IdKind> = {
  'bundle-social': 'cml-song-clip',
  layers: 'layers-track',
};

export const CLIP_CHOICES = ['trending', 'full'] as const;
export type ClipChoice = (typeof CLIP_CHOICES)[number];

/** A CML clip id: a numeric string (19 digits today), never a number, so no digit is lost. */
export const CLIP_ID_PATTERN = /^\d{1,30}$/;

export type Track = Infer<typeof trackSchema>;
export type Clip = Infer<typeof clipSchema>;
/** What a content script may know of the chosen track: no keys, no settings, no catalog. */
export type ChosenTrack = Infer<typeof chosenTrackSchema>;

/** Favorites are stored under this key. */
export function trackKey(track: Pick<Track, 'provider' | 'id'>): string {
  return `${track.provider}:${track.id}`;
}
