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
 * Any string here: one URL must never make a whole list unreadable. Each is checked
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

const TRACK_FIELDS = new Set(Object.keys(storedTrackSchema.def.shape));
const CLIP_FIELDS = new Set(Object.keys(storedClip.def.shape));
const CLIPS_FIELDS = new Set(['trending', 'full']);
const RANK_POINT_FIELDS = new Set(['date', 'rank']);
const CLIP_ID = /^\d{1,30}$/;

/** A plain object whose keys are all `fields` and none holds undefined (JSON never does). */
function onlyFields(value: unknown, fields: ReadonlySet<string>): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  for (const key in value) {
    if (!fields.has(key) || (value as Record<string, unknown>)[key] === undefined) return false;
  }
  return true;
}
const isString = (value: unknown): boolean => typeof value === 'string';
const isNullableString = (value: unknown): boolean => value === null || isString(value);
const isCount = (value: unknown): boolean =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0;
const isRank = (value: unknown): boolean => Number.isSafeInteger(value) && (value as number) > 0;
const isNullableRank = (value: unknown): boolean => value === null || isRank(value);

/** A missing field is undefined, which every check refuses: presence needs no test of its own. */
const isStoredClip = (value: unknown): boolean =>
  value === null ||
  (onlyFields(value, CLIP_FIELDS) &&
    isString(value.id) &&
    CLIP_ID.test(value.id as string) &&
    (value.durationSec === null ||
      (Number.isSafeInteger(value.durationSec) && (value.durationSec as number) >= 0)) &&
    isNullableString(value.previewUrl));

const isStoredHistory = (value: unknown): boolean =>
  Array.isArray(value) &&
  (value.length === 2 && isString(value[0]) && Array.isArray(value[1])
    ? value[1].every(isNullableRank)
    : value.every(
        (point) => onlyFields(point, RANK_POINT_FIELDS) && isString(point.date) && isNullableRank(point.rank),
      ));

const OPTIONAL_FIELDS: Record<string, (value: unknown) => boolean> = {
  previewUrl: isNullableString,
  album: isString,
  durationSec: isCount,
  rank: isRank,
  userCount: isCount,
  prevUserCount: isCount,
  language: isString,
  history: isStoredHistory,
};

/**
 * True when `storedTrackSchema` would read `value` as `value` itself: every field it holds is one
 * of the schema's and valid, and none other is there. Hand-written because a cold read of "All
 * genres" checks 4,000 tracks, and the schema took 60-75 ms of that in Node (more in a worker just
 * started); a track this refuses goes through the schema, which has the last word. The two are
 * checked against each other in tests/unit/background/stored-track-check.test.ts.
 */
export function isStoredTrack(value: unknown): value is StoredTrack {
  if (!onlyFields(value, TRACK_FIELDS)) return false;
  for (const field in OPTIONAL_FIELDS) {
    if (value[field] !== undefined && !OPTIONAL_FIELDS[field]?.(value[field])) return false;
  }
  const { clips, genres } = value;
  return (
    isString(value.id) &&
    value.id !== '' &&
    isString(value.title) &&
    typeof value.untitled === 'boolean' &&
    isString(value.artist) &&
    isNullableString(value.coverUrl) &&
    Array.isArray(genres) &&
    genres.every(isString) &&
    typeof value.cleared === 'boolean' &&
    (clips === null ||
      (onlyFields(clips, CLIPS_FIELDS) && isStoredClip(clips.trending) && isStoredClip(clips.full)))
  );
}

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
