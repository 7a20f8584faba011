/** Layers: the TikTok music catalog (`GET https://api.layers.com/v1/tiktok-music`), per docs/reference/seed-layers-tiktok-music.md. */
import * as z from 'zod/mini';
import { usableMediaUrl } from '../../shared/media-url';
import type { Track } from '../../shared/track';
import { type ErrorBody, type Fetched, getJson, type HttpEnv } from './http';
import { type FetchedList, fallbackTitle, LIMITS, type Normalized, normalizeItems } from './normalize';
import { providerError } from './provider-error';

export const LAYERS_BASE = 'https://api.layers.com';
export const LAYERS_MUSIC_URL = `${LAYERS_BASE}/v1/tiktok-music`;

const uuid = z.string().check(z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i));

/**
 * Every documented field must be present with its type (a missing one means the item is not what
 * the docs describe, so it is dropped); null is tolerated where a track stays usable without it.
 */
export const layersTrackSchema = z.object({
  id: uuid,
  title: z.string(),
  author: z.string(),
  // "Often empty for user-uploaded tracks": absent is as good as empty.
  album: z.nullish(z.string()),
  duration: z.nullable(z.number().check(z.nonnegative())),
  previewUrl: z.nullable(z.string()),
  coverUrl: z.nullable(z.string()),
  language: z.nullable(z.string().check(z.maxLength(35))),
  userCount: z.nullable(z.number().check(z.nonnegative())),
  /** Clearance is the product's promise: a track that does not say is not guessed at. */
  isCommerceMusic: z.boolean(),
});
export type LayersTrack = z.infer<typeof layersTrackSchema>;

const layersListSchema = z.object({ tracks: z.array(z.unknown()), total: z.nullish(z.number()) });

/** One Layers track as a Track; its list position is its popularity rank (the list is sorted by use). */
export function normalizeLayersTrack(item: LayersTrack, index: number): Track {
  const title = item.title.trim();
  return {
    provider: 'layers',
    id: item.id,
    idKind: 'layers-track',
    title: title || fallbackTitle(item.author),
    untitled: !title,
    artist: item.author,
    album: item.album?.trim() || null,
    durationSec: item.duration ?? null,
    coverUrl: usableMediaUrl(item.coverUrl),
    previewUrl: usableMediaUrl(item.previewUrl),
    // Layers serves permanent preview URLs.
    previewExpiresAt: null,
    genres: [],
    rank: index + 1,
    rankHistory: [],
    userCount: item.userCount ?? null,
    language: item.language?.trim() || null,
    cleared: item.isCommerceMusic,
    clips: null,
  };
}

/** A whole `{ tracks, total }` body; null when it is not that shape. */
export function normalizeLayersList(body: unknown): Normalized | null {
  const list = layersListSchema.safeParse(body);
  if (!list.success) return null;
  return normalizeItems(list.data.tracks, layersTrackSchema, normalizeLayersTrack, LIMITS.layersTracks);
}

/** Layers' error envelope: `{ error: { code, message, requestId, details } }`. */
export function readLayersError(body: unknown): ErrorBody {
  const parsed = z
    .object({
      error: z.object({
        code: z.nullish(z.string()),
        message: z.nullish(z.string()),
        requestId: z.nullish(z.string().check(z.maxLength(200))),
      }),
    })
    .safeParse(body);
  if (!parsed.success) return { requestId: null, detail: null };
  const { code, message, requestId } = parsed.data.error;
  const detail = [code, message].filter(Boolean).join(': ');
  return { requestId: requestId ?? null, detail: detail || null };
}

/** One try at the catalog: validated, normalized tracks, or the failure as data. */
export async function fetchLayersMusic(env: HttpEnv, apiKey: string): Promise<Fetched<FetchedList>> {
  const result = await getJson(env, {
    provider: 'layers',
    url: LAYERS_MUSIC_URL,
    headers: { authorization: `Bearer ${apiKey}` },
    readErrorBody: readLayersError,
    secrets: [apiKey],
  });
  if (!result.ok) return result;
  const normalized = normalizeLayersList(result.value);
  return normalized
    ? { ok: true, value: { ...normalized, fetchedAt: env.now() } }
    : { ok: false, error: providerError('layers', 'invalid-response', { status: 200 }) };
}
