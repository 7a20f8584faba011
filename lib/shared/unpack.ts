/**
 * The popup's half of lib/shared/wire.ts: packed tracks back into the very tracks the background
 * had. Apart from the packing so that the background, which only packs, does not carry it.
 */
import type { CatalogAnswer } from './protocol';
import { type Clip, ID_KIND_OF, PROVIDERS, type Track } from './track';
import { clipPreview, expandHistory, type PackedClip, type PackedTracks, type PackedUrl } from './wire';

export function unpackTracks({ strings, rows }: PackedTracks): Track[] {
  const text = (index: number): string => (index < 0 ? '' : (strings[index] ?? ''));
  const url = (value: PackedUrl | null): string | null =>
    value === null ? null : text(value[0]) + value[1] + text(value[2]) + value[3];
  const clip = (value: PackedClip | null): Clip | null =>
    value === null ? null : { id: value[0], durationSec: value[1], previewUrl: url(value[2]) };
  return rows.map((row) => {
    const provider = PROVIDERS[row[0]] ?? 'layers';
    const clips = row[17] && { trending: clip(row[17][0]), full: clip(row[17][1]) };
    const previous = row[14];
    const track: Track = {
      provider,
      id: row[1],
      idKind: ID_KIND_OF[provider],
      title: row[2],
      untitled: row[3] === 1,
      artist: row[4],
      album: row[5],
      durationSec: row[6],
      coverUrl: url(row[7]),
      previewUrl: row[8] === 0 ? clipPreview({ clips }) : url(row[8]),
      previewExpiresAt: row[9],
      genres: row[10].map(text),
      rank: row[11],
      rankHistory: expandHistory(row[12]),
      userCount: row[13],
      ...(previous === null ? {} : { previousUserCount: previous < 0 ? null : previous }),
      language: row[15],
      cleared: row[16] === 1,
      clips,
    };
    return track;
  });
}

/** The answer as the background had it, whether or not it came packed. */
export function unpackAnswer({ packed, ...answer }: CatalogAnswer): CatalogAnswer {
  return packed ? { ...answer, tracks: unpackTracks(JSON.parse(packed) as PackedTracks) } : answer;
}
