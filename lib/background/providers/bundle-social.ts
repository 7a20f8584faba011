/**
 * bundle.social: the CML trending list (`GET /api/v1/misc/tiktok/cml/trending-list`) and the team
 * list (`GET /api/v1/team/`), per docs/reference/bundle-social-openapi-subset.json.
 */
import * as z from 'zod/mini';
import type { DateRange, Genre } from '../../shared/genres';
import { usableMediaUrl } from '../../shared/media-url';
import type { Team } from '../../shared/protocol';
import { CML_PREVIEW_LIFETIME_MS } from '../../shared/time';
import type { Clip, Track } from '../../shared/track';
import { type ErrorBody, type Fetched, getJson, type HttpEnv } from './http';
import {
  type FetchedList,
  fallbackTitle,
  LIMITS,
  type Normalized,
  normalizeItems,
  parseRank,
} from './normalize';
import { providerError } from './provider-error';

export const BUNDLE_SOCIAL_BASE = 'https://api.bundle.social';

/** Ranks are documented as strings ("1"); a number is not the documented shape. */
const rankValue = z.nullable(z.string());
/** Ids exceed 2^53: only a string is accepted, so no id ever passes through a JS number. */
const songClipId = z.string().check(z.regex(/^\d{1,30}$/));

const cmlClipSchema = z.nullish(
  z.object({
    preview_url: z.nullish(z.string()),
    duration: z.nullish(z.int().check(z.nonnegative())),
    song_clip_id: songClipId,
  }),
);

export const cmlItemSchema = z.object({
  commercial_music_name: z.nullish(z.string()),
  duration: z.nullish(z.number().check(z.nonnegative())),
  thumbnail_url: z.string(),
  artist: z.string(),
  preview_url: z.nullish(z.string()),
  genres: z.nullish(z.array(z.string())),
  rank_position: rankValue,
  trending_history: z.nullish(
    z.array(
      z.object({ date: z.string().check(z.maxLength(40)), rank_position_daily: z.optional(rankValue) }),
    ),
  ),
  full_duration_song_clip: cmlClipSchema,
  trending_song_clip: cmlClipSchema,
});
export type CmlItem = z.infer<typeof cmlItemSchema>;

function toClip(clip: z.infer<typeof cmlClipSchema>): Clip | null {
  if (!clip) return null;
  return {
    id: clip.song_clip_id,
    durationSec: clip.duration ?? null,
    previewUrl: usableMediaUrl(clip.preview_url),
  };
}

/** One CML item as a Track; null when it carries no clip id at all (nothing could be posted with it). */
export function normalizeCmlItem(item: CmlItem, genre: string, fetchedAt: number): Track | null {
  const trending = toClip(item.trending_song_clip);
  const full = toClip(item.full_duration_song_clip);
  const id = trending?.id ?? full?.id;
  if (!id) return null;
  const name = item.commercial_music_name?.trim();
  // The queried genre always stays: it is the list the track was found in.
  const named = (item.genres ?? []).filter((value) => value.length <= LIMITS.genreLength);
  const genres = [...new Set([...named.slice(0, LIMITS.genres - 1), genre])];
  const rankHistory = (item.trending_history ?? [])
    .map((point) => ({ date: point.date, rank: parseRank(point.rank_position_daily) }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .slice(-LIMITS.rankHistory);
  return {
    provider: 'bundle-social',
    id,
    idKind: 'cml-song-clip',
    title: name || fallbackTitle(item.artist),
    untitled: !name,
    artist: item.artist,
    album: null,
    durationSec: item.duration ?? trending?.durationSec ?? full?.durationSec ?? null,
    coverUrl: usableMediaUrl(item.thumbnail_url),
    previewUrl: usableMediaUrl(item.preview_url) ?? trending?.previewUrl ?? full?.previewUrl ?? null,
    previewExpiresAt: fetchedAt + CML_PREVIEW_LIFETIME_MS,
    genres,
    rank: parseRank(item.rank_position),
    rankHistory,
    userCount: null,
    language: null,
    cleared: true,
    clips: { trending, full },
  };
}

/** A whole trending-list body; null when it is not the documented flat array. */
export function normalizeCmlList(body: unknown, genre: string, fetchedAt: number): Normalized | null {
  if (!Array.isArray(body)) return null;
  return normalizeItems(
    body,
    cmlItemSchema,
    (item) => normalizeCmlItem(item, genre, fetchedAt),
    LIMITS.cmlItems,
  );
}

/** bundle.social's error body: `{ statusCode?, message, issues? }`. */
export function readBundleSocialError(body: unknown): ErrorBody {
  const parsed = z
    .object({ message: z.string(), issues: z.nullish(z.array(z.object({ message: z.string() }))) })
    .safeParse(body);
  if (!parsed.success) return { requestId: null, detail: null };
  const issues = parsed.data.issues?.map((issue) => issue.message).join('; ');
  return { requestId: null, detail: issues ? `${parsed.data.message}: ${issues}` : parsed.data.message };
}

export interface CmlQuery {
  apiKey: string;
  teamId: string;
  genre: Genre;
  range: DateRange;
}

export function cmlTrendingUrl(query: Pick<CmlQuery, 'teamId' | 'genre' | 'range'>): string {
  // URLSearchParams encodes `/` and `&` in genres (`HIP_HOP%2FRAP`, `R%26B%2FSOUL`).
  const params = new URLSearchParams({ teamId: query.teamId, genre: query.genre, dateRange: query.range });
  return `${BUNDLE_SOCIAL_BASE}/api/v1/misc/tiktok/cml/trending-list?${params}`;
}

/** One try at the trending list: validated, normalized tracks, or the failure as data. */
export async function fetchCmlTrending(env: HttpEnv, query: CmlQuery): Promise<Fetched<FetchedList>> {
  const result = await getJson(env, {
    provider: 'bundle-social',
    url: cmlTrendingUrl(query),
    headers: { 'x-api-key': query.apiKey },
    readErrorBody: readBundleSocialError,
    secrets: [query.apiKey],
  });
  if (!result.ok) return result;
  const fetchedAt = env.now();
  const normalized = normalizeCmlList(result.value, query.genre, fetchedAt);
  return normalized
    ? { ok: true, value: { ...normalized, fetchedAt } }
    : { ok: false, error: providerError('bundle-social', 'invalid-response', { status: 200 }) };
}

const teamItemSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(200)),
  name: z.string().check(z.maxLength(200)),
});
const teamListSchema = z.object({ items: z.array(z.unknown()), total: z.nullish(z.number()) });
const TEAM_PAGE_SIZE = 100;
const MAX_TEAM_PAGES = 5;

/** Every team the key can see (paged), so the options page can offer a picker instead of a text box. */
export async function fetchTeams(env: HttpEnv, apiKey: string): Promise<Fetched<Team[]>> {
  const teams: Team[] = [];
  for (let page = 0; page < MAX_TEAM_PAGES; page++) {
    const params = new URLSearchParams({
      offset: String(page * TEAM_PAGE_SIZE),
      limit: String(TEAM_PAGE_SIZE),
    });
    const result = await getJson(env, {
      provider: 'bundle-social',
      url: `${BUNDLE_SOCIAL_BASE}/api/v1/team/?${params}`,
      headers: { 'x-api-key': apiKey },
      readErrorBody: readBundleSocialError,
      secrets: [apiKey],
    });
    if (!result.ok) return result;
    const list = teamListSchema.safeParse(result.value);
    if (!list.success) {
      return { ok: false, error: providerError('bundle-social', 'invalid-response', { status: 200 }) };
    }
    for (const item of list.data.items) {
      const team = teamItemSchema.safeParse(item);
      if (team.success && !teams.some((t) => t.id === team.data.id)) teams.push(team.data);
    }
    const total = list.data.total ?? 0;
    if (list.data.items.length < TEAM_PAGE_SIZE || (page + 1) * TEAM_PAGE_SIZE >= total) break;
  }
  return { ok: true, value: teams };
}
