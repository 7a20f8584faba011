import type { ChosenTrack, Clip, ClipChoice, Track } from './track';

/** The clip a CML row starts on: the trending clip when there is one (the most used part). */
export function defaultClip(track: Track): ClipChoice | null {
  if (!track.clips) return null;
  if (track.clips.trending) return 'trending';
  return track.clips.full ? 'full' : null;
}

/** True when the user has a real choice: both clips exist and their ids differ. */
export function hasClipChoice(track: Track): boolean {
  const { trending, full } = track.clips ?? { trending: null, full: null };
  return Boolean(trending && full && trending.id !== full.id);
}

/** The clip a choice points at, falling back to the other one when it is missing. */
export function clipOf(track: Track, choice: ClipChoice | null): Clip | null {
  if (!track.clips) return null;
  const wanted = choice ? track.clips[choice] : null;
  return wanted ?? track.clips.trending ?? track.clips.full;
}

/** The id to copy or post: the chosen clip's `song_clip_id` for CML, the UUID for Layers. */
export function idFor(track: Track, choice: ClipChoice | null): string {
  return clipOf(track, choice)?.id ?? track.id;
}

export function previewUrlFor(track: Track, choice: ClipChoice | null): string | null {
  return clipOf(track, choice)?.previewUrl ?? track.previewUrl;
}

export function durationFor(track: Track, choice: ClipChoice | null): number | null {
  return clipOf(track, choice)?.durationSec ?? track.durationSec;
}

/** CML preview URLs die six hours after the fetch; Layers' never do. */
export function previewExpired(track: Track, now: number): boolean {
  return track.previewExpiresAt !== null && track.previewExpiresAt < now;
}

/** The chosen-track record for a track and the clip the user picked; no clip means the track's own id. */
/** The list the track was chosen from; "All genres" records the track's own first genre. */
export interface ChosenFrom {
  genre: string;
  range: string;
}

export function toChosen(track: Track, clip: ClipChoice | null, now: number, from?: ChosenFrom): ChosenTrack {
  const picked = clip ? clipOf(track, clip) : null;
  return {
    provider: track.provider,
    id: picked?.id ?? track.id,
    idKind: track.idKind,
    title: track.title,
    artist: track.artist,
    clip: picked ? (picked === track.clips?.trending ? 'trending' : 'full') : null,
    durationSec: picked?.durationSec ?? track.durationSec,
    cleared: track.cleared,
    chosenAt: now,
    coverUrl: track.coverUrl,
    ...(from
      ? {
          genre: from.genre === 'ALL' ? (track.genres[0] ?? null) : from.genre,
          range: from.range,
          rank: track.rank,
        }
      : {}),
  };
}
