/**
 * The stored form of a track. Stored as-is, 42 genres × 100 CML tracks measured 9.4 MB, past the
 * 10 MB quota with one range alone; most of it was redundant. This form drops what the entry already
 * says (provider, id kind, preview expiry), nulls, a preview URL repeated from a clip, and writes a
 * daily rank history as one start date and a list of ranks. Measured: about half the size.
 */
import * as z from 'zod/mini';
import { isStoredMediaUrl } from '../../shared/media-url';
import { CML_PREVIEW_LIFETIME_MS } from '../../shared/time';
import { type Clip, ID_KIND_OF, type Provider, type Track } from '../../shared/track';
import { clipPreview, compactHistory, expandHistory } from '../../shared/wire';
import { rankPointSchema } from '../schemas/track';

const rankSchema = z.nullable(z.int().check(z.positive()));

/**
 * Any string here: one URL must never make a whole list unreadable (issue #12). Each is checked
 * when the track is expanded, and one the check refuses is dropped to null, costing only itself.
 */
const storedUrl = z.string();
type StoredClip = z.infer<typeof storedClip>;
const storedClip = z.object({
  id: z.string().check(z.regex(/^\d{1,30}$/)),
  durationSec: z.nullable(z.int().check(z.nonnegative())),
  previewUrl: z.nullable(storedUrl),
});

export const storedTrackSchema = z.object({
  id: z.string().check(z.minLength(1)),
  title: z.string(),
  untitled: z.boolean(),
  artist: z.string(),
  coverUrl: z.nullable(storedUrl),
  genres: z.array(z.string()),
  cleared: z.boolean(),
  clips: z.nullable(z.object({ trending: z.nullable(storedClip), full: z.nullable(storedClip) })),
  /** Absent: the same URL as the trending (else full) clip's preview. */
  previewUrl: z.optional(z.nullable(storedUrl)),
  album: z.optional(z.string()),
  durationSec: z.optional(z.number().check(z.nonnegative())),
  rank: z.optional(z.int().check(z.positive())),
  userCount: z.optional(z.number().check(z.nonnegative())),
  prevUserCount: z.optional(z.number().check(z.nonnegative())),
  language: z.optional(z.string()),
  /** `[firstDate, ranks]` for consecutive days, else the points; absent when empty. */
  history: z.optional(z.union([z.tuple([z.string(), z.array(rankSchema)]), z.array(rankPointSchema)])),
});
export type StoredTrack = z.infer<typeof storedTrackSchema>;

export function compactTrack(track: Track): StoredTrack {
  const {
    provider,
    idKind,
    previewExpiresAt,
    rankHistory,
    previewUrl,
    album,
    durationSec,
    rank,
    userCount,
    previousUserCount,
    language,
    ...rest
  } = track;
  const stored: StoredTrack = { ...rest };
  if (previewUrl === null || previewUrl !== clipPreview(track)) stored.previewUrl = previewUrl;
  if (album !== null) stored.album = album;
  if (durationSec !== null) stored.durationSec = durationSec;
  if (rank !== null) stored.rank = rank;
  if (userCount !== null) stored.userCount = userCount;
  if (previousUserCount != null) stored.prevUserCount = previousUserCount;
  if (language !== null) stored.language = language;
  const history = compactHistory(rankHistory);
  if (history) stored.history = history;
  return stored;
}

/**
 * Normalization stored URLs in the form `usableMediaUrl` gives, so a structural check is enough here
 * (reading 4,200 tracks, a full URL parse of each took most of the read time). A URL it refuses
 * (stored by an older release, or damaged) becomes null.
 */
function readUrl(value: string | null): string | null {
  return value !== null && isStoredMediaUrl(value) ? value : null;
}
function readClip(clip: StoredClip | null): Clip | null {
  return clip === null || clip.previewUrl === readUrl(clip.previewUrl) ? clip : { ...clip, previewUrl: null };
}
function readClips(clips: StoredTrack['clips']): Track['clips'] {
  if (clips === null) return null;
  const trending = readClip(clips.trending);
  const full = readClip(clips.full);
  // Unchanged almost always: no new objects for 4,200 tracks on every read.
  return trending === clips.trending && full === clips.full ? clips : { trending, full };
}

/**
 * The exact Track `compactTrack` was given, from what the entry knows: its provider and fetch time.
 * Built field by field, not with rest and spread: a cold read expands 4,000 tracks, and the spread
 * form took most of that read's expansion time. The fields keep the order they always had.
 */
export function expandTrack(stored: StoredTrack, provider: Provider, fetchedAt: number): Track {
  const clips = readClips(stored.clips);
  const { previewUrl, prevUserCount } = stored;
  const track: Track = {
    id: stored.id,
    title: stored.title,
    untitled: stored.untitled,
    artist: stored.artist,
    genres: stored.genres,
    cleared: stored.cleared,
    provider,
    idKind: ID_KIND_OF[provider],
    coverUrl: readUrl(stored.coverUrl),
    clips,
    previewUrl: previewUrl === undefined ? clipPreview({ clips }) : readUrl(previewUrl),
    previewExpiresAt: provider === 'bundle-social' ? fetchedAt + CML_PREVIEW_LIFETIME_MS : null,
    album: stored.album ?? null,
    durationSec: stored.durationSec ?? null,
    rank: stored.rank ?? null,
    rankHistory: expandHistory(stored.history),
    userCount: stored.userCount ?? null,
  } as Track;
  if (prevUserCount !== undefined) track.previousUserCount = prevUserCount;
  track.language = stored.language ?? null;
  return track;
}
