import type * as z from 'zod/mini';
import { type Track, trackKey } from '../../shared/track';
import { httpsUrlSchema } from '../schemas/track';

/** Only https URLs reach the popup; anything else becomes null rather than costing the track. */
export function httpsOrNull(value: string | null | undefined): string | null {
  return httpsUrlSchema.safeParse(value).success ? (value as string) : null;
}

/**
 * Bidi embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069). One left open in a
 * title would reverse whatever Cleartune writes after it wherever the title is quoted ("— Artist" on
 * a composer page, "to favorites" in the popup). Right-to-left scripts need none of them.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/** A track's provider-written text without bidi controls. */
function withPlainText(track: Track): Track {
  const plain = (text: string) => text.replace(BIDI_CONTROLS, '');
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
  return who ? `Untitled track by ${who}` : 'Untitled track';
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
 * seen twice in one answer keeps its first (higher-ranked) appearance.
 */
export function normalizeItems<Item>(
  items: readonly unknown[],
  schema: z.ZodMiniType<Item>,
  toTrack: (item: Item, index: number) => Track | null,
): Normalized {
  const tracks: Track[] = [];
  const seen = new Set<string>();
  let dropped = 0;
  items.forEach((raw, index) => {
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
