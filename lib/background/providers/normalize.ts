import type * as z from 'zod/mini';
import { i18n } from '#i18n';
import { type Track, trackKey } from '../../shared/track';

/**
 * What a provider can make us keep, so one broken or oversized answer cannot fill the cache. Each is far above the documented or seen sizes, so
 * only a broken or hostile answer meets them; past them an item is shortened, never refused.
 */
export const LIMITS = {
  /** Layers' catalog holds about 520 tracks. */
  layersTracks: 5000,
  /** bundle.social documents at most 100 items per trending list. */
  cmlItems: 500,
  /** Titles, artists and albums: a few dozen characters in the documented and simulated catalogs. */
  textLength: 300,
  /** A CML track lists a handful of genres; the request enum has 42 values. */
  genres: 64,
  genreLength: 64,
  /** bundle.social documents up to 30 days. */
  rankHistory: 60,
} as const;

/** `text` cut to `max` characters with an ellipsis, without splitting a surrogate pair. */
export function clipText(text: string, max: number = LIMITS.textLength): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

/**
 * Bidi embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069). One left open in a
 * title would reverse whatever Cleartune writes after it wherever the title is quoted ("— Artist" on
 * a composer page, "to favorites" in the popup). Right-to-left scripts need none of them.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/** A track's provider-written text without bidi controls, and no longer than `LIMITS.textLength`. */
function withPlainText(track: Track): Track {
  const plain = (text: string) => clipText(text.replace(BIDI_CONTROLS, ''));
  return {
    ...track,
    title: plain(track.title),
    artist: plain(track.artist),
    album: track.album === null ? null : plain(track.album),
  };
}

/** A human title for a track the provider sent without a name. */
export function fallbackTitle(artist: string): string {
  const who = artist.trim();
  return who
    ? i18n.t('background.provider.untitledBy', { artist: who })
    : i18n.t('background.provider.untitled');
}

/** Ranks arrive as strings ("1"); anything that is not a positive whole number is no rank. */
export function parseRank(value: string | number | null | undefined): number | null {
  const text = typeof value === 'number' ? String(value) : (value ?? '').trim();
  if (!/^\d{1,9}$/.test(text)) return null;
  const rank = Number(text);
  return rank > 0 ? rank : null;
}

export interface Normalized {
  tracks: Track[];
  /** Items that did not match the documented shape, or could not become a track. */
  dropped: number;
}

/** A normalized list and when it was fetched (CML preview expiry counts from then). */
export interface FetchedList extends Normalized {
  fetchedAt: number;
}

/**
 * Validates each item on its own: one bad item is counted and skipped, the rest survive. A track
 * seen twice in one answer keeps its first (higher-ranked) appearance. Items past `maxItems` are
 * counted as dropped without being read.
 */
export function normalizeItems<Item>(
  items: readonly unknown[],
  schema: z.ZodMiniType<Item>,
  toTrack: (item: Item, index: number) => Track | null,
  maxItems: number,
): Normalized {
  const tracks: Track[] = [];
  const seen = new Set<string>();
  let dropped = Math.max(0, items.length - maxItems);
  items.slice(0, maxItems).forEach((raw, index) => {
    const parsed = schema.safeParse(raw);
    const track = parsed.success ? toTrack(parsed.data, index) : null;
    if (!track) {
      dropped++;
      return;
    }
    const key = trackKey(track);
    if (seen.has(key)) return;
    seen.add(key);
    tracks.push(withPlainText(track));
  });
  return { tracks, dropped };
}
