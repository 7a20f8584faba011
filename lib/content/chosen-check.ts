/**
 * A hand-written check of the chosen-track record for the content script. The full zod schema lives
 * in `lib/track.ts`; importing it here would put zod into a bundle that must stay small on every page.
 */
import type { ChosenTrack } from '../background/schemas/track';

const PROVIDERS = new Set(['bundle-social', 'layers']);
const ID_KINDS = new Set(['cml-song-clip', 'layers-track']);
const CLIPS = new Set(['trending', 'full', null]);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The chosen track, or null when the value is absent or not a well-formed record. */
export function parseChosen(value: unknown): ChosenTrack | null {
  if (!isRecord(value)) return null;
  const { provider, id, idKind, title, artist, clip, durationSec, cleared, chosenAt } = value;
  const valid =
    PROVIDERS.has(provider as string) &&
    typeof id === 'string' &&
    id.length > 0 &&
    ID_KINDS.has(idKind as string) &&
    typeof title === 'string' &&
    typeof artist === 'string' &&
    CLIPS.has(clip as string | null) &&
    (durationSec === null || (typeof durationSec === 'number' && durationSec >= 0)) &&
    typeof cleared === 'boolean' &&
    typeof chosenAt === 'number';
  if (!valid) return null;
  return {
    provider: provider as ChosenTrack['provider'],
    id,
    idKind: idKind as ChosenTrack['idKind'],
    title,
    artist,
    clip: clip as ChosenTrack['clip'],
    durationSec: durationSec as number | null,
    cleared,
    chosenAt,
  };
}
